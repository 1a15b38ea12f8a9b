/** The report renderers: pure functions of results (re-exports only). */
export { renderReport, renderReportData, REPORT_DATA_ID, modelView, reportData } from './renderReport.js';
export type { ReportInput, ReportData, ModelView } from './ReportData.js';
export { toCsv, csvCell, type CsvCell } from './toCsv.js';
export { traceCsv, TRACE_COLUMNS } from './traceCsv.js';
export { tasksCsv, TASK_COLUMNS } from './tasksCsv.js';
export { agentsCsv, AGENT_COLUMNS } from './agentsCsv.js';
export { compareCsv, COMPARE_COLUMNS } from './compareCsv.js';
export { pairsCsv, PAIR_COLUMNS } from './pairsCsv.js';
export { runsCsvHeader, runsCsvRows, RUNS_COLUMNS } from './runsCsv.js';
export { risksCsv, RISK_COLUMNS } from './risksCsv.js';
