import type { Argv } from 'yargs';
import { FLAG } from '../commonFlags.js';
import { withFlags, type Flag } from '../flags.js';

export const command = 'check <scenario>';
export const describe = 'Check the scheduling invariants on runs of a scenario; shrink any violation to a minimal counterexample';

export const flags: readonly Flag[] = [
  { ...FLAG.runs, default: '100', describe: 'runs per strategy, 1..10^9 (run indices 0..N-1 of the seed)' },
  FLAG.seed,
  { ...FLAG.strategies, describe: 'strategies to check, comma-separated (default: every strategy of the scenario)' },
  { ...FLAG.json, describe: 'print the report as one JSON document on stdout' },
  { name: 'require-deadline', type: 'boolean', default: false, describe: "also require every run to meet the scenario's deadline" },
];

export function builder(y: Argv) {
  return withFlags(y.positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' }), flags)
    .example('$0 check scenarios/ecommerce-security.yaml', '100 runs of every strategy')
    .example('$0 check plan.yaml --strategies mesh --runs 1000 --seed 7', '1,000 runs of one strategy');
}

/** The handler, loaded when the command runs (so that `--help` and the other commands do not load its code). */
export const load = () => import('../handlers/check.js');
