import type { Model } from '../engine/Model.js';
import type { RunInputs } from '../engine/RunInputs.js';
import type { RunState } from '../engine/RunState.js';
import { CF_COORDINATION, CF_FIXED, CF_RESOURCES, CF_RISK, CF_TOKEN_COST, CF_TOKENS_IN, CF_TOKENS_OUT, CF_TOTAL, CF_WORK, costFigureCount, readCost } from '../engine/runCost.js';
import { ExactSums } from './ExactSum.js';
import { FigureSummary, type FigureSummaryState } from './FigureSummary.js';
import { JointHistogram, type JointHistogramState } from './JointHistogram.js';

/** The cost figures summarised like makespan, in `CostSummary.figures` (the token ones only when agents use tokens). */
export const COST_FIGURES = ['cost', 'tokensInput', 'tokensOutput', 'tokenCost'] as const;
export const CS_COST = 0;
export const CS_TOKENS_IN = 1;
export const CS_TOKENS_OUT = 2;
export const CS_TOKEN_COST = 3;
/** Cost kinds, in `CostSummary.byKind` (exact sums over runs). */
export const COST_KINDS = ['work', 'coordination', 'fixed', 'risk'] as const;
/** Run counts in `CostSummary.counts`: within the budget, and within both the deadline and the budget. */
export const CK_MET_BUDGET = 0;
export const CK_MET_BOTH = 1;

/** Plain-data form of a `CostSummary` (canonical). */
export interface CostSummaryState {
  figures: FigureSummaryState[];
  byKind: number[][];
  /** Per resource (agents, then the orchestrator). */
  byResource: number[][];
  counts: Float64Array;
  joint: JointHistogramState;
}

/**
 * The Monte Carlo accumulators of cost for one strategy: the cost (and token) figures as
 * `FigureSummary`s, exact sums by kind and by resource, budget counts and the joint
 * histogram of (makespan, cost). Merges exactly, like every summary.
 */
export class CostSummary {
  readonly figures: FigureSummary[];
  readonly byKind: ExactSums;
  readonly byResource: ExactSums;
  readonly counts = new Float64Array(2);
  joint = new JointHistogram();
  /** One run's cost figures (`readCost` layout), left by `add`. */
  readonly run: Float64Array;
  private readonly kindRun = new Float64Array(COST_KINDS.length);
  private readonly resourceRun: Float64Array;
  private readonly tokens: boolean;

  constructor(
    readonly model: Model,
    from?: CostSummaryState,
  ) {
    const R = model.agents.length + 1;
    this.tokens = model.cost!.tokens !== null;
    this.figures = (this.tokens ? COST_FIGURES : COST_FIGURES.slice(0, 1)).map(() => new FigureSummary());
    this.byKind = new ExactSums(COST_KINDS.length, from?.byKind);
    this.byResource = new ExactSums(R, from?.byResource);
    this.run = new Float64Array(costFigureCount(model));
    this.resourceRun = new Float64Array(R);
    if (from) {
      from.figures.forEach((f, k) => (this.figures[k] = FigureSummary.fromState(f)));
      this.counts.set(from.counts);
      this.joint = JointHistogram.fromState(from.joint);
    }
  }

  /** Adds a run; its cost figures are left in `this.run`. */
  add(state: RunState, inputs: RunInputs): void {
    const f = this.run;
    readCost(state, inputs, f);
    const total = f[CF_TOTAL];
    this.figures[CS_COST].add(total);
    if (this.tokens) {
      this.figures[CS_TOKENS_IN].add(f[CF_TOKENS_IN]);
      this.figures[CS_TOKENS_OUT].add(f[CF_TOKENS_OUT]);
      this.figures[CS_TOKEN_COST].add(f[CF_TOKEN_COST]);
    }
    const k = this.kindRun;
    k[0] = f[CF_WORK];
    k[1] = f[CF_COORDINATION];
    k[2] = f[CF_FIXED];
    k[3] = f[CF_RISK];
    this.byKind.addAll(k);
    for (let r = 0; r < this.resourceRun.length; r++) this.resourceRun[r] = f[CF_RESOURCES + r];
    this.byResource.addAll(this.resourceRun);
    const m = this.model;
    const budget = m.cost!.budget;
    if (budget !== null && total <= budget) {
      this.counts[CK_MET_BUDGET]++;
      if (m.deadline !== null && state.makespan <= m.deadline) this.counts[CK_MET_BOTH]++;
    }
    this.joint.add(state.makespan, total);
  }

  merge(o: CostSummary): void {
    this.figures.forEach((f, k) => f.merge(o.figures[k]));
    this.byKind.merge(o.byKind);
    this.byResource.merge(o.byResource);
    for (let i = 0; i < this.counts.length; i++) this.counts[i] += o.counts[i];
    this.joint.merge(o.joint);
  }

  toState(): CostSummaryState {
    return {
      figures: this.figures.map((f) => f.toState()),
      byKind: this.byKind.toPartials(),
      byResource: this.byResource.toPartials(),
      counts: Float64Array.from(this.counts),
      joint: this.joint.toState(),
    };
  }

  static fromState(model: Model, s: CostSummaryState): CostSummary {
    return new CostSummary(model, s);
  }
}
