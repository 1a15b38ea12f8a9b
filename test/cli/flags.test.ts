import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { closest } from '../../src/cli/suggest.js';
import { terminalText } from '../../src/cli/terminalText.js';
import { coordsim, inProcess, SEED, tempDir } from './_cli.js';

describe('integer flags: decimal digits within documented bounds', () => {
  test.for([
    ['montecarlo', '--runs', '0x10', '1 to 1,000,000,000'],
    ['montecarlo', '--runs', '1e12', '1 to 1,000,000,000'],
    ['montecarlo', '--runs', '-1', '1 to 1,000,000,000'],
    ['montecarlo', '--runs', '1.5', '1 to 1,000,000,000'],
    ['montecarlo', '--runs', '0', '1 to 1,000,000,000'],
    ['compare', '--runs', '1000000001', '1 to 1,000,000,000'],
    ['check', '--runs', ' ', '1 to 1,000,000,000'],
    ['montecarlo', '--workers', '257', '1 to 256'],
    ['montecarlo', '--workers', 'two', '1 to 256'],
    ['run', '--run', '-3', '0 to 999,999,999'],
    ['run', '--run', '1e3', '0 to 999,999,999'],
  ])('%s %s %s: exit 2 naming the flag and its bounds', async ([command, flag, value, bounds]) => {
    const r = await inProcess([command, SEED, flag, value, '--json']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    const what = bounds.startsWith('1 ') ? 'a positive integer' : 'an integer >= 0';
    expect(r.stderr).toContain(`${flag}: expected ${what}, got ${JSON.stringify(value)} (decimal digits, ${bounds})`);
  });

  test('--precision takes a decimal fraction only', async () => {
    for (const v of ['0x1', '1', '-0.1', 'abc']) {
      const r = await inProcess(['montecarlo', SEED, '--precision', v, '--json']);
      expect(r.code, v).toBe(2);
      expect(r.stderr).toContain(`--precision: expected a fraction of the mean in (0, 1), e.g. 0.01, got ${JSON.stringify(v)}`);
    }
  });
});

describe('flag syntax', () => {
  test('a flag given twice is refused, under any spelling', async () => {
    expect((await inProcess(['run', SEED, '--seed', '1', '--seed', '2', '--json'])).stderr).toContain('--seed is given 2 times (--seed 1, --seed 2); it takes one value');
    expect((await inProcess(['montecarlo', SEED, '-n', '5', '--runs', '6'])).stderr).toContain('--runs is given 2 times (-n 5, --runs 6)');
    const r = await inProcess(['compare', SEED, '--strategies', 'mesh', '--strategy', 'orchestrator']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--strategies is given 2 times');
    expect(r.stderr).toContain('comma-separated in one --strategies');
  });

  test('a flag where a value is expected is refused, not read as an empty value', async () => {
    const r = await inProcess(['run', SEED, '--seed', '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--seed: expected a value after it, got the flag --json');
    expect((await inProcess(['run', SEED, '--out'])).stderr).toContain('--out: expected a value after it, got nothing');
  });

  test('a negative integer is a value (a seed), and --flag=value spells a value that starts with a dash', async () => {
    const a = await inProcess(['run', SEED, '--seed', '-3', '--json']);
    expect(a.code, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout).seed).toBe(-3);
    const b = await inProcess(['run', SEED, '--seed=--x', '--json']);
    expect(JSON.parse(b.stdout).seed).toBe('--x');
  });

  test('one spelling per meaning: compare and check take --strategies, with --strategy / -s as hidden aliases', async () => {
    const a = await inProcess(['check', SEED, '--strategies', 'mesh', '--runs', '2', '--json']);
    const b = await inProcess(['check', SEED, '--strategy', 'mesh', '--runs', '2', '--json']);
    const c = await inProcess(['check', SEED, '-s', 'mesh', '--runs', '2', '--json']);
    expect(a.code, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout).strategies).toEqual(['mesh']);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).toBe(a.stdout);
    const d = await inProcess(['compare', SEED, '--strategy', 'mesh', '--runs', '20', '--json']);
    expect(JSON.parse(d.stdout).strategies.map((s: { strategy: string }) => s.strategy)).toEqual(['mesh', 'sequential', 'ideal']);
    expect((await inProcess(['compare', '--help'])).stdout).not.toMatch(/--strategy\b(?!-)/);
  });

  test('montecarlo takes one --strategy (also spelled --strategies), not a list', async () => {
    expect(JSON.parse((await inProcess(['montecarlo', SEED, '--strategies', 'mesh', '--runs', '20', '--json'])).stdout).strategy).toBe('mesh');
    const r = await inProcess(['montecarlo', SEED, '--strategy', 'mesh,ideal', '--runs', '20']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--strategy: expected one strategy name, got "mesh,ideal"');
  });
});

describe('names: did you mean, command list, escaped echoes', () => {
  test('no command: exit 2 and the list of commands', async () => {
    const r = await inProcess([]);
    expect(r.code).toBe(2);
    for (const c of ['run', 'montecarlo', 'compare', 'validate', 'check']) expect(r.stderr).toMatch(new RegExp(`coordsim ${c} +\\S`));
    expect(r.stderr).not.toContain('see the list above');
  });

  test('unknown command, flag and strategy: exit 2 with a suggestion', async () => {
    const cmd = await inProcess(['montecalro', SEED]);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toContain("unknown command 'montecalro' (did you mean 'montecarlo'?)");
    const flag = await inProcess(['run', SEED, '--sed', '3']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('unknown flag --sed (did you mean --seed?)');
    const strategy = await inProcess(['run', SEED, '--strategy', 'msh']);
    expect(strategy.code).toBe(2);
    expect(strategy.stderr).toContain("unknown strategy 'msh' (did you mean 'mesh'?); the scenario defines: orchestrator, mesh");
  });

  test('a strategy named after an Object.prototype key is an unknown strategy, not a crash', async () => {
    for (const n of ['__proto__', 'constructor', 'toString']) {
      const r = await inProcess(['montecarlo', SEED, '--strategy', n, '--runs', '10']);
      expect(r.code, n).toBe(2);
      expect(r.stderr).toContain(`unknown strategy '${n}'`);
    }
  });

  test('control characters in echoed names are escaped', async () => {
    const evil = 'x\x1b[31mRED\x1b[0m\r\x07';
    const r = await inProcess(['run', SEED, '--strategy', evil]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/[\x1b\r\x07]/);
    expect(r.stderr).toContain("unknown strategy 'x\\x1b[31mRED\\x1b[0m\\x0d\\x07'");
    const out = coordsim(['run', SEED, '--out', join(tempDir(), 'a\x1bb')]);
    expect(out.code).toBe(0);
    expect(out.stderr).toContain('a\\x1bb');
  });

  test('closest(given, known) and terminalText(text)', async () => {
    expect(closest('sed', ['--seed', '--runs'].map((s) => s.slice(2)))).toBe('seed');
    expect(closest('zzzz', ['run', 'check'])).toBeNull();
    expect(closest('mont', ['montecarlo', 'run'])).toBe('montecarlo');
    expect(terminalText('a\tb\nc\x1b\u202e\x9b')).toBe('a\tb\nc\\x1b\\u202e\\x9b');
  });
});
