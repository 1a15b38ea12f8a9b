import { CoordsimError } from '../scenario/CoordsimError.js';

/** A distribution family name as written in scenarios, plus `constant` for a plain number. */
export type FamilyName = 'constant' | 'uniform' | 'triangular' | 'pert' | 'lognormal' | 'normal' | 'discrete';

/** Every family `distributionArbitrary` can generate. */
export const FAMILY_NAMES: readonly FamilyName[] = ['constant', 'uniform', 'triangular', 'pert', 'lognormal', 'normal', 'discrete'];

/** Topologies of user-defined strategies the generator may pick. */
export type GeneratedTopology = 'hub' | 'mesh' | 'hierarchy';

/** Size and content limits of `scenarioArbitrary` (fast-check style: every field optional). */
export interface ScenarioConstraints {
  /** Fewest agents (default 1). */
  minAgents?: number;
  /** Most agents (default 4). */
  maxAgents?: number;
  /** Largest agent capacity (default 2). */
  maxCapacity?: number;
  /** Fewest tasks (default 1). */
  minTasks?: number;
  /** Most tasks (default 8). */
  maxTasks?: number;
  /** Most `after` entries a task draws (default 3; duplicates are merged). */
  maxPredecessors?: number;
  /** Most quality gates (default 2; 0 disables gates). */
  maxGates?: number;
  /** Largest `max_rounds` of a gate (default 3). */
  maxRounds?: number;
  /** Most risks (default 2; 0 disables risks). */
  maxRisks?: number;
  /** Most user-defined strategies besides the built-ins (default 2; 0: only `ideal` and `sequential`). */
  maxStrategies?: number;
  /** Topologies of user-defined strategies (default all three). */
  topologies?: readonly GeneratedTopology[];
  /** Distribution families to draw from (default all of `FAMILY_NAMES`). */
  families?: readonly FamilyName[];
  /**
   * Largest share of a status or checkpoint period its meeting may take (default 1/8; at most
   * 0.45, so that status and checkpoints together leave time to work).
   */
  maxMeetingShare?: number;
  /** Upper end of generated task durations (default 8). Values are multiples of 1/8 so ties happen and scaling stays exact. */
  maxDuration?: number;
}

/** `ScenarioConstraints` with every default applied. */
export type ResolvedScenarioConstraints = Required<ScenarioConstraints>;

const DEFAULTS: ResolvedScenarioConstraints = {
  minAgents: 1,
  maxAgents: 4,
  maxCapacity: 2,
  minTasks: 1,
  maxTasks: 8,
  maxPredecessors: 3,
  maxGates: 2,
  maxRounds: 3,
  maxRisks: 2,
  maxStrategies: 2,
  topologies: ['hub', 'mesh', 'hierarchy'],
  families: FAMILY_NAMES,
  maxDuration: 8,
  maxMeetingShare: 1 / 8,
};

/** Applies the defaults of `ScenarioConstraints` and validates the result (the one place both happen). */
export function resolveScenarioConstraints(c: ScenarioConstraints = {}): ResolvedScenarioConstraints {
  const r: ResolvedScenarioConstraints = { ...DEFAULTS };
  for (const [k, v] of Object.entries(c)) if (v !== undefined) (r as unknown as Record<string, unknown>)[k] = v;
  const bad = (what: string, value: unknown): never => {
    throw new CoordsimError('E_USAGE', `scenarioArbitrary: expected ${what}, got ${JSON.stringify(value)}`);
  };
  const int = (k: keyof ResolvedScenarioConstraints, min: number) => {
    const v = r[k] as number;
    if (!Number.isInteger(v) || v < min) bad(`${k} to be an integer >= ${min}`, v);
  };
  int('minAgents', 1);
  int('maxAgents', 1);
  int('maxCapacity', 1);
  int('minTasks', 1);
  int('maxTasks', 1);
  int('maxPredecessors', 0);
  int('maxGates', 0);
  int('maxRounds', 1);
  int('maxRisks', 0);
  int('maxStrategies', 0);
  if (r.minAgents > r.maxAgents) bad('minAgents <= maxAgents', [r.minAgents, r.maxAgents]);
  if (r.minTasks > r.maxTasks) bad('minTasks <= maxTasks', [r.minTasks, r.maxTasks]);
  if (!(r.maxDuration >= 1 && Number.isFinite(r.maxDuration))) bad('maxDuration to be a finite number >= 1', r.maxDuration);
  if (!(r.maxMeetingShare >= 0 && r.maxMeetingShare <= 0.45)) bad('maxMeetingShare in [0, 0.45]', r.maxMeetingShare);
  if (r.families.length === 0 || r.families.some((f) => !FAMILY_NAMES.includes(f))) bad(`families among ${FAMILY_NAMES.join(', ')}`, r.families);
  if (r.topologies.length === 0 && r.maxStrategies > 0) bad('at least one topology when maxStrategies > 0', r.topologies);
  return r;
}
