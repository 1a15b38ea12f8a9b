import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { readPsplibSolutions } from '../../src/import/psplib/readPsplibSolutions.js';
import { repoPath } from '../helpers.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { coordsim, inProcess, SEED, snapshot, start, tempDir } from './_cli.js';

/**
 * delay.sm (test/joint): optimum 7, reached only by keeping R1 idle at time 0; every dispatch
 * rule gives 8 (the hand-made timeline is in test/joint/rcpsp.test.ts).
 */
const DELAY = repoPath('test/joint/fixtures/delay.sm');
/**
 * small12.sm (test/import): R2 holds 34 unit-days of work at capacity 3, so no schedule is
 * shorter than 12 (34 / 3 = 11.3); its optimum is 13: every one of its 8,520 precedence-feasible
 * activity lists, decoded by the serial scheme (whose schedules include an optimal one,
 * Kolisch 1996), gives 13 or more (enumerated once, when the figure was written here).
 */
const SMALL12 = repoPath('test/import/fixtures/small12.sm');

const planJson = (args: string[]) => {
  const r = coordsim(['plan', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};
const runMakespan = (file: string) => {
  const r = coordsim(['run', file, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout).makespan as number;
};

describe('coordsim plan on hand-made PSPLIB files', () => {
  test('delay.sm: the plan reaches the optimum 7 where every single-pass rule gives 8', () => {
    const p = planJson([DELAY, '--passes', '200']);
    expect(p.makespan).toBe(7);
    expect(p.rules).toEqual({ 'file-order': 8, lft: 8, mts: 8, grpw: 8, spt: 8 });
    expect(p.order).toEqual(['1', '2', '4', '3', '5', '6']);
    expect(p.found.by).toMatch(/sampling/);
    expect(p.found.pass).toBeGreaterThan(5); // after the five rules
    expect(p.found.pass).toBeLessThanOrEqual(p.passes);
    expect([p.passes, p.scheme, p.improved, p.strategy, p.timeUnit, p.out]).toEqual([200, 'serial', true, 'ideal', 'day', null]);
  });

  test('small12.sm: never below the energy bound 12, and at the optimum 13', async () => {
    for (const seed of ['1', '2', '3']) {
      const p = seed === '1' ? planJson([SMALL12, '--passes', '300', '--seed', seed]) : JSON.parse((await inProcess(['plan', SMALL12, '--passes', '300', '--seed', seed, '--json'])).stdout);
      expect(p.makespan, `seed ${seed}`).toBeGreaterThanOrEqual(12);
      expect(p.makespan, `seed ${seed}`).toBe(13);
      expect(Math.min(...Object.values(p.rules as Record<string, number>))).toBeGreaterThanOrEqual(13);
    }
  });

  test('the text output: best makespan, the pass it was found at, every rule, the order', async () => {
    const r = coordsim(['plan', DELAY, '--passes', '200']);
    expect(r.code).toBe(0);
    const p = JSON.parse((await inProcess(['plan', DELAY, '--passes', '200', '--json'])).stdout);
    expect(r.stdout).toContain('best makespan       7 days');
    expect(r.stdout).toContain(`found at pass       ${p.found.pass} of 200, by sampling`);
    expect(r.stdout).toContain('single pass of each dispatch rule (the plan is 1 day shorter than the best of them):');
    for (const rule of ['file-order', 'lft', 'mts', 'grpw', 'spt']) expect(r.stdout).toMatch(new RegExp(`\\n    ${rule} +8 days\\n`));
    expect(r.stdout).toContain('  order (6 tasks, by start):\n    1 2 4 3 5 6\n');
    expect(r.stderr).toBe('');
  });

  test('the same seed gives byte-identical output, text and JSON', async () => {
    const args = ['plan', SMALL12, '--passes', '150', '--seed', '7'];
    const a = coordsim([...args, '--json']);
    expect(a.code).toBe(0);
    expect(coordsim([...args, '--json']).stdout).toBe(a.stdout);
    // The same in this process (and so the text too): nothing depends on the process or the clock.
    expect((await inProcess([...args, '--json'])).stdout).toBe(a.stdout);
    expect((await inProcess(args)).stdout).toBe((await inProcess(args)).stdout);
    // `--seed 07` is the seed 7 (decimal integers are numbers), a word is a seed of its own.
    expect((await inProcess(['plan', SMALL12, '--passes', '150', '--seed', '07', '--json'])).stdout).toBe(a.stdout);
    expect(JSON.parse((await inProcess(['plan', SMALL12, '--passes', '20', '--seed', 'alpha', '--json'])).stdout).seed).toBe('alpha');
  });
});

describe('coordsim plan --out', () => {
  test('the pinned scenario replays the planned makespan with coordsim run --json (delay.sm, small12.sm)', () => {
    const dir = tempDir();
    for (const [file, makespan] of [[DELAY, 7], [SMALL12, 13]] as const) {
      const out = join(dir, 'planned.yaml');
      const p = planJson([file, '--passes', '300', '--out', out]);
      expect(p.out).toBe(out);
      expect(p.makespan).toBe(makespan);
      const doc = parse(readFileSync(out, 'utf8'));
      expect(doc.dispatch).toEqual({ order: p.order });
      expect(runMakespan(out)).toBe(makespan);
    }
  });

  test('a YAML scenario keeps its comments and gets the order pinned; a .json name gets JSON', () => {
    const dir = tempDir();
    const yaml = join(dir, 'delay.yaml');
    expect(coordsim(['import', DELAY, '-o', yaml]).code).toBe(0);
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('agents:', '# the two resources of the hand-made instance\nagents:'));
    const p = planJson([yaml, '--passes', '100', '--out', join(dir, 'planned.yaml')]);
    const text = readFileSync(join(dir, 'planned.yaml'), 'utf8');
    expect(text).toContain('# the two resources of the hand-made instance\nagents:');
    expect(text).toContain('dispatch:\n  order: ["1", "2", "4", "3", "5", "6"]\n');
    expect(text.split('\n')[0]).toMatch(/^# Planned by coordsim plan from .*delay\.yaml: makespan 7 days with this start order \(strategy ideal, 100 schedules, seed 1\)$/);
    expect(runMakespan(join(dir, 'planned.yaml'))).toBe(p.makespan);
    planJson([yaml, '--passes', '100', '--out', join(dir, 'planned.json')]);
    expect(JSON.parse(readFileSync(join(dir, 'planned.json'), 'utf8')).dispatch).toEqual({ order: p.order });
    expect(runMakespan(join(dir, 'planned.json'))).toBe(7);
  });

  test('--strategy: the pinned scenario makes it the default, so coordsim run runs the planned strategy', () => {
    const dir = tempDir();
    const out = join(dir, 'mesh.yaml');
    const p = planJson([SEED, '--strategy', 'mesh', '--passes', '30', '--out', out]);
    expect([p.strategy, p.scheme, p.improved, p.passes]).toEqual(['mesh', 'parallel', false, 30]);
    const doc = parse(readFileSync(out, 'utf8'));
    expect(doc.strategy).toBe('mesh');
    expect(doc.dispatch).toEqual({ order: p.order });
    expect([...p.order].sort()).toEqual(doc.tasks.map((t: { id: string }) => t.id).sort());
    const run = coordsim(['run', out, '--json']);
    expect(JSON.parse(run.stdout).strategy).toBe('mesh');
    // Everything else is the seed scenario as it was: the same text but for the header, `strategy` and `dispatch`.
    const original = parse(readFileSync(SEED, 'utf8'));
    expect({ ...doc, strategy: original.strategy, dispatch: undefined }).toEqual({ ...original, dispatch: undefined });
  });
});

describe('coordsim plan refuses bad input (exit 2, nothing written)', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['a missing file', ['missing.sm'], /missing\.sm: cannot read scenario: ENOENT/],
    ['--passes 0', [DELAY, '--passes', '0'], /--passes: expected a positive integer, got "0" \(decimal digits, 1 to 1,000,000\)/],
    ['--passes 1e3', [DELAY, '--passes', '1e3'], /--passes: expected a positive integer, got "1e3"/],
    ['--passes -5', [DELAY, '--passes', '-5'], /--passes: expected a positive integer, got "-5"/],
    ['--passes above the bound', [DELAY, '--passes', '1000001'], /--passes: expected a positive integer, got "1000001"/],
    ['--passes twice', [DELAY, '--passes', '5', '-p', '6'], /--passes is given 2 times \(--passes 5, -p 6\); it takes one value/],
    ['a misspelt flag', [DELAY, '--pases', '5'], /unknown flag --pases \(did you mean --passes\?\)/],
    ['an unknown strategy', [DELAY, '--strategy', 'idel'], /unknown strategy 'idel' \(did you mean 'ideal'\?\); the scenario defines: ideal, sequential/],
    ['--seed without a value', [DELAY, '--seed'], /--seed: expected a value after it, got nothing/],
    ['--out in a missing folder', [DELAY, '--out', 'nowhere/planned.yaml'], /--out nowhere\/planned\.yaml: its folder .*nowhere does not exist/],
    ['--out a folder', [DELAY, '--out', '.'], /--out \.: is a folder; expected a file name such as planned\.yaml/],
    ['--out a plan-format name', [DELAY, '--out', 'planned.sm'], /--out planned\.sm: expected a scenario file name \(\.yaml, \.yml or \.json\), got a \.sm name/],
  ];
  test.each(cases)('%s', async (_name, args, message) => {
    const dir = tempDir();
    const before = snapshot(dir);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await inProcess(['plan', ...args]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    } finally {
      process.chdir(cwd);
    }
    expect(snapshot(dir)).toEqual(before);
  });

  test('a malformed .sm file: the message names the file and the line', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.sm'), readFileSync(DELAY, 'utf8').replace('  4      1     1       1    0', '  4      1     x       1    0'));
    const r = coordsim(['plan', 'bad.sm', '--out', 'planned.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^coordsim: bad\.sm:\d+: /);
    expect(readdirSync(dir)).toEqual(['bad.sm']);
  });

  test('--out naming the input file is refused and leaves it as it was', () => {
    const dir = tempDir();
    const yaml = join(dir, 'delay.yaml');
    expect(coordsim(['import', DELAY, '-o', yaml]).code).toBe(0);
    const text = readFileSync(yaml, 'utf8');
    const r = coordsim(['plan', yaml, '--out', yaml]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is the input file; name another file');
    expect(readFileSync(yaml, 'utf8')).toBe(text);
  });
});

describe('coordsim plan interrupted', () => {
  test('SIGINT during a long search: exit 130, no --out file and no temporary file', async () => {
    const dir = tempDir();
    // A million schedules of small12.sm: many seconds; the search looks at the event loop every 100.
    const { child, ended } = start(['plan', SMALL12, '--passes', '1000000', '--out', join(dir, 'planned.yaml')]);
    await sleep(1500);
    child.kill('SIGINT');
    const end = await ended;
    expect(end, end.stderr).toMatchObject({ code: 130, signal: null });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('coordsim plan progress', () => {
  test('on a terminal: a progress line on stderr, cleared before the plan; the same plan on stdout as without one', async () => {
    const args = ['plan', SMALL12, '--passes', '450'];
    const plain = await inProcess(args, false);
    const tty = await inProcess(args, true);
    expect(plain.stderr).toBe('');
    expect(tty.stdout).toBe(plain.stdout);
    expect(tty.stderr).toContain('450/450 schedules');
    expect(tty.stderr).toContain('\r\x1b[2K');
    const json = await inProcess([...args, '--json'], true);
    expect(json.stderr).toBe('');
  });
});

const J30 = process.env.PSPLIB_J30 ?? '/work/data/psplib/j30.sm';
const OPTIMA = join(J30, 'optimum', 'optimum.csv');

describe.skipIf(!existsSync(OPTIMA))('coordsim plan on PSPLIB J30 (the first instances present)', () => {
  test('never below the optimum, and --out replays the plan', () => {
    const optima = readPsplibSolutions(readFileSync(OPTIMA, 'utf8'), OPTIMA);
    const files = readdirSync(J30).filter((f) => f.endsWith('.sm')).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).slice(0, 3);
    expect(files.length).toBeGreaterThan(0);
    const dir = tempDir();
    for (const f of files) {
      const opt = optima.get(f.replace(/\.sm$/, ''))!;
      const out = join(dir, `${f}.yaml`);
      const p = planJson([join(J30, f), '--out', out]);
      expect(p.makespan, f).toBeGreaterThanOrEqual(opt);
      expect(runMakespan(out), f).toBe(p.makespan);
    }
  }, 60_000);
});
