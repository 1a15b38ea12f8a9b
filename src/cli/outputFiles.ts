import type { Model } from '../engine/Model.js';
import type { RunResult } from '../engine/simulate.js';
import type { CompareResult, MonteCarloResult } from '../montecarlo/MonteCarloResult.js';
import { agentsCsv } from '../report/agentsCsv.js';
import { compareCsv } from '../report/compareCsv.js';
import { pairsCsv } from '../report/pairsCsv.js';
import { renderReport } from '../report/renderReport.js';
import { tasksCsv } from '../report/tasksCsv.js';
import { traceCsv } from '../report/traceCsv.js';
import { toJson } from './io.js';

/** The files of each command's output set (runs.csv, streamed while running, comes apart). */
export type OutputFiles = Record<string, string>;

/** `run --out`: the metrics, the trace and the report of one run. */
export function runFiles(model: Model, r: RunResult): OutputFiles {
  return {
    'run.json': toJson(r.metrics),
    'trace.csv': traceCsv(r.trace, model.timeUnit),
    'report.html': renderReport({ kind: 'run', model, metrics: r.metrics, trace: r.trace }),
  };
}

/** `montecarlo --out`, besides runs.csv. */
export function monteCarloFiles(model: Model, r: MonteCarloResult): OutputFiles {
  return {
    'montecarlo.json': toJson(r),
    'tasks.csv': tasksCsv(r),
    'agents.csv': agentsCsv(r, model.orchestrator),
    'trace.csv': traceCsv(r.representative.trace, model.timeUnit),
    'report.html': renderReport({ kind: 'montecarlo', model, result: r }),
  };
}

/** `compare --out`, besides runs.csv. */
export function compareFiles(model: Model, r: CompareResult): OutputFiles {
  return {
    'compare.json': toJson(r),
    'compare.csv': compareCsv(r),
    'pairs.csv': pairsCsv(r),
    'tasks.csv': tasksCsv(r),
    'agents.csv': agentsCsv(r, model.orchestrator),
    // The representative run of the first strategy listed (the one the user is weighing).
    'trace.csv': traceCsv(r.strategies[0].representative.trace, model.timeUnit),
    'report.html': renderReport({ kind: 'compare', model, result: r }),
  };
}
