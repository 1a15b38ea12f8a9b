import { describe, expect, test } from 'vitest';
import { createRunInputs } from '../../src/engine/RunInputs.js';
import { Engine } from '../../src/engine/Engine.js';
import { InputSampler } from '../../src/montecarlo/InputSampler.js';
import { LogHistogram } from '../../src/montecarlo/LogHistogram.js';
import { RangeMerger } from '../../src/montecarlo/RangeSummary.js';
import { summarizeRange, summarizeRangePacked } from '../../src/montecarlo/summarizeRange.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { compiled, randomProject } from './fixtures.js';

/** `x` with every typed array replaced by its bytes in hex: deep equality, byte for byte, without vitest walking thousands of 1024-count pages. */
function bytes(x: unknown): unknown {
  if (ArrayBuffer.isView(x)) return `${x.constructor.name}:${Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('hex')}`;
  if (Array.isArray(x)) return x.map(bytes);
  if (x !== null && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, bytes(v)]));
  return x;
}

/** fixtures' random project on a Mon–Fri calendar with a holiday, one task with its own deadline. */
function datedProject(tasks: number): Scenario {
  const s = randomProject(tasks, 5);
  s.tasks[tasks - 1] = { ...s.tasks[tasks - 1], deadline: 2 * tasks };
  return { ...s, start: '2027-03-01', calendars: { office: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], hours: 8, holidays: ['2027-03-10'] } }, calendar: 'office' };
}

describe('per-task start and finish summaries of a dated plan', () => {
  const model = compiled(datedProject(60));
  const o = { strategies: ['hub', 'ideal'], seed: 9, sampling: 'random' as const };
  const N = 600; // two blocks of buffered runs (256 for 60 tasks) and a partial one

  test('summarizeRange gives the histogram states of every run\'s task starts and finishes added one by one', () => {
    const got = summarizeRange(model, { ...o, start: 0, end: N }).summary;
    const inputs = createRunInputs(model);
    const sampler = new InputSampler(model, o.seed, o.sampling);
    o.strategies.forEach((name, k) => {
      const engine = new Engine(model, model.strategies[name]);
      const starts = model.tasks.map(() => new LogHistogram());
      const finishes = model.tasks.map(() => new LogHistogram());
      const min = model.tasks.map(() => Infinity);
      for (let run = 0; run < N; run++) {
        const state = engine.run(sampler.sample(run, inputs), { seed: o.seed, run });
        model.tasks.forEach((_, t) => {
          starts[t].add(state.taskStart[t]);
          finishes[t].add(state.taskFinish[t]);
          min[t] = Math.min(min[t], state.taskFinish[t]);
        });
      }
      const s = got.perStrategy[k];
      expect(bytes(s.taskStarts!.map((q) => q.histogram))).toEqual(bytes(starts.map((h) => h.toState())));
      expect(bytes(s.taskFinishes!.map((q) => q.histogram))).toEqual(bytes(finishes.map((h) => h.toState())));
      expect(s.taskFinishes!.map((q) => q.min)).toEqual(min);
      expect(s.taskFinishes!.every((q) => q.n === N)).toBe(true);
    });
    // Some tasks start at 0 in every run: the zero bin is in the state like any other.
    expect(got.perStrategy[0].taskStarts!.some((q) => q.max === 0)).toBe(true);
  });

  test('packed summaries (summarizeRangePacked) merged in run order give the canonical summary of the whole range', () => {
    const whole = summarizeRange(model, { ...o, start: 0, end: N }).summary;
    const first = summarizeRangePacked(model, { ...o, start: 0, end: 250 }).summary;
    expect(first.perStrategy[0].packedTasks).toBeDefined();
    expect(first.perStrategy[0].taskFinishes).toBeUndefined();
    const m = new RangeMerger(model, structuredClone(first));
    m.add(structuredClone(summarizeRangePacked(model, { ...o, start: 250, end: 251 }).summary));
    m.add(summarizeRange(model, { ...o, start: 251, end: 400 }).summary); // a canonical one mixed in (a job queue's)
    m.add(structuredClone(summarizeRangePacked(model, { ...o, start: 400, end: N }).summary));
    expect(bytes(m.toState())).toEqual(bytes(whole));
    // And the packed result reads back to the same canonical state.
    const again = new RangeMerger(model, m.toState(true));
    expect(bytes(again.toState())).toEqual(bytes(whole));
  });
});
