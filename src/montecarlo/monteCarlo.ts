import { compileModel, isModel } from '../engine/compileModel.js';
import { checkName, checkScenarioArgument } from '../scenario/_internals/arguments.js';
import type { Model } from '../engine/Model.js';
import type { MonteCarloResult } from './MonteCarloResult.js';
import type { Scenario } from '../scenario/Scenario.js';
import { strategyOf } from '../engine/simulate.js';
import { resolveMonteCarloRunOptions, type MonteCarloRunOptions } from './MonteCarloOptions.js';
import { runChunks } from './runChunks.js';
import { strategyResult } from './summaryResults.js';

/** Options of `monteCarlo`. */
export interface MonteCarloOptions extends MonteCarloRunOptions {
  /** Strategy name (default: the scenario's default strategy). */
  strategy?: string;
}

/**
 * N runs of one strategy summarised (docs/semantics.md §11): percentiles of makespan and the other figures,
 * deadline probability, per-task criticality and sensitivity, and a representative run. A
 * pure function of (scenario, strategy, seed, runs, options): the same JSON for any `workers`.
 */
export async function monteCarlo(scenario: Scenario | Model, options: MonteCarloOptions = {}): Promise<MonteCarloResult> {
  checkScenarioArgument('monteCarlo', scenario);
  const o = resolveMonteCarloRunOptions('monteCarlo', options);
  if (options?.strategy !== undefined) checkName('monteCarlo', 'strategy', options.strategy);
  const given = isModel(scenario);
  const model = given ? scenario : compileModel(scenario);
  const strategy = strategyOf(model, options.strategy).name;
  const { summary, stoppedEarly } = await runChunks(model, given ? null : scenario, [strategy], { ...o, packed: true });
  return strategyResult(model, summary, 0, stoppedEarly);
}
