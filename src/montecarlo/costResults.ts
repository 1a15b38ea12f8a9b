import type { Model } from '../engine/Model.js';
import { averageRanks, pearson } from './correlation.js';
import { CK_MET_BOTH, CK_MET_BUDGET, COST_KINDS, CS_COST, CS_TOKEN_COST, CS_TOKENS_IN, CS_TOKENS_OUT, type CostSummary } from './CostSummary.js';
import { ExactSum } from './ExactSum.js';
import { chartHistogram, confidenceInterval, moments } from './FigureSummary.js';
import { jointConfidence } from './jointConfidence.js';
import type { MonteCarloResult, ParetoPoint, PairedCostDifference, TaskStats } from './MonteCarloResult.js';
import { keepsFixedCosts, type RangeSummaryState } from './RangeSummary.js';

/** Joint confidence levels reported (a 70% joint confidence level is the usual budgeting target of space projects; 80% the common risk-averse one). */
export const JOINT_LEVELS = [0.7, 0.8] as const;
/** At most this many runs of the subsample go into the cost–finish scatter. */
export const SCATTER_RUNS = 1000;

type CostFields = Pick<
  MonteCarloResult,
  'currency' | 'budget' | 'cost' | 'budgetProbability' | 'jointProbability' | 'jointConfidence' | 'costByKind' | 'costByAgent' | 'costHistogram' | 'costScatter' | 'tokens'
>;

/**
 * The cost fields of strategy k's Monte Carlo result, from its merged cost accumulators and
 * the summary's subsample (docs/monte-carlo.md, "Cost and joint confidence"). `n` runs;
 * `makespanMax` is the largest makespan seen (the joint frontier's dates never exceed it).
 */
export function costFields(model: Model, s: RangeSummaryState, k: number, c: CostSummary, n: number, makespanMax: number): CostFields {
  const cm = model.cost!;
  const mean = (x: number) => (n > 0 ? x / n : NaN);
  const total = c.figures[CS_COST];
  const stats = total.stats();
  const cells = c.joint.cellList();
  const kinds = {} as NonNullable<CostFields['costByKind']>;
  COST_KINDS.forEach((kind, i) => (kinds[kind] = mean(c.byKind.exact(i).value())));
  const byAgent = Object.create(null) as Record<string, number>;
  [...model.agents.map((a) => a.id), model.orchestrator.id].forEach((id, r) => (byAgent[id] = mean(c.byResource.exact(r).value())));
  const makespans = s.sampleMakespans[k];
  const costs = s.sampleCosts![k];
  const m = Math.min(SCATTER_RUNS, costs.length);
  const out: CostFields = {
    currency: cm.currency,
    budget: cm.budget,
    cost: stats,
    budgetProbability: cm.budget === null ? null : mean(c.counts[CK_MET_BUDGET]),
    jointProbability: cm.budget === null || model.deadline === null ? null : mean(c.counts[CK_MET_BOTH]),
    jointConfidence: JOINT_LEVELS.map((level) => jointConfidence(cells, n, level, makespanMax, stats.max)).filter((j) => j !== null),
    costByKind: kinds,
    costByAgent: byAgent,
    costHistogram: chartHistogram(total.histogram.bins(), total.min, total.max),
    costScatter: { makespan: Array.from(makespans.subarray(0, m)), cost: Array.from(costs.subarray(0, m)) },
  };
  if (cm.tokens !== null) {
    out.tokens = { input: c.figures[CS_TOKENS_IN].stats(), output: c.figures[CS_TOKENS_OUT].stats(), cost: c.figures[CS_TOKEN_COST].stats() };
  }
  return out;
}

/** Adds each task's cost sensitivities (Spearman, over the subsample) to `tasks`, for the cost tornado. */
export function addCostSensitivity(model: Model, s: RangeSummaryState, k: number, tasks: TaskStats[]): void {
  const costs = s.sampleCosts![k];
  const rows = costs.length;
  const ranks = averageRanks(costs);
  const T = model.tasks.length;
  const column = new Float64Array(rows);
  const fixed = keepsFixedCosts(model);
  tasks.forEach((t, i) => {
    for (let r = 0; r < rows; r++) column[r] = s.sampleDurations[r * T + i];
    t.costSensitivity = pearson(averageRanks(column), ranks);
    const d = model.cost!.taskCost[i];
    if (!fixed || d === null) {
      t.fixedCostSensitivity = null;
      return;
    }
    for (let r = 0; r < rows; r++) column[r] = s.sampleFixedCosts![r * T + i];
    const rho = pearson(averageRanks(column), ranks);
    t.fixedCostSensitivity = Number.isFinite(rho) ? rho : null;
  });
}

/** Paired cost differences for every pair i < j (common random numbers), or undefined without costs. */
export function pairedCostDifferences(s: RangeSummaryState): PairedCostDifference[] | undefined {
  return s.costPairs?.map((p, i) => {
    const { mean, sd } = moments(p.n, new ExactSum(p.sum.slice()), new ExactSum(p.sumSq.slice()), p.min, p.max);
    return {
      a: s.pairs[i].a,
      b: s.pairs[i].b,
      meanDifference: mean,
      ci95: confidenceInterval(p.n, mean, sd),
      probabilityACheaper: p.n > 0 ? p.aCheaper / p.n : NaN,
    };
  });
}

/**
 * The date–cost Pareto front at P80: for each strategy, the strategies whose P80 makespan and
 * P80 cost are both at most its own, one of them strictly less. A strategy no other dominates
 * is on the front. The `bounds` (strategies of topology `ideal`: coordination for free, a
 * lower bound rather than a way of working) are placed but never dominate another strategy.
 * Undefined when the results carry no cost.
 */
export function paretoFront(results: readonly MonteCarloResult[], bounds: ReadonlySet<string> = new Set()): ParetoPoint[] | undefined {
  if (results.some((r) => r.cost === undefined)) return undefined;
  return results.map((r) => {
    const x = r.makespan.p80;
    const y = r.cost!.p80;
    const better = (o: MonteCarloResult) => o !== r && !bounds.has(o.strategy) && o.makespan.p80 <= x && o.cost!.p80 <= y && (o.makespan.p80 < x || o.cost!.p80 < y);
    return { strategy: r.strategy, makespanP80: x, costP80: y, dominatedBy: results.filter(better).map((o) => o.strategy) };
  });
}
