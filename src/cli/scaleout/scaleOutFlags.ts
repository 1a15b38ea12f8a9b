import { CoordsimError } from '../../scenario/CoordsimError.js';
import { parseShard, type ResolvedShard } from '../../scaleout/parseShard.js';
import type { Flag } from '../flags.js';
import { flagValue } from '../flags.js';
import { parseInteger } from '../options.js';
import { parseQueueTarget, type QueueTarget } from '../queue/queueTarget.js';

/** The scale-out flags of `montecarlo` and `compare`. */
export const SCALE_OUT_FLAG = {
  shard: {
    name: 'shard',
    type: 'string',
    describe: 'compute only shard I of N (I/N; auto/N or auto: from a Kubernetes, AWS Batch or Slurm array job) and write its summary to --out PART, a file; `coordsim merge` joins the parts',
  },
  queue: { name: 'queue', type: 'string', describe: 'run the chunks on `coordsim worker` processes through this Redis: redis://HOST:PORT' },
  queueTimeout: { name: 'queue-timeout', type: 'string', describe: 'with --queue: give up when no worker runs a chunk for this many seconds, 1..86400 (default 60)' },
} as const satisfies Record<string, Flag>;

export const SCALE_OUT_FLAGS: readonly Flag[] = Object.values(SCALE_OUT_FLAG);

/** How a Monte Carlo command is spread out: a shard of it, its chunks on a queue, both or neither. */
export interface ScaleOut {
  shard: ResolvedShard | null;
  queue: QueueTarget | null;
  queueTimeoutMs: number;
}

/**
 * Reads `--shard`, `--queue` and `--queue-timeout` and refuses combinations that cannot work,
 * before any work: a shard writes a part file (`--out` required); early stopping needs every
 * chunk in run order (no `--precision` with `--shard`); `--workers` counts this machine's
 * threads (none with `--queue`). E_USAGE naming the flags.
 */
export function parseScaleOut(argv: Record<string, unknown>, o: { precision: number | null; env: Readonly<Record<string, string | undefined>> }): ScaleOut {
  const rawShard = flagValue(argv, SCALE_OUT_FLAG.shard);
  const rawQueue = flagValue(argv, SCALE_OUT_FLAG.queue);
  const rawTimeout = flagValue(argv, SCALE_OUT_FLAG.queueTimeout);
  const shard = rawShard === undefined ? null : parseShard(String(rawShard), o.env);
  const queue = rawQueue === undefined ? null : parseQueueTarget(rawQueue);
  if (shard !== null && argv.out === undefined) throw new CoordsimError('E_USAGE', '--shard needs --out PART: the file that receives the shard\'s summary (then `coordsim merge PART... --out DIR`)');
  if (shard !== null && o.precision !== null) throw new CoordsimError('E_USAGE', '--precision cannot be used with --shard: early stopping looks at every chunk in run order, which only one process (or --queue) sees');
  if (queue !== null && argv.workers !== undefined) throw new CoordsimError('E_USAGE', '--workers counts threads of this machine and cannot be used with --queue: give each `coordsim worker` its --concurrency');
  if (rawTimeout !== undefined && queue === null) throw new CoordsimError('E_USAGE', '--queue-timeout applies only with --queue');
  const seconds = rawTimeout === undefined ? 60 : parseInteger('queue-timeout', rawTimeout, { min: 1, max: 86_400 });
  return { shard, queue, queueTimeoutMs: seconds * 1000 };
}
