import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { coordsim, SEED, snapshot, tempDir } from './_cli.js';

const isRoot = process.getuid?.() === 0;

interface Hostile {
  title: string;
  /** Sets the case up in `dir`; returns the --out value and the text the message must show. */
  setup: (dir: string) => { out: string; shows?: string };
  skip?: boolean;
}

const CASES: Hostile[] = [
  { title: 'an existing file', setup: (d) => (writeFileSync(join(d, 'f.txt'), 'x'), { out: join(d, 'f.txt') }) },
  { title: 'a path under a file', setup: (d) => (writeFileSync(join(d, 'f.txt'), 'x'), { out: join(d, 'f.txt', 'sub', 'out'), shows: join(d, 'f.txt') }) },
  { title: '/dev/null', setup: () => ({ out: '/dev/null' }) },
  { title: 'a folder under /sys', setup: () => ({ out: '/sys/coordsim-out' }) },
  { title: 'an existing folder of /sys', setup: () => ({ out: '/sys/kernel' }) },
  { title: 'a folder under /proc', setup: () => ({ out: '/proc/x' }) },
  { title: 'a dangling symbolic link', setup: (d) => (symlinkSync(join(d, 'missing'), join(d, 'link')), { out: join(d, 'link') }) },
  { title: 'a folder under a dangling symbolic link', setup: (d) => (symlinkSync(join(d, 'missing'), join(d, 'link')), { out: join(d, 'link', 'out'), shows: join(d, 'link') }) },
  { title: 'a folder holding other files', setup: (d) => (mkdirSync(join(d, 'mine')), writeFileSync(join(d, 'mine', 'notes.txt'), 'keep'), { out: join(d, 'mine'), shows: 'notes.txt' }) },
  { title: 'a folder holding a sub-folder', setup: (d) => (mkdirSync(join(d, 'mine', 'sub'), { recursive: true }), { out: join(d, 'mine') }) },
  {
    title: 'a folder without write permission (skipped as root: root writes anywhere)',
    skip: isRoot,
    setup: (d) => (mkdirSync(join(d, 'ro')), chmodSync(join(d, 'ro'), 0o555), { out: join(d, 'ro', 'out'), shows: join(d, 'ro') }),
  },
];

describe('--out refuses hostile destinations before any work', () => {
  test.for(CASES.filter((c) => !c.skip))('$title: exit 2, the message names the path, nothing created, promptly', ({ setup }) => {
    const dir = tempDir('coordsim-dest-');
    const { out, shows } = setup(dir);
    const before = snapshot(dir);
    // montecarlo with a big run count: a refusal that came after the work would take minutes.
    const r = coordsim(['montecarlo', SEED, '--runs', '5000000', '--out', out]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`--out ${JSON.stringify(out)}`);
    if (shows !== undefined) expect(r.stderr).toContain(shows);
    expect(r.stdout).toBe('');
    expect(snapshot(dir)).toEqual(before);
    expect(r.ms).toBeLessThan(15_000);
  });

  test('--out "": exit 2 naming the flag', () => {
    const r = coordsim(['run', SEED, '--out', '']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out: expected a folder path, got an empty value/);
  });

  test('--out naming the working folder is refused (it would be replaced as a whole)', () => {
    const dir = tempDir('coordsim-dest-');
    const r = coordsim(['run', SEED, '--out', '.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out "\.": is the working folder/);
    expect(snapshot(dir)).toEqual({});
  });

  test('missing folders above DIR are created, and removed again when the command fails', () => {
    const dir = tempDir('coordsim-dest-');
    const ok = coordsim(['run', SEED, '--out', join(dir, 'a', 'b', 'out')]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(Object.keys(snapshot(dir))).toEqual(['a/', 'a/b/', 'a/b/out/', 'a/b/out/report.html', 'a/b/out/run.json', 'a/b/out/trace.csv']);
    const bad = coordsim(['run', join(dir, 'missing.yaml'), '--out', join(dir, 'c', 'd', 'out')]);
    expect(bad.code).toBe(2);
    expect(Object.keys(snapshot(dir)).filter((k) => k.startsWith('c'))).toEqual([]);
  });
});
