import { fmt, type CheckContext } from './CheckContext.js';

/**
 * `capacity`: replays job starts and finishes in trace order (a job ending at t frees its slot
 * before one starting at t takes it) and counts the jobs of each resource: never above its
 * capacity, nothing started while its own meeting runs, and one job at a time in all under
 * `sequential` ("the whole team works one task at a time").
 */
export function checkCapacity(ctx: CheckContext): void {
  const delta: Array<{ index: number; agent: string; d: 1 | -1; what: string; time: number }> = [];
  for (const e of ctx.reading.executions) {
    const what = `${e.kind} ${e.task || e.gate}`;
    delta.push({ index: e.startIndex, agent: e.agent, d: 1, what, time: e.start });
    if (e.finishIndex >= 0) delta.push({ index: e.finishIndex, agent: e.agent, d: -1, what, time: e.finish });
  }
  delta.sort((a, b) => a.index - b.index);
  const running = new Map<string, number>();
  let total = 0;
  for (const x of delta) {
    const cap = ctx.capacity.get(x.agent);
    if (cap === undefined) {
      ctx.fail({ message: `${x.what} runs on '${x.agent}', which is neither an agent nor the orchestrator`, agent: x.agent, time: x.time });
      continue;
    }
    const n = (running.get(x.agent) ?? 0) + x.d;
    running.set(x.agent, n);
    total += x.d;
    if (x.d > 0 && n > cap) ctx.fail({ message: `${x.agent} starts ${x.what} at ${fmt(x.time)} with ${n - 1} job(s) running: capacity ${cap} exceeded`, agent: x.agent, time: x.time });
    if (x.d > 0 && ctx.strategy.topology === 'sequential' && total > 1) {
      ctx.fail({ message: `sequential: ${x.agent} starts ${x.what} at ${fmt(x.time)} while ${total - 1} other job(s) run`, agent: x.agent, time: x.time });
    }
  }
  for (const e of ctx.reading.executions) {
    const m = ctx.reading.meetings.find((m) => m.agent === e.agent && m.index < e.startIndex && m.from <= e.start && e.start < m.until);
    if (m) ctx.fail({ message: `${e.agent} starts ${e.kind} ${e.task || e.gate} at ${fmt(e.start)}, during its ${m.kind} meeting [${fmt(m.from)}, ${fmt(m.until)})`, agent: e.agent, time: e.start });
  }
}
