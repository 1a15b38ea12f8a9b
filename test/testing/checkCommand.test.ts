import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../../src/cli/runCli.js';
import { parseScenario } from '../../src/models/parseScenario.js';
import { simulate } from '../../src/models/simulate.js';
import { checkInvariants } from '../../src/testing/index.js';

async function coordsim(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'coordsim-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A meeting past the makespan (the engine bug pinned in test/invariants/knownBugs.test.ts).
const BUGGY = `name: meeting past the makespan
time_unit: day
agents: [{id: X, skills: [s]}, {id: Y, skills: [s]}, {id: Z}]
tasks:
  - {id: T1, skill: s, duration: 10}
  - {id: T2, agent: Y, duration: 6}
  - {id: T3, agent: Z, duration: 2}
strategy: st
strategies:
  st: {topology: mesh, status: {every: 5, effort: {uniform: [0, 4.9]}}}
`;

describe('coordsim check', () => {
  test('coordsim check scenarios/ecommerce-security.yaml passes: every strategy, 100 runs, exit 0', async () => {
    const r = await coordsim('check', 'scenarios/ecommerce-security.yaml');
    expect(r).toEqual({ code: 0, stdout: 'scenarios/ecommerce-security.yaml: 7 strategies × 100 runs (seed 1): every invariant holds\n', stderr: '' });
  });

  test('coordsim check --json --strategy --runs --seed prints one JSON report', async () => {
    const r = await coordsim('check', 'scenarios/ecommerce-security.yaml', '--json', '--strategy', 'mesh,ideal', '--runs', '5', '--seed', '9');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, seed: 9, runs: 5, strategies: ['mesh', 'ideal'], violations: [], counterexample: null });
  });

  test('coordsim check reports a violation with its replay command, shrinks it, and exits 1', async () => {
    const file = join(dir, 'buggy.yaml');
    writeFileSync(file, BUGGY);
    const r = await coordsim('check', file, '--runs', '40');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/invariant violation\(s\) in .*buggy\.yaml/);
    const first = /✗ accounting — st, run (\d+): Y has idle time -/.exec(r.stdout);
    expect(first).not.toBeNull();
    expect(r.stdout).toContain(`replay: coordsim run ${file} --strategy st --seed 1 --run ${first![1]}`);
    // The counterexample is valid YAML without Z, and replaying it shows the violation.
    const yaml = r.stdout.split('\n---\n')[1];
    const shrunk = parseScenario(yaml, 'counterexample.yaml');
    expect(shrunk.agents.map((a) => a.id)).toEqual(['X', 'Y']);
    const run = Number(/--run (\d+)\n---/.exec(r.stdout)![1]);
    expect(parse(yaml).tasks).toHaveLength(2);
    const replayed = simulate(shrunk, { strategy: 'st', seed: 1, run });
    expect(checkInvariants(shrunk, replayed).map((v) => v.invariant)).toContain('accounting');
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
