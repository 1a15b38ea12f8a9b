import { CoordsimError } from '../scenario/CoordsimError.js';
import { checkBoolean, checkInteger, checkName, checkOptionsArgument, checkScenarioArgument, checkSeed } from '../scenario/_internals/arguments.js';
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
  /** Stall guard: most events one run may process (default 50,000,000). */
  maxEvents?: number;
  /** Trace guard: most trace rows one traced run may record (default 1,000,000). */
  maxTraceRows?: number;
}

/** One simulated run: its metrics and the event trace behind them. */
export interface RunResult {
  metrics: RunMetrics;
  trace: TraceRecord[];
}

/** Resolves a strategy name against a model, with a clear error for unknown names. */
export function strategyOf(model: Model, name?: string) {
  if (name !== undefined) checkName('strategyOf', 'the strategy name', name);
  const key = name ?? model.defaultStrategy;
  // Own properties only: a model's strategies have a null prototype, but a model may be built by hand.
  const s = Object.prototype.hasOwnProperty.call(model.strategies, key) ? model.strategies[key] : undefined;
  if (!s) {
    throw new CoordsimError('E_USAGE', `unknown strategy '${key}'; the scenario defines: ${model.strategyNames.join(', ')}`);
  }
  return s;
}

/** Simulates one run of a scenario (or compiled model) under one strategy: a pure function of (scenario, strategy, seed, run). */
export function simulate(scenario: Scenario | Model, options: SimulateOptions = {}): RunResult {
  checkScenarioArgument('simulate', scenario);
  checkOptionsArgument('simulate', options);
  const o = options ?? {};
  const seed = o.seed ?? 1;
  const run = o.run ?? 0;
  checkSeed('simulate', seed);
  checkInteger('simulate', 'run', run, 0);
  if (o.maxEvents !== undefined) checkInteger('simulate', 'maxEvents', o.maxEvents, 1);
  if (o.maxTraceRows !== undefined) checkInteger('simulate', 'maxTraceRows', o.maxTraceRows, 0);
  if (o.trace !== undefined) checkBoolean('simulate', 'trace', o.trace);
  if (o.strategy !== undefined) checkName('simulate', 'strategy', o.strategy);
  const model = isModel(scenario) ? scenario : compileModel(scenario);
  const strategy = strategyOf(model, o.strategy);
  const inputs = sampleRunInputs(model, seed, run, createRunInputs(model));
  const state = new Engine(model, strategy).run(inputs, { seed, run, trace: o.trace ?? true, maxEvents: o.maxEvents, maxTraceRows: o.maxTraceRows });
  return { metrics: runMetrics(state, inputs), trace: state.trace };
}
