import { Engine } from '../engine/Engine.js';
import type { Model } from '../engine/Model.js';
import { createRunInputs, type RunInputs } from '../engine/RunInputs.js';
import { ExactSums } from './ExactSum.js';
import { Moments } from './Moments.js';
import { InputSampler, type Sampling } from './InputSampler.js';
import { emptyRangeSummary, keepsFixedCosts, type RangeSummaryState } from './RangeSummary.js';
import { CF_COORDINATION, CF_FIXED, CF_RISK, CF_TOKENS_IN, CF_TOKENS_OUT, CF_TOTAL, CF_WORK } from '../engine/runCost.js';
import { F_CAPACITY_USE, F_MAKESPAN, FIGURES } from './runFigures.js';
import { StrategySummary } from './StrategySummary.js';

/** What to summarise: runs [start, end) of the given strategies. */
export interface RangeOptions {
  strategies: string[];
  seed: number | string;
  sampling: Sampling;
  start: number;
  end: number;
  /** Also return one row of figures per run and strategy (`RUN_COLUMNS`), for runs.csv. */
  rows?: boolean;
}

/** The figures of a run that runs.csv shows: all but capacity use. */
const RUN_FIGURES = FIGURES.slice(F_MAKESPAN, F_CAPACITY_USE) as Exclude<(typeof FIGURES)[number], 'capacityUse'>[];

/** Columns of the per-run rows (`rows` of `summarizeRange`), one row per (run, strategy). */
export const RUN_COLUMNS = ['run', 'strategy', ...RUN_FIGURES, 'metDeadline'] as const;

/** Cost columns appended to the per-run rows when the scenario has cost keys (the token ones when agents use tokens); `metBudget` is 1, 0, or NaN without a budget. */
export const RUN_COST_COLUMNS = ['cost', 'costWork', 'costCoordination', 'costFixed', 'costRisk', 'tokensInput', 'tokensOutput', 'metBudget'] as const;

/** The cost figures (`readCost` layout) of the first five cost columns. */
const ROW_COST_FIGURES = [CF_TOTAL, CF_WORK, CF_COORDINATION, CF_FIXED, CF_RISK] as const;

/** The columns of this model's per-run rows: `RUN_COLUMNS`, then the cost columns that apply. */
export function runColumns(model: Model): string[] {
  if (model.cost === null) return [...RUN_COLUMNS];
  const cost = RUN_COST_COLUMNS.filter((c) => model.cost!.tokens !== null || !c.startsWith('tokens'));
  return [...RUN_COLUMNS, ...cost];
}

/** A range's summary and, when asked for, its per-run rows (`runColumns(model).length` numbers each; strategy as its index). */
export interface RangeResult {
  summary: RangeSummaryState;
  rows: Float64Array | null;
}

/** Engines and buffers reused across the ranges one thread runs for one model. */
class RangeRunner {
  readonly engines = new Map<string, Engine>();
  readonly inputs: RunInputs;
  sampler: InputSampler | null = null;

  constructor(readonly model: Model) {
    this.inputs = createRunInputs(model);
  }

  engine(name: string): Engine {
    let e = this.engines.get(name);
    if (!e) {
      const s = this.model.strategies[name];
      if (!s) throw new Error(`summarizeRange: unknown strategy '${name}'`);
      e = new Engine(this.model, s);
      this.engines.set(name, e);
    }
    return e;
  }

  samplerFor(seed: number | string, sampling: Sampling): InputSampler {
    const s = this.sampler;
    if (s === null || s.seed !== seed || s.sampling !== sampling) this.sampler = new InputSampler(this.model, seed, sampling);
    return this.sampler!;
  }
}

const runners = new WeakMap<Model, RangeRunner>();

/**
 * Simulates runs [start, end) of every strategy on the same sampled inputs (common random
 * numbers: run i of each strategy sees the inputs of run i) and returns their mergeable summary.
 * A pure function of (model, options): ranges computed anywhere merge into the whole.
 */
export function summarizeRange(model: Model, o: RangeOptions): RangeResult {
  return summarize(model, o, false);
}

/**
 * `summarizeRange` with each strategy's per-task start and finish summaries packed
 * (`StrategySummaryState.packedTasks`): what worker threads hand back, cheap to copy between
 * threads and to merge (`RangeMerger` reads both forms).
 */
export function summarizeRangePacked(model: Model, o: RangeOptions): RangeResult {
  return summarize(model, o, true);
}

function summarize(model: Model, o: RangeOptions, packed: boolean): RangeResult {
  let runner = runners.get(model);
  if (!runner) {
    runner = new RangeRunner(model);
    runners.set(model, runner);
  }
  const S = o.strategies.length;
  const T = model.tasks.length;
  const engines = o.strategies.map((s) => runner.engine(s));
  const sampler = runner.samplerFor(o.seed, o.sampling);
  const inputs = runner.inputs;
  const acc = o.strategies.map((s) => new StrategySummary(model, s));
  const duration = new ExactSums(T);
  const base = emptyRangeSummary(model, o.strategies, o.seed, o.sampling, o.start);
  const pairs = base.pairs.map(() => ({ moments: new Moments(), aFaster: 0 }));
  const sampleRows = Math.max(0, Math.min(o.end, base.sampleSize) - o.start);
  const sampleDurations = new Float64Array(sampleRows * T);
  const sampleMakespans = o.strategies.map(() => new Float64Array(sampleRows));
  const W = runColumns(model).length;
  const W0 = RUN_COLUMNS.length;
  const cost = model.cost;
  const tokens = cost !== null && cost.tokens !== null;
  const costs = new Float64Array(S);
  const sampleCosts = cost !== null ? o.strategies.map(() => new Float64Array(sampleRows)) : null;
  const fixedWidth = keepsFixedCosts(model) ? T : 0;
  const sampleFixedCosts = new Float64Array(sampleRows * fixedWidth);
  const costPairs = cost !== null ? base.pairs.map(() => ({ moments: new Moments(), aCheaper: 0 })) : null;
  const rows = o.rows ? new Float64Array((o.end - o.start) * S * W) : null;
  const makespans = new Float64Array(S);
  const deadline = model.deadline;
  const runOptions = { seed: o.seed, run: 0 };
  for (let run = o.start; run < o.end; run++) {
    runOptions.run = run;
    sampler.sample(run, inputs);
    const d = inputs.durations;
    duration.addAll(d);
    for (let k = 0; k < S; k++) {
      const state = engines[k].run(inputs, runOptions);
      const a = acc[k];
      a.add(state, inputs);
      makespans[k] = a.run[F_MAKESPAN];
      if (a.cost !== null) costs[k] = a.cost.run[CF_TOTAL];
      if (rows !== null) {
        const at = ((run - o.start) * S + k) * W;
        rows[at] = run;
        rows[at + 1] = k;
        for (let f = 0; f < W0 - 3; f++) rows[at + 2 + f] = a.run[f];
        rows[at + W0 - 1] = deadline === null ? NaN : state.makespan <= deadline ? 1 : 0;
        if (a.cost !== null) {
          const c = a.cost.run;
          let at2 = at + W0;
          for (const f of ROW_COST_FIGURES) rows[at2++] = c[f];
          if (tokens) {
            rows[at2++] = c[CF_TOKENS_IN];
            rows[at2++] = c[CF_TOKENS_OUT];
          }
          rows[at2] = cost!.budget === null ? NaN : c[CF_TOTAL] <= cost!.budget ? 1 : 0;
        }
      }
    }
    let p = 0;
    for (let i = 0; i < S; i++) {
      for (let j = i + 1; j < S; j++, p++) {
        const x = makespans[i] - makespans[j];
        const q = pairs[p];
        q.moments.add(x);
        if (x < 0) q.aFaster++;
      }
    }
    if (costPairs !== null) {
      p = 0;
      for (let i = 0; i < S; i++) {
        for (let j = i + 1; j < S; j++, p++) {
          const x = costs[i] - costs[j];
          costPairs[p].moments.add(x);
          if (x < 0) costPairs[p].aCheaper++;
        }
      }
    }
    const r = run - o.start;
    if (r < sampleRows) {
      sampleDurations.set(d, r * T);
      for (let k = 0; k < S; k++) sampleMakespans[k][r] = makespans[k];
      if (sampleCosts !== null) for (let k = 0; k < S; k++) sampleCosts[k][r] = costs[k];
      if (fixedWidth > 0) sampleFixedCosts.set(inputs.fixedCost, r * T);
    }
  }
  const summary: RangeSummaryState = {
    ...base,
    end: o.end,
    taskDuration: duration.toPartials(),
    sampleDurations,
    sampleMakespans,
    perStrategy: acc.map((a) => a.toState(packed)),
    pairs: pairs.map((q, k) => ({ a: base.pairs[k].a, b: base.pairs[k].b, ...q.moments.toState(), aFaster: q.aFaster })),
  };
  if (cost !== null) {
    summary.sampleCosts = sampleCosts!;
    summary.sampleFixedCosts = sampleFixedCosts;
    summary.costPairs = costPairs!.map((q) => ({ ...q.moments.toState(), aCheaper: q.aCheaper }));
  }
  return { summary, rows };
}
