import { extname } from 'node:path';
import type { PlanFormat } from './ImportedPlan.js';

/** The file extensions of the plan formats coordsim reads, and their formats. */
export const PLAN_EXTENSIONS: ReadonlyMap<string, PlanFormat> = new Map([
  ['.xml', 'mspdi'],
  ['.xer', 'xer'],
  ['.gan', 'gan'],
  ['.csv', 'csv'],
  ['.sm', 'psplib'],
]);

/** The plan format a file name says (by extension), or null for a scenario (YAML, JSON). */
export function planFormatOf(file: string): PlanFormat | null {
  return PLAN_EXTENSIONS.get(extname(file).toLowerCase()) ?? null;
}
