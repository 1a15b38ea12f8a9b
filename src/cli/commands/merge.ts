import type { Argv } from 'yargs';
import { FLAG } from '../commonFlags.js';
import { withFlags, type Flag } from '../flags.js';

export const command = 'merge <parts..>';
export const describe = 'Merge the parts of a Monte Carlo split with --shard into exactly what one process writes';

export const flags: readonly Flag[] = [FLAG.json, FLAG.out];

export function builder(y: Argv) {
  return withFlags(y.positional('parts', { type: 'string', array: true, demandOption: true, describe: 'part files written by montecarlo/compare --shard I/N --out PART, in any order' }), flags)
    .example('$0 merge part-0.json part-1.json part-2.json --out reports/', 'the output set of the whole Monte Carlo')
    .example('$0 merge parts/*.json --json', 'the result as one JSON document');
}

/** The handler, loaded when the command runs (so that `--help` and the other commands do not load its code). */
export const load = () => import('../handlers/merge.js');
