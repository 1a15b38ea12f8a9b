import type { Model } from '../engine/Model.js';
import { compareResult } from '../montecarlo/compare.js';
import type { CompareResult, MonteCarloResult } from '../montecarlo/MonteCarloResult.js';
import { RangeMerger, type RangeSummaryState } from '../montecarlo/RangeSummary.js';
import { strategyResult } from '../montecarlo/summaryResults.js';
import type { ShardCommand } from './ShardFile.js';

/** Merges the summaries of adjacent ranges, given in run order, into the summary of their union (exact). */
export function mergeSummaries(model: Model, inOrder: readonly RangeSummaryState[]): RangeSummaryState {
  const merger = new RangeMerger(model, inOrder[0]);
  for (let i = 1; i < inOrder.length; i++) merger.add(inOrder[i]);
  return merger.toState();
}

/** The result a command prints for a merged summary of runs [0, N): exactly what one process computes. */
export function shardedResult(model: Model, command: 'montecarlo', summary: RangeSummaryState): MonteCarloResult;
export function shardedResult(model: Model, command: 'compare', summary: RangeSummaryState): CompareResult;
export function shardedResult(model: Model, command: ShardCommand, summary: RangeSummaryState): MonteCarloResult | CompareResult;
export function shardedResult(model: Model, command: ShardCommand, summary: RangeSummaryState): MonteCarloResult | CompareResult {
  return command === 'montecarlo' ? strategyResult(model, summary, 0, false) : compareResult(model, summary, false);
}
