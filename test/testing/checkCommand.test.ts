import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../../src/cli/runCli.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { simulate } from '../../src/engine/simulate.js';
import { checkInvariants } from '../../src/testing/index.js';

async function coordsim(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'coordsim-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A plan that cannot promise its date: T1 alone takes 5 to 15 days against a 10-day deadline.
// T2, T3 and agent Z have nothing to do with it, so shrinking drops them.
const LATE = `name: a date at risk
time_unit: day
deadline: 10
agents: [{id: X, skills: [s]}, {id: Y, skills: [s]}, {id: Z}]
tasks:
  - {id: T1, skill: s, duration: {uniform: [5, 15]}}
  - {id: T2, agent: Y, duration: 6}
  - {id: T3, agent: Z, duration: 2}
strategy: st
strategies:
  st: {topology: mesh, status: {every: 5, effort: {uniform: [0, 0.5]}}}
`;

describe('coordsim check', () => {
  test('coordsim check scenarios/ecommerce-security.yaml passes: every strategy, 100 runs, exit 0', async () => {
    const r = await coordsim('check', 'scenarios/ecommerce-security.yaml');
    // its own strategies and the two built-in baselines
    const n = Object.keys(parseScenario(readFileSync('scenarios/ecommerce-security.yaml', 'utf8'), 'x').strategies!).length + 2;
    expect(r).toEqual({ code: 0, stdout: `scenarios/ecommerce-security.yaml: ${n} strategies × 100 runs (seed 1): every invariant holds\n`, stderr: '' });
  });

  test('coordsim check --json --strategy --runs --seed prints one JSON report', async () => {
    const r = await coordsim('check', 'scenarios/ecommerce-security.yaml', '--json', '--strategy', 'mesh,ideal', '--runs', '5', '--seed', '9');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, seed: 9, runs: 5, strategies: ['mesh', 'ideal'], violations: [], counterexample: null });
  });

  test('coordsim check --require-deadline reports a violation with its replay command, shrinks it, and exits 1', async () => {
    const file = join(dir, 'late.yaml');
    writeFileSync(file, LATE);
    expect((await coordsim('check', file, '--runs', '40')).code).toBe(0); // the engine's invariants hold
    const r = await coordsim('check', file, '--runs', '40', '--require-deadline');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/invariant violation\(s\) in .*late\.yaml/);
    const first = /✗ deadline — st, run (\d+): makespan ([\d.]+) is past the deadline 10/.exec(r.stdout);
    expect(first).not.toBeNull();
    expect(r.stdout).toContain(`replay: coordsim run ${file} --strategy st --seed 1 --run ${first![1]}`);
    // The replay really is late.
    const replayed = JSON.parse((await coordsim('run', file, '--strategy', 'st', '--seed', '1', '--run', first![1], '--json')).stdout);
    expect(replayed.makespan).toBe(Number(first![2]));
    // The counterexample is valid YAML with only what the lateness needs.
    const yaml = r.stdout.split('\n---\n')[1];
    const shrunk = parseScenario(yaml, 'counterexample.yaml');
    expect(shrunk.tasks.map((t) => t.id)).toEqual(['T1']);
    expect(parse(yaml).agents.length).toBeLessThan(3);
    const run = Number(/--run (\d+)\n---/.exec(r.stdout)![1]);
    const again = simulate(shrunk, { strategy: 'st', seed: 1, run });
    expect(again.metrics.makespan).toBeGreaterThan(10);
    expect(checkInvariants(shrunk, again)).toEqual([]);
  });

  test('coordsim run --run i replays run i of the seed', async () => {
    const r = await coordsim('run', 'scenarios/ecommerce-security.yaml', '--seed', '3', '--run', '17', '--json');
    const seed = parseScenario(readFileSync('scenarios/ecommerce-security.yaml', 'utf8'), 'seed.yaml');
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(simulate(seed, { seed: 3, run: 17 }).metrics)));
  });

  test('coordsim check --runs 0 is bad input (exit 2)', async () => {
    const r = await coordsim('check', 'scenarios/ecommerce-security.yaml', '--runs', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--runs: expected a positive integer, got "0"');
  });
});
