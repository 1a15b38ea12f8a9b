import { readFileSync } from 'node:fs';
import { CoordsimError } from '../scenario/CoordsimError.js';
import { compileModel } from '../engine/compileModel.js';
import type { Model } from '../engine/Model.js';
import { parseScenario } from '../scenario/parseScenario.js';
import type { Scenario } from '../scenario/Scenario.js';

/** A scenario read from disk, validated and compiled. */
export interface LoadedScenario {
  file: string;
  scenario: Scenario;
  model: Model;
}

/** Reads, validates and compiles a scenario file; every failure is a CoordsimError naming the file. */
export function loadScenarioFile(file: string): LoadedScenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CoordsimError('E_USAGE', `cannot read scenario: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { file });
  }
  const scenario = parseScenario(text, file);
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
