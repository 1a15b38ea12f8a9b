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
  const better = (u: string, t: string) => {
    const a = ctx.taskById.get(u)!;
    const b = ctx.taskById.get(t)!;
    return a.priority > b.priority || (a.priority === b.priority && a.index < b.index);
  };
  for (let i = 0; i < trace.length; i++) {
    const r = trace[i];
    if (r.kind === 'task_ready') ready.set(r.task, i);
    const s = starts.get(i);
    if (s) {
      if (s.kind === 'task') {
        checkStart(s.task, s.agent, s.start, i);
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
    if (task.agent >= 0) return;
    const first = seq ? task.eligible[0] : task.eligible.find((b) => b === a || free(b, t, i));
    if (first !== a) ctx.fail({ message: `skill task ${id} goes to ${agent} at ${fmt(t)}; the first free agent with the skill is ${first === undefined ? 'none' : model.agents[first].id}`, task: id, agent, time: t });
  }
}
