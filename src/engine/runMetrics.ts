import { COORD_KINDS, O_FAIL, O_PASS, O_REMEDIATE, type RunState } from './RunState.js';
import type { RunInputs } from './RunInputs.js';
import { runCost, type RunCost } from './runCost.js';

/** One task in a run's metrics. */
export interface TaskMetrics {
  agent: string;
  /** A task held by several agents (joint work, units): all of them, the first being `agent`. */
  agents?: string[];
  /** Start of its first execution; `finish`, its final finish (the end of its last rework, else of its first execution); `firstFinish`, the end of its first execution. */
  start: number;
  finish: number;
  firstFinish: number;
  /** With a start date: the dates of its first and last working moments. */
  startDate?: string;
  finishDate?: string;
  duration: number;
  executions: number;
  critical: boolean;
  /** Its own promised finish (time units), and whether it was met. */
  deadline?: number;
  metDeadline?: boolean;
  /** On a path its branch did not take: passed with no work at `start` (= `finish`), never critical. */
  skipped?: true;
  /** The task of an existence risk that did not occur: not in this run (its links gone). */
  absent?: true;
}

/** The metrics of one run, as plain data (these camelCase names are relied on by users' tools: keep them). */
export interface RunMetrics {
  scenario: string;
  strategy: string;
  seed: number | string;
  run: number;
  timeUnit: string;
  makespan: number;
  /** With a start date: the project's start and the date of its last working moment. */
  startDate?: string;
  finishDate?: string;
  sequentialMakespan: number;
  speedup: number;
  timeSavings: number;
  workTime: number;
  coordinationTime: number;
  coordinationOverhead: number;
  /** Coordination time split by mechanism. */
  coordinationByKind: Record<(typeof COORD_KINDS)[number], number>;
  /** Risk delays: time agents were held waiting on an outside cause (neither work nor coordination). */
  heldTime: number;
  utilization: { mean: number; byAgent: Record<string, number> };
  capacityUse: number;
  idleTime: { byAgent: Record<string, number> };
  /** Engaged span per agent: first start to last end. */
  engagedSpan: { byAgent: Record<string, { start: number; end: number }> };
  orchestrator: { id: string; capacity: number; coordinationTime: number; utilization: number; idleTime: number };
  criticalPath: string[];
  gates: Record<string, { rounds: number; outcomes: { pass: number; remediate: number; fail: number }; exhausted: boolean }>;
  remediations: number;
  reworks: number;
  escalations: number;
  handoffs: number;
  /** Ids of the risks that occurred: the risk register's, then existence risks', then risk drivers', each in file order. */
  risksOccurred: string[];
  /** With branches: the path each branch took (its name), or null when its branch point was skipped. */
  branches?: Record<string, string | null>;
  deadline: number | null;
  metDeadline?: boolean;
  tasks: Record<string, TaskMetrics>;
  events: number;
  /** What the run cost: only when the scenario has cost keys (docs/scenario-format.md, "Cost and tokens"). */
  cost?: RunCost;
}

/** The metrics of a run (its state and the inputs it ran on), as plain data. */
export function runMetrics(state: RunState, inputs: RunInputs): RunMetrics {
  const m = state.model;
  const A = m.agents.length;
  const makespan = state.makespan;
  let workTime = 0;
  let coordinationTime = 0;
  let heldTime = 0;
  let busyAll = 0;
  let capAll = 0;
  const utilByAgent: Record<string, number> = {};
  const idleByAgent: Record<string, number> = {};
  const span: Record<string, { start: number; end: number }> = {};
  let utilSum = 0;
  let engagedAgents = 0;
  for (let r = 0; r <= A; r++) {
    workTime += state.work[r];
    coordinationTime += state.coord[r];
    heldTime += state.held[r];
  }
  for (let r = 0; r < A; r++) {
    const id = m.agents[r].id;
    const cap = state.capacity[r];
    const busy = state.work[r] + state.coord[r];
    const start = state.firstStart[r];
    const end = state.lastEnd[r];
    const len = Number.isFinite(start) ? end - start : 0;
    const u = len > 0 ? busy / (len * cap) : 0;
    utilByAgent[id] = u;
    if (len > 0) {
      utilSum += u;
      engagedAgents++;
    }
    span[id] = Number.isFinite(start) ? { start, end } : { start: 0, end: 0 };
    idleByAgent[id] = makespan * cap - busy;
    busyAll += busy;
    capAll += cap;
  }
  const o = A;
  const oCap = state.capacity[o];
  const oBusy = state.coord[o] + state.work[o];
  // Sequential work never idles while work remains and has no coordination: its makespan is
  // all the work plus the time agents are held by risk delays (tested against the real run).
  // In units work is units × time, so it adds up the jobs' lengths instead.
  const sequentialMakespan = state.holdings !== null ? state.serialTime : workTime + heldTime;
  const gates: RunMetrics['gates'] = {};
  m.gates.forEach((g, i) => {
    gates[g.id] = {
      rounds: state.gateRounds[i],
      outcomes: { pass: state.gateOutcomes[3 * i + O_PASS], remediate: state.gateOutcomes[3 * i + O_REMEDIATE], fail: state.gateOutcomes[3 * i + O_FAIL] },
      exhausted: state.gateExhausted[i] === 1,
    };
  });
  const tasks: RunMetrics['tasks'] = {};
  const sch = m.schedule;
  const clock = sch.clock;
  m.tasks.forEach((t, i) => {
    const a = state.taskAgent[i];
    const start = state.taskStart[i];
    const firstFinish = state.taskFinish[i];
    // The final finish: the end of its last rework, else of its first execution.
    const finish = state.taskExecutions[i] > 1 ? state.taskReworkFinish[i] : firstFinish;
    const tm = { agent: a >= 0 ? m.agents[a].id : '', start, finish, firstFinish } as TaskMetrics;
    const h = state.holdings;
    if (h !== null && h.len[i] > 1) tm.agents = Array.from(h.res.subarray(h.off[i], h.off[i] + h.len[i]), (r) => m.agents[r].id);
    if (clock !== null) {
      const time = a >= 0 ? sch.resourceTime[a] : (t.time ?? sch.projectTime);
      tm.startDate = time.startDate(start, finish);
      tm.finishDate = time.finishDate(finish, start);
    }
    tm.duration = inputs.durations[i];
    tm.executions = state.taskExecutions[i];
    tm.critical = state.critical[i] === 1;
    if (t.deadline !== null) {
      tm.deadline = t.deadline;
      tm.metDeadline = finish <= t.deadline;
    }
    if (state.taskSkipped[i] === 1) tm.skipped = true;
    else if (state.taskSkipped[i] === 2) tm.absent = true;
    tasks[t.id] = tm;
  });
  const byKind = {} as RunMetrics['coordinationByKind'];
  COORD_KINDS.forEach((k, i) => (byKind[k] = state.coordByKind[i]));
  const result: RunMetrics = {
    scenario: m.name,
    strategy: state.strategy.name,
    seed: state.seed,
    run: state.run,
    timeUnit: m.timeUnit,
    makespan,
    sequentialMakespan,
    speedup: makespan > 0 ? sequentialMakespan / makespan : 1,
    timeSavings: sequentialMakespan > 0 ? 1 - makespan / sequentialMakespan : 0,
    workTime,
    coordinationTime,
    coordinationOverhead: workTime + coordinationTime > 0 ? coordinationTime / (workTime + coordinationTime) : 0,
    coordinationByKind: byKind,
    heldTime,
    utilization: { mean: engagedAgents > 0 ? utilSum / engagedAgents : 0, byAgent: utilByAgent },
    capacityUse: makespan > 0 && capAll > 0 ? busyAll / (makespan * capAll) : 0,
    idleTime: { byAgent: idleByAgent },
    engagedSpan: { byAgent: span },
    orchestrator: {
      id: m.orchestrator.id,
      capacity: oCap,
      coordinationTime: state.coord[o],
      utilization: makespan > 0 ? oBusy / (makespan * oCap) : 0,
      idleTime: makespan * oCap - oBusy,
    },
    criticalPath: state.criticalPath.map((t) => m.tasks[t].id),
    gates,
    remediations: state.remediations,
    reworks: state.reworks,
    escalations: state.escalations,
    handoffs: state.handoffs,
    risksOccurred: [
      ...m.risks.filter((_, i) => inputs.riskHit[i] === 1).map((r) => r.id),
      ...m.existenceRisks.filter((_, i) => inputs.existenceHit[i] === 1).map((r) => r.id),
      ...m.drivers.filter((_, i) => inputs.driverHit[i] === 1).map((r) => r.id),
    ],
    ...(m.branches.length > 0 ? { branches: Object.fromEntries(m.branches.map((b, i) => [b.id, state.branchPath[i] >= 0 ? b.paths[state.branchPath[i]].name : null])) } : {}),
    deadline: m.deadline,
    tasks,
    events: state.eventCount,
  };
  if (m.deadline !== null) result.metDeadline = makespan <= m.deadline;
  if (m.cost !== null) result.cost = runCost(state, inputs);
  if (clock !== null) return withDates(result, clock.format(0), sch.projectTime.finishDate(makespan, 0));
  return result;
}

/** The metrics with `startDate` and `finishDate` right after `makespan` (the order people read them in). */
function withDates(r: RunMetrics, startDate: string, finishDate: string): RunMetrics {
  const out = {} as RunMetrics;
  for (const [k, v] of Object.entries(r) as Array<[keyof RunMetrics, never]>) {
    out[k] = v;
    if (k === 'makespan') {
      out.startDate = startDate;
      out.finishDate = finishDate;
    }
  }
  return out;
}
