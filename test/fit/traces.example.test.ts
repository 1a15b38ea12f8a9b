/** docs/examples/agent-traces.json gives the fragment docs/fitting.md shows; naming and kind rules on small hand-made traces. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/index.js';
import { fitTraces, formatTraceFit } from '../../src/fit/index.js';

const doc = readFileSync(new URL('../../docs/fitting.md', import.meta.url), 'utf8');
const example = readFileSync(new URL('../../docs/examples/agent-traces.json', import.meta.url), 'utf8');

describe('docs/examples/agent-traces.json', () => {
  const fit = fitTraces(example, 'agent-traces.json');

  test('formatTraceFit prints exactly the fragment docs/fitting.md shows', () => {
    const block = doc.split('`coordsim fit agent-traces.json` prints:')[1].split('```yaml\n')[1].split('```')[0];
    expect(formatTraceFit(fit)).toBe(block);
  });

  test('the fragment has the values computed by hand from the file', () => {
    // Researcher 12, 9.5, 15, 11, 13.5 min; Writer 8, 10, 7.5, 9, 12; gaps 40, 55, 35, 70, 45 s.
    expect(fit.tasks.map((t) => [t.task, t.n, t.mean, t.after])).toEqual([['research', 5, 12.2, []], ['draft', 5, 9.3, ['research']]]);
    expect([fit.handoff!.n, fit.handoff!.mean]).toEqual([5, Number((245 / 300).toPrecision(6))]);
    expect(fit.scenario.orchestrator).toEqual({ id: 'Supervisor', tokens: { handoff: { input_per_act: (1800 + 9000) * 5 / 5, output_per_act: (240 + 300) * 5 / 5 } } });
    expect(fit.scenario.agents).toEqual([
      { id: 'Researcher', tokens: { work: { input: Number((155000 / 61).toPrecision(6)), output: Number((9500 / 61).toPrecision(6)) } } },
      { id: 'Writer', tokens: { work: { input: Number((100000 / 46.5).toPrecision(6)), output: Number((17000 / 46.5).toPrecision(6)) } } },
    ]);
    const researcher = fit.agents.find((a) => a.name === 'Researcher')!;
    expect([researcher.models, researcher.tools]).toEqual([[{ model: 'claude-sonnet-4', calls: 10, input: 155000, output: 9500 }], [{ tool: 'web_search', calls: 5, meanTime: 6.1 }]]);
    expect(fit.messages).toEqual([{ from: 'Supervisor', to: 'Researcher', count: 5 }, { from: 'Supervisor', to: 'Writer', count: 5 }]);
    expect(fit.warnings).toEqual([]);
  });

  test('the fragment is a valid scenario, in hours with --time-unit hour', () => {
    expect(() => parseScenario(formatTraceFit(fit), 'fragment.yaml')).not.toThrow();
    const hours = fitTraces(example, 'agent-traces.json', { timeUnit: 'hour' });
    expect(hours.scenario.time_unit).toBe('hour');
    expect(hours.tasks[0].mean).toBe(Number((12.2 / 60).toPrecision(6)));
    expect((hours.scenario.agents as Array<{ tokens: { work: { input: number } } }>)[0].tokens.work.input).toBe(Number((155000 / (61 / 60)).toPrecision(6)));
  });
});

const T = '5b8efff798038103d269b633813fc60c';
const span = (id: string, a: number, b: number, attrs: Record<string, string | number>, extra: object = {}) => ({
  traceId: T,
  spanId: id,
  startTimeUnixNano: String(a * 6e10),
  endTimeUnixNano: String(b * 6e10),
  attributes: Object.entries(attrs).map(([key, v]) => ({ key, value: typeof v === 'string' ? { stringValue: v } : { intValue: String(v) } })),
  ...extra,
});
const file = (spans: object[]) => JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans }] }] });

describe('fitTraces naming', () => {
  test('agent names become ids (role keeps the name), kinds come from span names, one agent with two kinds gets agent-kind ids', () => {
    const inv = (id: string, who: string, name: string, a: number, b: number) => span(id, a, b, { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': who }, { name });
    const fit = fitTraces(file([
      inv('1', 'Math Tutor', 'invoke_agent Math Tutor', 0, 1),
      inv('2', 'Math Tutor', 'invoke_agent Math Tutor', 2, 3),
      inv('3', 'math/tutor', 'plan', 4, 5),
      inv('4', 'math/tutor', 'plan', 6, 7),
      inv('5', 'math/tutor', 'check', 8, 9),
      inv('6', 'math/tutor', 'check', 10, 11),
    ]), 'names.json', { minSamples: 1 });
    expect(fit.agents.map((a) => [a.name, a.id])).toEqual([['Math Tutor', 'Math-Tutor'], ['math/tutor', 'math-tutor']]);
    expect(fit.tasks.map((t) => [t.task, t.agent, t.kind])).toEqual([['Math-Tutor', 'Math Tutor', 'work'], ['plan', 'math/tutor', 'plan'], ['check', 'math/tutor', 'check']]);
    expect((fit.scenario.agents as object[])[0]).toEqual({ id: 'Math-Tutor', role: 'Math Tutor' });
    const shared = fitTraces(file([
      inv('1', 'a', 'review', 0, 1), inv('2', 'a', 'review', 2, 3), inv('3', 'a', 'code', 4, 5), inv('4', 'a', 'code', 6, 7),
      inv('5', 'b', 'review', 8, 9), inv('6', 'b', 'review', 10, 11),
    ]), 'shared.json', { minSamples: 1 });
    expect(shared.tasks.map((t) => t.task)).toEqual(['a-review', 'code', 'b']);
  });

  test('gen_ai.agent.id names an agent without a name; older token names are read; a unit uses its model calls\' tokens, not its own as well', () => {
    const fit = fitTraces(file([
      span('1', 0, 2, { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.id': 'asst_1', 'gen_ai.usage.input_tokens': 999 }),
      span('2', 0, 1, { 'gen_ai.operation.name': 'chat', 'gen_ai.usage.prompt_tokens': 100, 'gen_ai.usage.completion_tokens': 10 }, { parentSpanId: '1' }),
      span('3', 3, 5, { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.id': 'asst_1', 'gen_ai.usage.input_tokens': 300, 'gen_ai.usage.output_tokens': 30 }),
      span('4', 6, 7, { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'x' }),
    ]), 'ids.json');
    expect(fit.agents.map((a) => [a.name, a.tokens])).toEqual([['asst_1', { input: 400, output: 40 }]]);
    expect((fit.scenario.agents as object[])[0]).toEqual({ id: 'asst_1', tokens: { work: { input: 100, output: 10 } } });
    expect(fit.unattributed).toEqual({ modelCalls: 0, toolCalls: 1, input: 0, output: 0 });
    expect(fit.warnings).toEqual(['asst_1: 2 observation(s), fewer than 5: a constant', '0 model call(s) and 1 tool call(s) are outside every invoke_agent span: not counted']);
    expect(fit.handoff).toBeNull();
  });

  test('an agent that invokes another in each of its units is the orchestrator; own time leaves the delegated time out', () => {
    // a runs 0-10 around b 2-6 (own time 6), then 20-30 around b 21-24 (own time 7); b also runs alone 40-41.
    const inv = (id: string, who: string, a: number, b: number, parent?: string) => span(id, a, b, { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': who }, parent ? { parentSpanId: parent } : {});
    const fit = fitTraces(file([inv('1', 'a', 0, 10), inv('2', 'b', 2, 6, '1'), inv('3', 'a', 20, 30), inv('4', 'b', 21, 24, '3'), inv('5', 'b', 40, 41)]), 'nested.json');
    expect([fit.topology, fit.agents.map((a) => [a.name, a.role, a.ownTime, a.messagesSent])]).toEqual(['hub', [['a', 'orchestrator', 13, 2], ['b', 'agent', 8, 0]]]);
    expect(fit.tasks.map((t) => [t.task, t.n, t.mean])).toEqual([['b', 3, Number((8 / 3).toPrecision(6))]]);
  });

  test('a name with a line break stays inside its comment line: the YAML reads back as the same scenario', () => {
    const inv = (id: string, a: number, b: number) => span(id, a, b, { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'evil\nname: injected', 'coordsim.task.kind': 'k\r\ntime_unit: week' });
    const fit = fitTraces(file([inv('1', 0, 1), inv('2', 2, 3)]), 'evil.json');
    const text = formatTraceFit(fit);
    expect(text).toContain('# task k-time_unit-week: evil\\u000aname: injected / k\\u000d\\u000atime_unit: week:');
    const back = parseScenario(text, 'evil.yaml');
    expect([back.name, back.time_unit, back.agents[0]]).toEqual(['Fitted from evil.json', 'minute', { id: 'evil-name-injected', role: 'evil\nname: injected' }]);
  });
});
