import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkDestination } from '../../src/cli/output/checkDestination.js';
import { OutputSet } from '../../src/cli/output/OutputSet.js';
import { withOutputSet } from '../../src/cli/output/withOutputSet.js';
import { coordsim, SEED, snapshot, tempDir } from './_cli.js';

describe('withOutputSet(dest, work)', () => {
  test('writes the whole set into a temporary folder beside DIR, then renames it into place', async () => {
    const parent = tempDir();
    const dir = join(parent, 'out');
    const { written } = await withOutputSet(checkDestination(dir), (set) => {
      set!.write('run.json', '{}\n');
      const s = set!.stream('runs.csv');
      s.write('a\n');
      // While the work runs DIR does not exist; the files are in one hidden folder beside it.
      expect(existsSync(dir)).toBe(false);
      const [tmp, ...others] = readdirSync(parent);
      expect(others).toEqual([]);
      expect(tmp).toMatch(/^\.out\.coordsim-/);
      expect(readdirSync(join(parent, tmp)).sort()).toEqual(['run.json', 'runs.csv']);
      s.write('1\n');
    });
    expect(written).toEqual([join(dir, 'run.json'), join(dir, 'runs.csv')]);
    expect(snapshot(parent)).toEqual({ 'out/': '', 'out/run.json': '{}\n', 'out/runs.csv': 'a\n1\n' });
  });

  test('a failing work leaves an existing DIR byte for byte as it was and no temporary folder', async () => {
    const parent = tempDir();
    const dir = join(parent, 'out');
    mkdirSync(dir);
    writeFileSync(join(dir, 'tasks.csv'), 'old\n');
    const before = snapshot(parent);
    await expect(
      withOutputSet(checkDestination(dir), (set) => {
        set!.write('tasks.csv', 'new\n');
        set!.stream('runs.csv').write('partial');
        throw new Error('simulated failure');
      }),
    ).rejects.toThrow('simulated failure');
    expect(snapshot(parent)).toEqual(before);
  });

  test('replaces an existing set as a whole: no file of the old set remains; hidden files are carried over', async () => {
    const parent = tempDir();
    const dir = join(parent, 'out');
    mkdirSync(dir);
    for (const f of ['montecarlo.json', 'runs.csv', 'agents.csv', '.gitkeep']) writeFileSync(join(dir, f), `old ${f}`);
    await withOutputSet(checkDestination(dir), (set) => set!.write('run.json', 'new'));
    expect(snapshot(parent)).toEqual({ 'out/': '', 'out/.gitkeep': 'old .gitkeep', 'out/run.json': 'new' });
  });

  test('abort() removes the folders open() created above DIR', () => {
    const parent = tempDir();
    const set = OutputSet.open(checkDestination(join(parent, 'a', 'b', 'out')));
    set.write('run.json', '{}');
    expect(readdirSync(parent)).toEqual(['a']);
    set.abort();
    expect(readdirSync(parent)).toEqual([]);
  });

  test('commit() refuses a DIR that gained foreign files while the work ran, and leaves it alone', async () => {
    const parent = tempDir();
    const dir = join(parent, 'out');
    await expect(
      withOutputSet(checkDestination(dir), (set) => {
        set!.write('run.json', 'new');
        mkdirSync(dir);
        writeFileSync(join(dir, 'notes.txt'), 'mine');
      }),
    ).rejects.toThrow(/holds "notes.txt"/);
    expect(snapshot(parent)).toEqual({ 'out/': '', 'out/notes.txt': 'mine' });
  });
});

describe('coordsim commands into the same DIR', () => {
  test('a second command leaves only its own files', () => {
    const dir = join(tempDir(), 'out');
    expect(coordsim(['compare', SEED, '--strategies', 'mesh', '--runs', '30', '--out', dir]).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['agents.csv', 'compare.csv', 'compare.json', 'pairs.csv', 'report.html', 'runs.csv', 'tasks.csv', 'trace.csv']);
    const r = coordsim(['run', SEED, '--out', dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['report.html', 'run.json', 'trace.csv']);
    expect(JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'))).toEqual(JSON.parse(r.stdout));
  });
});
