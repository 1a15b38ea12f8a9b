import type { Flag } from './flags.js';

/** The flags shared by several commands: one spelling per meaning everywhere. */
export const FLAG = {
  runs: { name: 'runs', alias: 'n', type: 'string', default: '10000', describe: 'number of runs, 1..10^9 (the cap with --precision)' },
  seed: { name: 'seed', type: 'string', default: '1', describe: 'random seed: a decimal integer or any other non-empty string' },
  workers: { name: 'workers', alias: 'w', type: 'string', describe: 'worker threads, 1..256 (default: all cores); results do not depend on it' },
  sampling: { name: 'sampling', type: 'string', choices: ['random', 'lhs'], default: 'random', describe: 'task durations: independent draws or Latin hypercube (blocks of 1,000 runs)' },
  json: { name: 'json', type: 'boolean', default: false, describe: 'print the result as one JSON document on stdout' },
  out: { name: 'out', alias: 'o', type: 'string', describe: 'write the output set to this folder (created, or replaced as a whole)' },
  /** One strategy (run, montecarlo); `--strategies` naming one is accepted too. */
  strategy: { name: 'strategy', alias: 's', hidden: ['strategies'], type: 'string', describe: "strategy name (default: the scenario's `strategy`)" },
  /** Several strategies (compare, check); `--strategy` / `-s` are accepted too. */
  strategies: { name: 'strategies', alias: 's', hidden: ['strategy'], type: 'string', describe: 'comma-separated strategy names' },
} as const satisfies Record<string, Flag>;
