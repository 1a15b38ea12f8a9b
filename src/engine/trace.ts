import type { EngineState } from './EngineState.js';
import { traceFull } from './settle.js';
import { GATE_OUTCOMES } from './RunState.js';
import type { TraceKind } from './TraceRecord.js';
import { J_ESCALATION, J_HANDOFF, J_REMEDIATION, J_REVIEW, J_TASK } from './_internals/JobStore.js';

// The trace rows of each mechanism. Called only when a run is traced, so messages are built
// here, out of line from the hot functions.

/** Job j starts (`starting`) or ends at `now`: one row, or in units one row per resource it holds. */
export function traceJob(st: EngineState, now: number, j: number, starting: boolean): void {
  const J = st.jobs;
  const tasks = st.model.tasks;
  const gates = st.model.gates;
  let kind: TraceKind;
  let task = '';
  let gate = '';
  let detail = '';
  switch (J.kind[j]) {
    case J_TASK:
      kind = starting ? 'task_start' : 'task_finish';
      task = tasks[J.node[j]].id;
      detail = J.gate[j] >= 0 ? `rework for ${gates[J.gate[j]].id}` : '';
      break;
    case J_REMEDIATION:
      kind = starting ? 'remediation_start' : 'remediation_finish';
      task = tasks[J.node[j]].id;
      gate = J.gate[j] >= 0 ? gates[J.gate[j]].id : '';
      detail = J.gate[j] >= 0 ? 'blocking' : 'parallel';
      break;
    case J_REVIEW:
      kind = starting ? 'gate_review_start' : 'gate_review_finish';
      gate = gates[J.node[j]].id;
      detail = `round ${st.out.gateRounds[J.node[j]]}`;
      break;
    case J_HANDOFF:
      kind = starting ? 'handoff_start' : 'handoff_finish';
      task = tasks[J.node[j]].id;
      detail = `from ${tasks[J.fromTask[j]].id}`;
      break;
    case J_ESCALATION:
      // The resolver's effort on the escalation of a handoff (task: the successor waiting for it).
      kind = starting ? 'escalation_start' : 'escalation_finish';
      task = tasks[J.node[j]].id;
      detail = `from ${tasks[J.fromTask[J.handoffJob[j]]].id}`;
      break;
    default:
      return;
  }
  const duration = starting ? J.dur[j] : 0;
  const u = st.u;
  if (u === null || J.res[j] < 0) {
    log(st, now, kind, task, J.res[j], gate, detail, duration);
    return;
  }
  // In units: a row per resource held, its units in the detail when not 1 (docs/semantics.md §18).
  const off = u.off[j];
  for (let k = 0; k < u.len[j]; k++) {
    const x = u.units[off + k];
    log(st, now, kind, task, u.res[off + k], gate, x === 1 ? detail : detail === '' ? `units ${x}` : `${detail}; units ${x}`, duration);
  }
}

export function traceTaskReady(st: EngineState, now: number, n: number): void {
  const t = st.model.tasks[n];
  log(st, now, 'task_ready', t.id, t.agent, '', '', 0);
}

/** A row about task `task` on resource r, with `from <task>` as detail (batched handoffs, escalations). */
export function traceFrom(st: EngineState, now: number, kind: TraceKind, task: number, r: number, from: number, duration: number): void {
  const tasks = st.model.tasks;
  log(st, now, kind, tasks[task].id, r, '', `from ${tasks[from].id}`, duration);
}

/** The delay of handoff job hj's escalation is over. */
export function traceEscalationResolved(st: EngineState, now: number, hj: number): void {
  log(st, now, 'escalation_resolved', st.model.tasks[st.jobs.fromTask[hj]]?.id ?? '', -1, '', '', 0);
}

export function traceRisk(st: EngineState, now: number, n: number, held: number, work: number): void {
  const t = st.model.tasks[n];
  log(st, now, 'risk', t.id, t.agent, '', `delay ${held}, extra work ${work}`, held);
}

export function traceGateOutcome(st: EngineState, now: number, t: number, agent: number, g: number, outcome: number, round: number): void {
  log(st, now, 'gate_outcome', st.model.tasks[t].id, agent, st.model.gates[g].id, `${GATE_OUTCOMES[outcome]} (round ${round + 1})`, 0);
}

export function traceGateDone(st: EngineState, now: number, g: number): void {
  log(st, now, 'gate_done', '', -1, st.model.gates[g].id, `${st.out.gateRounds[g]} round(s)`, 0);
}

/** Branch b, after node `node`, took path p (-1: none, because no condition held or, `taken` false, its branch point was skipped). */
export function traceBranch(st: EngineState, now: number, node: number, b: number, p: number, taken: boolean): void {
  const m = st.model;
  const br = m.branches[b];
  const task = node < st.T ? m.tasks[node].id : '';
  const gate = node < st.T ? '' : m.gates[node - st.T].id;
  log(st, now, 'branch', task, -1, gate, p >= 0 ? `${br.id}: ${br.paths[p].name}` : `${br.id}: no path (${taken ? 'no condition held' : 'its branch point was skipped'})`, 0);
}

/** Task t is passed over: on a path not taken (`task_skipped`), or the task of an existence risk that did not occur (`task_absent`). */
export function traceSkipped(st: EngineState, now: number, t: number, absent: boolean): void {
  const task = st.model.tasks[t];
  log(st, now, absent ? 'task_absent' : 'task_skipped', task.id, task.agent, '', absent ? 'its risk did not occur' : 'on a path not taken', 0);
}

export function traceStatus(st: EngineState, now: number, r: number, peers: number, d: number): void {
  log(st, now, 'status_update', '', r, '', `${peers} peers`, d);
}

export function traceCheckpoint(st: EngineState, now: number, r: number, d: number): void {
  log(st, now, 'checkpoint', '', r, '', '', d);
}

export function traceMeetingCut(st: EngineState, end: number, r: number, over: number): void {
  log(st, end, 'meeting_cut', '', r, '', 'meeting cut short at the end of the project', over);
}

function log(st: EngineState, time: number, kind: TraceKind, task: string, r: number, gate: string, detail: string, duration: number): void {
  // A run that does not settle must not take all memory with its trace before the event guard trips.
  if (st.out.trace.length >= st.maxTraceRows) traceFull(st);
  st.out.trace.push({ time, kind, task, agent: st.resourceId(r), gate, detail, duration });
}
