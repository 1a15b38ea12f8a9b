import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { expectSameSet, inProcess, SMALL, tempDir, withEnv } from './_scaleout.js';

let dir: string;
beforeAll(() => {
  dir = tempDir('coordsim-merge-');
});

/** Runs a command in-process and insists on exit 0. */
async function ok(args: string[]) {
  const r = await inProcess(args);
  if (r.code !== 0) expect.fail(`coordsim ${args.join(' ')}: exit ${r.code}\n${r.stderr}`);
  return r;
}

describe.each([
  { name: 'montecarlo, random sampling', command: 'montecarlo', flags: ['--runs', '3000', '--seed', '5'], order: [2, 0, 1], ext: '.json' },
  { name: 'montecarlo --sampling lhs --strategy hub', command: 'montecarlo', flags: ['--runs', '3200', '--sampling', 'lhs', '--strategy', 'hub'], order: [1, 2, 0], ext: '.json' },
  { name: 'compare --sampling lhs, gzip parts', command: 'compare', flags: ['--runs', '3500', '--sampling', 'lhs', '--seed', 'abc'], order: [0, 2, 1], ext: '.json.gz' },
])('$name: shards 0/3, 1/3, 2/3 merged in another order', ({ command, flags, order, ext }) => {
  test('write exactly what one process writes (every file byte for byte, runs.csv included), and print it', async () => {
    const base = join(dir, `${command}-${flags.join('')}`.replace(/[^a-z0-9]/gi, ''));
    const one = await ok([command, SMALL, ...flags, '--out', `${base}-one`]);
    for (const i of [0, 1, 2]) await ok([command, SMALL, ...flags, '--shard', `${i}/3`, '--out', `${base}-part${i}${ext}`]);
    const parts = order.map((i) => `${base}-part${i}${ext}`);
    const merged = await ok(['merge', ...parts, '--out', `${base}-merged`]);
    expectSameSet(`${base}-merged`, `${base}-one`);
    expect(merged.stdout).toBe(one.stdout);
    expect(merged.stderr).toBe(one.stderr.replaceAll(`${base}-one`, `${base}-merged`));
    const json = await ok(['merge', ...parts.reverse(), '--json']);
    expect(json.stdout).toBe(readFileSync(join(`${base}-one`, `${command}.json`), 'utf8'));
    if (ext.endsWith('.gz')) expect(readFileSync(parts[0]).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
  });
});

describe('montecarlo --shard auto', () => {
  test.each([
    ['JOB_COMPLETION_INDEX (Kubernetes Indexed Job)', 'auto/3', (i: number) => ({ JOB_COMPLETION_INDEX: String(i) })],
    ['AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch array job)', 'auto/3', (i: number) => ({ AWS_BATCH_JOB_ARRAY_INDEX: String(i) })],
    ['SLURM_ARRAY_TASK_ID and _COUNT (Slurm job array)', 'auto', (i: number) => ({ SLURM_ARRAY_TASK_ID: String(i), SLURM_ARRAY_TASK_COUNT: '3' })],
    ['SLURM_ARRAY_TASK_ID, _MIN and _MAX (Slurm --array=1-3)', 'auto', (i: number) => ({ SLURM_ARRAY_TASK_ID: String(i + 1), SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '3' })],
  ])('reads the shard from %s; the parts merge into the one-process output', async (_name, flag, env) => {
    const base = join(dir, `auto-${Object.keys(env(0)).join('-')}`);
    const parts: string[] = [];
    for (const i of [0, 1, 2]) {
      const part = `${base}-${i}.json`;
      const r = await withEnv(env(i), () => ok(['montecarlo', SMALL, '--runs', '3000', '--workers', '1', '--shard', flag, '--out', part, '--json']));
      const info = JSON.parse(r.stdout);
      expect(info.shard).toEqual({ index: i, count: 3 });
      expect(info.range).toEqual([1000 * i, 1000 * (i + 1)]);
      expect(info.source).toContain(Object.keys(env(i))[0]);
      parts.push(part);
    }
    const one = await ok(['montecarlo', SMALL, '--runs', '3000', '--workers', '1', '--json']);
    expect((await ok(['merge', ...parts.reverse(), '--json'])).stdout).toBe(one.stdout);
  });

  test('without an array job in the environment: exit 2 naming the variables it looks for, no part written', async () => {
    const part = join(dir, 'auto-none.json');
    const r = await inProcess(['montecarlo', SMALL, '--runs', '3000', '--shard', 'auto/3', '--out', part]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('JOB_COMPLETION_INDEX (Kubernetes Indexed Job), AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch array job), SLURM_ARRAY_TASK_ID (Slurm job array)');
    expect(() => readFileSync(part)).toThrow();
  });
});
