import { describe, expect, test } from 'vitest';
import { compileModel } from '../../src/engine/compileModel.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { validatedDuration } from '../../src/scenario/validateScenario.js';

const yaml = `
name: reuse
time_unit: day
agents: [{id: a}]
tasks:
  - {id: t1, agent: a, duration: {pert: [1, 2, 6]}}
  - {id: t2, agent: a, duration: {triangular: [1, 2, 3]}, after: [t1]}
  - {id: m, milestone: true, after: [t2]}
`;

describe('compileModel reuses the durations validation built', () => {
  test('compileModel(validated scenario) takes each task duration validation built, the same object', () => {
    const s = parseScenario(yaml, 'reuse.yaml');
    const built = validatedDuration(s, 0, s.tasks[0].duration!);
    expect(built?.kind).toBe('pert');
    const m = compileModel(s);
    expect(m.tasks[0].duration).toBe(built);
    expect(m.tasks[1].duration).toBe(validatedDuration(s, 1, s.tasks[1].duration!));
    expect(m.tasks[1].duration.mean).toBe(2);
  });

  test('compileModel builds a duration again when the task got another one after validation', () => {
    const s = parseScenario(yaml, 'reuse.yaml');
    s.tasks[1].duration = { triangular: [4, 5, 9] };
    expect(validatedDuration(s, 1, s.tasks[1].duration)).toBeUndefined();
    expect(compileModel(s).tasks[1].duration.mean).toBe(6);
  });
});
