/** Fitting duration distributions to observed values (re-exports only). */
export { fitDistributions, MIN_FIT_VALUES } from './fitDistributions.js';
export { FIT_FAMILIES, type FitCandidate, type FitFamily, type FitResult, type FitSpec, type NotFitted } from './FitResult.js';
export { fittedLaw, logLikelihood, type FittedLaw } from './FittedLaw.js';
export { fitUniform } from './fitUniform.js';
export { fitTriangular, triangularProfile } from './fitTriangular.js';
export { fitPert, pertMoments } from './fitPert.js';
export { fitLognormal } from './fitLognormal.js';
export { fitNormal, truncatedNormalCv2, HALF_NORMAL_CV2 } from './fitNormal.js';
export { ksStatistic } from './ksStatistic.js';
export { parseValuesCsv, type CsvValues } from './parseValuesCsv.js';
export { formatFitSpec } from './formatFitSpec.js';
export { formatFitTable } from './formatFitTable.js';
export { fitTraces, NANOSECONDS_PER_UNIT, type TraceFitOptions, type TraceFit, type TaskFit, type SampleFit, type TraceAgent } from './traces/fitTraces.js';
export { readOtlpTraces, type OtlpSpan, type OtlpValue } from './traces/readOtlpTraces.js';
export { traceWork, GENAI_ATTRIBUTES, MODEL_OPERATIONS, type TraceWork, type WorkUnit, type AgentActivity, type Tokens } from './traces/traceWork.js';
export { formatTraceFit } from './traces/formatTraceFit.js';
