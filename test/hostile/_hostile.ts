import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { repoPath } from '../helpers.js';

/** A scenario that uses every number the format has (each a target for a hostile value). */
export function fullScenario(): Record<string, unknown> {
  return {
    name: 'hostile',
    time_unit: 'day',
    deadline: 10,
    units_per_week: 5,
    agents: [
      { id: 'a', capacity: 1, skills: ['s'], team: 'x' },
      { id: 'b', team: 'x' },
    ],
    orchestrator: { capacity: 1 },
    tasks: [
      { id: 't1', agent: 'a', duration: 1, priority: 0 },
      { id: 't2', skill: 's', duration: { pert: [1, 2, 3] }, after: ['t1'] },
      { id: 't3', agent: 'b', duration: { uniform: [0.5, 1] }, after: ['g'] },
    ],
    gates: [{ id: 'g', after: ['t1'], review: 0.1, outcomes: { pass: 0.5, fail: 0.5 }, max_rounds: 3, rework: { fraction: 0.5 } }],
    risks: [{ id: 'r', task: 't1', probability: 0.5, delay: { triangular: [0, 1, 2] }, work: { discrete: [[1, 1], [2, 3]] } }],
    correlations: [{ tasks: ['t1', 't3'], rho: 0.5 }],
    strategies: {
      s: {
        topology: 'hub',
        orchestrator_capacity: 1,
        handoff: { effort: 0.1 },
        status: { every: 1, effort: 0.05 },
        checkpoint: { every: 2, offset: 1, duration: 0.2 },
        escalation: { probability: 0.2, delay: { lognormal: { median: 0.5, p90: 1 } }, effort: { normal: { mean: 0.1, sd: 0.05 } } },
      },
    },
  };
}

/** Every place of `fullScenario` that holds a number, as dotted paths. */
export const NUMBER_PATHS = [
  'deadline',
  'units_per_week',
  'agents.0.capacity',
  'orchestrator.capacity',
  'tasks.0.duration',
  'tasks.0.priority',
  'tasks.1.duration.pert.2',
  'tasks.2.duration.uniform.1',
  'gates.0.review',
  'gates.0.max_rounds',
  'gates.0.rework.fraction',
  'gates.0.outcomes.fail',
  'risks.0.probability',
  'risks.0.delay.triangular.2',
  'risks.0.work.discrete.1.0',
  'risks.0.work.discrete.1.1',
  'correlations.0.rho',
  'strategies.s.orchestrator_capacity',
  'strategies.s.handoff.effort',
  'strategies.s.status.every',
  'strategies.s.status.effort',
  'strategies.s.checkpoint.every',
  'strategies.s.checkpoint.offset',
  'strategies.s.checkpoint.duration',
  'strategies.s.escalation.delay.lognormal.p90',
  'strategies.s.escalation.effort.normal.sd',
];

/** Values that break naive code: huge, tiny, non-finite, beyond int32 and float precision, negative. */
export const HOSTILE_NUMBERS = [1e308, -1e308, 1e-300, Infinity, -Infinity, NaN, 2147483647, 2 ** 53 + 2, 1e12, 1e9, 0, 1e-9, -0.5];

/** `fullScenario` with the number at `path` replaced by `value` (a fresh object). */
export function withNumber(path: string, value: number): Record<string, unknown> {
  const s = fullScenario();
  const keys = path.split('.');
  let o = s as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  o[keys[keys.length - 1]] = value;
  if (path === 'gates.0.outcomes.fail') delete (o as { pass?: number }).pass;
  return s;
}

/** A scenario as YAML (non-finite numbers as `.inf` / `.nan`). */
export function yamlOf(s: unknown): string {
  return stringify(s);
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'coordsim-hostile-'));
}

/** Writes `text` as a scenario file in a fresh folder and returns its path. */
export function scenarioFile(text: string, name = 'scenario.yaml'): string {
  const file = join(tempDir(), name);
  writeFileSync(file, text);
  return file;
}

export interface CliOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The built CLI under a memory bound (512 MB of heap) and a time bound. */
export function boundedCli(args: string[], options: { timeoutMs?: number; cwd?: string } = {}): CliOutcome {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=512', repoPath('dist/cli/main.js'), ...args], {
    cwd: options.cwd ?? repoPath('.'),
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - t0 };
}

/**
 * What every command must do with any input: end by itself with exit 0, 1 or 2; on failure,
 * one `coordsim:` message and no stack trace or internal error. Returns '' or what is wrong.
 */
export function misbehaviour(r: CliOutcome): string {
  if (r.signal !== null) return `killed by ${r.signal} after ${Math.round(r.ms)} ms`;
  if (r.code === null || ![0, 1, 2].includes(r.code)) return `exit ${r.code}`;
  if (/internal error|\n\s+at [^\n]+\.(js|ts):\d+/.test(r.stderr)) return `internal error: ${r.stderr.slice(0, 400)}`;
  if (/heap out of memory|Invalid typed array length|RangeError|TypeError/.test(r.stderr)) return `crash: ${r.stderr.slice(0, 400)}`;
  if (r.code !== 0 && !/coordsim: /.test(r.stderr)) return `exit ${r.code} without a message: ${r.stderr.slice(0, 200)}`;
  return '';
}

/** Files left in `dir` (none when it does not exist). */
export function filesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** The built CLI exists (`npm run build`): CLI tests skip without it. */
export const built = existsSync(repoPath('dist/cli/main.js'));
