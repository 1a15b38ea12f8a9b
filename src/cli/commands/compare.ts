import type { Argv } from 'yargs';
import { FLAG } from '../commonFlags.js';
import { withFlags, type Flag } from '../flags.js';
import { RUN_FLAGS } from './montecarlo.js';

export const command = 'compare <scenario>';
export const describe = 'Compare coordination strategies on the same sampled runs (sequential and ideal always included)';

export const flags: readonly Flag[] = [...RUN_FLAGS, { ...FLAG.strategies, describe: 'comma-separated strategy names (default: all the scenario defines)' }];

export function builder(y: Argv) {
  return withFlags(y.positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' }), flags)
    .example('$0 compare scenarios/ecommerce-security.yaml', 'every strategy of the scenario, 10,000 runs each')
    .example('$0 compare scenarios/ecommerce-security.yaml --strategies orchestrator,mesh --runs 2000', 'two strategies against the references');
}

/** The handler, loaded when the command runs (so that `--help` and the other commands do not load its code). */
export const load = () => import('../handlers/compare.js');
