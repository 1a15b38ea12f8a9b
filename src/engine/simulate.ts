import { CoordsimError } from '../scenario/CoordsimError.js';
import { compileModel, isModel } from './compileModel.js';
import { Engine } from './Engine.js';
import type { Model } from './Model.js';
import { createRunInputs, sampleRunInputs } from './RunInputs.js';
import { runMetrics, type RunMetrics } from './runMetrics.js';
import type { Scenario } from '../scenario/Scenario.js';
import type { TraceRecord } from './TraceRecord.js';

/** Options of `simulate`. */
export interface SimulateOptions {
  /** Strategy name (default: the scenario's default strategy). */
  strategy?: string;
  /** Seed (default 1). */
  seed?: number | string;
  /** Run index (default 0): run i of a Monte Carlo with the same seed. */
  run?: number;
  /** Record the event trace (default true). */
  trace?: boolean;
  /** Stall guard: most events one run may process. */
  maxEvents?: number;
}

/** One simulated run: its metrics and the event trace behind them. */
export interface RunResult {
  metrics: RunMetrics;
  trace: TraceRecord[];
}

/** Resolves a strategy name against a model, with a clear error for unknown names. */
export function strategyOf(model: Model, name?: string) {
  const key = name ?? model.defaultStrategy;
  const s = model.strategies[key];
  if (!s) {
    throw new CoordsimError('E_USAGE', `unknown strategy '${key}'; the scenario defines: ${model.strategyNames.join(', ')}`);
  }
  return s;
}

/** Simulates one run of a scenario (or compiled model) under one strategy: a pure function of (scenario, strategy, seed, run). */
export function simulate(scenario: Scenario | Model, options: SimulateOptions = {}): RunResult {
  const model = isModel(scenario) ? scenario : compileModel(scenario);
  const strategy = strategyOf(model, options.strategy);
  const seed = options.seed ?? 1;
  const run = options.run ?? 0;
  const inputs = sampleRunInputs(model, seed, run, createRunInputs(model));
  const state = new Engine(model, strategy).run(inputs, { seed, run, trace: options.trace ?? true, maxEvents: options.maxEvents });
  return { metrics: runMetrics(state, inputs), trace: state.trace };
}
