/** fitTraces on OTLP traces written from simulated runs gets the scenario's agents, durations, handoffs and tokens back. */
import { describe, expect, test } from 'vitest';
import { parseScenario, simulate } from '../../src/index.js';
import { fitTraces, NANOSECONDS_PER_UNIT, type TaskFit, type TraceFit } from '../../src/fit/index.js';
import { distribution, type DistributionSpec } from '../../src/sim/distributions/index.js';
import { otlpDocument, otlpFromRun, type OtlpFromRunOptions } from './otlpFromRun.js';

const RUNS = 200;

function scenarioText(topology: 'mesh' | 'hub') {
  return `
name: round trip
time_unit: minute
agents: [{id: a}, {id: b}, {id: c}]
tasks:
  - {id: x, agent: a, duration: {lognormal: {median: 10, p90: 20}}}
  - {id: y, agent: b, duration: {pert: [5, 8, 15]}, after: [x]}
  - {id: z, agent: c, duration: {normal: {mean: 12, sd: 2}}, after: [y]}
  - {id: w, agent: a, duration: {uniform: [3, 6]}, after: [z]}
strategy: s
strategies:
  s: {topology: ${topology}, handoff: {effort: {triangular: [0.5, 1, 2]}}}
`;
}

/** RUNS simulated runs (seeds 1..RUNS), one OTLP trace each, fitted. */
function roundTrip(topology: 'mesh' | 'hub', extra: Partial<OtlpFromRunOptions>): TraceFit {
  const scenario = parseScenario(scenarioText(topology), 'round-trip.yaml');
  const spans = Array.from({ length: RUNS }, (_, i) => otlpFromRun(simulate(scenario, { seed: i + 1 }).trace, { index: i, nsPerUnit: NANOSECONDS_PER_UNIT.minute, ...extra })).flat();
  return fitTraces(otlpDocument(spans), 'round-trip.json', { timeUnit: 'minute' });
}

const meanOf = (spec: unknown) => distribution(spec as DistributionSpec).mean;
const task = (fit: TraceFit, kind: string) => fit.tasks.find((t) => t.kind === kind)!;
const candidate = (t: TaskFit, family: string) => t.candidates.find((c) => c.family === family)!.distribution as never;

describe('fitTraces round trip (mesh, 200 runs)', () => {
  const fit = roundTrip('mesh', { workTokens: { input: 1500, output: 60 } });

  test('the agents and one task per (agent, kind) come back, with their ids, in the order they ran, as a chain', () => {
    expect(fit.topology).toBe('mesh');
    expect(fit.agents.map((a) => [a.name, a.id, a.role, a.invocations])).toEqual([['a', 'a', 'agent', 400], ['b', 'b', 'agent', 200], ['c', 'c', 'agent', 200]]);
    expect(fit.tasks.map((t) => [t.task, t.agent, t.kind, t.n, t.after])).toEqual([
      ['x', 'a', 'x', RUNS, []],
      ['y', 'b', 'y', RUNS, ['x']],
      ['z', 'c', 'z', RUNS, ['y']],
      ['w', 'a', 'w', RUNS, ['z']],
    ]);
    expect(() => parseScenario(JSON.stringify(fit.scenario), 'fragment.json')).not.toThrow();
  });

  test('the lognormal task gets lognormal back, median and p90 within 4 standard errors', () => {
    const x = task(fit, 'x');
    expect(x.method).toBe('aic');
    expect(x.candidates[0].family).toBe('lognormal');
    // σ = ln 2 / 1.2816 = 0.541; se(ln median) = σ/√n = 0.038, se(ln p90) = σ √(1 + z²/2) / √n = 0.049.
    const { median, p90 } = (x.best as { lognormal: { median: number; p90: number } }).lognormal;
    expect(Math.abs(Math.log(median / 10))).toBeLessThan(4 * 0.038);
    expect(Math.abs(Math.log(p90 / 20))).toBeLessThan(4 * 0.049);
  });

  test("every task's best fit has the true mean within 4 standard errors, and its true family's parameters are close", () => {
    // True means and sds: lognormal 10·e^(σ²/2) = 11.58, sd 6.64; pert (5 + 32 + 15)/6 = 8.667, sd 1.85;
    // normal 12, sd 2 (truncation at 0 negligible); uniform 4.5, sd 0.866.
    const truth: Array<[string, number, number]> = [['x', 11.58, 6.64], ['y', 8.667, 1.85], ['z', 12, 2], ['w', 4.5, 0.866]];
    for (const [kind, mean, sd] of truth) {
      const t = task(fit, kind);
      expect(Math.abs(meanOf(t.best) - mean), kind).toBeLessThan((4 * sd) / Math.sqrt(RUNS));
      expect(Math.abs(t.mean - mean), kind).toBeLessThan((4 * sd) / Math.sqrt(RUNS));
    }
    const [lo, mode, hi] = (candidate(task(fit, 'y'), 'pert') as { pert: number[] }).pert;
    expect([Math.abs(lo - 5) < 1, Math.abs(mode - 8) < 1.5, Math.abs(hi - 15) < 2]).toEqual([true, true, true]);
    const { mean, sd } = (candidate(task(fit, 'z'), 'normal') as { normal: { mean: number; sd: number } }).normal;
    expect(Math.abs(mean - 12)).toBeLessThan(4 * (2 / Math.sqrt(RUNS)));
    expect(Math.abs(sd - 2)).toBeLessThan(4 * (2 / Math.sqrt(2 * RUNS)));
    // Uniform MLE: the sample range, inside [3, 6] by about 3/(n + 1) = 0.015 at each end.
    const [a, b] = (candidate(task(fit, 'w'), 'uniform') as { uniform: number[] }).uniform;
    expect([a >= 3 && a < 3.1, b <= 6 && b > 5.9]).toEqual([true, true]);
  });

  test('handoff efforts are the gaps between agents: 3 per run, triangular [0.5, 1, 2] within tolerance', () => {
    const h = fit.handoff!;
    expect(h.n).toBe(3 * RUNS);
    expect(h.pairs).toEqual([{ from: 'a', to: 'b', count: RUNS }, { from: 'b', to: 'c', count: RUNS }, { from: 'c', to: 'a', count: RUNS }]);
    // Mean 7/6, sd √(1.75/18) = 0.312: se of the mean 0.0127.
    expect(Math.abs(meanOf(h.best) - 7 / 6)).toBeLessThan(4 * 0.0127);
    const [lo, mode, hi] = (h.candidates.find((c) => c.family === 'triangular')!.distribution as { triangular: number[] }).triangular;
    expect([Math.abs(lo - 0.5) < 0.05, Math.abs(mode - 1) < 0.15, Math.abs(hi - 2) < 0.1]).toEqual([true, true, true]);
    expect((fit.scenario.strategies as { observed: object }).observed).toEqual({ topology: 'mesh', handoff: { effort: h.best } });
  });

  test('work tokens per time unit come back (rounding of each span count aside)', () => {
    const agents = fit.scenario.agents as Array<{ id: string; tokens: { work: { input: number; output: number } } }>;
    for (const a of agents) {
      expect(Math.abs(a.tokens.work.input - 1500)).toBeLessThan(0.5);
      expect(Math.abs(a.tokens.work.output - 60)).toBeLessThan(0.5);
    }
    expect(fit.scenario.token_prices).toEqual({ input: 0, output: 0 });
  });
});

describe('fitTraces round trip (hub with a supervisor span, 200 runs)', () => {
  const fit = roundTrip('hub', { supervisor: 'lead', handoffTokens: { input: 3000, output: 200 } });

  test('the supervisor, which only coordinates, becomes the orchestrator of a hub', () => {
    expect(fit.topology).toBe('hub');
    expect(fit.agents.map((a) => [a.name, a.role, a.messagesSent])).toEqual([['a', 'agent', 0], ['b', 'agent', 0], ['c', 'agent', 0], ['lead', 'orchestrator', 4 * RUNS]]);
    expect(fit.messages).toEqual([{ from: 'lead', to: 'a', count: 2 * RUNS }, { from: 'lead', to: 'b', count: RUNS }, { from: 'lead', to: 'c', count: RUNS }]);
    expect(fit.scenario.orchestrator).toEqual({ id: 'lead', tokens: { handoff: { input_per_act: 3000, output_per_act: 200 } } });
    expect(fit.tasks.map((t) => t.task)).toEqual(['x', 'y', 'z', 'w']);
    expect(() => parseScenario(JSON.stringify(fit.scenario), 'fragment.json')).not.toThrow();
  });

  test('the handoff effort (paid by the orchestrator, which is always free in a chain) comes back', () => {
    expect(fit.handoff!.n).toBe(3 * RUNS);
    expect(Math.abs(meanOf(fit.handoff!.best) - 7 / 6)).toBeLessThan(4 * 0.0127);
  });

  test('the fitted fragment, run again, spends the traced coordinator tokens per handoff', () => {
    const again = simulate(parseScenario(JSON.stringify(fit.scenario), 'fragment.json'), { seed: 1 });
    // Three handoffs in the chain, 3000 + 200 tokens each, as traced.
    expect(again.metrics.cost!.tokens!.byAgent.lead).toEqual({ input: 9000, output: 600 });
  });
});
