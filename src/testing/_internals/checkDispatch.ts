import { fmt, type CheckContext } from './CheckContext.js';

/**
 * `dispatch` (docs/semantics.md §3), replayed over first executions of tasks: (a) work-conserving — after
 * every instant, no ready task has an eligible agent with a free slot that is not in a meeting
 * (under `sequential`: nothing ready while nothing runs); (b) a task never overtakes a ready
 * task of higher priority, or equal priority and earlier in the file, that the same agent
 * could run; (c) a skill task goes to the first agent in file order that is free (under
 * `sequential`: to the first agent with the skill).
 */
export function checkDispatch(ctx: CheckContext): void {
  if (ctx.inUnits) {
    checkDispatchUnits(ctx);
    return;
  }
  const { model, trace, strategy } = ctx;
  const seq = strategy.topology === 'sequential';
  const running = new Map<string, number>();
  let total = 0;
  const ready = new Map<string, number>(); // task id → row of its task_ready, until it starts
  const starts = new Map(ctx.reading.executions.map((e) => [e.startIndex, e]));
  const finishes = new Map(ctx.reading.executions.filter((e) => e.finishIndex >= 0).map((e) => [e.finishIndex, e]));
  const meetings = ctx.reading.meetings;
  const inMeeting = (agent: string, t: number, i: number) => meetings.some((m) => m.agent === agent && m.index < i && m.from <= t && t < m.until);
  const free = (a: number, t: number, i: number) => {
    const id = model.agents[a].id;
    return (running.get(id) ?? 0) < model.agents[a].capacity && !inMeeting(id, t, i);
  };
  // Dispatch order: priority, then the strategy's rule, then file order (docs/semantics.md §18).
  const better = (u: string, t: string) => ctx.rank[ctx.taskById.get(u)!.index] < ctx.rank[ctx.taskById.get(t)!.index];
  for (let i = 0; i < trace.length; i++) {
    const r = trace[i];
    if (r.kind === 'task_ready') ready.set(r.task, i);
    const s = starts.get(i);
    if (s) {
      if (s.kind === 'task') {
        if (ctx.taskById.get(s.task)?.kind === 'work') checkStart(s.task, s.agent, s.start, i);
        ready.delete(s.task);
      }
      running.set(s.agent, (running.get(s.agent) ?? 0) + 1);
      total++;
    }
    const f = finishes.get(i);
    if (f) {
      running.set(f.agent, (running.get(f.agent) ?? 0) - 1);
      total--;
    }
    // (a) once the instant is over (the next row is later), nothing that could run waits.
    if (i + 1 < trace.length && trace[i + 1].time === r.time) continue;
    for (const [id] of ready) {
      const t = ctx.taskById.get(id)!;
      const idle = seq ? (total === 0 ? 'the whole team' : null) : (t.eligible.filter((a) => free(a, r.time, i + 1)).map((a) => model.agents[a].id)[0] ?? null);
      if (idle) ctx.fail({ message: `task ${id} is ready at the end of instant ${fmt(r.time)} while ${idle} is free to run it`, task: id, time: r.time });
    }
  }

  function checkStart(id: string, agent: string, t: number, i: number): void {
    const task = ctx.taskById.get(id)!;
    const a = ctx.agentIndex.get(agent) ?? -1;
    for (const [u, at] of ready) {
      if (u === id || at > i) continue;
      const other = ctx.taskById.get(u)!;
      if ((seq || other.eligible.includes(a)) && better(u, id)) {
        ctx.fail({ message: `${agent} starts ${id} (priority ${task.priority}) at ${fmt(t)} while ${u} (priority ${other.priority}, ${other.index < task.index ? 'earlier' : 'later'} in the file) is ready for it`, task: id, agent, time: t });
      }
    }
    if (task.agent >= 0 || task.kind !== 'work') return; // (a task that needs nobody starts when ready)
    const first = seq ? task.eligible[0] : task.eligible.find((b) => b === a || free(b, t, i));
    if (first !== a) ctx.fail({ message: `skill task ${id} goes to ${agent} at ${fmt(t)}; the first free agent with the skill is ${first === undefined ? 'none' : model.agents[first].id}`, task: id, agent, time: t });
  }
}

/**
 * `dispatch` with resources in units (docs/semantics.md §18): after every instant no ready task
 * could start with the units then free (its fixed agents' units, one pool agent with the units,
 * or enough units between a pool's agents, none of them in a meeting; under `sequential`,
 * nothing ready while nothing runs), and the tasks of a pinned order start in that order.
 */
function checkDispatchUnits(ctx: CheckContext): void {
  const { model, trace, strategy } = ctx;
  const seq = strategy.topology === 'sequential';
  const used = new Map<string, number>();
  let total = 0;
  const ready = new Map<string, number>();
  const starts = new Map(ctx.reading.executions.map((e) => [e.startIndex, e]));
  const finishes = new Map(ctx.reading.executions.filter((e) => e.finishIndex >= 0).map((e) => [e.finishIndex, e]));
  const meetings = ctx.reading.meetings;
  const inMeeting = (agent: string, t: number, i: number) => meetings.some((m) => m.agent === agent && m.index < i && m.from <= t && t < m.until);
  const order = strategy.dispatch.order?.filter((t) => model.tasks[t].kind === 'work').map((t) => model.tasks[t].id) ?? [];
  const place = new Map(order.map((id, k) => [id, k]));
  let next = 0;
  /** Units of agent a free at the end of row i (none in a meeting), less what `taken` holds. */
  const free = (a: number, t: number, i: number, taken: Map<number, number>) => {
    const id = model.agents[a].id;
    if (inMeeting(id, t, i)) return 0;
    return model.agents[a].capacity - (used.get(id) ?? 0) - (taken.get(a) ?? 0);
  };
  const couldStart = (id: string, t: number, i: number): boolean => {
    const taken = new Map<number, number>();
    const take = (a: number, u: number) => taken.set(a, (taken.get(a) ?? 0) + u);
    const tol = (a: number) => ctx.tol(model.agents[a].capacity);
    for (const d of ctx.taskById.get(id)!.demands) {
      if (d.agent >= 0) {
        if (free(d.agent, t, i, taken) < d.units - tol(d.agent)) return false;
        take(d.agent, d.units);
        continue;
      }
      const pool = model.agents.filter((a) => a.skillIds.includes(d.skill)).map((a) => a.index);
      if (!d.split) {
        const a = pool.find((x) => free(x, t, i, taken) >= d.units - tol(x));
        if (a === undefined) return false;
        take(a, d.units);
        continue;
      }
      let left = d.units;
      for (const a of pool) {
        const g = Math.min(left, Math.max(0, free(a, t, i, taken)));
        take(a, g);
        left -= g;
      }
      if (left > ctx.tol(d.units)) return false;
    }
    return true;
  };
  for (let i = 0; i < trace.length; i++) {
    const r = trace[i];
    if (r.kind === 'task_ready') ready.set(r.task, i);
    const s = starts.get(i);
    if (s) {
      if (s.kind === 'task') {
        ready.delete(s.task);
        const k = place.get(s.task);
        if (k !== undefined) {
          if (k !== next) ctx.fail({ message: `task ${s.task} starts at ${fmt(s.start)} as number ${next + 1} of the pinned order, which lists ${order[next]} there`, task: s.task, time: s.start });
          next = k + 1;
        }
      }
      for (const h of s.holders) used.set(h.agent, (used.get(h.agent) ?? 0) + h.units);
      total++;
    }
    const f = finishes.get(i);
    if (f) {
      for (const h of f.holders) used.set(h.agent, (used.get(h.agent) ?? 0) - h.units);
      total--;
    }
    if (i + 1 < trace.length && trace[i + 1].time === r.time) continue;
    for (const [id] of ready) {
      const k = place.get(id);
      if (k !== undefined && k !== next) continue; // not its turn yet
      if (seq ? total === 0 : couldStart(id, r.time, i + 1)) {
        ctx.fail({ message: `task ${id} is ready at the end of instant ${fmt(r.time)} while ${seq ? 'the whole team' : 'all it needs'} is free`, task: id, time: r.time });
      }
    }
  }
}
