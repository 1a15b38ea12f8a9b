import { describe, expect, it } from 'vitest';
import { CHART_FUNCTIONS, clientScript } from '../../src/report/clientScript.js';
import type { Lane } from '../../src/report/charts/types.js';
import { compareFixture, fixtureModel } from '../fixtures/report/index.js';

/** Rebuilds a function from its source alone, outside any module scope. */
function fromSource<T>(f: T): T {
  return new Function(`var __name = function (f) { return f; }; return (${String(f)});`)() as T;
}

describe('clientScript', () => {
  it('clientScript() is valid JavaScript that defines every chart function', () => {
    const src = clientScript();
    expect(() => new Function(src)).not.toThrow();
    for (const name of Object.keys(CHART_FUNCTIONS)) expect(src).toContain(`  ${name}: function ${name}(`);
    expect(src).toContain('drawReport(d3, data, fns);');
    expect(src).not.toMatch(/<\/script|<!--/i);
  });

  it('every chart function compiles from its own source (no module bindings needed)', () => {
    for (const [name, f] of Object.entries(CHART_FUNCTIONS)) {
      const rebuilt = fromSource(f);
      expect(typeof rebuilt, name).toBe('function');
      expect(String(f), name).not.toMatch(/__vi_import|__vite_ssr|require\(|import\(/);
    }
  });

  it('the data functions give the same results from their source as imported', () => {
    const model = fixtureModel();
    const lanes: Lane[] = model.agents.map((a) => ({ id: a.id, label: a.role, capacity: a.capacity }));
    const trace = compareFixture.strategies[1].representative.trace;
    const { traceBars, laneTotals, periodLoad } = CHART_FUNCTIONS;
    const [tb, lt, pl] = [fromSource(traceBars), fromSource(laneTotals), fromSource(periodLoad)];
    const bars = traceBars(trace).bars;
    expect(tb(trace)).toEqual(traceBars(trace));
    expect(lt(bars, lanes)).toEqual(laneTotals(bars, lanes));
    const edges = [0, 3, 5, 10, 20, 40];
    const work = [3, 2, 0, 10, 20];
    expect(pl(bars, lanes, edges, work, null)).toEqual(periodLoad(bars, lanes, edges, work, null));
    const half = (a: number, b: number) => (b - a) / 2;
    expect(pl(bars, lanes, edges, work, half)).toEqual(periodLoad(bars, lanes, edges, work, half));
  });
});
