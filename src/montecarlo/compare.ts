import { compileModel, isModel } from '../engine/compileModel.js';
import { badArgument, checkScenarioArgument } from '../scenario/_internals/arguments.js';
import type { Model } from '../engine/Model.js';
import type { CompareResult } from './MonteCarloResult.js';
import type { Scenario } from '../scenario/Scenario.js';
import { strategyOf } from '../engine/simulate.js';
import { resolveMonteCarloRunOptions, type MonteCarloRunOptions } from './MonteCarloOptions.js';
import type { RangeSummaryState } from './RangeSummary.js';
import { runChunks } from './runChunks.js';
import { pairedDifferences, strategyResult } from './summaryResults.js';
import { pairedCostDifferences, paretoFront } from './costResults.js';

/** Options of `compare`. */
export type CompareOptions = MonteCarloRunOptions;

/**
 * Runs several strategies on common random numbers (run i of every strategy sees the same
 * sampled durations, risks and gate outcomes) and reports each one's Monte Carlo summary plus,
 * for every pair, the paired difference in makespan. `sequential` and `ideal` are always
 * included (appended when not listed); `strategies` defaults to all the scenario defines.
 */
export async function compare(scenario: Scenario | Model, strategies?: readonly string[] | null, options: CompareOptions = {}): Promise<CompareResult> {
  checkScenarioArgument('compare', scenario);
  if (strategies !== undefined && strategies !== null && !(Array.isArray(strategies) && strategies.every((x) => typeof x === 'string'))) {
    const hint = typeof strategies === 'object' && !Array.isArray(strategies) ? ' (options come third: compare(scenario, null, options))' : '';
    badArgument('compare', `strategies to be a list of strategy names or null${hint}`, strategies);
  }
  const o = resolveMonteCarloRunOptions('compare', options);
  const given = isModel(scenario);
  const model = given ? scenario : compileModel(scenario);
  const names = compareStrategyNames(model, strategies);
  const { summary, stoppedEarly } = await runChunks(model, given ? null : scenario, names, { ...o, packed: true });
  return compareResult(model, summary, stoppedEarly);
}

/** The strategies `compare` runs, in order: those given (default: all the scenario defines), then `sequential` and `ideal` unless listed. */
export function compareStrategyNames(model: Model, strategies?: readonly string[] | null): string[] {
  const names: string[] = [];
  for (const s of [...(strategies ?? model.strategyNames), 'sequential', 'ideal']) {
    const name = strategyOf(model, s).name;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** The comparison of a merged summary of runs [0, N) of `compareStrategyNames` (how merged shards become a `CompareResult`). */
export function compareResult(model: Model, summary: RangeSummaryState, stoppedEarly: boolean): CompareResult {
  const names = summary.strategies;
  const results = names.map((_, k) => strategyResult(model, summary, k, stoppedEarly));
  const result: CompareResult = {
    scenario: model.name,
    seed: summary.seed,
    runs: summary.end - summary.start,
    strategies: results,
    pairs: pairedDifferences(summary),
  };
  if (model.cost !== null) {
    result.costPairs = pairedCostDifferences(summary);
    result.paretoFront = paretoFront(results, new Set(names.filter((n) => model.strategies[n].topology === 'ideal')));
  }
  return result;
}
