/** `coordsim fit` through the built CLI (`npm run build` first): JSON shape, report files, errors. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { distribution } from '../../src/sim/distributions/index.js';
import { sample } from './sample.js';

const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

function coordsim(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [MAIN, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

let dir: string;
let good: string;
beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (npm run build)`);
  dir = mkdtempSync(join(tmpdir(), 'coordsim-fit-'));
  good = join(dir, 'history.csv');
  const days = sample({ lognormal: { median: 3, p90: 8 } }, 300, 51);
  writeFileSync(good, ['task,days,owner', ...days.map((d, i) => `t${i},${d.toFixed(3)},ann`)].join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Candidate {
  family: string;
  distribution: unknown;
  aic: number;
  ks: number;
}

describe('coordsim fit', () => {
  test('fit --json prints best and the candidates (family, distribution, aic, ks), sorted by AIC', async () => {
    const r = await coordsim(['fit', good, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { best: unknown; candidates: Candidate[]; column: string; n: number };
    expect(out.column).toBe('days');
    expect(out.n).toBe(300);
    expect(out.candidates).toHaveLength(5);
    for (const c of out.candidates) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['family', 'distribution', 'aic', 'ks']));
      expect(Object.keys(c.distribution as object)).toEqual([c.family]);
      expect(() => distribution(c.distribution as never)).not.toThrow();
    }
    const aics = out.candidates.map((c) => c.aic);
    expect(aics).toEqual([...aics].sort((a, b) => a - b));
    expect(out.best).toEqual(out.candidates[0].distribution);
    expect(out.candidates[0].family).toBe('lognormal');
    // About 4 standard errors: se(ln median) = σ/√n ≈ 0.044, se(ln p90) ≈ 0.06 for σ = 0.77, n = 300.
    const { median, p90 } = (out.best as { lognormal: { median: number; p90: number } }).lognormal;
    expect(Math.abs(Math.log(median / 3))).toBeLessThan(0.18);
    expect(Math.abs(Math.log(p90 / 8))).toBeLessThan(0.25);
  });

  test('fit prints a table and a YAML line that parses back to the best fit', async () => {
    const [table, json] = await Promise.all([coordsim(['fit', good]), coordsim(['fit', good, '--column', 'days', '--json'])]);
    expect(table.code, table.stderr).toBe(0);
    const best = JSON.parse(json.stdout).best;
    const lines = table.stdout.split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^family\s+distribution\s+AIC\s+ΔAIC\s+KS$/));
    expect(lines.filter((l) => /^(uniform|triangular|pert|lognormal|normal)\s/.test(l))).toHaveLength(5);
    const paste = lines.find((l) => l.startsWith('duration: '));
    expect(parseYaml(paste!)).toEqual({ duration: best });
  });

  test('fit --out writes fit.json (the --json document) and fit.html, and nothing else', async () => {
    const out = join(dir, 'report');
    const [r, json] = await Promise.all([coordsim(['fit', good, '--out', out]), coordsim(['fit', good, '--json'])]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('fit.json');
    expect(readdirSync(out).sort()).toEqual(['fit.html', 'fit.json']);
    expect(readFileSync(join(out, 'fit.json'), 'utf8')).toBe(json.stdout);
    const page = readFileSync(join(out, 'fit.html'), 'utf8');
    expect(page).toContain('id="coordsim-fit-data"');
    expect(page).toContain('Q–Q plot');
  });

  test('fit --help and coordsim --help list the command', async () => {
    const r = await coordsim(['--help']);
    expect(r.stdout).toContain('coordsim fit <file>');
  });
});

describe('coordsim fit on bad input exits 2 naming the file and the line', () => {
  const CASES: Array<[string, string, string[], string]> = [
    ['an empty file', '', [], ': empty file'],
    ['a header only', 'days\n', [], ':1: no values'],
    ['no numeric column', 'who,what\nann,x\nbob,y\n', [], ':1: no numeric column'],
    ['a non-numeric cell', 'days\n1\n2\nthree\n4\n5\n', [], ':4: column "days": expected a number, got "three"'],
    ['a negative value', 'days\n1\n2\n3\n4\n-5\n', [], ':6: column "days": expected a duration >= 0, got -5'],
    ['too few values', 'days\n1\n2\n3\n', [], ': too few values: expected at least 5 in column "days", got 3'],
    ['an unknown column', 'days\n1\n2\n3\n4\n5\n', ['--column', 'hours'], ':1: --column: no column "hours"; the columns are "days"'],
    ['two numeric columns', 'days,hours\n1,2\n3,4\n', [], ':1: several numeric columns'],
    ['malformed CSV', 'days,who\n1,a\n2,b,c\n', [], ':3: malformed CSV'],
  ];
  test.concurrent.each(CASES)('fit rejects %s', async (title, text, flags, message) => {
    const file = join(dir, `${title.replace(/\W+/g, '-')}.csv`);
    const out = join(dir, `${title.replace(/\W+/g, '-')}-out`);
    writeFileSync(file, text);
    const r = await coordsim(['fit', file, '--json', '--out', out, ...flags]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`coordsim: ${file}${message}`);
    expect(existsSync(out)).toBe(false);
  });

  test('fit on a missing file exits 2 naming it', async () => {
    const file = join(dir, 'nope.csv');
    const r = await coordsim(['fit', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`coordsim: ${file}: cannot read data file: ENOENT`);
  });
});
