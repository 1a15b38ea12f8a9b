import { describe, expect, test } from 'vitest';
import { parseShard } from '../../src/scaleout/parseShard.js';

const shard = (raw: string, env: Record<string, string> = {}) => {
  const { index, count } = parseShard(raw, env);
  return [index, count];
};

describe('parseShard(--shard, env)', () => {
  test('I/N as given', () => {
    expect(shard('0/3')).toEqual([0, 3]);
    expect(shard(' 2/3 ')).toEqual([2, 3]);
    expect(() => shard('3/3')).toThrow('the index 3 is not below the count 3');
    expect(() => shard('1')).toThrow('give the number of shards too');
    expect(() => shard('-1/3')).toThrow('expected I/N');
    expect(() => shard('1/0')).toThrow('expected a shard count N from 1');
    expect(() => shard('0x1/3')).toThrow('expected I/N');
  });

  test('auto/N from a Kubernetes Indexed Job (JOB_COMPLETION_INDEX)', () => {
    expect(shard('auto/4', { JOB_COMPLETION_INDEX: '3' })).toEqual([3, 4]);
    expect(parseShard('auto/4', { JOB_COMPLETION_INDEX: '3' }).source).toBe('JOB_COMPLETION_INDEX=3');
    expect(() => shard('auto', { JOB_COMPLETION_INDEX: '3' })).toThrow('write --shard auto/N (N = the job\'s completions)');
    expect(() => shard('auto/3', { JOB_COMPLETION_INDEX: '3' })).toThrow('gives the index 3, which is not below the count 3');
    expect(() => shard('auto/3', { JOB_COMPLETION_INDEX: 'one' })).toThrow('JOB_COMPLETION_INDEX="one": expected a whole number');
  });

  test('auto/N from an AWS Batch array job (AWS_BATCH_JOB_ARRAY_INDEX)', () => {
    expect(shard('auto/10', { AWS_BATCH_JOB_ARRAY_INDEX: '0' })).toEqual([0, 10]);
    expect(() => shard('auto', { AWS_BATCH_JOB_ARRAY_INDEX: '0' })).toThrow('write --shard auto/N (N = the job\'s array size)');
  });

  test('auto from a Slurm job array: SLURM_ARRAY_TASK_ID with _COUNT, or with _MIN/_MAX (made 0-based)', () => {
    expect(shard('auto', { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_MAX: '4', SLURM_ARRAY_TASK_COUNT: '5' })).toEqual([2, 5]);
    expect(shard('auto', { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '5' })).toEqual([2, 5]);
    // --array=1-3: ids 1, 2, 3 are shards 0, 1, 2.
    expect(shard('auto', { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '3' })).toEqual([1, 3]);
    // --array=0-8:4: ids 0, 4, 8.
    expect(shard('auto', { SLURM_ARRAY_TASK_ID: '8', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_MAX: '8', SLURM_ARRAY_TASK_STEP: '4' })).toEqual([2, 3]);
    expect(shard('auto/5', { SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_COUNT: '5' })).toEqual([4, 5]);
    expect(shard('auto/7', { SLURM_ARRAY_TASK_ID: '4' })).toEqual([4, 7]);
  });

  test('refuses Slurm arrays whose variables disagree, or with --shard auto/N', () => {
    expect(() => shard('auto/4', { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '5' })).toThrow('the count 4 disagrees with the Slurm array\'s 5 tasks (SLURM_ARRAY_TASK_COUNT=5)');
    expect(() => shard('auto', { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '7', SLURM_ARRAY_TASK_COUNT: '3' })).toThrow('a sparse array cannot be split; use --array=0-2');
    expect(() => shard('auto', { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '3' })).toThrow('SLURM_ARRAY_TASK_ID=0 is not in the array 1-3');
    expect(() => shard('auto', { SLURM_ARRAY_TASK_ID: '4' })).toThrow('gives the index but not the number of shards');
  });

  test('refuses auto outside an array job, and with several schedulers\' indices set', () => {
    expect(() => shard('auto/3', {})).toThrow('no array-job index in the environment: expected one of JOB_COMPLETION_INDEX (Kubernetes Indexed Job), AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch array job), SLURM_ARRAY_TASK_ID (Slurm job array)');
    expect(() => shard('auto/3', { JOB_COMPLETION_INDEX: '' })).toThrow('no array-job index');
    expect(() => shard('auto/3', { JOB_COMPLETION_INDEX: '1', SLURM_ARRAY_TASK_ID: '1' })).toThrow('several array-job indices are set (JOB_COMPLETION_INDEX=1, SLURM_ARRAY_TASK_ID=1)');
  });
});
