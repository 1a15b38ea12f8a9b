import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import type { TraceRecord } from '../../src/engine/TraceRecord.js';
import { validateScenario } from '../../src/scenario/validateScenario.js';
import type { LinkSpec, LinkType, Scenario } from '../../src/scenario/Scenario.js';
import { FAMILY_NAMES, scaleScenario, scenarioArbitrary } from '../../src/testing/index.js';

/**
 * Scaling all durations of a dated plan on an always-working calendar: every time quantity ×k
 * gives the same events in the same order at k times the times. What is scaled (`scaleDated`):
 * everything `scaleScenario` scales — task durations, review and remediation efforts, risk
 * delays and extra work, existence risks' durations, branch times, handoff / status / checkpoint
 * / escalation efforts, status and checkpoint periods and offsets, the project deadline — plus
 * what a dated plan adds: the lags of typed links, `not_before` and task deadlines (given as
 * times). Not scaled: probabilities, rework fractions, capacities, units, priorities, the
 * start date and the calendar (`always`: every moment works, so elapsed = working time).
 * k is a power of two and lognormal durations are left out, so scaled times are exact, ties
 * stay ties and the order of equal-time events cannot change by rounding.
 */

const LINK_TYPES: readonly LinkType[] = ['FS', 'SS', 'FF', 'SF'];

/** What the generator adds to a plain generated scenario: typed links with lags, not_before, task deadlines. */
interface Dating {
  links: Array<{ type: LinkType; lag: number }>;
  notBefore: Array<number | null>;
  deadlines: Array<number | null>;
}

const eighths = (min: number, max: number) => fc.integer({ min: min * 8, max: max * 8 }).map((x) => x / 8);

const datingArbitrary: fc.Arbitrary<Dating> = fc.record({
  links: fc.array(fc.record({ type: fc.constantFrom(...LINK_TYPES), lag: fc.oneof(fc.constant(0), eighths(-3, 6)) }), { minLength: 1, maxLength: 30 }),
  notBefore: fc.array(fc.option(eighths(0, 12), { freq: 3 }), { minLength: 1, maxLength: 12 }),
  deadlines: fc.array(fc.option(eighths(1, 40), { freq: 2 }), { minLength: 1, maxLength: 12 }),
});

/** The generated scenario as a dated plan on an always-working calendar, its task-to-task links typed and lagged. */
function datedPlan(s: Scenario, d: Dating): Scenario {
  const tasks = new Set(s.tasks.map((t) => t.id));
  let link = 0;
  return {
    ...s,
    start: '2027-01-04',
    calendars: { always: {} },
    calendar: 'always',
    tasks: s.tasks.map((t, i) => {
      const after = t.after?.map((a): string | LinkSpec => {
        if (typeof a !== 'string' || !tasks.has(a)) return a; // links to gates stay plain
        const { type, lag } = d.links[link++ % d.links.length];
        return { task: a, type, lag };
      });
      const notBefore = d.notBefore[i % d.notBefore.length];
      const deadline = d.deadlines[i % d.deadlines.length];
      return { ...t, ...(after ? { after } : {}), ...(notBefore !== null ? { not_before: notBefore } : {}), ...(deadline !== null ? { deadline } : {}) };
    }),
  };
}

/** Which of a dated plan's own time quantities a scaling multiplies (all of them unless told; the broken ones forget one). */
interface Scaled {
  lags?: boolean;
  notBefore?: boolean;
}

/** The plan with every time quantity ×k (see the file comment); `keep` leaves some unscaled, to show the check catches it. */
function scaleDated(s: Scenario, k: number, scaled: Scaled = {}): Scenario {
  const out = scaleScenario(s, k);
  for (const t of out.tasks) {
    if (scaled.lags !== false) t.after = t.after?.map((a) => (typeof a === 'string' || a.lag === undefined ? a : { ...a, lag: a.lag * k }));
    if (scaled.notBefore !== false && typeof t.not_before === 'number') t.not_before *= k;
    if (typeof t.deadline === 'number') t.deadline *= k;
  }
  return out;
}

/** The first difference between run a and run b of the plan scaled by k, or null: same rows (kind, task, agent, gate) in the same order, times and durations ×k, makespan ×k. */
function scalingDifference(a: { trace: TraceRecord[]; makespan: number }, b: { trace: TraceRecord[]; makespan: number }, k: number): string | null {
  if (a.trace.length !== b.trace.length) return `${a.trace.length} trace rows became ${b.trace.length}`;
  for (let i = 0; i < a.trace.length; i++) {
    const [x, y] = [a.trace[i], b.trace[i]];
    if (x.kind !== y.kind || x.task !== y.task || x.agent !== y.agent || x.gate !== y.gate) {
      return `row ${i}: ${x.kind} ${x.task || x.gate} ${x.agent} became ${y.kind} ${y.task || y.gate} ${y.agent}`;
    }
    if (y.time !== k * x.time || y.duration !== k * x.duration) return `row ${i} (${x.kind} ${x.task || x.gate}): time ${x.time} became ${y.time}, duration ${x.duration} became ${y.duration}`;
  }
  return b.makespan === k * a.makespan ? null : `makespan ${a.makespan} became ${b.makespan}`;
}

const plans = fc.record({
  scenario: scenarioArbitrary({ maxTasks: 10, maxAgents: 3, families: FAMILY_NAMES.filter((f) => f !== 'lognormal') }),
  dating: datingArbitrary,
  k: fc.constantFrom(2, 4, 8, 0.5, 0.25),
  seed: fc.nat(1000),
  run: fc.nat(20),
});

type Plan = typeof plans extends fc.Arbitrary<infer P> ? P : never;

/** For each strategy of the plan: the difference between its run and the run of `scale(plan)`, with what the plan's links exercised. */
function check(p: Plan, scaled?: Scaled): Array<{ difference: string | null; typed: boolean; lagged: boolean }> {
  const plan = datedPlan(p.scenario, p.dating);
  validateScenario(plan);
  const big = scaleDated(plan, p.k, scaled);
  const links = plan.tasks.flatMap((t) => t.after ?? []).filter((a): a is LinkSpec => typeof a !== 'string');
  return Object.keys(plan.strategies ?? {})
    .concat(['ideal', 'sequential'])
    .map((strategy) => {
      const sel = { strategy, seed: p.seed, run: p.run };
      const a = simulate(plan, sel);
      const b = simulate(big, sel);
      return {
        difference: scalingDifference({ trace: a.trace, makespan: a.metrics.makespan }, { trace: b.trace, makespan: b.metrics.makespan }, p.k),
        typed: links.some((l) => l.type !== 'FS'),
        lagged: links.some((l) => l.lag !== 0),
      };
    });
}

describe('scaling a dated plan on an always-working calendar', () => {
  test('every duration, effort, period, lag and not_before ×k: the same events in the same order, at k times the times', () => {
    const seen = { runs: 0, typed: 0, lagged: 0, notBefore: 0 };
    fc.assert(
      fc.property(plans, (p) => {
        for (const r of check(p)) {
          expect(r.difference).toBeNull();
          seen.runs++;
          if (r.typed) seen.typed++;
          if (r.lagged) seen.lagged++;
        }
        if (p.dating.notBefore.some((x) => x !== null && x > 0)) seen.notBefore++;
      }),
      { numRuns: 150, seed: 20261202 },
    );
    // Not vacuous: most runs had typed links, lags and not_before dates to scale.
    expect(seen.runs).toBeGreaterThan(300);
    expect(seen.typed).toBeGreaterThan(seen.runs / 2);
    expect(seen.lagged).toBeGreaterThan(seen.runs / 2);
    expect(seen.notBefore).toBeGreaterThan(75);
  });

  test.each([
    ['the lags', { lags: false }],
    ['not_before', { notBefore: false }],
  ])('a scaling that forgets %s is caught, with the row where the runs part', (_, broken: Scaled) => {
    const out = fc.check(
      fc.property(plans, (p) => check(p, broken).every((r) => r.difference === null)),
      { numRuns: 150, seed: 20261202 },
    );
    expect(out.failed).toBe(true);
    const [p] = out.counterexample!;
    expect(check(p, broken).find((r) => r.difference !== null)!.difference).toMatch(/^row \d+|makespan|trace rows/);
  });
});
