import type { Argv } from 'yargs';
import { FLAG } from '../commonFlags.js';
import { withFlags, type Flag } from '../flags.js';

export const command = 'run <scenario>';
export const describe = 'Simulate one run of a scenario under one strategy';

export const flags: readonly Flag[] = [
  FLAG.strategy,
  FLAG.seed,
  { name: 'run', type: 'string', default: '0', describe: 'run index, 0..999,999,999: run i of a Monte Carlo with this seed (as `coordsim check` reports)' },
  { ...FLAG.json, describe: 'print the run metrics as one JSON document on stdout' },
  { ...FLAG.out, describe: 'write run.json, trace.csv and report.html to this folder (created, or replaced as a whole)' },
];

export function builder(y: Argv) {
  return withFlags(y.positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' }), flags)
    .example('$0 run scenarios/ecommerce-security.yaml', 'one run of the default strategy')
    .example('$0 run scenarios/ecommerce-security.yaml --strategy mesh --seed 7 --out out/', 'a run of another strategy, with its trace');
}

/** The handler, loaded when the command runs (so that `--help` and the other commands do not load its code). */
export const load = () => import('../handlers/run.js');
