import { parseScenario } from '../scenario/parseScenario.js';
import type { Scenario } from '../scenario/Scenario.js';
import { validateScenario } from '../scenario/validateScenario.js';
import { readPsplib } from './psplib/readPsplib.js';

/**
 * Reads a plan file's text into a validated scenario, by the file's extension: a PSPLIB
 * single-mode RCPSP file (`.sm`) through `readPsplib` (its renewable resources become agents
 * `R1..Rk` with their capacities, its jobs tasks with their demands), anything else as a
 * scenario in YAML or JSON (`parseScenario`). Pure: `file` only chooses the reader and is
 * named in messages. Throws a CoordsimError naming the file (and the line of the source).
 */
export function loadPlanText(text: string, file: string): Scenario {
  if (/\.sm$/i.test(file)) return validateScenario(readPsplib(text, file).scenario, { file });
  return parseScenario(text, file);
}
