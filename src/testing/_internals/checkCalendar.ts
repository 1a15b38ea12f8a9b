import { fmt, type CheckContext } from './CheckContext.js';

/**
 * `calendar` (models with working calendars only): no work, meeting or status update in
 * non-working time — each job's working time between its start and finish row equals its
 * length plus the meetings that interrupted it, on its resource's calendar (a task without an
 * agent: on its own). Meetings count as work time taken from the jobs they interrupt.
 */
export function checkCalendar(ctx: CheckContext): void {
  const { model } = ctx;
  const sch = model.schedule;
  if (!sch.calendared) return;
  const timeOf = (agent: string, task: string) => {
    const a = ctx.agentIndex.get(agent);
    if (a !== undefined) return sch.resourceTime[a];
    if (agent === model.orchestrator.id) return sch.projectTime;
    return ctx.taskById.get(task)?.time ?? sch.projectTime;
  };
  for (const e of ctx.reading.executions) {
    if (!(e.finish >= e.start)) continue;
    const time = timeOf(e.agent, e.task);
    const worked = time.workBetween(e.start, e.finish);
    const want = e.duration + e.interrupted;
    if (Math.abs(worked - want) > ctx.tol(Math.max(want, 1))) {
      ctx.fail({ message: `${e.kind} ${e.task || e.gate} on ${e.agent || 'nobody'}: ${fmt(worked)} of working time between its start ${fmt(e.start)} and finish ${fmt(e.finish)}, expected ${fmt(want)}`, task: e.task, agent: e.agent, time: e.start });
    }
  }
}
