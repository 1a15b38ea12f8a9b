import { fmt, parseOutcome, scheduleTimes, type CheckContext } from './CheckContext.js';

interface Slot {
  kind: 'status_update' | 'checkpoint';
  time: number;
  /** Agents with a row at this meeting. */
  rows: Set<string>;
  /** A point in the trace at that instant where no agent was engaged (so no rows is right). */
  quiet: boolean;
}

/**
 * `meetings` (docs/semantics.md §5, §9): status updates and checkpoints happen on the strategy's schedule and
 * fall on exactly the engaged agents — started (some job begun) and with unfinished work
 * they are eligible for, or a job running. The orchestrator attends checkpoints that have
 * attendees when the strategy says so. Engagement is replayed from the trace.
 */
export function checkMeetings(ctx: CheckContext): void {
  const { model, strategy, trace, metrics } = ctx;
  const A = model.agents.length;
  const slots = new Map<string, Slot>();
  const slot = (kind: Slot['kind'], time: number) => slots.get(`${kind}@${time}`);
  const add = (kind: Slot['kind'], times: number[]) => times.forEach((time) => slots.set(`${kind}@${time}`, { kind, time, rows: new Set(), quiet: false }));
  if (strategy.status) add('status_update', scheduleTimes(strategy.status.every, strategy.status.every, metrics.makespan, true));
  if (strategy.checkpoint) add('checkpoint', scheduleTimes(strategy.checkpoint.offset, strategy.checkpoint.every, metrics.makespan, true));
  const started = new Uint8Array(A);
  const open = new Int32Array(A);
  const pending = new Int32Array(A);
  const remaining = new Int32Array(A);
  // An absent task is nobody's work; tasks on a path not taken stop being anyone's at the branch row.
  for (const t of model.tasks) if (ctx.passed.get(t.id)?.absent !== true) for (const a of t.eligible) remaining[a]++;
  const engaged = (a: number) => started[a] === 1 && (open[a] > 0 || remaining[a] > 0 || pending[a] > 0);
  const anyEngaged = () => model.agents.some((_, a) => engaged(a));
  const starts = new Map(ctx.reading.executions.map((e) => [e.startIndex, e]));
  const finishes = new Map(ctx.reading.executions.filter((e) => e.finishIndex >= 0).map((e) => [e.finishIndex, e]));
  const orch = model.orchestrator.id;
  const pendingSlots = [...slots.values()].sort((a, b) => a.time - b.time);
  let p = 0;
  const settle = (nextTime: number) => {
    // Every scheduled meeting before `nextTime` is past: it had rows, or a quiet moment.
    let quietNow: boolean | undefined;
    for (let k = p; k < pendingSlots.length && pendingSlots[k].time <= nextTime; k++) {
      if (!pendingSlots[k].quiet && (quietNow ??= !anyEngaged())) pendingSlots[k].quiet = true;
    }
    while (p < pendingSlots.length && pendingSlots[p].time < nextTime) {
      const s = pendingSlots[p++];
      // At the makespan itself the last job may end before the meeting's event: no meeting then.
      if (s.rows.size === 0 && !s.quiet && s.time < metrics.makespan) ctx.fail({ message: `no ${s.kind} rows at ${fmt(s.time)}, yet some agent was engaged throughout that instant`, time: s.time });
    }
  };
  for (let i = 0; i < trace.length; i++) {
    const r = trace[i];
    settle(r.time);
    const a = ctx.agentIndex.get(r.agent) ?? -1;
    if (r.kind === 'status_update' || r.kind === 'checkpoint') {
      const s = slot(r.kind, r.time);
      if (!s) ctx.fail({ message: `${r.kind} of ${r.agent} at ${fmt(r.time)} is off the strategy's schedule`, agent: r.agent, time: r.time });
      else if (!(i > 0 && trace[i - 1].kind === r.kind && trace[i - 1].time === r.time)) checkGroup(i, s);
      continue;
    }
    for (const id of ctx.branchSkips.get(i) ?? []) if (ctx.passed.has(id)) for (const b of ctx.taskById.get(id)!.eligible) remaining[b]--;
    // Every agent a job holds (one, unless resources are in units) starts, and ends, with it.
    const holders = (x: { holders: Array<{ agent: string }> }) => x.holders.map((h) => ctx.agentIndex.get(h.agent) ?? -1).filter((h) => h >= 0);
    const e = starts.get(i);
    if (e) {
      const hs = holders(e);
      for (const h of hs) {
        started[h] = 1;
        open[h]++;
      }
      // A pool task is the taking agents' work from its start: the others stop waiting for it.
      const t = e.kind === 'task' ? ctx.taskById.get(e.task) : undefined;
      if (t && (t.agent < 0 || ctx.inUnits)) for (const b of t.eligible) if (!hs.includes(b)) remaining[b]--;
    }
    const f = finishes.get(i);
    if (f) {
      for (const h of holders(f)) {
        open[h]--;
        if (f.kind === 'task') remaining[h]--;
        else if (f.kind === 'rework' || f.kind === 'remediation') pending[h]--;
      }
    }
    if (r.kind === 'gate_outcome' && a >= 0) {
      const o = parseOutcome(r.detail);
      const g = model.gates.find((x) => x.id === r.gate);
      const first = ctx.firstExec.get(r.task);
      const who = ctx.inUnits && first ? holders(first) : [a];
      if (o && g && ((o.outcome === 'fail' && o.round < g.maxRounds) || (o.outcome === 'remediate' && g.remediationEffort))) for (const h of who) pending[h]++;
    }
  }
  settle(Infinity);

  function checkGroup(i: number, s: Slot): void {
    let j = i;
    for (; j < trace.length && trace[j].kind === s.kind && trace[j].time === s.time; j++) s.rows.add(trace[j].agent);
    model.agents.forEach((ag, a) => {
      if (engaged(a) && !s.rows.has(ag.id)) ctx.fail({ message: `${ag.id} is engaged at ${fmt(s.time)} but has no ${s.kind} row`, agent: ag.id, time: s.time });
      if (!engaged(a) && s.rows.has(ag.id)) ctx.fail({ message: `${ag.id} attends the ${s.kind} at ${fmt(s.time)} while not engaged (${started[a] ? 'no work left' : 'not started'})`, agent: ag.id, time: s.time });
    });
    const attendees = [...s.rows].filter((id) => id !== orch).length;
    const orchExpected = s.kind === 'checkpoint' && strategy.checkpoint!.orchestrator && attendees > 0;
    if (orchExpected !== s.rows.has(orch)) ctx.fail({ message: `the orchestrator ${orchExpected ? 'misses' : 'attends'} the ${s.kind} at ${fmt(s.time)}`, agent: orch, time: s.time });
  }
}
