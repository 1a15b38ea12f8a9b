import { CoordsimError } from '../../scenario/CoordsimError.js';
import { locate, type OtlpSpan } from './readOtlpTraces.js';

/** The attribute names read (OpenTelemetry semantic conventions for GenAI, v1.41.0), plus our own task kind. */
export const GENAI_ATTRIBUTES = Object.freeze({
  operation: 'gen_ai.operation.name',
  agentName: 'gen_ai.agent.name',
  agentId: 'gen_ai.agent.id',
  model: 'gen_ai.request.model',
  inputTokens: 'gen_ai.usage.input_tokens',
  outputTokens: 'gen_ai.usage.output_tokens',
  tool: 'gen_ai.tool.name',
  /** Not a GenAI attribute: coordsim's own, naming the kind of work of an agent invocation. */
  taskKind: 'coordsim.task.kind',
});

/** Token attribute names of older GenAI convention versions, read when the current ones are absent. */
const OLD_TOKENS = { input: 'gen_ai.usage.prompt_tokens', output: 'gen_ai.usage.completion_tokens' };

/** `gen_ai.operation.name` values of model calls. */
export const MODEL_OPERATIONS: readonly string[] = ['chat', 'text_completion', 'generate_content'];
const AGENT_OPERATION = 'invoke_agent';
const TOOL_OPERATION = 'execute_tool';

/** Tokens of a span or a sum of spans. */
export interface Tokens {
  input: number;
  output: number;
}

/** One agent invocation (an `invoke_agent` span): a unit of work of its agent. */
export interface WorkUnit {
  span: OtlpSpan;
  /** `gen_ai.agent.name`, else `gen_ai.agent.id`. */
  agent: string;
  /** The kind of work: `coordsim.task.kind`, else the span name when it says more than `invoke_agent <agent>`, else `work`. */
  kind: string;
  /** The nearest enclosing agent invocation, or null. */
  caller: WorkUnit | null;
  /** Span length minus the time covered by the invocations it encloses (the callee's work, or waiting for it), in ns. */
  ownNs: bigint;
  /** Model tokens of the unit: its model spans' (not those of enclosed invocations), else its own `gen_ai.usage.*`. */
  tokens: Tokens;
  /** Invocations of other agents it encloses directly: the messages it sent. */
  messages: number;
}

/** What an agent did across the file, besides its units. */
export interface AgentActivity {
  /** Model calls by `gen_ai.request.model` ('' when absent): calls and tokens. */
  models: Map<string, { calls: number } & Tokens>;
  /** Tool calls by `gen_ai.tool.name`: calls and total time in ns. */
  tools: Map<string, { calls: number; ns: bigint }>;
}

/** The agent work in a traces file. */
export interface TraceWork {
  /** Traces (distinct traceIds) in file order of first appearance. */
  traces: string[];
  spans: number;
  /** Spans with a GenAI operation we read (invoke_agent, model calls, execute_tool). */
  genAiSpans: number;
  /** Units per trace, in trace order, each list sorted by (start, end, file order). */
  units: Map<string, WorkUnit[]>;
  /** Agent names, sorted (code-unit order), with their activity. */
  agents: Map<string, AgentActivity>;
  /** Model and tool spans outside every agent invocation. */
  unattributed: { modelCalls: number; toolCalls: number } & Tokens;
}

/**
 * Finds the agent invocations of OTLP spans (GenAI conventions) and what happens inside each:
 * the model calls and tool calls whose nearest enclosing invocation it is, and the invocations of
 * other agents it encloses (messages). Errors (CoordsimError 'E_PARSE', located): no GenAI span,
 * no invoke_agent span, an invocation without an agent name or id, a token count that is not an
 * integer >= 0, a parentSpanId cycle.
 */
export function traceWork(spans: readonly OtlpSpan[], file: string): TraceWork {
  const byTrace = new Map<string, OtlpSpan[]>();
  for (const s of spans) {
    const list = byTrace.get(s.traceId);
    if (list) list.push(s);
    else byTrace.set(s.traceId, [s]);
  }
  // The attribute, else the span name's first word when it is an operation we read (`chat gpt-4`).
  const operation = (s: OtlpSpan) => {
    const v = s.attributes.get(GENAI_ATTRIBUTES.operation);
    if (typeof v === 'string') return v;
    const word = s.name.split(' ')[0];
    return word === AGENT_OPERATION || word === TOOL_OPERATION || MODEL_OPERATIONS.includes(word) ? word : '';
  };
  const genAi = spans.filter((s) => { const op = operation(s); return op === AGENT_OPERATION || op === TOOL_OPERATION || MODEL_OPERATIONS.includes(op); });
  if (genAi.length === 0) {
    throw new CoordsimError('E_PARSE', `no GenAI spans: expected spans with ${GENAI_ATTRIBUTES.operation} = invoke_agent, ${MODEL_OPERATIONS.join(', ')} or execute_tool among the ${spans.length} span(s)`, { file });
  }
  if (!genAi.some((s) => operation(s) === AGENT_OPERATION)) {
    throw new CoordsimError('E_PARSE', `no agent spans: expected spans with ${GENAI_ATTRIBUTES.operation} = invoke_agent (the agents' work); found only model or tool spans (${genAi.length})`, { file });
  }

  const agents = new Map<string, AgentActivity>();
  const units = new Map<string, WorkUnit[]>();
  const unattributed = { modelCalls: 0, toolCalls: 0, input: 0, output: 0 };
  for (const [traceId, list] of byTrace) {
    const byId = new Map(list.map((s) => [s.spanId, s] as const));
    const unitOf = new Map<OtlpSpan, WorkUnit>();
    // The nearest enclosing invoke_agent span of each span (memoised; cycles are errors).
    const nearest = new Map<OtlpSpan, OtlpSpan | null>();
    const enclosing = (s: OtlpSpan): OtlpSpan | null => {
      const known = nearest.get(s);
      if (known !== undefined) return known;
      const chain: OtlpSpan[] = [];
      const onChain = new Set<OtlpSpan>();
      let p: OtlpSpan | undefined = s;
      let found: OtlpSpan | null = null;
      while (p !== undefined) {
        if (onChain.has(p)) throw new CoordsimError('E_PARSE', `parentSpanId cycle through span ${JSON.stringify(p.spanId)}: expected parents to lead to a root span`, locate(p, file, 'parentSpanId'));
        onChain.add(p);
        chain.push(p);
        const parent: OtlpSpan | undefined = p.parentSpanId === '' ? undefined : byId.get(p.parentSpanId);
        if (parent === undefined) break;
        if (operation(parent) === AGENT_OPERATION) {
          found = parent;
          break;
        }
        const k = nearest.get(parent);
        if (k !== undefined) {
          found = k;
          break;
        }
        p = parent;
      }
      for (const c of chain) nearest.set(c, found);
      return found;
    };

    const invocations = list.filter((s) => operation(s) === AGENT_OPERATION);
    for (const s of invocations) {
      const name = s.attributes.get(GENAI_ATTRIBUTES.agentName);
      const id = s.attributes.get(GENAI_ATTRIBUTES.agentId);
      // The conventional span name is `invoke_agent {gen_ai.agent.name}`: its rest names the agent when neither attribute does.
      const fromName = s.name.startsWith(`${AGENT_OPERATION} `) ? s.name.slice(AGENT_OPERATION.length + 1).trim() : '';
      const agent = typeof name === 'string' && name !== '' ? name : typeof id === 'string' && id !== '' ? id : fromName !== '' ? fromName : null;
      if (agent === null) {
        throw new CoordsimError('E_PARSE', `missing agent id: an invoke_agent span needs ${GENAI_ATTRIBUTES.agentName} or ${GENAI_ATTRIBUTES.agentId} (a non-empty string), or a name "invoke_agent <agent>"`, locate(s, file, 'attributes'));
      }
      if (!agents.has(agent)) agents.set(agent, { models: new Map(), tools: new Map() });
      const own = s.attributes.get(GENAI_ATTRIBUTES.taskKind);
      const generic = s.name === AGENT_OPERATION || s.name === `${AGENT_OPERATION} ${agent}` || s.name.trim() === '';
      const kind = typeof own === 'string' && own !== '' ? own : generic ? 'work' : s.name;
      const tokens = spanTokens(s, file);
      unitOf.set(s, { span: s, agent, kind, caller: null, ownNs: s.end - s.start, tokens: tokens ?? { input: 0, output: 0 }, messages: 0 });
    }
    const covered = new Map<WorkUnit, Array<[bigint, bigint]>>();
    for (const u of unitOf.values()) {
      const c = enclosing(u.span);
      if (c === null) continue;
      const caller = unitOf.get(c)!;
      u.caller = caller;
      if (caller.agent !== u.agent) caller.messages++;
      const spans = covered.get(caller);
      const piece: [bigint, bigint] = [max(u.span.start, caller.span.start), min(u.span.end, caller.span.end)];
      if (spans) spans.push(piece);
      else covered.set(caller, [piece]);
    }
    for (const [u, pieces] of covered) u.ownNs -= unionLength(pieces);

    const modelTokens = new Map<WorkUnit, Tokens>();
    for (const s of list) {
      const op = operation(s);
      if (!MODEL_OPERATIONS.includes(op) && op !== TOOL_OPERATION) continue;
      const c = enclosing(s);
      const unit = c === null ? null : unitOf.get(c)!;
      if (op === TOOL_OPERATION) {
        if (unit === null) {
          unattributed.toolCalls++;
          continue;
        }
        const tool = s.attributes.get(GENAI_ATTRIBUTES.tool);
        const key = typeof tool === 'string' ? tool : '';
        const tools = agents.get(unit.agent)!.tools;
        const t = tools.get(key) ?? { calls: 0, ns: 0n };
        tools.set(key, { calls: t.calls + 1, ns: t.ns + (s.end - s.start) });
        continue;
      }
      const tokens = spanTokens(s, file) ?? { input: 0, output: 0 };
      if (unit === null) {
        unattributed.modelCalls++;
        unattributed.input += tokens.input;
        unattributed.output += tokens.output;
        continue;
      }
      const sum = modelTokens.get(unit) ?? { input: 0, output: 0 };
      modelTokens.set(unit, { input: sum.input + tokens.input, output: sum.output + tokens.output });
      const model = s.attributes.get(GENAI_ATTRIBUTES.model);
      const key = typeof model === 'string' ? model : '';
      const models = agents.get(unit.agent)!.models;
      const m = models.get(key) ?? { calls: 0, input: 0, output: 0 };
      models.set(key, { calls: m.calls + 1, input: m.input + tokens.input, output: m.output + tokens.output });
    }
    // Model spans' tokens replace the invocation's own gen_ai.usage.* (which would count them twice).
    for (const [u, t] of modelTokens) u.tokens = t;

    const order = new Map(list.map((s, i) => [s, i] as const));
    const sorted = [...unitOf.values()].sort((a, b) => cmp(a.span.start, b.span.start) || cmp(a.span.end, b.span.end) || order.get(a.span)! - order.get(b.span)!);
    units.set(traceId, sorted);
  }
  const names = [...agents.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    traces: [...byTrace.keys()],
    spans: spans.length,
    genAiSpans: genAi.length,
    units,
    agents: new Map(names.map((n) => [n, agents.get(n)!] as const)),
    unattributed,
  };
}

/** A span's gen_ai.usage tokens, or null when it has neither count. */
function spanTokens(s: OtlpSpan, file: string): Tokens | null {
  const read = (key: string, old: string): number | null => {
    const k = s.attributes.has(key) ? key : old;
    const v = s.attributes.get(k);
    if (v === undefined) return null;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
      const i = s.attributeIndex.get(k);
      throw new CoordsimError('E_PARSE', `expected ${k} to be a token count (an integer >= 0), found ${JSON.stringify(v)}`, locate(s, file, `attributes[${i}].value`));
    }
    return v;
  };
  const input = read(GENAI_ATTRIBUTES.inputTokens, OLD_TOKENS.input);
  const output = read(GENAI_ATTRIBUTES.outputTokens, OLD_TOKENS.output);
  return input === null && output === null ? null : { input: input ?? 0, output: output ?? 0 };
}

/** Total length of a union of intervals. */
function unionLength(pieces: Array<[bigint, bigint]>): bigint {
  const s = pieces.filter(([a, b]) => b > a).sort((a, b) => cmp(a[0], b[0]));
  if (s.length === 0) return 0n;
  let total = 0n;
  let [lo, hi] = s[0];
  for (const [a, b] of s.slice(1)) {
    if (a > hi) {
      total += hi - lo;
      [lo, hi] = [a, b];
    } else if (b > hi) hi = b;
  }
  return total + (hi > lo ? hi - lo : 0n);
}

function cmp(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
const max = (a: bigint, b: bigint) => (a > b ? a : b);
const min = (a: bigint, b: bigint) => (a < b ? a : b);
