import { distributionSchema } from './_internals/distributionSchema.js';
import { dispatchSchema, pickSchema, strategySchema } from './_internals/strategySchema.js';
import { resourceCostProperties, scenarioCostProperties, tokenPricesSchema, tokenUseSchema } from './_internals/costSchema.js';

/** Pattern of every id (agents, tasks, gates, risks, strategies). */
export const ID_PATTERN = '^[A-Za-z0-9_-]+$';

const id = (description: string) => ({ description, type: 'string', pattern: ID_PATTERN }) as const;
const ids = (description: string) =>
  ({ description, type: 'array', uniqueItems: true, items: { type: 'string', pattern: ID_PATTERN } }) as const;
const dist = (description: string) => ({ $ref: '#/definitions/distribution', description }) as const;
const probability = (description: string) => ({ description, type: 'number', minimum: 0, maximum: 1 }) as const;
/** An ISO date (`2027-01-04`) or date-time (`2027-01-04T13:30`). */
export const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?)?$';
const date = (description: string) => ({ description, type: 'string', pattern: DATE_PATTERN }) as const;
const timeOrDate = (description: string) => ({ description, type: ['number', 'string'], minimum: 0, pattern: DATE_PATTERN }) as const;

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
    time_unit: { description: 'Unit of every duration, period and deadline.', enum: ['minute', 'hour', 'day', 'week'] },
    start: date('Time 0 is the first working moment of this day (project calendar); outputs then give dates too.'),
    calendars: {
      description: 'Named working calendars: days, hours, holidays, exceptions (docs/calendars.md).',
      type: 'object',
      propertyNames: { pattern: ID_PATTERN },
      additionalProperties: { type: 'object' },
    },
    calendar: id('The project calendar (a key of `calendars`): lags and tasks without an agent follow it (default: every day works).'),
    status_date: date('Progress date: what is done is fixed, unfinished work is forecast from here.'),
    progress: {
      description: 'Per task id: actual_start, actual_finish, remaining.',
      type: 'object',
      propertyNames: { pattern: ID_PATTERN },
      additionalProperties: { $ref: '#/definitions/progress' },
    },
    units_per_week: {
      description: 'Working time units per calendar week, for weekly views in reports (default: 40 hours, 5 days, 1 week).',
      type: 'number',
      exclusiveMinimum: 0,
    },
    deadline: timeOrDate('The date the plan promises: time units from the start (>= 0), or an ISO date.'),
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
    branches: { description: 'Probabilistic and conditional branches after a task or gate: one path taken, the tasks of the others skipped.', type: 'array', items: { $ref: '#/definitions/branch' } },
    existence_risks: { description: 'Risks that add a whole task when they occur.', type: 'array', items: { $ref: '#/definitions/existenceRisk' } },
    risk_drivers: { description: 'Risk drivers: one cause that multiplies the durations of several tasks by a sampled factor when it occurs.', type: 'array', items: { $ref: '#/definitions/riskDriver' } },
    strategy: id('The default strategy: a key of `strategies`, or `ideal` / `sequential` (default: the first of `strategies`).'),
    dispatch: { $ref: '#/definitions/dispatch', description: 'Order in which ready tasks are offered agents (after priority): file-order (default), lft, mts, grpw, spt, or {order: [task ids]}.' },
    pick: { $ref: '#/definitions/pick', description: 'How a skill pool chooses among its free agents: first (default) or least-busy.' },
    strategies: {
      description: 'Named coordination strategies, compared by `coordsim compare`.',
      type: 'object',
      propertyNames: { pattern: ID_PATTERN },
      additionalProperties: { $ref: '#/definitions/strategy' },
    },
    ...scenarioCostProperties,
  },
  definitions: {
    dispatch: dispatchSchema,
    pick: pickSchema,
    need: {
      description: 'One demand: units (default 1) of a named agent, or of the agents with a skill (each gives what it has free, in pick order).',
      type: 'object',
      additionalProperties: false,
      properties: {
        agent: id('That agent.'),
        skill: { description: 'Agents with this skill (a pool).', type: 'string', minLength: 1 },
        units: { description: 'Units held for the whole task (default 1).', type: 'number', exclusiveMinimum: 0 },
      },
    },
    progress: {
      description: 'Progress of a task at the status date.',
      type: 'object',
      additionalProperties: false,
      properties: {
        actual_start: timeOrDate('When it started (ISO date or time units).'),
        actual_finish: timeOrDate('When it finished (ISO date or time units).'),
        remaining: { $ref: '#/definitions/distribution', description: 'Work left at the status date, for a started task.' },
      },
    },
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
        name: { description: 'Its name in the plan it was imported from.', type: 'string' },
        source_id: { description: 'Its identifier in the plan it was imported from.', type: 'string' },
        role: { description: 'Shown in reports (default: the id).', type: 'string' },
        skills: {
          description: 'Skills that make it eligible for tasks assigned by `skill`.',
          type: 'array',
          uniqueItems: true,
          items: { type: 'string', minLength: 1 },
        },
        capacity: { description: 'Units of work it gives at once (default 1): tasks of one unit it works on at once, fractional allowed (0.5: half-time); `unlimited` never limits work.', type: ['number', 'string'], exclusiveMinimum: 0, pattern: '^unlimited$' },
        calendar: id('Its working calendar (a key of `calendars`; default: the project calendar).'),
        off: {
          description: 'Days off on top of its calendar: dates, {from, to}, {from} (leaves), {to} (joins late).',
          type: 'array',
          items: { type: ['string', 'object'], pattern: DATE_PATTERN, additionalProperties: false, properties: { from: date('First day off.'), to: date('Last day off.') } },
        },
        team: { description: 'Team name, for the hierarchy topology.', type: 'string', minLength: 1 },
        ...resourceCostProperties,
      },
    },
    task: {
      description: 'A unit of work: set at most one of `agent` and `skill` (neither: elapsed time only, e.g. a delivery).',
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: {
        id: id('Unique among tasks, gates and risks.'),
        name: { description: 'Shown in reports (default: the id).', type: 'string' },
        source_id: { description: 'Its identifier in the plan it was imported from; results are keyed by it too.', type: 'string' },
        wbs: { description: "Where it sits in the plan's work breakdown, as a readable path.", type: 'string' },
        description: { description: 'Free text.', type: 'string' },
        agent: id('Fixed assignment: the id of the agent that does it.'),
        skill: { description: 'Any agent with this skill does it (the first free one in file order).', type: 'string', minLength: 1 },
        agents: { ...ids('A joint task: all of these agents, together, for the whole task.'), minItems: 1 },
        needs: {
          description: 'Resource demands held together for the whole task: [{agent, units}] or [{skill, units}] (units default 1).',
          type: 'array',
          minItems: 1,
          items: { $ref: '#/definitions/need' },
        },
        units: { description: 'Units of each agent named by agent, agents or skill (default 1; 0.5: half of a capacity-1 agent).', type: 'number', exclusiveMinimum: 0 },
        duration: dist('Work time of the task (required unless a milestone).'),
        after: {
          description: 'Dependencies: task or gate ids (finish-to-start), or {task, type: FS|SS|FF|SF, lag}.',
          type: 'array',
          items: {
            type: ['string', 'object'],
            pattern: ID_PATTERN,
            additionalProperties: false,
            required: ['task'],
            properties: {
              task: id('The task (or gate) this one depends on.'),
              type: { description: 'FS (default), SS, FF or SF.', enum: ['FS', 'SS', 'FF', 'SF'] },
              lag: { description: 'Working time of the project calendar added to the link (negative: a lead).', type: 'number' },
            },
          },
        },
        milestone: { description: 'Zero duration, no agent, no handoff cost, never waits for an agent.', type: 'boolean' },
        calendar: id('Its own calendar, for a task without an agent (default: the project calendar).'),
        not_before: timeOrDate('Start no earlier than this (time units from the start, or an ISO date).'),
        deadline: timeOrDate("The task's own promised finish (time units from the start, or an ISO date)."),
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
    branch: {
      description: 'A branch point: when the task or gate `after` finishes, one of `paths` is taken and the tasks of the other paths are skipped.',
      type: 'object',
      additionalProperties: false,
      required: ['id', 'after', 'paths'],
      properties: {
        id: id('Unique among tasks, gates, risks and branches.'),
        description: { description: 'Free text shown in reports.', type: 'string' },
        after: id('The branch point: a task or gate id.'),
        paths: {
          description: 'Every path with a probability (summing to 1), or every path but the last with a `when` (the first that holds is taken; a last path without one is the otherwise).',
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            properties: {
              name: { description: 'Shown in outputs (default path-<n>).', type: 'string', minLength: 1 },
              probability: probability('Chance of this path (probabilistic branch).'),
              when: {
                description: 'Condition of this path, evaluated when the branch point finishes; every key given must hold.',
                type: 'object',
                additionalProperties: false,
                properties: {
                  finish_after: timeOrDate('The branch point finishes after this time (time units, or an ISO date: the end of that day).'),
                  gate_outcome: { description: 'Outcome of a gate branch point.', enum: ['passed', 'remediated', 'reworked', 'failed', 'exhausted'] },
                },
              },
              tasks: ids('Tasks that run only when this path is taken (downstream of the branch point).'),
            },
          },
        },
      },
    },
    existenceRisk: {
      description: 'A risk that adds a task (its id is the risk id) when it occurs.',
      type: 'object',
      additionalProperties: false,
      required: ['id', 'probability', 'duration'],
      properties: {
        id: id('Unique among tasks, gates, risks and branches; the id of the added task.'),
        name: { description: 'Name of the added task (default: the id).', type: 'string' },
        description: { description: 'Free text shown in reports.', type: 'string' },
        probability: probability('Chance that it occurs in a run, in [0, 1].'),
        agent: id('The agent that does the added task.'),
        skill: { description: 'Any agent with this skill does the added task.', type: 'string', minLength: 1 },
        duration: dist('Work time of the added task.'),
        after: ids('Tasks or gates the added task waits for.'),
        before: ids('Tasks or gates that wait for the added task.'),
        priority: { description: 'Dispatch priority of the added task (default 0).', type: 'number' },
      },
    },
    riskDriver: {
      description: 'A risk driver: when it occurs, the durations of `tasks` are multiplied by one sampled `factor`.',
      type: 'object',
      additionalProperties: false,
      required: ['id', 'probability', 'factor', 'tasks'],
      properties: {
        id: id('Unique among tasks, gates, risks and branches.'),
        description: { description: 'Free text shown in reports.', type: 'string' },
        probability: probability('Chance that it occurs in a run, in [0, 1].'),
        factor: dist('Multiplier of the durations, sampled once per run.'),
        tasks: { ...ids('Tasks whose durations it multiplies.'), minItems: 1 },
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
