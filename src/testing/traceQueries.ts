import { compileModel, isModel } from '../engine/compileModel.js';
import type { Model } from '../engine/Model.js';
import type { Scenario } from '../scenario/Scenario.js';
import type { TraceRecord } from '../engine/TraceRecord.js';
import { readTrace, type Execution } from './readTrace.js';

/** The first (non-rework) execution of a task in a trace: who ran it, when it started and finished. */
export function firstExecution(trace: readonly TraceRecord[], task: string): Execution | undefined {
  return readTrace(trace).executions.find((e) => e.kind === 'task' && e.task === task);
}

/** When a gate was done (its `gate_done` row), or undefined if it never was. */
export function gateDoneTime(trace: readonly TraceRecord[], gate: string): number | undefined {
  return trace.find((r) => r.kind === 'gate_done' && r.gate === gate)?.time;
}

/** Why a task became ready: the dependency that was met last. */
export interface Release {
  task: string;
  /** The agent that ran the task ('' if it never started). */
  agent: string;
  /** When the task became ready (its `task_ready` row) and when it started. */
  ready: number;
  start: number;
  /** The dependency met last: a task or gate id ('' when the task had none). */
  by: string;
  /** The agent that did `by` (for a task), '' for a gate or none. */
  byAgent: string;
  /** True when the last thing awaited was the handoff (or escalation) of `by`, not `by` itself. */
  viaHandoff: boolean;
}

/**
 * For every task that ran, which dependency released it — the predecessor task (or gate)
 * whose completion, or whose handoff, came last before the task became ready. The question
 * behind "what does this agent's work wait on?".
 */
export function releases(scenario: Scenario | Model, trace: readonly TraceRecord[]): Release[] {
  const model = isModel(scenario) ? scenario : compileModel(scenario);
  const { executions } = readTrace(trace);
  const first = new Map<string, Execution>();
  for (const e of executions) if (e.kind === 'task' && !first.has(e.task)) first.set(e.task, e);
  const index = new Map<string, number>(); // row index at which each dependency was met
  trace.forEach((r, i) => {
    if (r.kind === 'gate_done' && !index.has(r.gate)) index.set(r.gate, i);
    if (r.kind === 'handoff_finish') index.set(`${r.task}<-${r.detail}`, i);
    if (r.kind === 'escalation') {
      // Resolved `duration` later; the engine schedules it at exactly time + delay.
      const k = trace.findIndex((x, j) => j > i && x.kind === 'escalation_resolved' && x.task === r.task && x.time === r.time + r.duration);
      if (k >= 0) index.set(`${r.task}<-${r.detail}`, k);
    }
  });
  for (const [id, e] of first) index.set(id, e.finishIndex);
  const out: Release[] = [];
  trace.forEach((r, i) => {
    if (r.kind !== 'task_ready') return;
    const t = model.tasks.find((x) => x.id === r.task)!;
    let best: Omit<Release, 'task' | 'agent' | 'ready' | 'start'> = { by: '', byAgent: '', viaHandoff: false };
    let bestAt = -1;
    for (const p of t.after) {
      const id = p < model.tasks.length ? model.tasks[p].id : model.gates[p - model.tasks.length].id;
      const own = index.get(id) ?? -1;
      const handoff = index.get(`${t.id}<-from ${id}`) ?? -1;
      const at = Math.max(own, handoff);
      if (at < i && at > bestAt) {
        bestAt = at;
        best = { by: id, byAgent: first.get(id)?.agent ?? '', viaHandoff: handoff > own };
      }
    }
    out.push({ task: t.id, agent: first.get(t.id)?.agent ?? '', ready: r.time, start: first.get(t.id)?.start ?? NaN, ...best });
  });
  return out;
}
