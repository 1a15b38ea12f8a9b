import { fmt, type CheckContext } from './CheckContext.js';

/**
 * `capacity`: replays job starts and finishes in trace order (a job ending at t frees its slot
 * before one starting at t takes it) and counts the jobs of each resource (in units: the units
 * it holds, docs/semantics.md §18): never above its capacity, nothing started while its own
 * meeting runs (a joint job: the meeting of any of its agents), and one job at a time in all
 * under `sequential` ("the whole team works one task at a time").
 */
export function checkCapacity(ctx: CheckContext): void {
  const delta: Array<{ index: number; agent: string; d: number; job: number; what: string; time: number }> = [];
  for (const e of ctx.reading.executions) {
    const what = `${e.kind} ${e.task || e.gate}`;
    // One job, counted once (on its first holder), holding units of each of its agents.
    e.holders.forEach(({ agent, units }, k) => {
      delta.push({ index: e.startIndex, agent, d: units, job: k === 0 ? 1 : 0, what, time: e.start });
      if (e.finishIndex >= 0) delta.push({ index: e.finishIndex, agent, d: -units, job: k === 0 ? -1 : 0, what, time: e.finish });
    });
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
    const before = running.get(x.agent) ?? 0;
    const n = before + x.d;
    running.set(x.agent, n);
    total += x.job;
    if (x.d > 0 && n > cap + ctx.tol(cap)) {
      const held = ctx.inUnits ? `${fmt(before)} unit(s) in use` : `${before} job(s) running`;
      ctx.fail({ message: `${x.agent} starts ${x.what} at ${fmt(x.time)} with ${held}: capacity ${cap} exceeded`, agent: x.agent, time: x.time });
    }
    if (x.job > 0 && ctx.strategy.topology === 'sequential' && total > 1) {
      ctx.fail({ message: `sequential: ${x.agent} starts ${x.what} at ${fmt(x.time)} while ${total - 1} other job(s) run`, agent: x.agent, time: x.time });
    }
  }
  for (const e of ctx.reading.executions) {
    for (const { agent } of e.holders) {
      const m = ctx.reading.meetings.find((m) => m.agent === agent && m.index < e.startIndex && m.from <= e.start && e.start < m.until);
      if (m) ctx.fail({ message: `${agent} starts ${e.kind} ${e.task || e.gate} at ${fmt(e.start)}, during its ${m.kind} meeting [${fmt(m.from)}, ${fmt(m.until)})`, agent, time: e.start });
    }
  }
}
