/**
 * coordsim — the public library API. Re-exports only; see README.md and docs/.
 */
export { CoordsimError, type CoordsimErrorCode, type ErrorContext } from './sim/CoordsimError.js';
export { EventQueue } from './sim/EventQueue.js';
export { Simulation, type EventHandler, type RunOptions } from './sim/Simulation.js';
export { stream, streamKey, type Rng } from './sim/streams.js';
export * from './sim/distributions/index.js';
export type * from './models/Scenario.js';
export type * from './models/Model.js';
export { parseScenario } from './models/parseScenario.js';
export { validateScenario } from './models/validateScenario.js';
export { scenarioSchema } from './models/scenarioSchema.js';
export { compileModel } from './models/compileModel.js';
export { Engine, COORD_KINDS, type EngineRunOptions } from './models/Engine.js';
export { createRunInputs, sampleRunInputs, type RunInputs } from './models/RunInputs.js';
export { runMetrics, type RunMetrics } from './models/runMetrics.js';
export { simulate, strategyOf, type SimulateOptions, type RunResult } from './models/simulate.js';
export { TRACE_KINDS, type TraceKind, type TraceRecord } from './models/TraceRecord.js';
export * from './report/index.js';
export { monteCarlo, type MonteCarloOptions } from './models/montecarlo/monteCarlo.js';
export { compare, type CompareOptions } from './models/montecarlo/compare.js';
export type { MonteCarloRunOptions } from './models/montecarlo/MonteCarloOptions.js';
export type * from './models/MonteCarloResult.js';
export { summarizeRange, RUN_COLUMNS, type RangeOptions, type RangeResult } from './models/montecarlo/summarizeRange.js';
export { mergeRangeSummaries, type RangeSummaryState } from './models/montecarlo/RangeSummary.js';
export { strategyResult, pairedDifferences } from './models/montecarlo/summaryResults.js';
