import { distributionSchema } from './_internals/distributionSchema.js';
import { strategySchema } from './_internals/strategySchema.js';
import { resourceCostProperties, scenarioCostProperties, tokenPricesSchema, tokenUseSchema } from './_internals/costSchema.js';

/** Pattern of every id (agents, tasks, gates, risks, strategies). */
export const ID_PATTERN = '^[A-Za-z0-9_-]+$';

const id = (description: string) => ({ description, type: 'string', pattern: ID_PATTERN }) as const;
const ids = (description: string) =>
  ({ description, type: 'array', uniqueItems: true, items: { type: 'string', pattern: ID_PATTERN } }) as const;
const dist = (description: string) => ({ $ref: '#/definitions/distribution', description }) as const;
const probability = (description: string) => ({ description, type: 'number', minimum: 0, maximum: 1 }) as const;

/**
 * The JSON Schema (draft-07) of a scenario document (`Scenario` in Scenario.ts), published
 * as `docs/scenario.schema.json` for editors. Cross-references (ids, cycles, skills) are
 * checked by `validateScenario`, not here.
 */
export const scenarioSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'coordsim scenario',
  description: 'Agents, their tasks, quality gates, risks and coordination strategies. See docs/scenario-format.md.',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'time_unit', 'agents', 'tasks'],
  properties: {
    $schema: { description: 'Ignored: lets JSON editors find this schema.', type: 'string' },
    name: { description: 'Title of the scenario, shown in reports.', type: 'string', minLength: 1 },
    description: { description: 'Free text shown in reports.', type: 'string' },
    time_unit: { description: 'Unit of every duration, period and deadline.', enum: ['hour', 'day', 'week'] },
    units_per_week: {
      description: 'Working time units per calendar week, for weekly views in reports (default: 40 hours, 5 days, 1 week).',
      type: 'number',
      exclusiveMinimum: 0,
    },
    deadline: { description: 'The date the plan promises, in time units from the start (>= 0).', type: 'number', minimum: 0 },
    agents: {
      description: 'The agents (AI agents or people) that do the work.',
      type: 'array',
      minItems: 1,
      items: { $ref: '#/definitions/agent' },
    },
    orchestrator: {
      description: 'The coordinator of hub and hierarchy topologies (default id `orchestrator`, capacity 1).',
      type: 'object',
      additionalProperties: false,
      properties: {
        id: id('Its id (default `orchestrator`); must differ from every agent id. Gates may name it as reviewer.'),
        role: { description: 'Shown in reports (default `Orchestrator`).', type: 'string' },
        capacity: { description: 'Handoffs, escalations and reviews it handles at once (default 1).', type: 'integer', minimum: 1 },
        ...resourceCostProperties,
      },
    },
    tasks: {
      description: 'The work: each task is done by one agent, after its dependencies.',
      type: 'array',
      minItems: 1,
      items: { $ref: '#/definitions/task' },
    },
    gates: { description: 'Quality gates: reviews whose outcomes may demand remediation or rework.', type: 'array', items: { $ref: '#/definitions/gate' } },
    risks: { description: 'Risk register: events that may delay a task or add work to it.', type: 'array', items: { $ref: '#/definitions/risk' } },
    correlations: {
      description: 'Groups of tasks whose durations are rank-correlated (used by Monte Carlo).',
      type: 'array',
      items: { $ref: '#/definitions/correlation' },
    },
    strategy: id('The default strategy: a key of `strategies`, or `ideal` / `sequential` (default: the first of `strategies`).'),
    strategies: {
      description: 'Named coordination strategies, compared by `coordsim compare`.',
      type: 'object',
      propertyNames: { pattern: ID_PATTERN },
      additionalProperties: { $ref: '#/definitions/strategy' },
    },
    ...scenarioCostProperties,
  },
  definitions: {
    distribution: distributionSchema,
    strategy: strategySchema,
    tokens: tokenUseSchema,
    token_prices: tokenPricesSchema,
    agent: {
      description: 'An agent: an AI agent or a person.',
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: {
        id: id('Unique among agents (and distinct from the orchestrator id).'),
        role: { description: 'Shown in reports (default: the id).', type: 'string' },
        skills: {
          description: 'Skills that make it eligible for tasks assigned by `skill`.',
          type: 'array',
          uniqueItems: true,
          items: { type: 'string', minLength: 1 },
        },
        capacity: { description: 'Tasks it can work on at once (default 1).', type: 'integer', minimum: 1 },
        team: { description: 'Team name, for the hierarchy topology.', type: 'string', minLength: 1 },
        ...resourceCostProperties,
      },
    },
    task: {
      description: 'A unit of work for one agent: set exactly one of `agent` and `skill`.',
      type: 'object',
      additionalProperties: false,
      required: ['id', 'duration'],
      properties: {
        id: id('Unique among tasks, gates and risks.'),
        name: { description: 'Shown in reports (default: the id).', type: 'string' },
        description: { description: 'Free text.', type: 'string' },
        agent: id('Fixed assignment: the id of the agent that does it.'),
        skill: { description: 'Any agent with this skill does it (the first free one in file order).', type: 'string', minLength: 1 },
        duration: dist('Work time of the task.'),
        after: ids('Finish-to-start dependencies: task ids or gate ids.'),
        priority: { description: 'Higher starts first when several tasks are ready (default 0).', type: 'number' },
        cost: dist('A fixed cost of the task (bought services, licences), in `currency`: a number or a distribution, sampled once per run.'),
      },
    },
    gate: {
      description: 'A quality gate: a review once the tasks it follows are done, then an outcome per assessed task.',
      type: 'object',
      additionalProperties: false,
      required: ['id', 'after'],
      properties: {
        id: id('Unique among tasks, gates and risks; tasks may list it in `after`.'),
        name: { description: 'Shown in reports (default: the id).', type: 'string' },
        after: { ...ids('Tasks (or gates) that must be done before the review starts.'), minItems: 1 },
        assesses: ids('Tasks whose work is assessed (default: the tasks in `after`); each must come before the gate.'),
        reviewer: id('An agent id or the orchestrator id (default: the orchestrator when the topology has one, else the agent of the first assessed task).'),
        review: dist('Review duration: coordination time of the reviewer (default 0).'),
        outcomes: {
          description: 'Per assessed task, the probability of each outcome; they sum to 1. An omitted `pass` is 1 - remediate - fail (default: pass 1).',
          type: 'object',
          additionalProperties: false,
          properties: {
            pass: probability('Accepted as is.'),
            remediate: probability('Extra work of sampled effort for the task\'s agent (needs `remediation`).'),
            fail: probability('The task is redone (see `rework`) and the gate reviews again.'),
          },
        },
        remediation: {
          description: 'What a `remediate` outcome costs.',
          type: 'object',
          additionalProperties: false,
          required: ['effort'],
          properties: {
            effort: dist('Extra work of the assessed task\'s agent.'),
            blocking: { description: 'When false, successors go on while the remediation runs in parallel (default true).', type: 'boolean' },
          },
        },
        rework: {
          description: 'What a `fail` outcome costs.',
          type: 'object',
          additionalProperties: false,
          properties: {
            fraction: dist('Share of the task\'s sampled duration that is redone, at most 1 (default 1: wholly).'),
          },
        },
        max_rounds: {
          description: 'Bound on review rounds; a task still failing at the last round is accepted (default 3).',
          type: 'integer',
          minimum: 1,
        },
      },
    },
    risk: {
      description: 'An event that may happen to a task: it adds a delay, extra work, or both.',
      type: 'object',
      additionalProperties: false,
      required: ['id', 'task', 'probability'],
      properties: {
        id: id('Unique among tasks, gates and risks.'),
        description: { description: 'Free text shown in reports.', type: 'string' },
        task: id('The task it may happen to.'),
        probability: probability('Chance that it happens in a run, in [0, 1].'),
        delay: dist('Elapsed delay: the task\'s agent is held, waiting, for this long (not work).'),
        work: dist('Extra work added to the task.'),
        cost: dist('A cost added when the risk occurs (penalty, emergency purchase), in `currency`: a number or a distribution.'),
      },
    },
    correlation: {
      description: 'Tasks whose durations move together (pairwise rank correlation rho).',
      type: 'object',
      additionalProperties: false,
      required: ['tasks', 'rho'],
      properties: {
        tasks: { ...ids('At least two task ids.'), minItems: 2 },
        rho: { description: 'Pairwise rank correlation, in (-1, 1).', type: 'number', exclusiveMinimum: -1, exclusiveMaximum: 1 },
      },
    },
  },
} as const;
