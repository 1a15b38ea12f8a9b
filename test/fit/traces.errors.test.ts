/** fitTraces refuses malformed trace files with located CoordsimErrors (E_PARSE: exit 2 in the CLI). */
import { describe, expect, test } from 'vitest';
import { fitTraces } from '../../src/fit/index.js';
import { CoordsimError } from '../../src/scenario/CoordsimError.js';

const FILE = 'bad.json';
const T = '0af7651916cd43dd8448eb211c80319c';
const op = (name: string) => ({ key: 'gen_ai.operation.name', value: { stringValue: name } });
const agent = (name: string) => ({ key: 'gen_ai.agent.name', value: { stringValue: name } });

/** An invoke_agent span of `who` from minute `a` to minute `b`. */
function invoke(id: string, who: string, a: number, b: number, extra: object = {}) {
  return { traceId: T, spanId: id, name: `invoke_agent ${who}`, startTimeUnixNano: String(a * 6e10), endTimeUnixNano: String(b * 6e10), attributes: [op('invoke_agent'), agent(who)], ...extra };
}
/** A document with the spans in resourceSpans[0].scopeSpans[1] (scopeSpans[0] is empty). */
const doc = (spans: unknown[]) => JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [] }, { spans }] }] });
const good = () => [invoke('a1', 'a', 0, 1), invoke('a2', 'a', 2, 3)];

function error(text: string, options = {}): CoordsimError {
  try {
    fitTraces(text, FILE, options);
  } catch (e) {
    if (e instanceof CoordsimError) return e;
    throw e;
  }
  throw new Error('expected a CoordsimError');
}

describe('fitTraces errors', () => {
  test('a valid two-invocation file fits (the baseline every case below breaks)', () => {
    expect(fitTraces(doc(good()), FILE).tasks.map((t) => t.n)).toEqual([2]);
  });

  test('not JSON: the parser message, with the file', () => {
    const e = error('{"resourceSpans": [');
    expect([e.code, e.context.file]).toEqual(['E_PARSE', FILE]);
    expect(e.message).toMatch(/^bad\.json: not JSON: /);
    expect(error('').message).toBe('bad.json: empty file: expected OTLP/JSON traces (an object with a resourceSpans array)');
  });

  test('not OTLP: no resourceSpans, or resourceSpans not an array, or spans not an array', () => {
    expect(error('{"spans": []}').message).toBe('bad.json at /: not OTLP traces: expected an object with a resourceSpans array (OTLP/JSON TracesData), found an object');
    expect(error('[1]').message).toBe('bad.json at /: not OTLP traces: expected an object with a resourceSpans array (OTLP/JSON TracesData), found an array');
    expect(error('{"resourceSpans": 3}').message).toBe('bad.json at resourceSpans: not OTLP traces: expected resourceSpans to be an array, found number 3');
    expect(error('{"resourceSpans": [{"scopeSpans": [{"spans": {}}]}]}').message).toBe('bad.json at resourceSpans[0].scopeSpans[0].spans: expected an array of spans, found an object');
  });

  test("end before start: the span's endTimeUnixNano, with both times", () => {
    const spans = [...good(), invoke('a3', 'a', 5, 4)];
    const e = error(doc(spans));
    expect(e.context.path).toBe('resourceSpans[0].scopeSpans[1].spans[2].endTimeUnixNano');
    expect(e.message).toBe('bad.json at resourceSpans[0].scopeSpans[1].spans[2].endTimeUnixNano: end before start: expected endTimeUnixNano >= startTimeUnixNano 300000000000, found 240000000000');
  });

  test('bad timestamps: not a string of digits', () => {
    const spans = [invoke('a1', 'a', 0, 1, { startTimeUnixNano: '2026-01-01T00:00:00Z' }), invoke('a2', 'a', 2, 3)];
    expect(error(doc(spans)).message).toBe('bad.json at resourceSpans[0].scopeSpans[1].spans[0].startTimeUnixNano: expected startTimeUnixNano to be Unix nanoseconds (a string of digits), found the string "2026-01-01T00:00:00Z"');
    const { endTimeUnixNano: _, ...noEnd } = invoke('a2', 'a', 2, 3);
    expect(error(doc([invoke('a1', 'a', 0, 1), noEnd])).message).toBe('bad.json at resourceSpans[0].scopeSpans[1].spans[1].endTimeUnixNano: missing endTimeUnixNano: expected Unix nanoseconds (a string of digits)');
  });

  test('missing ids: traceId, spanId, a duplicate spanId, an invocation without agent name or id', () => {
    const { traceId: _, ...noTrace } = invoke('a1', 'a', 0, 1);
    expect(error(doc([noTrace])).message).toBe('bad.json at resourceSpans[0].scopeSpans[1].spans[0].traceId: missing traceId: expected a non-empty hex string');
    expect(error(doc([invoke('', 'a', 0, 1)])).message).toBe('bad.json at resourceSpans[0].scopeSpans[1].spans[0].spanId: expected spanId to be a non-empty hex string, found the string ""');
    expect(error(doc([invoke('a1', 'a', 0, 1), invoke('a1', 'a', 2, 3)])).message).toBe(
      'bad.json at resourceSpans[0].scopeSpans[1].spans[1].spanId: duplicate spanId "a1" in trace "0af7651916cd43dd8448eb211c80319c": expected each span id once per trace (first at resourceSpans[0].scopeSpans[1].spans[0])',
    );
    const anonymous = { ...invoke('a3', 'a', 4, 5), name: 'invoke_agent', attributes: [op('invoke_agent')] };
    expect(error(doc([...good(), anonymous])).message).toBe('bad.json at resourceSpans[0].scopeSpans[1].spans[2].attributes: missing agent id: an invoke_agent span needs gen_ai.agent.name or gen_ai.agent.id (a non-empty string), or a name "invoke_agent <agent>"');
  });

  test('no GenAI spans, and no agent spans among GenAI spans', () => {
    const plain = good().map((s) => ({ ...s, name: 'GET /agents', attributes: [{ key: 'http.method', value: { stringValue: 'GET' } }] }));
    expect(error(doc(plain)).message).toBe('bad.json: no GenAI spans: expected spans with gen_ai.operation.name = invoke_agent, chat, text_completion, generate_content or execute_tool among the 2 span(s)');
    const chats = good().map((s) => ({ ...s, name: 'chat', attributes: [op('chat')] }));
    expect(error(doc(chats)).message).toBe('bad.json: no agent spans: expected spans with gen_ai.operation.name = invoke_agent (the agents\' work); found only model or tool spans (2)');
    expect(error(doc([])).message).toMatch(/no GenAI spans/);
  });

  test('too few samples: one invocation of a kind of work, located at it; --min-samples 1 accepts it', () => {
    const spans = [invoke('a1', 'a', 0, 1), invoke('b1', 'b', 2, 4), invoke('a2', 'a', 5, 6)];
    const e = error(doc(spans));
    expect(e.message).toBe('bad.json at resourceSpans[0].scopeSpans[1].spans[1]: too few samples: expected at least 2 invocations of agent "b", kind "work", found 1 (more traces, or --min-samples 1 to accept a constant)');
    // With one accepted, the handoffs (a -> b, b -> a: 2 gaps of 1 minute) fit as a constant.
    const fit = fitTraces(doc(spans), FILE, { minSamples: 1 });
    // Tasks in order of mean start: b (2) before a (0 and 5).
    expect(fit.tasks.map((t) => [t.task, t.best, t.method])).toEqual([['b', 2, 'fallback'], ['a', 1, 'fallback']]);
    expect(fit.handoff!.best).toBe(1);
  });

  test('bad attribute values: a token count that is not an integer >= 0, a malformed intValue', () => {
    const tokens = { ...invoke('a3', 'a', 4, 5), attributes: [op('invoke_agent'), agent('a'), { key: 'gen_ai.usage.input_tokens', value: { intValue: '-3' } }] };
    expect(error(doc([...good(), tokens])).message).toBe('bad.json at resourceSpans[0].scopeSpans[1].spans[2].attributes[2].value: expected gen_ai.usage.input_tokens to be a token count (an integer >= 0), found -3');
    const badInt = { ...invoke('a3', 'a', 4, 5), attributes: [op('invoke_agent'), agent('a'), { key: 'n', value: { intValue: 'ten' } }] };
    expect(error(doc([...good(), badInt])).message).toBe('bad.json at resourceSpans[0].scopeSpans[1].spans[2].attributes[2].value.intValue: expected an integer (a string of digits), found the string "ten"');
  });

  test('a parentSpanId cycle is refused', () => {
    const spans = [invoke('a1', 'a', 0, 9), { ...invoke('a2', 'a', 2, 3), attributes: [op('chat')], parentSpanId: 'a3' }, { ...invoke('a3', 'a', 2, 3), attributes: [op('execute_tool')], parentSpanId: 'a2' }];
    expect(error(doc(spans)).message).toMatch(/^bad\.json at resourceSpans\[0\]\.scopeSpans\[1\]\.spans\[\d\]\.parentSpanId: parentSpanId cycle through span "a[23]": expected parents to lead to a root span$/);
  });

  test('JSON Lines: one TracesData per line, errors give the line', () => {
    const lines = [doc([invoke('a1', 'a', 0, 1)]), doc([{ ...invoke('a2', 'a', 2, 3), traceId: 'f'.repeat(32) }])].join('\n');
    expect(fitTraces(lines, FILE).tasks[0].n).toBe(2);
    const e = error(`${lines}\n${doc([invoke('a3', 'a', 5, 4)])}\n`);
    expect([e.context.line, e.context.path]).toEqual([3, 'resourceSpans[0].scopeSpans[1].spans[0].endTimeUnixNano']);
    expect(error(`${lines}\n{oops\n`).message).toMatch(/^bad\.json:3: not JSON \(JSON Lines, one document per line\): /);
  });

  test('options: --time-unit and --min-samples are checked', () => {
    expect(error(doc(good()), { minSamples: 0 }).message).toBe('--min-samples: expected an integer >= 1, got 0');
    expect(error(doc(good()), { timeUnit: 'fortnight' }).message).toBe('--time-unit: expected minute, hour, day or week, got "fortnight"');
  });

  test("without gen_ai.operation.name, the span name's first word is the operation, and the rest of 'invoke_agent <agent>' the agent", () => {
    const bare = good().map((s) => ({ ...s, name: 'invoke_agent Planner', attributes: [] }));
    expect(fitTraces(doc(bare), FILE).agents.map((a) => [a.name, a.invocations])).toEqual([['Planner', 2]]);
  });
});
