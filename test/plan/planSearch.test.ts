import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadPlanText } from '../../src/import/loadPlanText.js';
import { planSchedule } from '../../src/plan/planSchedule.js';
import { planSearch } from '../../src/plan/planSearch.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { repoPath } from '../helpers.js';

const sm = (rel: string) => loadPlanText(readFileSync(repoPath(rel), 'utf8'), rel);
const SEED = repoPath('scenarios/ecommerce-security.yaml');

/** Runs the search in steps of `k` passes, recording `done` after each step. */
function stepped(s: Scenario, options: Parameters<typeof planSearch>[1], k: number) {
  const search = planSearch(s, options);
  const seen = [search.done];
  while (!search.step(k)) seen.push(search.done);
  seen.push(search.done);
  return { result: search.result(), seen, total: search.total };
}

describe('planSearch', () => {
  const cases: Array<[string, Scenario, { passes: number; seed?: number; strategy?: string }]> = [
    ['small12.sm (serial scheme, improvement)', sm('test/import/fixtures/small12.sm'), { passes: 157, seed: 4 }],
    ['delay.sm', sm('test/joint/fixtures/delay.sm'), { passes: 40 }],
    ['the seed scenario, mesh (parallel scheme)', parseScenario(readFileSync(SEED, 'utf8'), SEED), { passes: 33, strategy: 'mesh' }],
  ];

  test.each(cases)('planSearch in steps of 1, 7 or 100 passes gives exactly planSchedule: %s', (_name, s, options) => {
    const whole = planSchedule(s, options);
    for (const k of [1, 7, 100]) {
      const r = stepped(s, options, k);
      expect(r.result, `steps of ${k}`).toEqual(whole);
      expect(r.total).toBe(options.passes);
      expect(r.seen.at(-1)).toBe(options.passes);
      // Counts only grow, start after the five single-pass rules, and a step does at least what it was asked.
      expect(r.seen[0]).toBe(5);
      for (let i = 1; i < r.seen.length - 1; i++) expect(r.seen[i] - r.seen[i - 1]).toBeGreaterThanOrEqual(Math.min(k, options.passes - r.seen[i - 1]));
    }
  });

  test('step returns true once the budget is spent, and a step after that does nothing', () => {
    const search = planSearch(sm('test/joint/fixtures/delay.sm'), { passes: 12 });
    expect(search.step(3)).toBe(false);
    expect(search.step(100)).toBe(true);
    expect(search.done).toBe(12);
    expect(search.step(100)).toBe(true);
    expect(search.done).toBe(12);
    expect(search.result().passes).toBe(12);
  });

  test('a budget below the five rules: the rules that fit, in order', () => {
    const search = planSearch(sm('test/joint/fixtures/delay.sm'), { passes: 2 });
    expect(search.done).toBe(2);
    expect(search.step(1)).toBe(true);
    expect(search.result().rules).toEqual({ 'file-order': 8, lft: 8 });
  });
});
