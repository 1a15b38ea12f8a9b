import { PERT_STRIDE, pertDraw, pertParams } from '../sim/distributions/pert.js';
import { Alea, reseedStream, type Rng } from '../sim/streams.js';
import type { Model } from './Model.js';

/**
 * Everything random about one run that does not depend on the strategy: task durations,
 * risk occurrences and every gate outcome draw. Sampling these once per run and handing
 * the same inputs to every strategy is what makes comparisons use common random numbers.
 */
export interface RunInputs {
  /** Sampled duration (work) of each task. */
  durations: Float64Array;
  /** Per task: elapsed delay from risks that occurred (the agent is held, not working). */
  riskHeld: Float64Array;
  /** Per task: extra work from risks that occurred. */
  riskWork: Float64Array;
  /** Per risk: 1 when it occurred in this run. */
  riskHit: Uint8Array;
  /**
   * Gate draws, three per (gate, round, assessed task): outcome uniform, remediation effort,
   * rework fraction. Gate g, round r (0-based), k-th assessed task starts at
   * `gateOffset[g] + 3 * (r * assesses.length + k)`.
   */
  gateDraws: Float64Array;
  gateOffset: Int32Array;
  /** Per branch: the uniform that picks a probabilistic branch's path (stream 'branches'). */
  branchDraws: Float64Array;
  /** Per branch: 1 when it is switched off (it takes its nominal path; risk ranking). */
  branchOff: Uint8Array;
  /** Per existence risk: 1 when it occurred (its task exists in this run). */
  existenceHit: Uint8Array;
  /** Per task: 1 when it is the task of an existence risk that did not occur (absent from this run). */
  taskAbsent: Uint8Array;
  /** Per risk driver: 1 when it occurred, and its sampled factor (drawn whether or not). */
  driverHit: Uint8Array;
  driverFactor: Float64Array;
  /** Per task: the product of the factors of the drivers that occurred on it (1 otherwise); `durations` already include it. */
  durationScale: Float64Array;
}

/** Kinds of risk a Monte Carlo can switch off (risk ranking): the risk register, existence risks, risk drivers, branches. */
export type RiskKind = 'risk' | 'existence' | 'driver' | 'branch';

/** One risk to switch off while sampling: its kind and its index in the model's list of that kind. */
export interface RiskSwitch {
  kind: RiskKind;
  index: number;
}

/** Allocates inputs sized for `model` (reuse them across runs). */
export function createRunInputs(model: Model): RunInputs {
  const T = model.tasks.length;
  const gateOffset = new Int32Array(model.gates.length);
  let n = 0;
  model.gates.forEach((g, i) => {
    gateOffset[i] = n;
    n += 3 * g.maxRounds * g.assesses.length;
  });
  return {
    durations: new Float64Array(T),
    riskHeld: new Float64Array(T),
    riskWork: new Float64Array(T),
    riskHit: new Uint8Array(model.risks.length),
    gateDraws: new Float64Array(n),
    gateOffset,
    branchDraws: new Float64Array(model.branches.length),
    branchOff: new Uint8Array(model.branches.length),
    existenceHit: new Uint8Array(model.existenceRisks.length),
    taskAbsent: new Uint8Array(T),
    driverHit: new Uint8Array(model.drivers.length),
    driverFactor: new Float64Array(model.drivers.length),
    durationScale: new Float64Array(T).fill(1),
  };
}

/**
 * Samples run `run` of `seed` into `out`: durations from stream (seed, run, "durations"),
 * risks from "risks", gate draws from "gates", branch draws from "branches", existence risks
 * from "existence" and risk drivers from "drivers" (whose factors then multiply `durations`).
 * Pass `skipDurations` when the caller has filled `durations` itself (Latin hypercube,
 * correlated sampling). `off` switches one risk off: its draws are made all the same (common
 * random numbers), only its occurrence is forced false (a branch: its nominal path).
 */
export function sampleRunInputs(model: Model, seed: number | string, run: number, out: RunInputs, skipDurations = false, off: RiskSwitch | null = null): RunInputs {
  if (!skipDurations) {
    const rng = reseedStream(GEN, seed, run, 'durations');
    const tasks = model.tasks;
    const d = out.durations;
    const { isPert, pert } = durationPlan(model);
    for (let i = 0; i < tasks.length; i++) d[i] = isPert[i] === 1 ? pertDraw(rng, pert, PERT_STRIDE * i) : tasks[i].duration.sample(rng);
  }
  // A stream nothing draws from is not derived at all (same results, less hashing per run).
  // Without risks the risk arrays keep the zeros `createRunInputs` gave them: nothing writes them.
  if (model.risks.length > 0) sampleRisks(model, reseedStream(GEN, seed, run, 'risks'), out, off?.kind === 'risk' ? off.index : -1);
  if (model.gates.length > 0) sampleGates(model, reseedStream(GEN, seed, run, 'gates'), out);
  // Streams of their own, so scenarios without these keys draw exactly as before.
  if (model.branches.length > 0) sampleBranches(model, reseedStream(GEN, seed, run, 'branches'), out, off?.kind === 'branch' ? off.index : -1);
  if (model.existenceRisks.length > 0) sampleExistence(model, reseedStream(GEN, seed, run, 'existence'), out, off?.kind === 'existence' ? off.index : -1);
  if (model.drivers.length > 0) sampleDrivers(model, reseedStream(GEN, seed, run, 'drivers'), out, off?.kind === 'driver' ? off.index : -1);
  return out;
}

function sampleBranches(model: Model, rng: Rng, out: RunInputs, off: number): void {
  // One uniform per branch, conditional ones too: adding a path never shifts another branch's draw.
  for (let b = 0; b < model.branches.length; b++) {
    out.branchDraws[b] = rng();
    out.branchOff[b] = b === off ? 1 : 0;
  }
}

function sampleExistence(model: Model, rng: Rng, out: RunInputs, off: number): void {
  const list = model.existenceRisks;
  for (let i = 0; i < list.length; i++) {
    const hit = rng() < list[i].probability && i !== off;
    out.existenceHit[i] = hit ? 1 : 0;
    out.taskAbsent[list[i].task] = hit ? 0 : 1;
  }
}

/**
 * Hulett's risk drivers: per driver in file order a uniform (it occurs when u < probability)
 * and its factor, both drawn whether or not it occurs; then each task's duration is multiplied
 * by the product of the factors of the drivers that occurred on it (in file order).
 */
function sampleDrivers(model: Model, rng: Rng, out: RunInputs, off: number): void {
  const list = model.drivers;
  const driven = drivenTasks(model);
  const scale = out.durationScale;
  for (const t of driven) scale[t] = 1;
  for (let i = 0; i < list.length; i++) {
    const d = list[i];
    const hit = rng() < d.probability && i !== off;
    const f = d.factor.sample(rng);
    out.driverHit[i] = hit ? 1 : 0;
    out.driverFactor[i] = f;
    if (hit) for (const t of d.tasks) scale[t] *= f;
  }
  for (const t of driven) if (scale[t] !== 1) out.durations[t] *= scale[t];
}

const drivenCache = new WeakMap<Model, number[]>();

/** The tasks some driver scales, each once, in index order. */
function drivenTasks(model: Model): number[] {
  let list = drivenCache.get(model);
  if (list === undefined) {
    list = [...new Set(model.drivers.flatMap((d) => d.tasks))].sort((a, b) => a - b);
    drivenCache.set(model, list);
  }
  return list;
}

/**
 * PERT task durations (the common case) with their parameters side by side in one array: the
 * draw loop then reads a few cache lines instead of one object per task, with no dispatch on
 * the distribution's class. Same draws as `duration.sample(rng)`.
 */
interface DurationPlan {
  isPert: Uint8Array;
  pert: Float64Array;
}

const plans = new WeakMap<Model, DurationPlan>();

function durationPlan(model: Model): DurationPlan {
  let plan = plans.get(model);
  if (plan === undefined) {
    const T = model.tasks.length;
    plan = { isPert: new Uint8Array(T), pert: new Float64Array(PERT_STRIDE * T) };
    for (let i = 0; i < T; i++) {
      const p = pertParams(model.tasks[i].duration);
      if (p === null) continue;
      plan.isPert[i] = 1;
      plan.pert.set(p, PERT_STRIDE * i);
    }
    plans.set(model, plan);
  }
  return plan;
}

/**
 * One reusable generator for the module: the three streams of a run are drawn one after the
 * other and nothing in between samples inputs, so reseeding it per stream is safe and
 * allocates nothing (same numbers as `stream(seed, run, purpose)`).
 */
const GEN = new Alea();

function sampleRisks(model: Model, rng: Rng, out: RunInputs, off: number): void {
  out.riskHeld.fill(0);
  out.riskWork.fill(0);
  const risks = model.risks;
  for (let i = 0; i < risks.length; i++) {
    const r = risks[i];
    // Draw every value whether or not the risk occurs, so one risk's outcome never shifts another's draws.
    const hit = rng() < r.probability && i !== off;
    const delay = r.delay ? r.delay.sample(rng) : 0;
    const work = r.work ? r.work.sample(rng) : 0;
    out.riskHit[i] = hit ? 1 : 0;
    if (hit) {
      out.riskHeld[r.task] += delay;
      out.riskWork[r.task] += work;
    }
  }
}

function sampleGates(model: Model, rng: Rng, out: RunInputs): void {
  const d = out.gateDraws;
  for (let g = 0; g < model.gates.length; g++) {
    const gate = model.gates[g];
    let o = out.gateOffset[g];
    const n = gate.maxRounds * gate.assesses.length;
    for (let k = 0; k < n; k++) {
      d[o++] = rng();
      d[o++] = gate.remediationEffort ? gate.remediationEffort.sample(rng) : 0;
      d[o++] = gate.reworkFraction.sample(rng);
    }
  }
}
