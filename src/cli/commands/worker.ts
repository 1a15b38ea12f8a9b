import type { Argv } from 'yargs';
import { withFlags, type Flag } from '../flags.js';

export const command = 'worker';
export const describe = 'Run Monte Carlo chunks queued by montecarlo/compare --queue (BullMQ on Redis), on any machine, until interrupted';

export const flags: readonly Flag[] = [
  { name: 'queue', type: 'string', describe: 'the Redis the submitters use: redis://HOST:PORT (required)' },
  { name: 'concurrency', alias: 'c', type: 'string', describe: 'chunks run at once, each on its own thread, 1..256 (default: all cores)' },
  { name: 'lock-ms', type: 'string', describe: 'a job whose worker stops for this many milliseconds goes to another worker, 1000..600000 (default 10000)' },
];

export function builder(y: Argv) {
  return withFlags(y, flags)
    .example('$0 worker --queue redis://10.0.0.5:6379', 'take chunks from that Redis with every core')
    .example('$0 worker --queue redis://127.0.0.1:6379 --concurrency 2', 'two chunks at once');
}

/** The handler, loaded when the command runs (so that `--help` and the other commands do not load its code). */
export const load = () => import('../handlers/worker.js');
