import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/engine/compileModel.js';
import { assignmentLabel } from '../../src/engine/assignmentLabel.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';

describe('assignmentLabel(task)', () => {
  it.each([
    [{ id: 't', agent: 'a' }, 'a'],
    [{ id: 't', agent: 'a', units: 0.5 }, 'a'],
    [{ id: 't', skill: 'qa' }, 'skill:qa'],
    [{ id: 't', agents: ['a', 'b'] }, 'a+b'],
    [{ id: 't', needs: [{ skill: 'qa', units: 2 }, { agent: 'a' }] }, 'skill:qa*2+a'],
    [{ id: 't', needs: [{ agent: 'a', units: 0.5 }] }, 'a*0.5'],
    [{ id: 't', milestone: true }, ''],
    [{ id: 't', duration: 3 }, ''],
  ])('%j gives %j', (task, label) => {
    expect(assignmentLabel(task)).toBe(label);
  });

  it('is what the model keeps, also for a task finished before the status date (which no longer needs its agent)', () => {
    const s = parseScenario(
      [
        'name: p',
        'time_unit: day',
        'start: 2027-01-04',
        'status_date: 2027-01-11',
        'agents: [{id: a, skills: [qa]}, {id: b, skills: [qa]}]',
        'tasks:',
        '  - {id: done, agent: a, duration: 2}',
        '  - {id: pair, agents: [a, b], duration: 1, after: [done]}',
        '  - {id: two, needs: [{skill: qa, units: 2}], duration: 1, after: [pair]}',
        '  - {id: ship, milestone: true, after: [two]}',
        'progress: {done: {actual_start: 2027-01-04, actual_finish: 2027-01-05}}',
      ].join('\n'),
      'p.yaml',
    );
    const m = compileModel(s);
    expect(m.tasks.map((t) => t.assignment)).toEqual(['a', 'a+b', 'skill:qa*2', '']);
    expect(m.tasks[0].agent).toBe(-1); // finished: the model runs it as elapsed time
  });
});
