import { fmt, type CheckContext } from './CheckContext.js';

/**
 * `durations`: every finished job lasted its start row's duration plus the meetings its agent
 * held while it ran (docs/semantics.md §3: interruptions pause the job and extend it); a first execution
 * lasts at least the task's sampled duration (risks only add) and exactly that without a risk;
 * a rework redoes at most the whole sampled duration.
 */
export function checkDurations(ctx: CheckContext): void {
  const risky = new Set(ctx.trace.filter((r) => r.kind === 'risk').map((r) => r.task));
  for (const e of ctx.reading.executions) {
    const name = `${e.kind} ${e.task || e.gate} on ${e.agent}`;
    if (e.finishIndex >= 0 && Math.abs(e.finish - e.expectedFinish) > ctx.tol(e.finish)) {
      ctx.fail({
        message: `${name} started at ${fmt(e.start)} for ${fmt(e.duration)}, interrupted ${fmt(e.interrupted)}: expected to finish at ${fmt(e.expectedFinish)}, finished at ${fmt(e.finish)}`,
        task: e.task || undefined,
        agent: e.agent,
        time: e.finish,
      });
    }
    if (e.kind !== 'task' && e.kind !== 'rework') continue;
    const sampled = ctx.metrics.tasks[e.task]?.duration;
    if (sampled === undefined) continue;
    if (e.kind === 'task' && (e.duration < sampled - ctx.tol(sampled) || (!risky.has(e.task) && Math.abs(e.duration - sampled) > ctx.tol(sampled)))) {
      ctx.fail({ message: `${name} runs for ${fmt(e.duration)}; its sampled duration is ${fmt(sampled)}${risky.has(e.task) ? ' (plus risks)' : ''}`, task: e.task, time: e.start });
    }
    if (e.kind === 'rework' && e.duration > sampled + ctx.tol(sampled)) {
      ctx.fail({ message: `${name} redoes ${fmt(e.duration)}, more than the task's sampled duration ${fmt(sampled)}`, task: e.task, time: e.start });
    }
  }
}
