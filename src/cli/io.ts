import { mkdirSync, readFileSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

/**
 * Writes every file of an output set atomically: each goes to a temporary name in DIR and is
 * renamed into place, so an interrupted run never leaves a half-written file. Content is
 * produced before anything is written, so bad input leaves no output at all.
 */
export function writeOutputs(dir: string, files: Record<string, string | Uint8Array>): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const temps: string[] = [];
  try {
    for (const [name, content] of Object.entries(files)) {
      const tmp = join(dir, `.${name}.${process.pid}.tmp`);
      writeFileSync(tmp, content);
      temps.push(tmp);
    }
    Object.keys(files).forEach((name, i) => {
      renameSync(temps[i], join(dir, name));
      written.push(resolve(dir, name));
    });
  } catch (e) {
    for (const t of temps) rmSync(t, { force: true });
    throw e;
  }
  return written;
}

/** Stable JSON: two-space indented, newline-terminated. Non-finite numbers become null. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}
