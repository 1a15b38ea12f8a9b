import type { Model } from '../engine/Model.js';
import { ExactSum } from './ExactSum.js';
import { Moments, type MomentsState } from './Moments.js';
import type { Sampling } from './InputSampler.js';
import { StrategySummary, type StrategySummaryState } from './StrategySummary.js';

/** Plain-data paired comparison accumulators of strategies a and b (makespan(a) − makespan(b)). */
export interface PairSummaryState extends MomentsState {
  a: string;
  b: string;
  /** Runs in which a finished strictly before b. */
  aFaster: number;
}

/** Plain-data paired cost accumulators of strategies a and b (cost(a) − cost(b)), in the order of `pairs`. */
export interface PairCostState extends MomentsState {
  /** Runs in which a cost strictly less than b. */
  aCheaper: number;
}

/**
 * The mergeable summary of runs [start, end) of one Monte Carlo (docs/semantics.md §12), as plain data: what
 * a worker thread returns for its chunk, and what a user scaling out across machines ships
 * around. `mergeRangeSummaries` of adjacent ranges gives exactly (deep-equal) the summary one
 * process computes for the union.
 */
export interface RangeSummaryState {
  format: 'coordsim-range-summary/1';
  scenario: string;
  seed: number | string;
  sampling: Sampling;
  strategies: string[];
  start: number;
  end: number;
  /** Runs [0, sampleSize) form the rank subsample (sensitivity, representative run). */
  sampleSize: number;
  /** Exact sums of each task's sampled duration (strategy-independent). */
  taskDuration: number[][];
  /** Subsample rows in this range, runs [start, min(end, sampleSize)): T durations per run. */
  sampleDurations: Float64Array;
  /** Per strategy: the makespans of those runs. */
  sampleMakespans: Float64Array[];
  perStrategy: StrategySummaryState[];
  /** Every pair i < j of `strategies`. */
  pairs: PairSummaryState[];
  /** Only when the scenario has cost keys: per strategy, the costs of the subsample runs. */
  sampleCosts?: Float64Array[];
  /** Only with cost keys: the subsample's fixed task costs, T per run (empty when no task has a cost). */
  sampleFixedCosts?: Float64Array;
  /** Only with cost keys: paired cost differences, one per entry of `pairs`. */
  costPairs?: PairCostState[];
}

/**
 * Size of the rank subsample: the first K runs, K × tasks bounded by 2^19 values (4 MB of
 * durations), K between 100 and 10,000. It depends only on the model, never on the run count
 * or the workers, so the subsample of a range is fixed by its run indices.
 */
export function sampleSizeFor(model: Model): number {
  return Math.max(100, Math.min(10_000, Math.floor(2 ** 19 / Math.max(1, model.tasks.length))));
}

/** An empty summary for runs [start, start). */
export function emptyRangeSummary(model: Model, strategies: string[], seed: number | string, sampling: Sampling, start: number): RangeSummaryState {
  const pairs: PairSummaryState[] = [];
  for (let i = 0; i < strategies.length; i++) {
    for (let j = i + 1; j < strategies.length; j++) {
      pairs.push({ a: strategies[i], b: strategies[j], n: 0, sum: [], sumSq: [], min: Infinity, max: -Infinity, aFaster: 0 });
    }
  }
  const base: RangeSummaryState = {
    format: 'coordsim-range-summary/1',
    scenario: model.name,
    seed,
    sampling,
    strategies: strategies.slice(),
    start,
    end: start,
    sampleSize: sampleSizeFor(model),
    taskDuration: model.tasks.map(() => []),
    sampleDurations: new Float64Array(0),
    sampleMakespans: strategies.map(() => new Float64Array(0)),
    perStrategy: strategies.map((s) => new StrategySummary(model, s).toState()),
    pairs,
  };
  if (model.cost !== null) {
    base.sampleCosts = strategies.map(() => new Float64Array(0));
    base.sampleFixedCosts = new Float64Array(0);
    base.costPairs = pairs.map(() => ({ n: 0, sum: [], sumSq: [], min: Infinity, max: -Infinity, aCheaper: 0 }));
  }
  return base;
}

/** True when the fixed task costs of the subsample are kept (some task has a cost). */
export function keepsFixedCosts(model: Model): boolean {
  return model.cost !== null && model.cost.taskCost.some((d) => d !== null);
}

/**
 * Merges the summaries of two adjacent run ranges ([a, b) then [b, c)) of the same Monte
 * Carlo into the summary of [a, c). Sums are exact, so this is the summary one process
 * computes; the subsample rows are concatenated in run order.
 */
export function mergeRangeSummaries(model: Model, x: RangeSummaryState, y: RangeSummaryState): RangeSummaryState {
  return new RangeMerger(model, x).add(y).toState();
}

/**
 * Accumulates adjacent range summaries in run order without converting back and forth at
 * every step (how the Monte Carlo driver merges chunks as workers return them).
 */
export class RangeMerger {
  private readonly first: RangeSummaryState;
  private end: number;
  private readonly strategies: StrategySummary[];
  private readonly duration: ExactSum[];
  private readonly pairs: Array<{ moments: Moments; aFaster: number }>;
  private readonly durations: Float64Array[] = [];
  private readonly makespans: Float64Array[][];
  private readonly costs: Float64Array[][] | null;
  private readonly fixedCosts: Float64Array[] = [];
  private readonly costPairs: Array<{ moments: Moments; aCheaper: number }> | null;

  constructor(
    private readonly model: Model,
    first: RangeSummaryState,
  ) {
    this.first = first;
    this.end = first.end;
    this.strategies = first.perStrategy.map((s) => StrategySummary.fromState(model, s));
    this.duration = first.taskDuration.map((p) => new ExactSum(p.slice()));
    this.pairs = first.pairs.map((p) => ({ moments: new Moments().setState(p), aFaster: p.aFaster }));
    this.durations.push(first.sampleDurations);
    this.makespans = first.sampleMakespans.map((a) => [a]);
    this.costs = first.sampleCosts?.map((a) => [a]) ?? null;
    if (first.sampleFixedCosts) this.fixedCosts.push(first.sampleFixedCosts);
    this.costPairs = first.costPairs?.map((p) => ({ moments: new Moments().setState(p), aCheaper: p.aCheaper })) ?? null;
  }

  /** Runs merged so far: [start, end). */
  get range(): [number, number] {
    return [this.first.start, this.end];
  }

  /** The live accumulators of strategy k (read-only use: precision checks). */
  strategy(k: number): StrategySummary {
    return this.strategies[k];
  }

  /** Appends the summary of the range that starts where the merged ones end. */
  add(y: RangeSummaryState): this {
    const x = this.first;
    const same = x.seed === y.seed && x.sampling === y.sampling && x.scenario === y.scenario && x.strategies.join('\u0000') === y.strategies.join('\u0000');
    if (!same) throw new Error('mergeRangeSummaries: the summaries come from different Monte Carlo set-ups (scenario, seed, sampling or strategies)');
    if (y.start !== this.end) {
      throw new Error(`mergeRangeSummaries: ranges must be adjacent, got [${x.start}, ${this.end}) and [${y.start}, ${y.end})`);
    }
    this.end = y.end;
    this.strategies.forEach((s, k) => s.merge(StrategySummary.fromState(this.model, y.perStrategy[k])));
    this.duration.forEach((s, t) => s.addSum(new ExactSum(y.taskDuration[t])));
    this.pairs.forEach((p, k) => {
      const q = y.pairs[k];
      p.moments.merge(new Moments().setState(q));
      p.aFaster += q.aFaster;
    });
    this.durations.push(y.sampleDurations);
    this.makespans.forEach((l, k) => l.push(y.sampleMakespans[k]));
    this.costs?.forEach((l, k) => l.push(y.sampleCosts![k]));
    if (y.sampleFixedCosts) this.fixedCosts.push(y.sampleFixedCosts);
    this.costPairs?.forEach((p, k) => {
      const q = y.costPairs![k];
      p.moments.merge(new Moments().setState(q));
      p.aCheaper += q.aCheaper;
    });
    return this;
  }

  /**
   * The merged summary as plain data (canonical: deep-equal to a one-process summary); `packed`:
   * with the per-task summaries packed (`StrategySummaryState.packedTasks`), to read in this process.
   */
  toState(packed = false): RangeSummaryState {
    const state: RangeSummaryState = {
      ...this.first,
      end: this.end,
      taskDuration: this.duration.map((s) => s.canonicalize().p.slice()),
      sampleDurations: concat(this.durations),
      sampleMakespans: this.makespans.map(concat),
      perStrategy: this.strategies.map((s) => s.toState(packed)),
      pairs: this.pairs.map((p, k) => ({
        a: this.first.pairs[k].a,
        b: this.first.pairs[k].b,
        ...p.moments.toState(),
        aFaster: p.aFaster,
      })),
    };
    if (this.costs !== null) {
      state.sampleCosts = this.costs.map(concat);
      state.sampleFixedCosts = concat(this.fixedCosts);
      state.costPairs = this.costPairs!.map((p) => ({ ...p.moments.toState(), aCheaper: p.aCheaper }));
    }
    return state;
  }
}

function concat(parts: Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
