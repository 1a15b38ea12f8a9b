import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compileModel } from '../src/engine/compileModel.js';
import type { Model } from '../src/engine/Model.js';
import { parseScenario } from '../src/scenario/parseScenario.js';

/** Absolute path of a file in the repository. */
export const repoPath = (rel: string) => fileURLToPath(new URL(`../${rel}`, import.meta.url));

/** Loads and compiles one of the bundled scenarios. */
export function loadModel(rel: string): Model {
  const file = repoPath(rel);
  return compileModel(parseScenario(readFileSync(file, 'utf8'), file));
}

/** Runs the compiled CLI (`npm test` builds dist/ first). */
export function cli(args: string[], cwd = repoPath('.')) {
  const r = spawnSync(process.execPath, [repoPath('dist/cli/main.js'), ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
