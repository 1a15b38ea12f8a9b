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
import { analyseRisks, riskSwitches, type RiskAnalysis } from '../montecarlo/riskAnalysis.js';
import { risksCsv } from '../report/risksCsv.js';

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

/** `montecarlo --out`, besides runs.csv; with a risk analysis, risks.csv (when there are risks) and its report blocks. */
export function monteCarloFiles(model: Model, r: MonteCarloResult, risks?: RiskAnalysis): OutputFiles {
  return {
    'montecarlo.json': toJson(r),
    'tasks.csv': tasksCsv(r),
    'agents.csv': agentsCsv(r, model.orchestrator),
    'trace.csv': traceCsv(r.representative.trace, model.timeUnit),
    ...(risks !== undefined && risks.risks.length > 0 ? { 'risks.csv': risksCsv(risks) } : {}),
    'report.html': renderReport({ kind: 'montecarlo', model, result: r, ...(risks !== undefined ? { risks } : {}) }),
  };
}

/**
 * The risk analysis `montecarlo --out` adds to its set (docs/monte-carlo.md): risk ranking
 * when the scenario has risks, merge bias when it has merge points; on the result's own runs,
 * seed and sampling. None when it would show nothing.
 */
export function monteCarloRiskAnalysis(model: Model, r: MonteCarloResult): RiskAnalysis | undefined {
  const risky = riskSwitches(model).length > 0;
  if (!risky && !model.predecessorCount.some((n) => n >= 2)) return undefined;
  const a = analyseRisks(model, { strategy: r.strategy, runs: r.runs, seed: r.seed, sampling: r.sampling });
  return risky || a.mergePoints.length > 0 ? a : undefined;
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
