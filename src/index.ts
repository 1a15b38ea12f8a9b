/**
 * coordsim — the public library API. Re-exports only; see README.md and docs/.
 */
export { CoordsimError, type CoordsimErrorCode, type ErrorContext } from './scenario/CoordsimError.js';
export { EventQueue } from './sim/EventQueue.js';
export { Simulation, type EventHandler, type RunOptions } from './sim/Simulation.js';
export { stream, streamKey, type Rng } from './sim/streams.js';
export * from './sim/distributions/index.js';
export type * from './scenario/Scenario.js';
export type * from './engine/Model.js';
export { parseScenario } from './scenario/parseScenario.js';
export { validateScenario } from './scenario/validateScenario.js';
export { scenarioSchema } from './scenario/scenarioSchema.js';
export { compileModel } from './engine/compileModel.js';
export { Engine, COORD_KINDS, type EngineRunOptions } from './engine/Engine.js';
export { createRunInputs, sampleRunInputs, type RunInputs } from './engine/RunInputs.js';
export { runMetrics, type RunMetrics } from './engine/runMetrics.js';
export { simulate, strategyOf, type SimulateOptions, type RunResult } from './engine/simulate.js';
export { TRACE_KINDS, type TraceKind, type TraceRecord } from './engine/TraceRecord.js';
export * from './report/index.js';
export { monteCarlo, type MonteCarloOptions } from './montecarlo/monteCarlo.js';
export { compare, type CompareOptions } from './montecarlo/compare.js';
export type { MonteCarloRunOptions } from './montecarlo/MonteCarloOptions.js';
export type * from './montecarlo/MonteCarloResult.js';
export { summarizeRange, RUN_COLUMNS, type RangeOptions, type RangeResult } from './montecarlo/summarizeRange.js';
export { mergeRangeSummaries, type RangeSummaryState } from './montecarlo/RangeSummary.js';
export { strategyResult, pairedDifferences } from './montecarlo/summaryResults.js';
export { planSchedule, type PlanScheduleOptions, type PlanScheduleResult } from './plan/planSchedule.js';
export { dispatchRanks } from './engine/dispatchRules.js';
export { loadPlanText } from './import/loadPlanText.js';
