import type { Argv } from 'yargs';
import { PLAN_EXTENSIONS } from '../../import/planFormat.js';
import { FLAG } from '../commonFlags.js';
import { withFlags, type Flag } from '../flags.js';

export const command = 'plan <scenario>';
export const describe = 'Search for a short schedule (rules, biased random sampling, forward-backward improvement) and pin its start order';

/**
 * Bounds of --passes. A J30 plan (30 tasks) takes about 25 µs a schedule, a large scenario
 * milliseconds: a million schedules is half a minute to hours, and gains little over 10^4.
 */
export const PASSES = { min: 1, max: 1_000_000 } as const;

export const flags: readonly Flag[] = [
  FLAG.strategy,
  { name: 'passes', alias: 'p', type: 'string', default: '1000', describe: 'schedules to generate, 1..1,000,000: the five single-pass rules, the samples and their improvement passes' },
  { ...FLAG.seed, describe: 'seed of the sampling: a decimal integer or any other non-empty string' },
  { ...FLAG.json, describe: 'print the plan (makespan, found, rules, order, ...) as one JSON document on stdout' },
  { name: 'out', alias: 'o', type: 'string', describe: 'write the scenario with the start order pinned (dispatch: {order: [...]}) to this file: YAML, or JSON for a .json name' },
];

export function builder(y: Argv) {
  return withFlags(y.positional('scenario', { type: 'string', demandOption: true, describe: `scenario (YAML or JSON) or plan file (${[...PLAN_EXTENSIONS.keys()].join(', ')})` }), flags)
    .example('$0 plan j301_1.sm', 'a PSPLIB instance: best makespan, each rule, the order')
    .example('$0 plan plan.yaml --passes 5000 --seed 7 --out planned.yaml', 'pin the best order found; `coordsim run planned.yaml` replays it');
}

/** The handler, loaded when the command runs (so that `--help` and the other commands do not load its code). */
export const load = () => import('../handlers/plan.js');
