import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileModel } from '../../src/engine/compileModel.js';
import { simulate } from '../../src/engine/simulate.js';
import { loadPlanText } from '../../src/import/loadPlanText.js';
import { readPsplibSolutions } from '../../src/import/psplib/readPsplibSolutions.js';
import { planSchedule } from '../../src/plan/planSchedule.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { checkInvariants } from '../../src/testing/index.js';

const RULES = ['file-order', 'lft', 'mts', 'grpw', 'spt'] as const;
const fixture = (name: string) => loadPlanText(readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8'), name);
const starts = (s: Scenario) => Object.fromEntries(Object.entries(simulate(s, { trace: false }).metrics.tasks).map(([id, t]) => [id, t.start]));

/**
 * delay.sm, written by hand: R1 (2 units) and R2 (1 unit); job 2 (1 day, 1 of R2) → job 4
 * (1 day, 1 of R1) → job 5 (5 days, 1 of R2), and job 3 (2 days, both units of R1) beside them.
 * Optimum 7: the chain 2, 4, 5 is 7 long, and it is met only by keeping R1 idle at time 0 so
 * that job 4 can start at 1 (job 3 at 0 would hold R1 until 2, pushing 4 to 2 and 5 to 3).
 * A dispatcher starts what fits (a non-delay schedule): job 3 at 0, then 8, whatever the rule.
 */
describe('RCPSP: the hand-made instance delay.sm', () => {
  test('loadPlanText reads it: agents R1 (2) and R2 (1), tasks with their demands, milestones at both ends', () => {
    const s = fixture('delay.sm');
    expect(s.agents).toEqual([{ id: 'R1', capacity: 2 }, { id: 'R2', capacity: 1 }]);
    expect(s.tasks.map((t) => [t.id, t.needs ?? null, t.milestone ?? false])).toEqual([
      ['1', null, true],
      ['2', [{ agent: 'R2', units: 1 }], false],
      ['3', [{ agent: 'R1', units: 2 }], false],
      ['4', [{ agent: 'R1', units: 1 }], false],
      ['5', [{ agent: 'R2', units: 1 }], false],
      ['6', null, true],
    ]);
  });

  test('every dispatch rule gives the non-delay schedule: 3 at 0, 4 at 2, 5 at 3, makespan 8', () => {
    const s = fixture('delay.sm');
    for (const rule of RULES) {
      expect(starts({ ...s, dispatch: rule }), rule).toEqual({ '1': 0, '2': 0, '3': 0, '4': 2, '5': 3, '6': 8 });
    }
  });

  test('planSchedule finds the optimum 7, and its order, pinned, replays it (R1 idle from 0 to 1)', () => {
    const s = fixture('delay.sm');
    const p = planSchedule(s, { passes: 50 });
    expect(p.makespan).toBe(7);
    expect(p.scheme).toBe('serial');
    expect(p.rules).toEqual({ 'file-order': 8, lft: 8, mts: 8, grpw: 8, spt: 8 });
    expect(p.order).toEqual(['1', '2', '4', '3', '5', '6']);
    const pinned: Scenario = { ...s, dispatch: { order: p.order } };
    expect(starts(pinned)).toEqual({ '1': 0, '2': 0, '4': 1, '3': 2, '5': 2, '6': 7 });
    const run = simulate(pinned, { trace: true });
    expect(checkInvariants(pinned, run)).toEqual([]);
    expect(p.metrics.makespan).toBe(7);
  });

  test('planSchedule is deterministic and its pass budget counts every schedule', () => {
    const s = fixture('delay.sm');
    const a = planSchedule(s, { passes: 12, seed: 3 });
    const b = planSchedule(s, { passes: 12, seed: 3 });
    expect(a).toEqual(b);
    expect(a.passes).toBe(12);
  });
});

const J30 = process.env.PSPLIB_J30 ?? '/work/data/psplib/j30.sm';
const OPTIMA = join(J30, 'optimum', 'optimum.csv');

describe.skipIf(!existsSync(OPTIMA))('RCPSP: PSPLIB J30 (the instances present)', () => {
  test('no schedule is ever shorter than the optimum: every rule, single pass, and the planner', () => {
    const optima = readPsplibSolutions(readFileSync(OPTIMA, 'utf8'), OPTIMA);
    const files = readdirSync(J30).filter((f) => f.endsWith('.sm'));
    let checked = 0;
    let optimal = 0;
    for (const f of files) {
      const opt = optima.get(f.replace(/\.sm$/, ''));
      if (opt === undefined) continue;
      const s = loadPlanText(readFileSync(join(J30, f), 'utf8'), f);
      for (const rule of RULES) {
        const m = compileModel({ ...s, dispatch: rule });
        expect(simulate(m, { trace: false }).metrics.makespan, `${f} ${rule}`).toBeGreaterThanOrEqual(opt);
      }
      const p = planSchedule(s, { passes: 20 });
      expect(p.makespan, `${f} plan`).toBeGreaterThanOrEqual(opt);
      if (p.makespan === opt) optimal++;
      checked++;
    }
    expect(checked).toBe(files.length);
    expect(checked).toBeGreaterThan(0);
    // The planner reaches many optima even at 20 schedules (a sign the check is not vacuous).
    expect(optimal).toBeGreaterThan(checked / 3);
  }, 120_000);

  test('a traced run of one instance keeps every invariant (units: no resource over its capacity)', () => {
    const f = readdirSync(J30).find((x) => x.endsWith('.sm'))!;
    const s = loadPlanText(readFileSync(join(J30, f), 'utf8'), f);
    for (const rule of RULES) {
      const sc = { ...s, dispatch: rule };
      expect(checkInvariants(sc, simulate(sc, { trace: true })), rule).toEqual([]);
    }
  });
});
