import type { Parameters } from 'fast-check';
import { compileModel } from '../../src/engine/compileModel.js';
import { simulate, type RunResult } from '../../src/engine/simulate.js';
import type { Model } from '../../src/engine/Model.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { checkInvariants, type RunCase } from '../../src/testing/index.js';

/**
 * fast-check parameters of the invariant suites: 500 cases each and a fixed seed, so CI is
 * reproducible. Explore further with e.g. `FC_RUNS=20000 FC_SEED=$RANDOM npx vitest run test/invariants`.
 */
export function fcParams<T>(salt: number): Parameters<T> {
  const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) + salt : 20_240_601 + salt;
  return { numRuns: Number(process.env.FC_RUNS ?? 500), seed };
}

/** Small scenarios keep the suite well under a minute on 2 cores. */
export const SMALL = { maxTasks: 10, maxAgents: 4, maxGates: 2, maxRisks: 2, maxStrategies: 2 } as const;

/** Compiles and simulates a run case, with its trace. */
export function runOf(c: RunCase): { model: Model; result: RunResult } {
  const model = compileModel(c.scenario);
  return { model, result: simulate(model, { strategy: c.strategy, seed: c.seed, run: c.run, trace: true }) };
}

/** A run's trace as `time kind task-or-gate agent` lines, for failure messages and whole-timeline assertions. */
export function lines(result: RunResult): string[] {
  return result.trace.map((r) => [r.time, r.kind, r.task || r.gate, r.agent].filter((x) => x !== '').join(' '));
}

/** The whole trace of one run (seed 1) as `lines`; the run must also pass every invariant. */
export function timeline(s: Scenario, strategy?: string): string[] {
  const r = simulate(s, { strategy, seed: 1, trace: true });
  const violations = checkInvariants(s, r);
  if (violations.length > 0) throw new Error(`invariants broken: ${violations.map((v) => v.message).join('; ')}`);
  return lines(r);
}
