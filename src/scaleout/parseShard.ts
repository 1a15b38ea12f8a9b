import { CoordsimError } from '../scenario/CoordsimError.js';
import type { ShardSpec } from './shardRange.js';

/** A shard and where its index and count came from (for messages). */
export interface ResolvedShard extends ShardSpec {
  /** `--shard` itself, or the environment variables it was read from. */
  source: string;
}

/** The array-job environments `--shard auto` reads, and what each sets. */
export const SHARD_ENVIRONMENTS = [
  { name: 'Kubernetes Indexed Job', index: 'JOB_COMPLETION_INDEX' },
  { name: 'AWS Batch array job', index: 'AWS_BATCH_JOB_ARRAY_INDEX' },
  { name: 'Slurm job array', index: 'SLURM_ARRAY_TASK_ID' },
] as const;

const MAX = 1_000_000;
const usage = (raw: string, what: string) => new CoordsimError('E_USAGE', `--shard ${JSON.stringify(raw)}: ${what}`);

/**
 * Reads `--shard`: `I/N` (0 <= I < N, decimal), `auto/N` or `auto`. `auto` takes the index
 * from the array job's environment (`env`, normally `process.env`) — `JOB_COMPLETION_INDEX`
 * (Kubernetes Indexed Job), `AWS_BATCH_JOB_ARRAY_INDEX` (AWS Batch), `SLURM_ARRAY_TASK_ID`
 * (Slurm, made 0-based with `SLURM_ARRAY_TASK_MIN` and `SLURM_ARRAY_TASK_STEP`) — and the count
 * from `/N`, or for Slurm from `SLURM_ARRAY_TASK_COUNT` or `SLURM_ARRAY_TASK_MIN`/`MAX`; when
 * both are known they must agree. E_USAGE naming the flag and the variables otherwise.
 */
export function parseShard(raw: string, env: Readonly<Record<string, string | undefined>>): ResolvedShard {
  const s = raw.trim();
  const m = /^(auto|\d{1,7})(?:\/(\d{1,7}))?$/.exec(s);
  if (m === null) throw usage(raw, 'expected I/N (shard I of N, 0 <= I < N, e.g. 0/4), auto/N or auto (index and count from the array job\'s environment)');
  const count = m[2] === undefined ? null : Number(m[2]);
  if (count !== null && !(count >= 1 && count <= MAX)) throw usage(raw, `expected a shard count N from 1 to ${MAX.toLocaleString('en-US')}, got ${count}`);
  if (m[1] !== 'auto') {
    if (count === null) throw usage(raw, `expected I/N, e.g. ${m[1]}/4: give the number of shards too`);
    const index = Number(m[1]);
    if (index >= count) throw usage(raw, `the index ${index} is not below the count ${count} (shards are numbered 0 to ${count - 1})`);
    return { index, count, source: '--shard' };
  }
  return fromEnvironment(raw, count, env);
}

function fromEnvironment(raw: string, given: number | null, env: Readonly<Record<string, string | undefined>>): ResolvedShard {
  const set = SHARD_ENVIRONMENTS.filter((e) => env[e.index] !== undefined && env[e.index] !== '');
  if (set.length === 0) {
    throw usage(
      raw,
      `no array-job index in the environment: expected one of ${SHARD_ENVIRONMENTS.map((e) => `${e.index} (${e.name})`).join(', ')}; outside an array job give --shard I/N`,
    );
  }
  if (set.length > 1) throw usage(raw, `several array-job indices are set (${set.map((e) => `${e.index}=${env[e.index]}`).join(', ')}); set only one, or give --shard I/N`);
  const e = set[0];
  const int = (name: string): number | null => {
    const v = env[name];
    if (v === undefined || v === '') return null;
    if (!/^\s*\d{1,9}\s*$/.test(v)) throw usage(raw, `${name}=${JSON.stringify(v)}: expected a whole number`);
    return Number(v);
  };
  let index = int(e.index)!;
  let count = given;
  let source = `${e.index}=${index}`;
  if (e.index === 'SLURM_ARRAY_TASK_ID') {
    const min = int('SLURM_ARRAY_TASK_MIN');
    const max = int('SLURM_ARRAY_TASK_MAX');
    const step = int('SLURM_ARRAY_TASK_STEP') ?? 1;
    const n = int('SLURM_ARRAY_TASK_COUNT');
    const id = index;
    const lo = min ?? 0;
    if (step < 1) throw usage(raw, `SLURM_ARRAY_TASK_STEP=${step}: expected a step of at least 1`);
    if (id < lo || (id - lo) % step !== 0) throw usage(raw, `SLURM_ARRAY_TASK_ID=${id} is not in the array ${lo}-${max ?? '?'}${step > 1 ? `:${step}` : ''}`);
    index = (id - lo) / step;
    const span = max === null ? null : Math.floor((max - lo) / step) + 1;
    if (n !== null && span !== null && n !== span) {
      throw usage(raw, `SLURM_ARRAY_TASK_COUNT=${n} but SLURM_ARRAY_TASK_MIN..MAX (${lo}..${max}${step > 1 ? ` step ${step}` : ''}) hold ${span} ids: a sparse array cannot be split; use --array=0-${n - 1}`);
    }
    const fromEnv = n ?? span;
    if (fromEnv !== null) {
      if (given !== null && given !== fromEnv) throw usage(raw, `the count ${given} disagrees with the Slurm array's ${fromEnv} tasks (${n !== null ? `SLURM_ARRAY_TASK_COUNT=${n}` : `SLURM_ARRAY_TASK_MIN..MAX=${lo}..${max}`})`);
      count = fromEnv;
    }
    source = `SLURM_ARRAY_TASK_ID=${id}${min !== null ? `, SLURM_ARRAY_TASK_MIN=${min}` : ''}${fromEnv !== null ? `, ${n !== null ? `SLURM_ARRAY_TASK_COUNT=${n}` : `SLURM_ARRAY_TASK_MAX=${max}`}` : ''}`;
  }
  if (count === null) throw usage(raw, `${e.index}=${index} gives the index but not the number of shards: write --shard auto/N (N = the job's ${e.index === 'JOB_COMPLETION_INDEX' ? 'completions' : 'array size'})`);
  if (!(count >= 1 && count <= MAX)) throw usage(raw, `expected a shard count from 1 to ${MAX.toLocaleString('en-US')}, got ${count}`);
  if (index >= count) throw usage(raw, `${source} gives the index ${index}, which is not below the count ${count} (shards are numbered 0 to ${count - 1})`);
  return { index, count, source };
}
