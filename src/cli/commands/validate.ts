import type { Argv } from 'yargs';
import { FLAG } from '../commonFlags.js';
import { withFlags, type Flag } from '../flags.js';

export const command = 'validate <scenario>';
export const describe = 'Check a scenario file (schema, references, cycles, feasibility) without running it';

export const flags: readonly Flag[] = [{ ...FLAG.json, describe: 'print the result as JSON on stdout (also for an invalid file: {"valid": false, "error": ...})' }];

export function builder(y: Argv) {
  return withFlags(y.positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' }), flags);
}

/** The handler, loaded when the command runs (so that `--help` and the other commands do not load its code). */
export const load = () => import('../handlers/validate.js');
