/** `coordsim fit TRACES.json` through the built CLI (`npm run build` first): YAML, --json, --out, exit 2 on bad traces. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../docs/examples/agent-traces.json', import.meta.url));

function coordsim(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [MAIN, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

let dir: string;
beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (npm run build)`);
  dir = mkdtempSync(join(tmpdir(), 'coordsim-fit-traces-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('coordsim fit TRACES.json', () => {
  test('prints the commented YAML fragment, which coordsim validate accepts', async () => {
    const r = await coordsim(['fit', EXAMPLE]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^# Fitted by coordsim from .*agent-traces\.json: 5 trace\(s\), 45 span\(s\), 45 GenAI span\(s\)\.\n/);
    const file = join(dir, 'fragment.yaml');
    writeFileSync(file, r.stdout);
    const v = await coordsim(['validate', file]);
    expect(v.code, v.stderr).toBe(0);
  });

  test('--json --time-unit hour prints the fit and the scenario in hours', async () => {
    const r = await coordsim(['fit', EXAMPLE, '--json', '--time-unit', 'hour']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { timeUnit: string; topology: string; scenario: { time_unit: string; tasks: Array<{ id: string }> } };
    expect([out.timeUnit, out.topology, out.scenario.time_unit, out.scenario.tasks.map((t) => t.id)]).toEqual(['hour', 'hub', 'hour', ['research', 'draft']]);
  });

  test('--out writes fit.json and scenario.yaml', async () => {
    const out = join(dir, 'out');
    const r = await coordsim(['fit', EXAMPLE, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['fit.json', 'scenario.yaml']);
    expect(readFileSync(join(out, 'scenario.yaml'), 'utf8')).toBe(r.stdout);
  });

  test('malformed traces exit 2 with the located message and write nothing', async () => {
    const bad = join(dir, 'bad.json');
    const spans = [{ traceId: 'ab', spanId: 'cd', name: 'x', startTimeUnixNano: '20', endTimeUnixNano: '10' }];
    writeFileSync(bad, JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans }] }] }));
    const out = join(dir, 'not-written');
    const r = await coordsim(['fit', bad, '--out', out]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain(`${bad} at resourceSpans[0].scopeSpans[0].spans[0].endTimeUnixNano: end before start: expected endTimeUnixNano >= startTimeUnixNano 20, found 10`);
    expect(existsSync(out)).toBe(false);
    writeFileSync(bad, 'task,days\na,1\n');
    expect((await coordsim(['fit', bad])).stderr).toContain('not JSON');
  });

  test('flags of the other kind of file are refused (exit 2)', async () => {
    const csv = join(dir, 'h.csv');
    writeFileSync(csv, 'days\n1\n2\n3\n4\n5\n');
    const a = await coordsim(['fit', csv, '--time-unit', 'hour']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain(`coordsim: ${csv}: --time-unit is for trace files (.json); ${csv} is read as CSV\n`);
    const b = await coordsim(['fit', EXAMPLE, '--column', 'x']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('--column is for CSV files');
    const c = await coordsim(['fit', EXAMPLE, '--min-samples', 'lots']);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('coordsim: --min-samples: expected an integer >= 1, got "lots"\n');
  });
});
