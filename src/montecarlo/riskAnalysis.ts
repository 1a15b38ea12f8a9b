import { compileModel, isModel } from '../engine/compileModel.js';
import { Engine } from '../engine/Engine.js';
import type { Model } from '../engine/Model.js';
import { createRunInputs, type RiskKind, type RiskSwitch, type RunInputs } from '../engine/RunInputs.js';
import { CF_TOTAL, costFigureCount, readCost } from '../engine/runCost.js';
import type { RunState } from '../engine/RunState.js';
import { strategyOf } from '../engine/simulate.js';
import { CoordsimError } from '../scenario/CoordsimError.js';
import type { Scenario } from '../scenario/Scenario.js';
import { deterministicRun } from './deterministicRun.js';
import { confidenceInterval, FigureSummary } from './FigureSummary.js';
import { InputSampler, type Sampling } from './InputSampler.js';

/** Options of `analyseRisks`. */
export interface RiskAnalysisOptions {
  /** Strategy name (default: the scenario's default strategy). */
  strategy?: string;
  /** Runs per variant (default 10,000): the runs 0..N−1 of a Monte Carlo with the same seed. */
  runs?: number;
  /** Seed (default 1). */
  seed?: number | string;
  /** Duration sampling, as for `monteCarlo` (default `random`). */
  sampling?: Sampling;
}

/** Mean and P80 of a per-run figure over the runs. */
export interface MeanP80 {
  mean: number;
  p80: number;
}

/** How much one risk moves a figure: the figure with the risk switched off, and the shifts (all on minus off). */
export interface RiskShift {
  /** With the risk switched off. */
  off: MeanP80;
  /** Mean with every risk on minus mean with this one off: what the risk adds (run by run on the same draws). */
  meanShift: number;
  /** 95% confidence interval of `meanShift` (paired differences). */
  meanShiftCi95: [number, number];
  /** P80 with every risk on minus P80 with this one off. */
  p80Shift: number;
}

/** One risk of the ranking (the risk register, an existence risk, a risk driver or a branch). */
export interface RiskEffect {
  id: string;
  kind: RiskKind;
  description: string;
  /** Chance it occurs; a probabilistic branch: of leaving its first path; NaN for a conditional branch. */
  probability: number;
  /** Its effect on the finish (makespan). */
  finish: RiskShift;
  /** Its effect on cost, once runs carry a cost (hook: see `RANKED_MEASURES`). */
  cost?: RiskShift;
}

/** A merge point (a task or gate with two or more predecessors) on the critical network. */
export interface MergePoint {
  id: string;
  kind: 'task' | 'gate';
  name: string;
  predecessors: number;
  /** Share of runs in which the critical path passes through it. */
  criticality: number;
  /** Its finish in the deterministic plan: every duration, effort and length at its mean, no risk, gates pass, branches on their nominal path. */
  deterministic: number;
  /** Its simulated finish. */
  mean: number;
  p80: number;
  /** mean − deterministic: the merge bias (plus what risks add on average). */
  bias: number;
  /** With a start date: the same three as dates. */
  deterministicDate?: string;
  meanDate?: string;
  p80Date?: string;
}

/** The result of `analyseRisks`. */
export interface RiskAnalysis {
  scenario: string;
  strategy: string;
  seed: number | string;
  runs: number;
  sampling: Sampling;
  timeUnit: string;
  /** The finish with every risk on (the Monte Carlo's runs), and in the deterministic plan. */
  finish: MeanP80 & { deterministic: number };
  /** Every risk, ranked: largest |P80 shift| first, then largest |mean shift|, then file order (risks, existence risks, drivers, branches). */
  risks: RiskEffect[];
  /** Merge points on the critical network, by deterministic finish (ties in node order). */
  mergePoints: MergePoint[];
}

/** One measure the ranking reads off each run (its state and the inputs it ran on). */
export type RankedMeasure = { name: 'finish' | 'cost'; read: (s: RunState, inputs: RunInputs) => number };

/**
 * What the ranking measures, run by run: the finish, and for a model with cost keys its cost
 * too (`measuresOf`; `RiskEffect.cost` is then filled the same way).
 */
export const RANKED_MEASURES: readonly RankedMeasure[] = [{ name: 'finish', read: (s) => s.makespan }];

/** The measures of a model: `RANKED_MEASURES`, plus the run's total cost when it has cost keys (a risk switched off also costs nothing). */
function measuresOf(model: Model): readonly RankedMeasure[] {
  if (model.cost === null) return RANKED_MEASURES;
  const f = new Float64Array(costFigureCount(model));
  const cost = (s: RunState, inputs: RunInputs) => {
    readCost(s, inputs, f);
    return f[CF_TOTAL];
  };
  return [...RANKED_MEASURES, { name: 'cost', read: cost }];
}

/** The risks of a model that can be switched off, in ranking tie order. */
export function riskSwitches(model: Model): Array<RiskSwitch & { id: string; description: string; probability: number }> {
  return [
    ...model.risks.map((r, index) => ({ kind: 'risk' as const, index, id: r.id, description: r.description, probability: r.probability })),
    ...model.existenceRisks.map((r, index) => ({ kind: 'existence' as const, index, id: r.id, description: r.description, probability: r.probability })),
    ...model.drivers.map((r, index) => ({ kind: 'driver' as const, index, id: r.id, description: r.description, probability: r.probability })),
    ...model.branches.map((b, index) => ({ kind: 'branch' as const, index, id: b.id, description: b.description, probability: b.kind === 'probability' ? b.paths.slice(1).reduce((x, q) => x + q.probability, 0) : NaN })),
  ];
}

/**
 * Risk ranking and merge bias of one strategy (docs/monte-carlo.md, "Risk ranking and merge
 * bias"). Runs 0..N−1 are simulated once with every risk on (the Monte Carlo's own runs) and
 * once per risk with that risk switched off — the same seeds and draws, only its occurrence
 * forced false (a branch: its nominal path) — so each shift is a paired difference on common
 * random numbers. The deterministic plan gives each merge point's date to set against its
 * simulated mean and P80. In this thread; cost grows with (risks + 1) × runs.
 */
export function analyseRisks(scenario: Scenario | Model, options: RiskAnalysisOptions = {}): RiskAnalysis {
  const model = isModel(scenario) ? scenario : compileModel(scenario);
  const strategy = strategyOf(model, options.strategy);
  const runs = options.runs ?? 10_000;
  if (!Number.isSafeInteger(runs) || runs < 1) throw new CoordsimError('E_USAGE', `analyseRisks: runs must be a positive integer, got ${runs}`);
  const seed = options.seed ?? 1;
  const sampling = options.sampling ?? 'random';
  const items = riskSwitches(model);
  const sampler = new InputSampler(model, seed, sampling);
  const engine = new Engine(model, strategy);
  const inputs = createRunInputs(model);
  const measures = measuresOf(model);
  // values[v][m][run]: variant 0 has every risk on, variant k + 1 has item k off.
  const values = Array.from({ length: items.length + 1 }, () => measures.map(() => new Float64Array(runs)));
  const merge = mergeNodes(model);
  const mergeFinish = merge.map(() => new FigureSummary());
  const mergeCritical = new Float64Array(merge.length);
  const T = model.tasks.length;
  const runOptions = { seed, run: 0 };
  for (let run = 0; run < runs; run++) {
    runOptions.run = run;
    const st = engine.run(sampler.sample(run, inputs), runOptions);
    measures.forEach((m, i) => (values[0][i][run] = m.read(st, inputs)));
    merge.forEach((n, i) => {
      mergeFinish[i].add(n < T ? st.taskFinish[n] : st.gateFinish[n - T]);
      if (onCriticalPath(model, st, n)) mergeCritical[i]++;
    });
    for (let k = 0; k < items.length; k++) {
      const off = engine.run(sampler.sample(run, inputs, items[k]), runOptions);
      measures.forEach((m, i) => (values[k + 1][i][run] = m.read(off, inputs)));
    }
  }
  const all = summary(values[0][0]);
  const risks: RiskEffect[] = items.map((it, k) => {
    const e: RiskEffect = { id: it.id, kind: it.kind, description: it.description, probability: it.probability, finish: shift(values[0][0], values[k + 1][0]) };
    measures.forEach((m, i) => {
      if (m.name === 'cost') e.cost = shift(values[0][i], values[k + 1][i]);
    });
    return e;
  });
  const order = risks.map((_, k) => k);
  order.sort((a, b) => Math.abs(risks[b].finish.p80Shift) - Math.abs(risks[a].finish.p80Shift) || Math.abs(risks[b].finish.meanShift) - Math.abs(risks[a].finish.meanShift) || a - b);

  const plan = deterministicRun(model, strategy);
  const time = model.schedule.projectTime;
  const dated = model.schedule.clock !== null;
  const points: MergePoint[] = [];
  merge.forEach((n, i) => {
    if (mergeCritical[i] === 0) return;
    const s = mergeFinish[i].stats();
    const det = n < T ? plan.taskFinish[n] : plan.gateFinish[n - T];
    const p: MergePoint = {
      id: n < T ? model.tasks[n].id : model.gates[n - T].id,
      kind: n < T ? 'task' : 'gate',
      name: n < T ? model.tasks[n].name : model.gates[n - T].name,
      predecessors: model.predecessorCount[n],
      criticality: mergeCritical[i] / runs,
      deterministic: det,
      mean: s.mean,
      p80: s.p80,
      bias: s.mean - det,
    };
    if (dated) {
      p.deterministicDate = time.finishDate(det, 0);
      p.meanDate = time.finishDate(s.mean, 0);
      p.p80Date = time.finishDate(s.p80, 0);
    }
    points.push(p);
  });
  points.sort((a, b) => a.deterministic - b.deterministic);
  return {
    scenario: model.name,
    strategy: strategy.name,
    seed,
    runs,
    sampling,
    timeUnit: model.timeUnit,
    finish: { ...all, deterministic: plan.makespan },
    risks: order.map((k) => risks[k]),
    mergePoints: points,
  };
}

/** Nodes with two or more predecessors (not-before dates do not count), in node order. */
function mergeNodes(model: Model): number[] {
  const out: number[] = [];
  for (let n = 0; n < model.predecessorCount.length; n++) if (model.predecessorCount[n] >= 2) out.push(n);
  return out;
}

/**
 * Does this run's critical path pass through node n? A task: it is critical. A gate (the path
 * records tasks only): one of its predecessor tasks is critical, and so is one of its successor
 * tasks, or the gate's sign-off is the finish.
 */
function onCriticalPath(model: Model, st: RunState, n: number): boolean {
  const T = model.tasks.length;
  if (n < T) return st.critical[n] === 1;
  const g = model.gates[n - T];
  if (!g.after.some((p) => p < T && st.critical[p] === 1)) return false;
  if (st.gateFinish[n - T] === st.makespan) return true;
  for (const s of model.successors[n]) if (s < T && st.critical[s] === 1) return true;
  return false;
}

/** Mean and P80 (type 7, as R and NumPy) of the values. */
function summary(x: Float64Array): MeanP80 {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i];
  return { mean: sum / x.length, p80: quantile(Float64Array.from(x).sort(), 0.8) };
}

function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** The shift of a risk: all on (`on`) against it off (`off`), run by run. */
function shift(on: Float64Array, off: Float64Array): RiskShift {
  const a = summary(on);
  const b = summary(off);
  const n = on.length;
  let s = 0;
  let s2 = 0;
  const d = a.mean - b.mean;
  for (let i = 0; i < n; i++) {
    const x = on[i] - off[i] - d;
    s += x;
    s2 += x * x;
  }
  const sd = n > 1 ? Math.sqrt(Math.max(0, (s2 - (s * s) / n) / (n - 1))) : 0;
  return { off: b, meanShift: d, meanShiftCi95: confidenceInterval(n, d, sd), p80Shift: a.p80 - b.p80 };
}
