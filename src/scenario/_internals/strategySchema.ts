import { PRESET_NAMES } from '../presets.js';

/** JSON Schema of a dispatch rule or pinned start order (docs/scenario-format.md, "Joint work and units"). */
export const dispatchSchema = {
  description:
    'Order in which ready tasks are offered resources, after priority: file-order (default), lft (latest finish time first), ' +
    'mts (most total successors), grpw (greatest rank positional weight), spt (shortest processing time); ' +
    'or {order: [task ids]}: a pinned start order (listed tasks start in that order).',
  type: ['string', 'object'],
  pattern: '^(file-order|lft|mts|grpw|spt)$',
  additionalProperties: false,
  required: ['order'],
  properties: {
    order: { description: 'Task ids in the order they start (a plan).', type: 'array', uniqueItems: true, items: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' } },
  },
} as const;

/** JSON Schema of a pool's agent choice. */
export const pickSchema = {
  description: 'How a skill pool chooses among its free agents: first (file order, default) or least-busy (least work done so far; ties in file order).',
  enum: ['first', 'least-busy'],
} as const;

/** JSON Schema of one coordination strategy (docs/semantics.md §5, §9; `StrategySpec` in Scenario.ts). */
export const strategySchema = {
  description: 'A coordination strategy: a topology plus optional mechanisms, each adding coordination cost.',
  type: 'object',
  additionalProperties: false,
  // `topology` is required unless a `preset` gives it: checked by `expandPresets` (a schema
  // conditional would need a `required` that Ajv's strict mode refuses in a subschema).
  properties: {
    preset: {
      description:
        'A strategy preset for AI-agent teams (docs/presets.md): supervisor, swarm or pipeline. It sets the topology and ' +
        'the mechanisms, with times scaled to the mean task duration; every key written beside it overrides its value.',
      enum: PRESET_NAMES,
    },
    description: { description: 'Free text shown in reports.', type: 'string' },
    topology: {
      description:
        'Required unless `preset` gives it. ' +
        'hub: an orchestrator pays every cross-agent handoff and escalation (queueing at its capacity); ' +
        'mesh: receivers pay handoffs, status cost grows with n - 1 peers; ' +
        'hierarchy: within-team handoffs go through the team lead, cross-team ones through the orchestrator; ' +
        'ideal / sequential: the built-in baselines, with no coordination cost (mechanisms are ignored).',
      enum: ['hub', 'mesh', 'hierarchy', 'ideal', 'sequential'],
    },
    orchestrator_capacity: {
      description: 'Orchestrator capacity under this strategy (overrides orchestrator.capacity).',
      type: 'integer',
      minimum: 1,
    },
    leads: {
      description: 'Team leads for the hierarchy topology: team name -> agent id (default: the first agent of each team in file order).',
      type: 'object',
      additionalProperties: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' },
    },
    handoff: {
      description: 'When a task depends on another agent\'s task, the successor becomes ready only after a handoff.',
      type: 'object',
      additionalProperties: false,
      required: ['effort'],
      properties: {
        effort: {
          $ref: '#/definitions/distribution',
          description: 'Effort of one cross-agent handoff (paid by the orchestrator in a hub, the receiver in a mesh, the lead or orchestrator in a hierarchy).',
        },
        batched: {
          description: 'When true, handoffs wait for the next checkpoint (batched sync); needs `checkpoint`. Default false.',
          type: 'boolean',
        },
      },
    },
    status: {
      description: 'Periodic status updates by every engaged agent (started and not done with all its work).',
      type: 'object',
      additionalProperties: false,
      required: ['every', 'effort'],
      properties: {
        every: { description: 'Period of status updates (> 0).', type: 'number', exclusiveMinimum: 0 },
        effort: { $ref: '#/definitions/distribution', description: 'Effort of one update by one agent.' },
        per_peer: {
          $ref: '#/definitions/distribution',
          description: 'Extra effort per peer (n - 1 peers): the cost of a mesh\'s all-to-all status traffic.',
        },
      },
    },
    checkpoint: {
      description: 'Periodic synchronisation meetings that interrupt every engaged attendee and extend its running tasks.',
      type: 'object',
      additionalProperties: false,
      required: ['every', 'duration'],
      properties: {
        every: { description: 'Period of the meeting (> 0).', type: 'number', exclusiveMinimum: 0 },
        offset: { description: 'Time of the first meeting (default: `every`).', type: 'number', minimum: 0 },
        duration: { $ref: '#/definitions/distribution', description: 'Length of the meeting.' },
        orchestrator: {
          description: 'Whether the orchestrator attends (default: true when the topology has one).',
          type: 'boolean',
        },
      },
    },
    escalation: {
      description: 'A handoff raises a conflict with some probability; it is resolved after a sampled delay.',
      type: 'object',
      additionalProperties: false,
      required: ['probability', 'delay'],
      properties: {
        probability: { description: 'Probability that a handoff raises a conflict, in [0, 1].', type: 'number', minimum: 0, maximum: 1 },
        delay: { $ref: '#/definitions/distribution', description: 'Elapsed time until the conflict is resolved.' },
        effort: {
          $ref: '#/definitions/distribution',
          description: 'Coordination effort of whoever resolves it (the orchestrator in a hub, else the receiver). Default 0.',
        },
      },
    },
    dispatch: { ...dispatchSchema, description: 'Overrides the scenario dispatch rule under this strategy. ' + dispatchSchema.description },
    pick: { ...pickSchema, description: 'Overrides the scenario pool agent choice under this strategy.' },
    tokens: {
      description: 'Scales the token use of every agent and of the orchestrator under this strategy.',
      type: 'object',
      additionalProperties: false,
      required: ['factor'],
      properties: {
        factor: {
          description: 'Multiplies all token use, of work and of coordination acts (0 to 1000, default 1).',
          type: 'number',
          minimum: 0,
          maximum: 1000,
        },
      },
    },
    gate_failure: {
      description: "Scales every gate's chances of remediation and rework under this strategy.",
      type: 'object',
      additionalProperties: false,
      required: ['factor'],
      properties: {
        factor: {
          description: 'Multiplies each gate\'s remediate and fail probabilities (pass takes the rest; if the two exceed 1 together they are scaled to sum to 1). 0 to 1000, default 1.',
          type: 'number',
          minimum: 0,
          maximum: 1000,
        },
      },
    },
    remediation: {
      description: 'Overrides remediation blocking for every gate under this strategy.',
      type: 'object',
      additionalProperties: false,
      properties: {
        blocking: { description: 'true: successors wait for remediations; false: they run in parallel.', type: 'boolean' },
      },
    },
  },
} as const;
