import type { DistributionSpec } from '../sim/distributions/Distribution.js';
import type { StrategySpec } from './Scenario.js';

/**
 * Strategy presets for AI-agent teams (docs/presets.md): `{preset: supervisor | swarm | pipeline}`
 * in a strategy entry expands to a whole strategy, and every key written beside `preset` wins.
 * Every time a preset sets is a multiple of the scenario's reference length W
 * (`referenceTaskLength`); probabilities and switches are not scaled.
 */
export const PRESET_NAMES = ['supervisor', 'swarm', 'pipeline'] as const;

/** The name of a strategy preset. */
export type PresetName = (typeof PRESET_NAMES)[number];

/** A preset's values at W = 1; every key is documented, with its source, in docs/presets.md. */
const AT_UNIT_LENGTH: Readonly<Record<PresetName, StrategySpec>> = {
  supervisor: {
    description: 'Preset supervisor: a lead agent (the orchestrator) pays every handoff and resolves conflicts; remediation blocks',
    topology: 'hub',
    handoff: { effort: { pert: [0.02, 0.05, 0.1] }, batched: false },
    escalation: { probability: 0.132, delay: { triangular: [0.1, 0.2, 0.5] }, effort: 0.05 },
    remediation: { blocking: true },
    gate_failure: { factor: 1 },
    tokens: { factor: 3.75 },
  },
  swarm: {
    description: 'Preset swarm: peers hand work to each other and keep each other informed; no verifier, remediation does not block',
    topology: 'mesh',
    handoff: { effort: { pert: [0.02, 0.05, 0.1] }, batched: false },
    status: { every: 1, effort: 0.01, per_peer: 0.01 },
    escalation: { probability: 0.518, delay: { triangular: [0.1, 0.2, 0.5] }, effort: 0.05 },
    remediation: { blocking: false },
    gate_failure: { factor: 3.91 },
    tokens: { factor: 3.75 },
  },
  pipeline: {
    description: 'Preset pipeline: each stage reads its predecessor\'s output and passes its own on; remediation blocks',
    topology: 'mesh',
    handoff: { effort: { pert: [0.02, 0.05, 0.1] }, batched: false },
    escalation: { probability: 0.132, delay: { triangular: [0.1, 0.2, 0.5] }, effort: 0.05 },
    remediation: { blocking: true },
    gate_failure: { factor: 1 },
    tokens: { factor: 3.75 },
  },
};

/** The keys whose values are times (multiplied by W), per mechanism. */
const TIMES: Readonly<Record<string, readonly string[]>> = {
  handoff: ['effort'],
  status: ['every', 'effort', 'per_peer'],
  checkpoint: ['every', 'offset', 'duration'],
  escalation: ['delay', 'effort'],
};

/** The strategy keys a user's value is merged into key by key (the others replace the preset's whole value). */
export const MERGED_STRATEGY_KEYS = ['handoff', 'status', 'checkpoint', 'escalation', 'remediation', 'gate_failure', 'tokens'] as const;

/** True for one of `PRESET_NAMES`. */
export function isPresetName(name: unknown): name is PresetName {
  return typeof name === 'string' && (PRESET_NAMES as readonly string[]).includes(name);
}

/**
 * The strategy a preset stands for in a scenario whose reference length is `w` (> 0): every
 * time of the table in docs/presets.md multiplied by `w`. A fresh object on every call.
 */
export function presetStrategy(name: PresetName, w: number): StrategySpec {
  const out = structuredClone(AT_UNIT_LENGTH[name]) as unknown as Record<string, Record<string, unknown>>;
  for (const [mechanism, keys] of Object.entries(TIMES)) {
    const m = out[mechanism];
    if (m === undefined) continue;
    for (const k of keys) if (m[k] !== undefined) m[k] = scaled(m[k] as DistributionSpec, w);
  }
  return out as unknown as StrategySpec;
}

/** A time of the table times W, without floating-point noise (0.05 × 2.43 is 0.1215, not 0.12150000000000001). */
function scaled(spec: DistributionSpec, w: number): DistributionSpec {
  const times = (x: number) => Number((x * w).toPrecision(12));
  if (typeof spec === 'number') return times(spec);
  const [family, args] = Object.entries(spec)[0] as [string, number[]];
  return { [family]: args.map(times) } as unknown as DistributionSpec;
}

/**
 * W, the reference length of a scenario's work: the mean of its tasks' mean durations (tasks
 * with a `duration`), rounded to 3 significant digits; 1 when no task has a positive mean.
 * `means` are the tasks' analytic means, in file order.
 */
export function referenceLength(means: readonly number[]): number {
  const usable = means.filter((m) => Number.isFinite(m) && m >= 0);
  const mean = usable.reduce((a, b) => a + b, 0) / usable.length;
  return usable.length > 0 && mean > 0 && Number.isFinite(mean) ? Number(mean.toPrecision(3)) : 1;
}
