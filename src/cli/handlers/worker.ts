import { availableParallelism } from 'node:os';
import type { ArgumentsCamelCase } from 'yargs';
import { CoordsimError } from '../../scenario/CoordsimError.js';
import type { CliContext } from '../CliContext.js';
import { parseInteger } from '../options.js';
import { parseQueueTarget } from '../queue/queueTarget.js';
import { terminalText } from '../terminalText.js';

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
