import { readFileSync } from 'node:fs';
import { CoordsimError } from '../scenario/CoordsimError.js';
import { compileModel } from '../engine/compileModel.js';
import type { Model } from '../engine/Model.js';
import { parseScenario } from '../scenario/parseScenario.js';
import { validateScenario } from '../scenario/validateScenario.js';
import { planFormatOf, readPlan } from '../import/readPlan.js';
import type { Scenario } from '../scenario/Scenario.js';

/** A scenario read from disk, validated and compiled. */
export interface LoadedScenario {
  file: string;
  scenario: Scenario;
  model: Model;
}

/** Reads a file's bytes; a CoordsimError naming it when it cannot be read. */
export function readInputFile(file: string, what = 'scenario'): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new CoordsimError('E_USAGE', `cannot read ${what}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { file });
  }
}

/**
 * Reads, validates and compiles a scenario file — or a plan file (Microsoft Project XML,
 * P6 XER, GanttProject, CSV task list, PSPLIB), imported on the way; every failure is a
 * CoordsimError naming the file.
 */
export function loadScenarioFile(file: string): LoadedScenario {
  const bytes = readInputFile(file);
  const scenario = planFormatOf(file) !== null ? validateScenario(readPlan(bytes, file).scenario, { file }) : parseScenario(bytes.toString('utf8'), file);
  try {
    return { file, scenario, model: compileModel(scenario) };
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
