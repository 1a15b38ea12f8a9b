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
