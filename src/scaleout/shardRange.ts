import { CoordsimError } from '../scenario/CoordsimError.js';
import { CHUNK } from '../montecarlo/runChunks.js';

/** Shard `index` of `count`: its position and the runs [start, end) it computes. */
export interface ShardSpec {
  index: number;
  count: number;
}

/**
 * The runs [start, end) of shard `index` of `count` over runs [0, runs): the C = ⌈runs / 1,000⌉
 * chunks are dealt out as contiguous ranges of whole chunks, shard i taking chunks
 * [⌊i·C/count⌋, ⌊(i+1)·C/count⌋) — sizes differ by at most one chunk, and the shards tile
 * [0, runs) in order. E_USAGE when there are more shards than chunks (a shard would be empty).
 */
export function shardRange(runs: number, { index, count }: ShardSpec): [number, number] {
  const chunks = Math.ceil(runs / CHUNK);
  if (!(Number.isSafeInteger(count) && count >= 1 && Number.isSafeInteger(index) && index >= 0 && index < count)) {
    throw new CoordsimError('E_USAGE', `--shard ${index}/${count}: expected I/N with 0 <= I < N`);
  }
  if (count > chunks) {
    throw new CoordsimError(
      'E_USAGE',
      `--shard ${index}/${count}: ${runs.toLocaleString('en-US')} runs make ${chunks} chunk${chunks === 1 ? '' : 's'} of ${CHUNK.toLocaleString('en-US')} runs, and a shard takes whole chunks: use at most ${chunks} shard${chunks === 1 ? '' : 's'}, or more runs`,
    );
  }
  const a = Math.floor((index * chunks) / count);
  const b = Math.floor(((index + 1) * chunks) / count);
  return [a * CHUNK, Math.min(runs, b * CHUNK)];
}
