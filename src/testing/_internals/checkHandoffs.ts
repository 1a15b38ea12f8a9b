import { needsHandoff } from './checkDependencies.js';
import { fmt, scheduleTimes, type CheckContext } from './CheckContext.js';

/**
 * `handoffs` (docs/semantics.md §5, §9): under a strategy with handoffs, exactly one per dependency edge
 * between tasks whose successor is not fixed to the predecessor's agent, none otherwise;
 * paid by the orchestrator in a hub, the receiver in a mesh (the sender when the receiver is a
 * skill pool), the shared team lead or else the orchestrator in a hierarchy; batched ones wait
 * for a checkpoint; escalations only on finished handoffs, resolved by the orchestrator (the
 * payer in a mesh). Counts agree with the metrics.
 */
export function checkHandoffs(ctx: CheckContext): void {
  const { model, strategy, trace, metrics } = ctx;
  const handoffs = ctx.reading.executions.filter((e) => e.kind === 'handoff');
  const escalations = trace.filter((r) => r.kind === 'escalation');
  const batchedRows = trace.map((r, i) => ({ r, i })).filter(({ r }) => r.kind === 'handoff_batched');
  if (handoffs.length !== metrics.handoffs) ctx.fail({ message: `the trace has ${handoffs.length} handoffs, metrics.handoffs is ${metrics.handoffs}` });
  if (escalations.length !== metrics.escalations) ctx.fail({ message: `the trace has ${escalations.length} escalations, metrics.escalations is ${metrics.escalations}` });
  if (strategy.handoff === null) {
    if (handoffs.length + escalations.length + batchedRows.length > 0) ctx.fail({ message: `strategy ${strategy.name} has no handoffs, yet the trace has handoff or escalation rows` });
    return;
  }
  const byEdge = new Map<string, typeof handoffs>();
  for (const h of handoffs) byEdge.set(`${h.task}|${h.from}`, [...(byEdge.get(`${h.task}|${h.from}`) ?? []), h]);
  const orch = model.orchestrator.id;
  const checkpoints = strategy.checkpoint ? scheduleTimes(strategy.checkpoint.offset, strategy.checkpoint.every, metrics.makespan + strategy.checkpoint.every) : [];
  for (const t of model.tasks) {
    if (!ctx.firstExec.has(t.id)) continue;
    for (const p of t.after) {
      if (p >= model.tasks.length) continue;
      const from = model.tasks[p].id;
      const list = byEdge.get(`${t.id}|${from}`) ?? [];
      byEdge.delete(`${t.id}|${from}`);
      const expected = needsHandoff(ctx, t.id, from) ? 1 : 0;
      if (list.length !== expected) {
        ctx.fail({ message: `edge ${from} → ${t.id}: ${list.length} handoff(s), expected ${expected} (${t.id} ${t.agent >= 0 ? `is fixed to ${model.agents[t.agent].id}` : 'is by skill'}, ${from} ran on ${ctx.firstExec.get(from)?.agent})`, task: t.id });
        continue;
      }
      if (expected === 0) continue;
      const h = list[0];
      const sender = ctx.firstExec.get(from)!.agent;
      const payer = expectedPayer(ctx, sender, t.agent >= 0 ? model.agents[t.agent].id : null);
      if (h.agent !== payer) ctx.fail({ message: `handoff ${from} → ${t.id} is paid by ${h.agent}; under ${strategy.topology} it is ${payer}'s`, task: t.id, agent: h.agent });
      if (h.startIndex < ctx.firstExec.get(from)!.finishIndex) ctx.fail({ message: `handoff ${from} → ${t.id} starts before ${from} finished`, task: t.id, time: h.start });
      const batched = batchedRows.find(({ r }) => r.task === t.id && r.detail === `from ${from}`);
      if (strategy.handoff.batched) {
        if (!batched || batched.i > h.startIndex) ctx.fail({ message: `batched handoff ${from} → ${t.id} has no handoff_batched row before it starts`, task: t.id });
        else {
          const sync = checkpoints.find((c) => c >= batched.r.time);
          if (sync === undefined || h.start < sync) ctx.fail({ message: `batched handoff ${from} → ${t.id} starts at ${fmt(h.start)}, before the checkpoint at ${sync === undefined ? 'none' : fmt(sync)} after it was batched at ${fmt(batched.r.time)}`, task: t.id, time: h.start });
        }
      } else if (batched) ctx.fail({ message: `handoff ${from} → ${t.id} was batched, but strategy ${strategy.name} hands off immediately`, task: t.id });
    }
  }
  // A handoff into a path task made before its branch skipped it (from a predecessor that finished first) did happen.
  const skippedAt = new Map<string, number>();
  for (const [i, ids] of ctx.branchSkips) for (const id of ids) if (!skippedAt.has(id)) skippedAt.set(id, i);
  for (const [edge, list] of byEdge) {
    const [to, from] = edge.split('|');
    const at = skippedAt.get(to);
    const f = ctx.firstExec.get(from);
    if (at !== undefined && f !== undefined && f.finishIndex < at && list.length === 1 && model.tasks.some((t) => t.id === to && t.after.some((p) => p < model.tasks.length && model.tasks[p].id === from))) byEdge.delete(edge);
  }
  for (const [edge] of byEdge) ctx.fail({ message: `handoff ${edge.replace('|', ' from ')} is on no dependency edge` });
  trace.forEach((r, i) => {
    if (r.kind !== 'escalation') return;
    const from = r.detail.replace(/^from /, '');
    const h = handoffs.find((x) => x.task === r.task && x.from === from);
    if (!strategy.escalation) ctx.fail({ message: `escalation on ${r.task} under a strategy without escalation`, task: r.task });
    else if (!h || h.finishIndex < 0 || h.finishIndex > i || h.finish !== r.time) ctx.fail({ message: `escalation on handoff ${from} → ${r.task} at ${fmt(r.time)} is not raised as that handoff finishes`, task: r.task, time: r.time });
    else {
      const resolver = strategy.topology === 'mesh' ? h.agent : orch;
      if (r.agent !== resolver) ctx.fail({ message: `escalation on ${from} → ${r.task} is resolved by ${r.agent}, expected ${resolver}`, task: r.task, agent: r.agent });
    }
  });
}

/** Who pays a handoff from `sender` to the fixed agent `receiver` (null: a skill pool) under the strategy's topology. */
function expectedPayer(ctx: CheckContext, sender: string, receiver: string | null): string {
  const { model, strategy } = ctx;
  switch (strategy.topology) {
    case 'hub':
      return model.orchestrator.id;
    case 'hierarchy': {
      const lead = (id: string | null) => (id === null ? -1 : strategy.leadOf[ctx.agentIndex.get(id) ?? -1] ?? -1);
      const l = lead(sender);
      return receiver !== null && l >= 0 && l === lead(receiver) ? model.agents[l].id : model.orchestrator.id;
    }
    default:
      return receiver ?? sender;
  }
}
