import type { Busy } from './checkAccounting.js';
import { fmt, type CheckContext } from './CheckContext.js';

/**
 * `makespan` (docs/semantics.md §11): it is the last end of a task execution, remediation or gate; at least
 * the longest dependency chain of the first executions' durations (gates add >= 0); at least
 * total work / total agent capacity; under `ideal` at most `sequentialMakespan`, and under
 * `sequential` equal to it.
 */
export function checkMakespan(ctx: CheckContext): void {
  const { model, metrics } = ctx;
  const T = metrics.makespan;
  let last = 0;
  for (const e of ctx.reading.executions) {
    if ((e.kind === 'task' || e.kind === 'rework' || e.kind === 'remediation') && e.finish > last) last = e.finish;
  }
  for (const r of ctx.trace) if (r.kind === 'gate_done' && r.time > last) last = r.time;
  if (last !== T) ctx.fail({ message: `makespan is ${fmt(T)}, the last task, remediation or gate ends at ${fmt(last)}` });

  // Longest chain: nodes are tasks 0..n-1 then gates; `after` edges point backwards, so memoise.
  const n = model.tasks.length;
  const memo = new Float64Array(n + model.gates.length).fill(NaN);
  const chain = (v: number): number => {
    if (!Number.isNaN(memo[v])) return memo[v];
    if (v < n && ctx.passed.get(model.tasks[v].id)?.absent === true) return (memo[v] = 0); // its links are gone
    const after = v < n ? model.tasks[v].after : model.gates[v - n].after;
    let before = 0;
    for (const p of after) before = Math.max(before, chain(p));
    return (memo[v] = before + (v < n ? (ctx.firstExec.get(model.tasks[v].id)?.duration ?? 0) : 0));
  };
  let longest = 0;
  let end = -1;
  for (let v = 0; v < memo.length; v++) if (chain(v) > longest) [longest, end] = [chain(v), v];
  if (T < longest - ctx.tol(longest)) {
    ctx.fail({ message: `makespan ${fmt(T)} is shorter than the dependency chain ending at ${end < n ? model.tasks[end]?.id : model.gates[end - n]?.id} (${fmt(longest)})` });
  }
  const capacity = model.agents.reduce((a, b) => a + b.capacity, 0);
  if (T < metrics.workTime / capacity - ctx.tol(T)) {
    ctx.fail({ message: `makespan ${fmt(T)} < total work ${fmt(metrics.workTime)} / total capacity ${capacity}` });
  }
  const seq = metrics.sequentialMakespan;
  if (ctx.strategy.topology === 'ideal' && T > seq + ctx.tol(seq)) ctx.fail({ message: `ideal makespan ${fmt(T)} > sequentialMakespan ${fmt(seq)}` });
  if (ctx.strategy.topology === 'sequential' && Math.abs(T - seq) > ctx.tol(seq)) {
    ctx.fail({ message: `sequential makespan ${fmt(T)} ≠ sequentialMakespan ${fmt(seq)} (workTime + heldTime)` });
  }
}

/**
 * `utilization` (docs/semantics.md §11): every utilisation and `capacityUse` lies in [0, 1]; each agent's
 * engaged span is its first start to its last job or meeting end in the trace, and its
 * utilisation is trace busy time / (span × capacity).
 */
export function checkUtilization(ctx: CheckContext, busy: Map<string, Busy>): void {
  const { metrics } = ctx;
  const tol = 1e-9;
  const inUnit = (what: string, u: number, agent?: string) => {
    if (!(u >= -tol && u <= 1 + tol)) ctx.fail({ message: `${what} is ${fmt(u)}, outside [0, 1]`, agent });
  };
  inUnit('utilization.mean', metrics.utilization.mean);
  inUnit('capacityUse', metrics.capacityUse);
  inUnit('orchestrator.utilization', metrics.orchestrator.utilization, metrics.orchestrator.id);
  for (const a of ctx.model.agents) {
    const u = metrics.utilization.byAgent[a.id];
    inUnit(`utilization.byAgent.${a.id}`, u, a.id);
    const b = busy.get(a.id)!;
    const span = metrics.engagedSpan.byAgent[a.id];
    const started = !Number.isNaN(b.start);
    const want = started ? { start: b.start, end: b.end } : { start: 0, end: 0 };
    const endOk = Math.abs(span.end - want.end) <= ctx.tol(want.end);
    if (span.start !== want.start || !endOk) {
      ctx.fail({ message: `engagedSpan.${a.id} is ${fmt(span.start)}–${fmt(span.end)}, the trace shows ${fmt(want.start)}–${fmt(want.end)}`, agent: a.id });
      continue;
    }
    const len = span.end - span.start;
    const expected = len > 0 ? (b.work + b.coordination) / (len * a.capacity) : 0;
    if (Math.abs(u - expected) > 1e-9 * Math.max(1, expected)) {
      ctx.fail({ message: `utilization.byAgent.${a.id} is ${fmt(u)}; busy ${fmt(b.work + b.coordination)} over ${fmt(len)} × ${a.capacity} gives ${fmt(expected)}`, agent: a.id });
    }
  }
}
