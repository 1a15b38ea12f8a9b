import { availableParallelism } from 'node:os';
import type { ArgumentsCamelCase, Argv } from 'yargs';
import { CoordsimError } from '../../scenario/CoordsimError.js';
import type { CliContext } from '../CliContext.js';
import { withFlags, type Flag } from '../flags.js';
import { parseInteger } from '../options.js';
import { parseQueueTarget } from '../queue/queueTarget.js';
import { terminalText } from '../terminalText.js';

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

export function handler(ctx: CliContext) {
  return async (argv: ArgumentsCamelCase<{ queue?: string; concurrency?: string; 'lock-ms'?: string }>) => {
    if (argv.queue === undefined) throw new CoordsimError('E_USAGE', 'worker: --queue is required: the Redis the submitters use, redis://HOST:PORT');
    const target = parseQueueTarget(argv.queue);
    const concurrency = argv.concurrency === undefined ? availableParallelism() : parseInteger('concurrency', argv.concurrency, { min: 1, max: 256 });
    const lockMs = argv['lock-ms'] === undefined ? 10_000 : parseInteger('lock-ms', argv['lock-ms'], { min: 1000, max: 600_000 });
    const { runWorker } = await import('../queue/runWorker.js'); // BullMQ loads only here
    await runWorker({ target, concurrency, lockMs, log: (t) => ctx.stderr(terminalText(t)) });
  };
}
