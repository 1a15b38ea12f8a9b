import type { Argv } from 'yargs';
import { FLAG } from '../commonFlags.js';
import { withFlags, type Flag } from '../flags.js';
import { SCALE_OUT_FLAGS } from '../scaleout/scaleOutFlags.js';

export const command = 'montecarlo <scenario>';
export const describe = 'Monte Carlo timeline of one strategy: P50/P80/P95 makespan, deadline probability, critical tasks';

/** Flags shared with `compare`. */
export const RUN_FLAGS: readonly Flag[] = [FLAG.runs, FLAG.seed, FLAG.workers, FLAG.sampling, FLAG.json, FLAG.out, ...SCALE_OUT_FLAGS];

export const flags: readonly Flag[] = [
  ...RUN_FLAGS,
  FLAG.strategy,
  { name: 'precision', type: 'string', describe: 'stop once the 95% CI half-width of mean makespan is below this fraction of the mean (checked every 1,000 runs)' },
];

export function builder(y: Argv) {
  return withFlags(y.positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' }), flags)
    .example('$0 montecarlo scenarios/ecommerce-security.yaml', '10,000 runs of the default strategy')
    .example('$0 montecarlo scenarios/ecommerce-security.yaml --precision 0.002 --runs 100000 --out reports/', 'stop at 0.2% precision, write the report');
}

/** The handler, loaded when the command runs (so that `--help` and the other commands do not load its code). */
export const load = () => import('../handlers/montecarlo.js');
