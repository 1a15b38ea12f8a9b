import { describe, expect, test } from 'vitest';
import { parseScenario, parseScenarioWithWarnings } from '../../src/scenario/parseScenario.js';
import { CoordsimError } from '../../src/scenario/CoordsimError.js';
import { lineOf } from './badScenarios.js';

const T = 20_000;

/** A valid 20,000-task plan: a chain with a side link every tenth task, a gate every 5,000 tasks. */
function plan(): Record<string, any> {
  const tasks = Array.from({ length: T }, (_, i) => ({
    id: `t${i}`,
    agent: `a${i % 7}`,
    duration: i % 3 === 0 ? { pert: [1, 2, 4] } : 2,
    ...(i > 0 ? { after: i % 10 === 0 && i > 20 ? [`t${i - 1}`, { task: `t${i - 20}`, lag: 1 }] : [`t${i - 1}`] } : {}),
  }));
  const gates = [5000, 10000, 15000].map((g) => ({ id: `review-${g}`, after: [`t${g - 1}`] }));
  // Each gate but the last is awaited by the task after it.
  tasks[5000].after!.push('review-5000');
  tasks[10000].after!.push('review-10000');
  return { name: 'large', time_unit: 'day', agents: Array.from({ length: 7 }, (_, i) => ({ id: `a${i}` })), tasks, gates };
}

const text = (doc: unknown) => JSON.stringify(doc, null, 2);

function thrown(fn: () => unknown): CoordsimError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CoordsimError);
    return e as CoordsimError;
  }
  throw new Error('expected a CoordsimError, nothing was thrown');
}

/** 1-based column of `marker` on its line. */
function columnOf(json: string, marker: string): number {
  return json.split('\n')[lineOf(json, marker) - 1].indexOf(marker) + 1;
}

describe('large JSON scenarios', () => {
  test('parseScenarioWithWarnings(20,000-task JSON) accepts it and locates the warning of the gate near the end', () => {
    const json = text(plan());
    const { scenario, warnings } = parseScenarioWithWarnings(json, 'big.json');
    expect(scenario.tasks).toHaveLength(T);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].context).toEqual({ file: 'big.json', path: '/gates/2/id', line: lineOf(json, '"review-15000"'), column: columnOf(json, '"id": "review-15000"') });
  });

  test('parseScenario(20,000-task JSON) puts a schema error deep in the file at its line and column', () => {
    const doc = plan();
    doc.tasks[17_345].durration = doc.tasks[17_345].duration;
    delete doc.tasks[17_345].duration;
    const json = text(doc);
    const e = thrown(() => parseScenario(json, 'big.json'));
    expect(e.code).toBe('E_SCHEMA');
    expect(e.context).toEqual({ file: 'big.json', path: '/tasks/17345/durration', line: lineOf(json, '"durration"'), column: columnOf(json, '"durration"') });
    expect(e.message).toContain(`big.json:${e.context.line}:${e.context.column}`);
  });

  test('parseScenario(20,000-task JSON) locates an unknown agent, a bad link and a bad distribution deep in the file', () => {
    const agent = plan();
    agent.tasks[19_998].agent = 'a77';
    let json = text(agent);
    let e = thrown(() => parseScenario(json, 'big.json'));
    expect(e.code).toBe('E_REFERENCE');
    expect(e.context).toEqual({ file: 'big.json', path: '/tasks/19998/agent', line: lineOf(json, '"a77"'), column: columnOf(json, '"agent": "a77"') });

    const link = plan();
    link.tasks[12_340].after[1] = { task: 't99999', lag: 1 };
    json = text(link);
    e = thrown(() => parseScenario(json, 'big.json'));
    expect(e.code).toBe('E_REFERENCE');
    expect(e.context.path).toBe('/tasks/12340/after/1/task');
    expect(e.context.line).toBe(lineOf(json, '"t99999"'));

    const dist = plan();
    dist.tasks[15_003].duration = { pert: [5, 2, 4] };
    json = text(dist);
    e = thrown(() => parseScenario(json, 'big.json'));
    expect(e.code).toBe('E_PARAM');
    expect(e.context.path).toBe('/tasks/15003/duration/pert');
    // The task's lines: {, id, agent, "duration": {, "pert": [ ...
    const line = lineOf(json, '"id": "t15003"') + 3;
    expect(e.context).toMatchObject({ line, column: json.split('\n')[line - 1].indexOf('"pert"') + 1 });
  });

  test('parseScenario(20,000-task JSON) names a long dependency cycle from its member written first', () => {
    const doc = plan();
    // t101 waits for t19000, which follows t101 through the chain.
    doc.tasks[101].after.push('t19000');
    const json = text(doc);
    const e = thrown(() => parseScenario(json, 'big.json'));
    expect(e.code).toBe('E_CYCLE');
    expect(e.message).toContain('dependency cycle: t101 -> t102 -> t103 -> t104 -> t105 -> t106 -> t107 -> t108 -> … 18888 more … -> t18997 -> t18998 -> t18999 -> t19000 -> t101 (18900 tasks and gates)');
    // The task's lines after its id: agent, duration, "after": [, "t100", "t19000".
    const line = lineOf(json, '"id": "t101"') + 5;
    expect(e.context).toEqual({ file: 'big.json', path: '/tasks/101/after/1', line, column: json.split('\n')[line - 1].indexOf('"t19000"') + 1 });
  });
});
