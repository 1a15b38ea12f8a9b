/** Test helper: an engine run's trace written as OTLP/JSON spans with the GenAI conventions. */
import type { TraceRecord } from '../../src/index.js';

/** How to write one run as one OTLP trace. */
export interface OtlpFromRunOptions {
  /** Index of the trace: its traceId and its start (one hour apart). */
  index: number;
  /** Nanoseconds per scenario time unit. */
  nsPerUnit: number;
  /** Name of a coordinator whose invoke_agent span encloses the run; the orchestrator's handoffs become its chat spans. */
  supervisor?: string;
  /** Tokens per time unit of work, written on one chat span inside each task's invocation. */
  workTokens?: { input: number; output: number };
  /** Tokens per handoff, on the supervisor's chat spans. */
  handoffTokens?: { input: number; output: number };
}

const BASE = 1767225600n * 1_000_000_000n; // 2026-01-01T00:00:00Z
const hex = (n: bigint, width: number) => n.toString(16).padStart(width, '0');
const attr = (key: string, v: string | number) => ({ key, value: typeof v === 'string' ? { stringValue: v } : { intValue: String(v) } });

/** One span per task execution (invoke_agent, kind = the task id), nested chat spans with tokens. */
export function otlpFromRun(trace: readonly TraceRecord[], o: OtlpFromRunOptions): object[] {
  const t0 = BASE + BigInt(o.index) * 3_600_000_000_000n;
  const at = (t: number) => String(t0 + BigInt(Math.round(t * o.nsPerUnit)));
  const traceId = hex(0xc0de0000n * 2n ** 64n + BigInt(o.index), 32);
  let n = 0;
  const spans: object[] = [];
  const span = (parent: string | null, name: string, start: number, end: number, attributes: object[]) => {
    const spanId = hex(BigInt(o.index) * 65536n + BigInt(++n), 16);
    spans.push({ traceId, spanId, ...(parent ? { parentSpanId: parent } : {}), name, startTimeUnixNano: at(start), endTimeUnixNano: at(end), attributes });
    return spanId;
  };
  const makespan = Math.max(...trace.map((r) => r.time));
  const root = o.supervisor === undefined ? null : span(null, `invoke_agent ${o.supervisor}`, 0, makespan, [attr('gen_ai.operation.name', 'invoke_agent'), attr('gen_ai.agent.name', o.supervisor)]);
  const open = new Map<string, TraceRecord>();
  for (const r of trace) {
    const key = `${r.kind.split('_')[0]} ${r.task} ${r.agent}`;
    if (r.kind === 'task_start' || r.kind === 'handoff_start') open.set(key, r);
    if (r.kind === 'task_finish') {
      const s = open.get(key)!;
      const id = span(root, `invoke_agent ${r.agent}`, s.time, r.time, [attr('gen_ai.operation.name', 'invoke_agent'), attr('gen_ai.agent.name', r.agent), attr('coordsim.task.kind', r.task)]);
      const w = o.workTokens;
      if (w) {
        const d = r.time - s.time;
        span(id, 'chat model-a', s.time, r.time, [attr('gen_ai.operation.name', 'chat'), attr('gen_ai.request.model', 'model-a'), attr('gen_ai.usage.input_tokens', Math.round(w.input * d)), attr('gen_ai.usage.output_tokens', Math.round(w.output * d))]);
      }
    }
    if (r.kind === 'handoff_finish' && root !== null) {
      const s = open.get(key)!;
      const h = o.handoffTokens ?? { input: 0, output: 0 };
      span(root, 'chat model-b', s.time, r.time, [attr('gen_ai.operation.name', 'chat'), attr('gen_ai.request.model', 'model-b'), attr('gen_ai.usage.input_tokens', h.input), attr('gen_ai.usage.output_tokens', h.output)]);
    }
  }
  return spans;
}

/** An OTLP/JSON TracesData document holding the spans. */
export function otlpDocument(spans: readonly object[]): string {
  return JSON.stringify({ resourceSpans: [{ resource: { attributes: [attr('service.name', 'coordsim-test')] }, scopeSpans: [{ scope: { name: 'coordsim.test' }, spans }] }] });
}
