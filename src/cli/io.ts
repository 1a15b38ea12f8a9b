import { CoordsimError } from '../scenario/CoordsimError.js';
import { compileModel } from '../engine/compileModel.js';
import type { Model } from '../engine/Model.js';
import { parseScenarioWithWarnings } from '../scenario/parseScenario.js';
import type { ScenarioWarning } from '../scenario/scenarioWarnings.js';
import { readScenarioBytes } from '../scenario/readScenarioText.js';
import { validateScenario } from '../scenario/validateScenario.js';
import { planFormatOf } from '../import/planFormat.js';
import type { Scenario } from '../scenario/Scenario.js';

/** A scenario read from disk, validated and compiled. */
export interface LoadedScenario {
  file: string;
  scenario: Scenario;
  model: Model;
  /** Located warnings (e.g. a gate nothing waits for). */
  warnings: ScenarioWarning[];
}

/** Reads a file's bytes, at most the size limit (32 MiB); a CoordsimError naming it when it cannot be read. */
export function readInputFile(file: string): Buffer {
  return readScenarioBytes(file);
}

/**
 * Reads, validates and compiles a scenario file — or a plan file (Microsoft Project XML,
 * P6 XER, GanttProject, CSV task list, PSPLIB), imported on the way; every failure is a
 * CoordsimError naming the file. The plan readers are loaded only for a plan file.
 */
export async function loadScenarioFile(file: string): Promise<LoadedScenario> {
  const bytes = readInputFile(file);
  let scenario: Scenario;
  let warnings: ScenarioWarning[] = [];
  if (planFormatOf(file) !== null) {
    const { readPlan } = await import('../import/readPlan.js');
    scenario = validateScenario(readPlan(bytes, file).scenario, { file });
  } else ({ scenario, warnings } = parseScenarioWithWarnings(bytes.toString('utf8'), file));
  try {
    return { file, scenario, model: compileModel(scenario), warnings };
  } catch (e) {
    if (e instanceof CoordsimError && !e.context.file) {
      throw new CoordsimError(e.code, e.message, { ...e.context, file });
    }
    throw e;
  }
}

/** Stable JSON: two-space indented, newline-terminated. Non-finite numbers become null. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}
