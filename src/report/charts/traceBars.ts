import type { Bar, BarKind, Marker, ReportTrace } from './types.js';

/**
 * Derives Gantt bars and markers from a run's trace (runs in the browser: self-contained).
 * Jobs pair `*_start` with `*_finish` on the same agent; their bars include the time they
 * were paused by meetings. Status updates and checkpoints interrupt an agent back to back
 * from their trace time, as the engine schedules them; a risk delay holds the task's agent
 * at the start of its first execution.
 */
export function traceBars(trace: ReportTrace): { bars: Bar[]; markers: Marker[]; end: number } {
  const bars: Bar[] = [];
  const markers: Marker[] = [];
  type Open = { base: string; lane: string; task: string; gate: string; start: number; detail: string };
  const open = new Map<string, Open[]>();
  const until = new Map<string, number>();
  const held = new Map<string, number>();
  const agentOf = new Map<string, string>();
  const outcomes = new Map<string, string[]>();
  let end = 0;
  for (const r of trace) if (r.kind === 'task_start' && !agentOf.has(r.task)) agentOf.set(r.task, r.agent);
  // Handoffs to one task from different senders may overlap on one lane: the sender is in `detail`.
  const keyOf = (base: string, r: ReportTrace[number]) => [base, r.agent, r.task, r.gate, base === 'handoff' ? r.detail : ''].join('\u0000');
  const push = (base: string, r: ReportTrace[number]) => {
    const key = keyOf(base, r);
    const list = open.get(key) ?? [];
    list.push({ base, lane: r.agent, task: r.task, gate: r.gate, start: r.time, detail: r.detail });
    open.set(key, list);
  };
  const pop = (key: string) => open.get(key)?.shift();
  const add = (lane: string, kind: BarKind, start: number, stop: number, task: string, gate: string, detail: string) => {
    if (stop > start) bars.push({ lane, kind, start, end: stop, task, gate, detail });
  };
  for (const r of trace) {
    end = Math.max(end, r.time + (r.duration > 0 ? r.duration : 0));
    switch (r.kind) {
      case 'task_start':
      case 'remediation_start':
      case 'gate_review_start':
      case 'handoff_start':
        push(r.kind.replace('_start', ''), r);
        if (r.kind === 'task_start' && !r.detail.startsWith('rework') && held.has(r.task)) {
          add(r.agent, 'held', r.time, r.time + (held.get(r.task) ?? 0), r.task, '', 'risk delay');
          held.delete(r.task);
        }
        break;
      case 'task_finish':
      case 'remediation_finish':
      case 'gate_review_finish':
      case 'handoff_finish': {
        const base = r.kind.replace('_finish', '');
        const o = pop(keyOf(base, r));
        if (!o) break;
        const kind: BarKind =
          base === 'task' ? (o.detail.startsWith('rework') ? 'rework' : 'work') : base === 'remediation' ? 'remediation' : base === 'handoff' ? 'handoff' : 'review';
        add(r.agent, kind, o.start, r.time, r.task, r.gate, o.detail);
        if (base === 'handoff' && agentOf.has(r.task)) {
          markers.push({ kind: 'handoff', lane: agentOf.get(r.task) ?? '', time: r.time, task: r.task, gate: '', detail: r.detail });
        }
        break;
      }
      case 'status_update':
      case 'checkpoint': {
        const from = Math.max(r.time, until.get(r.agent) ?? 0);
        until.set(r.agent, from + r.duration);
        add(r.agent, r.kind === 'checkpoint' ? 'checkpoint' : 'status', from, from + r.duration, '', '', r.detail);
        end = Math.max(end, from + r.duration);
        break;
      }
      case 'risk':
        if (r.duration > 0) held.set(r.task, r.duration);
        break;
      case 'escalation':
        add(r.agent, 'escalation', r.time, r.time + r.duration, r.task, '', r.detail);
        break;
      case 'gate_outcome': {
        const list = outcomes.get(r.gate) ?? [];
        list.push(`${r.task}: ${r.detail}`);
        outcomes.set(r.gate, list);
        break;
      }
      case 'gate_done':
        markers.push({ kind: 'gate', lane: '', time: r.time, task: '', gate: r.gate, detail: [r.detail, ...(outcomes.get(r.gate) ?? [])].join('; ') });
        break;
      default:
        break;
    }
  }
  // Jobs still open when the trace ends (a truncated trace) run to its end.
  for (const list of open.values()) {
    for (const o of list) {
      const kind: BarKind = o.base === 'task' ? 'work' : o.base === 'remediation' ? 'remediation' : o.base === 'handoff' ? 'handoff' : 'review';
      add(o.lane, kind, o.start, end, o.task, o.gate, o.detail);
    }
  }
  return { bars, markers, end };
}
