import type { TraceRecord } from '../engine/TraceRecord.js';

/** What an execution was: a task's first execution, a rework, a remediation, a handoff or a gate review. */
export type ExecutionKind = 'task' | 'rework' | 'remediation' | 'handoff' | 'review' | 'escalation';

/** One job reconstructed from a start row and its finish row. */
export interface Execution {
  kind: ExecutionKind;
  /** Task id (the successor for a handoff); '' for a review. */
  task: string;
  /** Gate id: the reviewed gate, the gate that ordered a rework or a blocking remediation; else ''. */
  gate: string;
  /** The agent it ran on (with units, the first it held). */
  agent: string;
  /** Every agent it held, with its units (in units, docs/semantics.md §18, one row each in the trace); else just `agent`, 1; none for a task that needs nobody. */
  holders: Array<{ agent: string; units: number }>;
  /** Handoff: the predecessor task it carries work from; else ''. */
  from: string;
  /** The rows' detail, without a `units U` part. */
  detail: string;
  start: number;
  /** NaN while the trace has no finish row for it. */
  finish: number;
  /** Length the engine gave the job when it started (work + held, or coordination effort). */
  duration: number;
  /** Meeting time of its agent while it ran (the engine pauses and extends running jobs). */
  interrupted: number;
  /** `start + duration`, plus each interruption, added in trace order (the engine's own arithmetic). */
  expectedFinish: number;
  startIndex: number;
  finishIndex: number;
}

/** A status update or checkpoint row: its agent is taken away for `duration`. */
export interface Meeting {
  kind: 'status' | 'checkpoint';
  agent: string;
  time: number;
  duration: number;
  /** When it really runs: meetings of one agent queue behind each other. */
  from: number;
  until: number;
  index: number;
}

/** A trace read back into jobs and meetings, with the rows that could not be paired. */
export interface TraceReading {
  executions: Execution[];
  meetings: Meeting[];
  /** Finish rows with no open start row of the same job. */
  unmatched: Array<{ index: number; row: TraceRecord }>;
}

const FAMILIES: Record<string, [ExecutionKind, boolean]> = {
  task_start: ['task', true],
  task_finish: ['task', false],
  remediation_start: ['remediation', true],
  remediation_finish: ['remediation', false],
  handoff_start: ['handoff', true],
  handoff_finish: ['handoff', false],
  gate_review_start: ['review', true],
  gate_review_finish: ['review', false],
  escalation_start: ['escalation', true],
  escalation_finish: ['escalation', false],
};

/** A row's detail split into its own text and the units it names (`units 0.5`, `rework for g; units 2`; 1 when none). */
export function splitUnits(detail: string): { detail: string; units: number } {
  const m = /^(?:(.*); )?units (\S+)$/.exec(detail);
  if (m === null) return { detail, units: 1 };
  return { detail: m[1] ?? '', units: Number(m[2]) };
}

/**
 * Pairs every start row with its finish row (same kind, task, gate, agent and detail; among
 * several open candidates the one whose expected finish is closest) and applies each
 * meeting to the jobs its agent was running. A job that holds several agents has one row per
 * agent, one after the other (docs/semantics.md §18): they are read as one execution, paused
 * by the meetings of any of them (once for overlapping meetings). Pure: works on any trace,
 * even a broken one.
 */
export function readTrace(trace: readonly TraceRecord[]): TraceReading {
  const executions: Execution[] = [];
  const meetings: Meeting[] = [];
  const unmatched: TraceReading['unmatched'] = [];
  const open = new Map<string, Execution[]>();
  const openByAgent = new Map<string, Set<Execution>>();
  const busyUntil = new Map<string, number>();
  /** Per joint execution: the end of the last meeting that paused it. */
  const pausedUntil = new Map<Execution, number>();
  /** The job of the row before, and how many of its holders' rows have been read (a joint job's rows come together, in holding order). */
  let last: { e: Execution; starting: boolean; key: string; time: number; rows: number } | null = null;
  trace.forEach((row, index) => {
    if (row.kind === 'meeting_cut') {
      // The engine ends meetings with the project: clip this agent's meetings at the cut.
      for (const m of meetings) {
        if (m.agent !== row.agent || m.until <= row.time) continue;
        m.until = Math.max(m.from, row.time);
        m.duration = m.until - m.from;
      }
      busyUntil.set(row.agent, row.time);
      last = null;
      return;
    }
    if (row.kind === 'status_update' || row.kind === 'checkpoint') {
      const from = Math.max(row.time, busyUntil.get(row.agent) ?? 0);
      const until = row.duration > 0 ? from + row.duration : from;
      if (row.duration > 0) busyUntil.set(row.agent, until);
      meetings.push({ kind: row.kind === 'checkpoint' ? 'checkpoint' : 'status', agent: row.agent, time: row.time, duration: row.duration, from, until, index });
      if (row.duration > 0) {
        for (const e of openByAgent.get(row.agent) ?? []) {
          let d = row.duration;
          if (e.holders.length > 1) {
            // A joint job pauses once while any of its agents meets: by the part after its last pause.
            const p = pausedUntil.get(e) ?? -Infinity;
            if (until <= p) continue;
            if (from < p) d = until - p;
            pausedUntil.set(e, until);
          }
          e.interrupted += d;
          e.expectedFinish += d;
        }
      }
      last = null;
      return;
    }
    const family = FAMILIES[row.kind];
    if (!family) {
      last = null;
      return;
    }
    const [base, starting] = family;
    const { detail, units } = splitUnits(row.detail);
    const kind: ExecutionKind = base === 'task' && detail.startsWith('rework for ') ? 'rework' : base;
    const job = `${kind}|${row.task}|${row.gate}|${detail}`;
    // The next row of a job that holds several agents: the same job on another agent, at once.
    const more = last !== null && last.starting === starting && last.key === job && last.time === row.time;
    if (more && starting && !last!.e.holders.some((h) => h.agent === row.agent)) {
      last!.e.holders.push({ agent: row.agent, units });
      last!.rows++;
      if (!openByAgent.has(row.agent)) openByAgent.set(row.agent, new Set());
      openByAgent.get(row.agent)!.add(last!.e);
      return;
    }
    if (more && !starting && last!.e.holders[last!.rows]?.agent === row.agent) {
      last!.rows++;
      openByAgent.get(row.agent)?.delete(last!.e);
      return;
    }
    const key = `${job}|${row.agent}`;
    const list = open.get(key) ?? [];
    if (starting) {
      const e: Execution = {
        kind,
        task: row.task,
        gate: kind === 'rework' ? detail.slice('rework for '.length) : row.gate,
        agent: row.agent,
        holders: row.agent === '' ? [] : [{ agent: row.agent, units }], // a task that needs nobody holds nothing
        from: kind === 'handoff' || kind === 'escalation' ? detail.replace(/^from /, '') : '',
        detail,
        start: row.time,
        finish: NaN,
        duration: row.duration,
        interrupted: 0,
        expectedFinish: row.time + row.duration,
        startIndex: index,
        finishIndex: -1,
      };
      executions.push(e);
      list.push(e);
      open.set(key, list);
      if (!openByAgent.has(row.agent)) openByAgent.set(row.agent, new Set());
      openByAgent.get(row.agent)!.add(e);
      last = { e, starting: true, key: job, time: row.time, rows: 1 };
      return;
    }
    if (list.length === 0) {
      unmatched.push({ index, row });
      last = null;
      return;
    }
    let best = 0;
    for (let k = 1; k < list.length; k++) {
      if (Math.abs(list[k].expectedFinish - row.time) < Math.abs(list[best].expectedFinish - row.time)) best = k;
    }
    const [e] = list.splice(best, 1);
    e.finish = row.time;
    e.finishIndex = index;
    openByAgent.get(row.agent)!.delete(e);
    last = { e, starting: false, key: job, time: row.time, rows: 1 };
  });
  return { executions, meetings, unmatched };
}
