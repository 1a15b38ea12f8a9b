import { fmt, parseOutcome, type CheckContext } from './CheckContext.js';

/**
 * `dependencies` (docs/semantics.md §3; docs/semantics.md §8): a task's first execution starts only after each task and
 * gate of its `after` is done, its handoff from each predecessor (when there is one) has
 * finished and any escalation on it has been resolved; a gate's first review (or outcome,
 * under built-ins) comes after its `after` list; reworks and remediations follow their gate
 * outcome and run on the assessed task's agent; a gate reviews again, or is done, only once
 * the reworks and blocking remediations it ordered have finished.
 */
export function checkDependencies(ctx: CheckContext): void {
  const { model, trace } = ctx;
  const firstFinish = new Map<string, number>();
  for (const [id, e] of ctx.firstExec) if (e.finishIndex >= 0) firstFinish.set(id, e.finishIndex);
  const gateDone = new Map<string, number>();
  const handoffDone = new Map<string, number>();
  const escalation = new Map<string, number>();
  trace.forEach((r, i) => {
    if (r.kind === 'gate_done' && !gateDone.has(r.gate)) gateDone.set(r.gate, i);
    if (r.kind === 'escalation') escalation.set(`${r.task}|${r.detail}`, r.time + r.duration);
  });
  for (const e of ctx.reading.executions) if (e.kind === 'handoff' && e.finishIndex >= 0) handoffDone.set(`${e.task}|from ${e.from}`, e.finishIndex);
  const nodeId = (n: number) => (n < model.tasks.length ? model.tasks[n].id : model.gates[n - model.tasks.length].id);
  const doneBy = (n: number) => (n < model.tasks.length ? (firstFinish.get(nodeId(n)) ?? ctx.passed.get(nodeId(n))?.index) : gateDone.get(nodeId(n)));
  /** An absent task's links are gone: nothing waits for it. */
  const gone = (n: number) => n < model.tasks.length && ctx.passed.get(nodeId(n))?.absent === true;

  for (const t of model.tasks) {
    const e = ctx.firstExec.get(t.id);
    if (!e) continue;
    for (const p of t.after) {
      if (gone(p)) continue;
      const at = doneBy(p);
      if (at === undefined || at > e.startIndex) {
        ctx.fail({ message: `task ${t.id} starts at ${fmt(e.start)} before ${nodeId(p)} is done`, task: t.id, time: e.start });
      }
      if (p >= model.tasks.length || !needsHandoff(ctx, t.id, nodeId(p))) continue;
      const key = `${t.id}|from ${nodeId(p)}`;
      const h = handoffDone.get(key);
      if (h === undefined || h > e.startIndex) ctx.fail({ message: `task ${t.id} starts at ${fmt(e.start)} before the handoff from ${nodeId(p)} has finished`, task: t.id, time: e.start });
      const resolved = escalation.get(key);
      if (resolved !== undefined && e.start < resolved - ctx.tol(resolved)) {
        ctx.fail({ message: `task ${t.id} starts at ${fmt(e.start)} before the escalation on its handoff from ${nodeId(p)} is resolved at ${fmt(resolved)}`, task: t.id, time: e.start });
      }
    }
  }

  const firstGateRow = new Map<string, number>();
  trace.forEach((r, i) => {
    if ((r.kind === 'gate_review_start' || r.kind === 'gate_outcome') && !firstGateRow.has(r.gate)) firstGateRow.set(r.gate, i);
  });
  for (const g of model.gates) {
    const first = firstGateRow.get(g.id);
    if (first === undefined) continue;
    for (const p of g.after) {
      if (gone(p)) continue;
      const at = doneBy(p);
      if (at === undefined || at > first) ctx.fail({ message: `gate ${g.id} is reviewed at ${fmt(trace[first].time)} before ${nodeId(p)} is done`, gate: g.id, time: trace[first].time });
    }
  }
  checkGateRounds(ctx);
}

/**
 * Whether the engine hands work over on the edge p → s: the strategy has handoffs and s is not
 * fixed to the agent that did p (in units: to none of the agents that held p, docs/semantics.md §18).
 */
export function needsHandoff(ctx: CheckContext, s: string, p: string): boolean {
  if (ctx.strategy.handoff === null) return false;
  if (ctx.passed.has(s) || ctx.passed.has(p)) return false; // nothing is handed over to or from a task that did not run
  const succ = ctx.taskById.get(s)!;
  // No handoff into or out of a task that needs nobody (a milestone, elapsed time).
  if (succ.kind !== 'work' || ctx.taskById.get(p)?.kind !== 'work') return false;
  if (ctx.inUnits) {
    const named = new Set(succ.demands.filter((d) => d.agent >= 0).map((d) => ctx.model.agents[d.agent].id));
    return !(ctx.firstExec.get(p)?.holders ?? []).some((h) => named.has(h.agent));
  }
  const sender = ctx.firstExec.get(p)?.agent;
  return !(succ.agent >= 0 && ctx.model.agents[succ.agent].id === sender);
}

/** Outcome → rework / remediation → next round or gate_done, replayed in trace order. */
function checkGateRounds(ctx: CheckContext): void {
  const { model, trace, strategy } = ctx;
  const gates = new Map(model.gates.map((g) => [g.id, g]));
  type Order = { agent: string; gate: string; round: number; blocking: boolean };
  const orders = new Map<string, Order[]>();
  /** Unfinished reworks and blocking remediations per gate, by the round that ordered them. */
  const open = new Map<string, number[]>();
  const roundOf = new Map<number, Order>();
  const starts = new Map(ctx.reading.executions.map((e) => [e.startIndex, e]));
  const finishes = new Map(ctx.reading.executions.filter((e) => e.finishIndex >= 0).map((e) => [e.finishIndex, e]));
  const openBefore = (gate: string, round: number) => (open.get(gate) ?? []).slice(0, round).reduce((a, b) => a + (b ?? 0), 0);
  const bump = (o: Order, d: number) => {
    const list = open.get(o.gate) ?? [];
    list[o.round - 1] = (list[o.round - 1] ?? 0) + d;
    open.set(o.gate, list);
  };
  trace.forEach((r, i) => {
    const gate = gates.get(r.gate);
    let round = 0;
    if (r.kind === 'gate_outcome' && gate) round = parseOutcome(r.detail)?.round ?? 0;
    if (r.kind === 'gate_review_start') round = Number(/round (\d+)/.exec(r.detail)?.[1] ?? 0);
    if (r.kind === 'gate_done') round = Infinity;
    if (round > 1 && openBefore(r.gate, round - 1) > 0) {
      const what = r.kind === 'gate_done' ? 'is done' : `round ${round} ${r.kind === 'gate_outcome' ? 'outcome' : 'review starts'}`;
      ctx.fail({ message: `gate ${r.gate} ${what} at ${fmt(r.time)} while ${openBefore(r.gate, round - 1)} rework(s)/blocking remediation(s) it ordered are unfinished`, gate: r.gate, time: r.time });
    }
    if (r.kind === 'gate_outcome' && gate) {
      const o = parseOutcome(r.detail);
      if (!o) return ctx.fail({ message: `gate_outcome row ${i} has an unreadable detail '${r.detail}'`, gate: r.gate });
      const kind = o.outcome === 'fail' && o.round < gate.maxRounds ? 'rework' : o.outcome === 'remediate' && gate.remediationEffort ? 'remediation' : null;
      if (!kind) return;
      const order: Order = { agent: r.agent, gate: r.gate, round: o.round, blocking: strategy.remediationBlocking ?? gate.remediationBlocking };
      orders.set(`${kind}|${r.task}`, [...(orders.get(`${kind}|${r.task}`) ?? []), order]);
      if (kind === 'rework' || order.blocking) bump(order, 1);
      return;
    }
    const s = starts.get(i);
    if (s && (s.kind === 'rework' || s.kind === 'remediation')) {
      const list = orders.get(`${s.kind}|${s.task}`) ?? [];
      const k = list.findIndex((o) => o.agent === s.agent && (s.kind === 'remediation' || o.gate === s.gate));
      if (k < 0) return ctx.fail({ message: `${s.kind} of ${s.task} on ${s.agent} starts at ${fmt(s.start)} without a gate outcome ordering it`, task: s.task, time: s.start });
      const [o] = list.splice(k, 1);
      roundOf.set(s.startIndex, o);
      if (s.kind === 'remediation' && s.detail !== (o.blocking ? 'blocking' : 'parallel')) {
        ctx.fail({ message: `remediation of ${s.task} ordered by ${o.gate} is ${s.detail}; the strategy makes it ${o.blocking ? 'blocking' : 'parallel'}`, task: s.task, gate: o.gate, time: s.start });
      }
      if (s.kind === 'remediation' && s.gate !== (o.blocking ? o.gate : '')) {
        ctx.fail({ message: `remediation of ${s.task} ordered by ${o.gate} names gate '${s.gate}'`, task: s.task, time: s.start });
      }
    }
    const f = finishes.get(i);
    const o = f && roundOf.get(f.startIndex);
    if (f && o && (f.kind === 'rework' || o.blocking)) bump(o, -1);
  });
  for (const [key, list] of orders) {
    for (const o of list) ctx.fail({ message: `${key.replace('|', ' of ')} ordered by gate ${o.gate} (round ${o.round}) for ${o.agent} never started`, gate: o.gate, agent: o.agent });
  }
}
