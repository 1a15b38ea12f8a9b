import { fmt, type CheckContext } from './CheckContext.js';

/** Per resource, what the trace shows it doing. */
export interface Busy {
  work: number;
  coordination: number;
  held: number;
  /** First start and last end (of a job or a meeting) in the trace; NaN when never started. */
  start: number;
  end: number;
}

/** Work, coordination and held time of every resource, summed from the trace alone. */
export function busyFromTrace(ctx: CheckContext): Map<string, Busy> {
  const out = new Map<string, Busy>();
  const at = (id: string) => {
    if (!out.has(id)) out.set(id, { work: 0, coordination: 0, held: 0, start: NaN, end: NaN });
    return out.get(id)!;
  };
  for (const id of ctx.capacity.keys()) at(id);
  const held = new Map<string, number>();
  for (const r of ctx.trace) {
    if (r.kind === 'risk') held.set(r.task, (held.get(r.task) ?? 0) + r.duration);
  }
  const span = (b: Busy, from: number, to: number) => {
    if (!(b.start <= from)) b.start = from;
    if (!(b.end >= to)) b.end = to;
  };
  for (const e of ctx.reading.executions) {
    const h = e.kind === 'task' ? (held.get(e.task) ?? 0) : 0;
    // In units an agent is busy units × the job's time (docs/semantics.md §18); else one job, one slot.
    for (const { agent, units } of e.holders) {
      const b = at(agent);
      if (e.kind === 'task' || e.kind === 'rework' || e.kind === 'remediation') b.work += units === 1 ? e.duration - h : units * (e.duration - h);
      else b.coordination += units === 1 ? e.duration : units * e.duration;
      b.held += units === 1 ? h : units * h;
      span(b, e.start, e.finishIndex >= 0 ? e.finish : e.start);
    }
  }
  for (const m of ctx.reading.meetings) {
    const b = at(m.agent);
    b.coordination += m.duration * (ctx.capacity.get(m.agent) ?? 1);
    if (m.duration > 0) span(b, Number.isNaN(b.start) ? m.from : b.start, m.until);
  }
  return out;
}

/**
 * `accounting` (docs/semantics.md §11): for every agent and the orchestrator, work + coordination summed from
 * the trace plus `idleTime` equals makespan × capacity, and idle >= 0; totals equal
 * `workTime`, `coordinationTime`,
 * `heldTime` and `coordinationByKind`; built-in strategies coordinate nothing.
 */
export function checkAccounting(ctx: CheckContext, busy: Map<string, Busy>): void {
  const { metrics, model } = ctx;
  const T = metrics.makespan;
  const orch = model.orchestrator.id;
  let work = 0;
  let coord = 0;
  let held = 0;
  for (const [id, b] of busy) {
    const cap = ctx.capacity.get(id) ?? 1;
    const idle = id === orch ? metrics.orchestrator.idleTime : metrics.idleTime.byAgent[id];
    work += b.work;
    coord += b.coordination;
    held += b.held;
    if (idle === undefined) continue;
    const gap = T * cap - (b.work + b.coordination + idle);
    const tol = ctx.tol(T * cap);
    if (idle < -tol) ctx.fail({ message: `${id} has idle time ${fmt(idle)} < 0: busy ${fmt(b.work + b.coordination)} in a makespan of ${fmt(T)} × capacity ${cap}`, agent: id });
    if (Math.abs(gap) > tol) {
      ctx.fail({ message: `${id}: work ${fmt(b.work)} + coordination ${fmt(b.coordination)} + idle ${fmt(idle)} ≠ makespan ${fmt(T)} × capacity ${cap} (off by ${fmt(gap)})`, agent: id });
    }
  }
  const scale = T * [...ctx.capacity.values()].reduce((a, b) => a + b, 0) + metrics.workTime + metrics.coordinationTime;
  const same = (a: number, b: number) => Math.abs(a - b) <= ctx.tol(scale);
  if (!same(work, metrics.workTime)) ctx.fail({ message: `the trace shows ${fmt(work)} of work, metrics.workTime is ${fmt(metrics.workTime)}` });
  if (!same(held, metrics.heldTime)) ctx.fail({ message: `the trace shows ${fmt(held)} held by risk delays, metrics.heldTime is ${fmt(metrics.heldTime)}` });
  if (!same(coord, metrics.coordinationTime)) {
    ctx.fail({ message: `the trace shows ${fmt(coord)} of coordination, metrics.coordinationTime is ${fmt(metrics.coordinationTime)}` });
  }
  const byKind = { handoff: 0, review: 0, escalation: 0, status: 0, checkpoint: 0 };
  for (const e of ctx.reading.executions) if (e.kind === 'handoff' || e.kind === 'review' || e.kind === 'escalation') byKind[e.kind] += e.holders[0].units * e.duration;
  for (const m of ctx.reading.meetings) byKind[m.kind] += m.duration * (ctx.capacity.get(m.agent) ?? 1);
  for (const [k, v] of Object.entries(byKind)) {
    const got = metrics.coordinationByKind[k as keyof typeof byKind];
    if (!same(v, got)) ctx.fail({ message: `coordinationByKind.${k} is ${fmt(got)}, the trace shows ${fmt(v)}` });
  }
  if (ctx.strategy.builtin && metrics.coordinationTime !== 0) ctx.fail({ message: `built-in strategy ${ctx.strategy.name} has coordination time ${fmt(metrics.coordinationTime)}` });
}
