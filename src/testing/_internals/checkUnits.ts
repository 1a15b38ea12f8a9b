import type { Execution } from '../readTrace.js';
import { fmt, type CheckContext } from './CheckContext.js';

/**
 * `units` (docs/semantics.md §18): at no instant does an agent hold more units than its
 * capacity, nor the agents of a pool (a skill) more than their capacities together; and every
 * job holds what it needs: a task's first execution the units of its demands (each named
 * agent its units, pool units on agents with the skill, all of it and no more), a rework or
 * remediation what the first execution held, a coordination job one unit of its agent (all of
 * a smaller capacity).
 */
export function checkUnits(ctx: CheckContext): void {
  const { model } = ctx;
  const pools = model.skills.map((_, s) => model.agents.filter((a) => a.skillIds.includes(s)).map((a) => a.id));
  const poolCapacity = pools.map((ids) => ids.reduce((n, id) => n + (ctx.capacity.get(id) ?? 0), 0));
  const delta: Array<{ index: number; agent: string; d: number; what: string; time: number }> = [];
  for (const e of ctx.reading.executions) {
    const what = `${e.kind} ${e.task || e.gate}`;
    for (const { agent, units } of e.holders) {
      delta.push({ index: e.startIndex, agent, d: units, what, time: e.start });
      if (e.finishIndex >= 0) delta.push({ index: e.finishIndex, agent, d: -units, what, time: e.finish });
    }
    holds(ctx, e, what);
  }
  delta.sort((a, b) => a.index - b.index);
  const held = new Map<string, number>();
  for (let k = 0; k < delta.length; k++) {
    const x = delta[k];
    held.set(x.agent, (held.get(x.agent) ?? 0) + x.d);
    // Check once all rows of the same trace row (one job's holders) are in.
    if (k + 1 < delta.length && delta[k + 1].index === x.index) continue;
    if (x.d <= 0) continue;
    const cap = ctx.capacity.get(x.agent);
    const now = held.get(x.agent)!;
    if (cap !== undefined && now > cap + ctx.tol(cap)) {
      ctx.fail({ message: `${x.agent} holds ${fmt(now)} unit(s) from ${fmt(x.time)} (${x.what} starts): it has ${fmt(cap)}`, agent: x.agent, time: x.time });
    }
    pools.forEach((ids, s) => {
      if (!ids.includes(x.agent)) return;
      const sum = ids.reduce((n, id) => n + (held.get(id) ?? 0), 0);
      if (sum > poolCapacity[s] + ctx.tol(poolCapacity[s])) {
        ctx.fail({ message: `the agents with skill '${model.skills[s]}' hold ${fmt(sum)} unit(s) from ${fmt(x.time)} (${x.what} starts): they have ${fmt(poolCapacity[s])}`, time: x.time });
      }
    });
  }
}

/** Does execution e hold what it needs? */
function holds(ctx: CheckContext, e: Execution, what: string): void {
  const { model } = ctx;
  const total = e.holders.reduce((n, h) => n + h.units, 0);
  const bad = (why: string) => ctx.fail({ message: `${what} at ${fmt(e.start)} holds ${e.holders.map((h) => `${fmt(h.units)} of ${h.agent}`).join(', ')}: ${why}`, task: e.task || undefined, time: e.start });
  if (new Set(e.holders.map((h) => h.agent)).size !== e.holders.length) bad('an agent is listed twice');
  if (e.holders.some((h) => !(h.units > 0))) bad('units must be > 0');
  if (e.kind === 'handoff' || e.kind === 'review' || e.kind === 'escalation') {
    const cap = ctx.capacity.get(e.agent) ?? 1;
    if (e.holders.length !== 1 || Math.abs(total - Math.min(1, cap)) > ctx.tol(1)) bad(`a coordination job holds ${fmt(Math.min(1, cap))} of its one agent`);
    return;
  }
  const task = ctx.taskById.get(e.task);
  if (!task) return;
  if (e.kind === 'rework' || e.kind === 'remediation') {
    const first = ctx.firstExec.get(e.task);
    const same = first && first.holders.length === e.holders.length && first.holders.every((h, k) => h.agent === e.holders[k].agent && Math.abs(h.units - e.holders[k].units) <= ctx.tol(h.units));
    if (first && !same) bad(`its first execution held ${first.holders.map((h) => `${fmt(h.units)} of ${h.agent}`).join(', ')}`);
    return;
  }
  const need = task.demands.reduce((n, d) => n + d.units, 0);
  if (Math.abs(total - need) > ctx.tol(need)) bad(`the task needs ${fmt(need)} unit(s) in all`);
  for (const d of task.demands) {
    if (d.agent < 0) continue;
    const id = model.agents[d.agent].id;
    const h = e.holders.find((x) => x.agent === id);
    if (!h || h.units < d.units - ctx.tol(d.units)) bad(`it needs ${fmt(d.units)} of ${id}`);
  }
  for (const h of e.holders) {
    const a = ctx.agentIndex.get(h.agent);
    const ok = a !== undefined && task.demands.some((d) => d.agent === a || (d.agent < 0 && model.agents[a].skillIds.includes(d.skill)));
    if (!ok) bad(`${h.agent} is neither named by the task nor in one of its pools`);
  }
}
