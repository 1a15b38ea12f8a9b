/**
 * JSON Schema pieces of the cost keys (docs/scenario-format.md, "Cost and tokens"; `CostSpec.ts`):
 * rates, fixed costs, token use and token prices. Cross-checks (tokens without prices) are in
 * `checkCosts`.
 */
const nonNegative = (description: string) => ({ description, type: 'number', minimum: 0 }) as const;

/** `{input, output}` prices per million tokens. */
export const tokenPricesSchema = {
  description: 'Token prices, in `currency` per million tokens (e.g. a model\'s list prices).',
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    input: nonNegative('Price of a million input (prompt) tokens (default 0).'),
    output: nonNegative('Price of a million output (completion) tokens (default 0).'),
  },
} as const;

const tokenRate = (description: string) =>
  ({
    description,
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      input: nonNegative('Input tokens per time unit (default 0).'),
      output: nonNegative('Output tokens per time unit (default 0).'),
    },
  }) as const;

const tokenAct = (description: string) =>
  ({
    description,
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      input: nonNegative('Input tokens per time unit spent in it (default 0).'),
      output: nonNegative('Output tokens per time unit spent in it (default 0).'),
      input_per_act: nonNegative('Input tokens per act, whatever its length (default 0).'),
      output_per_act: nonNegative('Output tokens per act (default 0).'),
    },
  }) as const;

/** Token use of an agent or the orchestrator, by activity. */
export const tokenUseSchema = {
  description: 'Tokens this agent reads (input) and writes (output), by activity: per time unit and, for coordination, per act.',
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    work: tokenRate('Per time unit of work (tasks, rework, remediation).'),
    handoff: tokenAct('Handoffs it pays; an act is one handoff.'),
    status: tokenAct('Status updates it gives; an act is one update.'),
    checkpoint: tokenAct('Checkpoint meetings it attends; an act is one attendance.'),
    review: tokenAct('Gate reviews it does; an act is one review round.'),
    escalation: tokenAct('Escalations it resolves; an act is one escalation.'),
  },
} as const;

/** The cost keys an agent and the orchestrator share. */
export const resourceCostProperties = {
  rate: nonNegative('Cost per time unit busy (work + coordination + held by risk delays), per slot, in `currency` (default 0).'),
  tokens: { $ref: '#/definitions/tokens', description: 'Tokens this agent reads and writes (for AI agents), by activity: per time unit and, for coordination, per act.' },
  token_prices: { $ref: '#/definitions/token_prices', description: 'This agent\'s model prices (per million tokens), overriding the scenario\'s `token_prices`.' },
} as const;

/** Top-level cost keys. */
export const scenarioCostProperties = {
  currency: { description: 'Currency of every cost, shown in reports (a short label such as `EUR` or `USD`).', type: 'string', minLength: 1, maxLength: 24 },
  budget: nonNegative('The promised cost of the plan, in `currency` (>= 0). Monte Carlo reports the probability of meeting it, and with a deadline the joint probability.'),
  token_prices: { $ref: '#/definitions/token_prices', description: 'Default token prices of every agent and the orchestrator, in `currency` per million tokens.' },
} as const;
