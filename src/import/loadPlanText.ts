import { parseScenario } from '../scenario/parseScenario.js';
import type { Scenario } from '../scenario/Scenario.js';
import { validateScenario } from '../scenario/validateScenario.js';
import { planFormatOf, readPlan } from './readPlan.js';

/**
 * Reads a plan file's text into a validated scenario, by the file's extension, as the CLI's
 * `loadScenarioFile` reads files: a plan format (`.sm` PSPLIB — its renewable resources become
 * agents `R1..Rk` with their capacities, its jobs tasks with their `needs` — `.xml`, `.xer`,
 * `.gan`, `.csv`) through `readPlan`, anything else as a scenario in YAML or JSON
 * (`parseScenario`). Pure: `file` only chooses the reader and is named in messages. Throws a
 * CoordsimError naming the file (and the line of the source).
 */
export function loadPlanText(text: string, file: string): Scenario {
  if (planFormatOf(file) === null) return parseScenario(text, file);
  return validateScenario(readPlan(new TextEncoder().encode(text), file).scenario, { file });
}
