/** Plan readers: Microsoft Project XML, Primavera P6 XER, GanttProject, CSV task lists, PSPLIB. */
export type { ImportedPlan, ImportWarning, PlanFormat, SourceDates } from './ImportedPlan.js';
export { PLAN_EXTENSIONS, planFormatOf, readPlan } from './readPlan.js';
export { readMspdi } from './mspdi/readMspdi.js';
export { readXer } from './xer/readXer.js';
export { readGan } from './gan/readGan.js';
export { readCsvPlan } from './csv/readCsvPlan.js';
export { readPsplib } from './psplib/readPsplib.js';
export { readPsplibSolutions, readPsplibBounds, type MakespanBounds } from './psplib/readPsplibSolutions.js';
export { comparePlanDates, type DateAgreement, type DateDifference, type TaskDates } from './comparePlanDates.js';
export { checkPlanDates, type PlanDateCheck } from './checkPlanDates.js';
export { applyUncertainty, parseUncertainty, type UncertaintyTemplate } from './applyUncertainty.js';
