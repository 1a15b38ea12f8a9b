import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { repoPath } from '../helpers.js';

export { inProcess, tempDir } from '../cli/_cli.js';

/** The scenario of the shard and queue tests. */
export const SMALL = repoPath('test/scaleout/fixtures/small.yaml');

/**
 * `cmp` of two output sets: the same file names, and every file byte for byte the same
 * (the first difference is named, with its byte offset).
 */
export function expectSameSet(got: string, want: string): void {
  const names = readdirSync(want).sort();
  expect(readdirSync(got).sort()).toEqual(names);
  expect(names.length).toBeGreaterThan(4);
  for (const n of names) {
    const a = readFileSync(join(got, n));
    const b = readFileSync(join(want, n));
    if (!a.equals(b)) {
      let at = 0;
      while (at < a.length && a[at] === b[at]) at++;
      expect.fail(`${n} differs at byte ${at}: ${JSON.stringify(a.subarray(at, at + 40).toString())} vs ${JSON.stringify(b.subarray(at, at + 40).toString())}`);
    }
  }
}

/** Runs `f` with extra environment variables set (and the previous values restored). */
export async function withEnv<T>(vars: Record<string, string>, f: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await f();
  } finally {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
