import type { WorkingTime } from '../calendar/WorkingTime.js';
import { SCENARIO_LIMITS } from '../scenario/limits.js';
import { Simulation } from '../sim/Simulation.js';
import { Alea, reseedStream, type Rng } from '../sim/streams.js';
import { LINK_FS, type Model, type StrategyModel } from './Model.js';
import type { RunInputs } from './RunInputs.js';
import { RunState } from './RunState.js';
import { dispatchRanks } from './dispatchRules.js';
import { unitMode } from './units.js';
import { JobStore } from './_internals/JobStore.js';
import { ReadyLists } from './_internals/ReadyLists.js';
import { UnitState } from './_internals/UnitState.js';

export { dispatchRanks } from './dispatchRules.js';
import { resetOptionalTasks } from './branches.js';

/** Options of one engine run. */
export interface EngineRunOptions {
  seed: number | string;
  run: number;
  /** Record the event trace (off in Monte Carlo: it is the only per-event allocation). */
  trace?: boolean;
  /** Event guard: most events the run may process (default 50,000,000). */
  maxEvents?: number;
  /** Trace guard: most rows a traced run may record (default `SCENARIO_LIMITS.maxTraceRows`, 1,000,000). */
  maxTraceRows?: number;
  /**
   * Always take the general event loop, even where the work-only schedule applies (it gives
   * the same results; tests compare the two). @internal
   */
  general?: boolean;
}

/**
 * The working state of the general engine for one (model, strategy): everything the
 * mechanisms (dispatch, handoff, escalation, gate, meetings, critical path, trace) read and
 * write, as flat typed arrays built once and reset per run. The run's results live in `out`.
 * @internal
 */
export class EngineState {
  readonly model: Model;
  readonly strategy: StrategyModel;
  readonly out: RunState;
  readonly sim = new Simulation();
  readonly jobs = new JobStore();
  readonly ready: ReadyLists;
  /** Tasks, agents; the orchestrator is resource `orch` (= A), after the agents. */
  readonly T: number;
  readonly A: number;
  readonly orch: number;
  readonly resourceCount: number;
  /** The sequential topology: one job at a time across the whole team. */
  readonly oneAtATime: boolean;
  readonly capacity: Float64Array;
  /** Slots (units) a meeting costs each resource: its capacity (one, for an unlimited agent). */
  readonly meetingSlots: Float64Array;
  /** Resources in units (null: one slot per job, the engine as it always was). */
  readonly u: UnitState | null;
  readonly free: Int32Array;
  /** Slots of resource r: `slotJob[slotBase[r] .. slotBase[r + 1])`, each a job or -1. */
  readonly slotBase: Int32Array;
  readonly slotJob: Int32Array;
  readonly running: Int32Array;
  /** Per resource: the end of the meetings it is booked into. */
  readonly interruptedUntil: Float64Array;
  /** Per resource: length of the meetings booked so far (the starvation guard's measure). */
  readonly meetingTime: Float64Array;
  readonly lastEndJob: Int32Array;
  /** Unfinished work items each agent is eligible for (engagement). */
  readonly remaining: Int32Array;
  /** `remaining` at the start of a run: per resource, the tasks it is eligible for (constant per model). */
  readonly remainingInit: Int32Array;
  /** Per node (tasks, then gates): dependencies not yet delivered, and the job that delivered the last. */
  readonly pending: Int32Array;
  readonly readyCause: Int32Array;
  readonly nodeDone: Uint8Array;
  /** Per gate: reworks and blocking remediations outstanding, and the job whose end moved it last. */
  readonly gateWait: Int32Array;
  readonly gateCause: Int32Array;
  /** Per gate: tasks (indices into `assesses`) to review in the current round, and in the next. */
  readonly gateRoundTasks: number[][];
  readonly gateNextTasks: number[][];
  /** Batched handoffs waiting for the next checkpoint. */
  readonly batched: number[] = [];
  /** Per task: first start on the critical chain (scratch of the critical path). */
  readonly pathStart: Float64Array;
  readonly pathBuf: Int32Array;
  /** Per resource: kind and start of its last meeting, and the kind of the one before. */
  readonly lastMeetingKind: Int8Array;
  readonly prevMeetingKind: Int8Array;
  readonly lastMeetingFrom: Float64Array;
  inputs!: RunInputs;
  /** Resources that may be able to start a job at the next dispatch. */
  readonly marked: Uint8Array;
  readonly markList: Int32Array;
  markCount = 0;
  /** Per skill: the agents that have it, in file order. */
  readonly skillAgents: Int32Array[];
  /** Skill ids of each resource (null for the orchestrator), read by the dispatcher. */
  readonly skillsOf: Array<readonly number[] | null>;
  // Flat copies of the model's per-task data for the hot path (no pointer chasing).
  /** Successors of node n: `succList[succOff[n] .. succOff[n + 1])`. */
  readonly succOff: Int32Array;
  readonly succList: Int32Array;
  /** Eligible agents of task t: `eligList[eligOff[t] .. eligOff[t + 1])`. */
  readonly eligOff: Int32Array;
  readonly eligList: Int32Array;
  /** Fixed agent of each task, or -1. */
  readonly fixedAgent: Int32Array;
  /** Dispatch rank of each task: priority high first, then file order (the work jobs' key). */
  readonly rank: Int32Array;
  /** The model has schedule features (calendars, link types or lags, milestones, constraints, progress). */
  readonly timed: boolean;
  /** Jobs advance on working calendars (else a job of length d started at t ends at t + d). */
  readonly calendared: boolean;
  /** Working time of each resource, and of the project calendar. */
  readonly resourceTime: WorkingTime[];
  readonly projectTime: WorkingTime;
  /** Per task: 0 work, 1 milestone, 2 elapsed time for nobody (`TASK_*`). */
  readonly taskKind: Int8Array;
  /** Per edge (parallel to `succList`): its source node, type, lag, and the job whose end (or start) released it. */
  readonly succFrom: Int32Array;
  readonly succType: Int8Array;
  readonly succLag: Float64Array;
  readonly edgeCause: Int32Array;
  /** Per task: 1 when some outgoing link is released at its start (SS, FF, SF, FS with a lead). */
  readonly startLinks: Uint8Array;
  /** Dependencies of each node at the start of a run (a not-before date counts as one). */
  readonly pendingInit: Int32Array;
  /** The model has branches or existence risks: some tasks may be skipped or absent in a run (branches.ts). */
  readonly optional: boolean;
  /** Per task: 0 runs, 1 skipped (a path not taken), 2 absent (its existence risk did not occur). */
  readonly skipped: Uint8Array;
  /** Per node: the branches whose branch point it is. */
  readonly branchesAt: number[][];
  tracing = false;
  /** Rows a traced run may record before it is stopped. */
  maxTraceRows: number = SCENARIO_LIMITS.maxTraceRows;
  /** Something happened at this instant that may let a job start (see `dispatch`). */
  dirty = false;
  runningTotal = 0;
  /** Pending events that are not periodic (job ends, wake-ups, escalation delays, the start signal). */
  activeEvents = 0;
  openNodes = 0;
  openRemediations = 0;
  /** The job whose end set the makespan (end of the critical chain). */
  lastJob = -1;
  /** The run's 'coordination' stream, seeded on its first draw (see `rng`). */
  private readonly gen = new Alea();
  private genSeed: number | string = 0;
  private genRun = 0;
  private genSeeded = false;
  // A draw that holds the stub (inside one `sample` call) must not reseed: hence the flag.
  private readonly lazyRng: Rng = () => (this.genSeeded ? this.gen.next() : this.seedRng());
  /**
   * The run's 'coordination' stream (seed, run, 'coordination'): the seeding stub until the
   * first draw, the generator's own bound `next` after, so built-in strategies, which never
   * draw, skip the hashing.
   */
  rng: Rng = this.lazyRng;

  constructor(model: Model, strategy: StrategyModel, out: RunState) {
    this.model = model;
    this.strategy = strategy;
    this.out = out;
    this.T = model.tasks.length;
    this.A = model.agents.length;
    this.orch = this.A;
    this.resourceCount = this.A + 1;
    this.oneAtATime = strategy.topology === 'sequential';
    const R = this.resourceCount;
    this.capacity = out.capacity;
    this.meetingSlots = Float64Array.from(this.capacity);
    model.agents.forEach((a, i) => {
      if (a.unlimited) this.meetingSlots[i] = 1;
    });
    this.u = unitMode(model, strategy) ? new UnitState(model, strategy, this.capacity, this.jobs) : null;
    this.slotBase = new Int32Array(R + 1);
    if (this.u === null) for (let r = 0; r < R; r++) this.slotBase[r + 1] = this.slotBase[r] + this.capacity[r];
    this.slotJob = new Int32Array(this.slotBase[R]);
    this.free = new Int32Array(R);
    this.running = new Int32Array(R);
    this.interruptedUntil = new Float64Array(R);
    this.meetingTime = new Float64Array(R);
    this.lastEndJob = new Int32Array(R);
    this.remaining = new Int32Array(R);
    const N = this.T + model.gates.length;
    this.pending = new Int32Array(N);
    this.readyCause = new Int32Array(N);
    this.nodeDone = new Uint8Array(N);
    const G = model.gates.length;
    this.gateWait = new Int32Array(G);
    this.gateCause = new Int32Array(G);
    this.gateRoundTasks = model.gates.map(() => []);
    this.gateNextTasks = model.gates.map(() => []);
    this.pathStart = new Float64Array(this.T);
    this.pathBuf = new Int32Array(this.T);
    this.ready = new ReadyLists(R, model.skills.length, this.jobs);
    this.lastMeetingKind = new Int8Array(R);
    this.prevMeetingKind = new Int8Array(R);
    this.lastMeetingFrom = new Float64Array(R);
    this.marked = new Uint8Array(R);
    this.markList = new Int32Array(R);
    const nodes = model.successors;
    this.succOff = new Int32Array(nodes.length + 1);
    nodes.forEach((l, n) => (this.succOff[n + 1] = this.succOff[n] + l.length));
    this.succList = new Int32Array(this.succOff[nodes.length]);
    nodes.forEach((l, n) => this.succList.set(l, this.succOff[n]));
    this.eligOff = new Int32Array(this.T + 1);
    model.tasks.forEach((t, i) => (this.eligOff[i + 1] = this.eligOff[i] + t.eligible.length));
    this.eligList = new Int32Array(this.eligOff[this.T]);
    model.tasks.forEach((t, i) => this.eligList.set(t.eligible, this.eligOff[i]));
    this.remainingInit = new Int32Array(R);
    for (let k = 0; k < this.eligList.length; k++) this.remainingInit[this.eligList[k]]++;
    this.fixedAgent = Int32Array.from(model.tasks, (t) => t.agent);
    this.rank = dispatchRanks(model, strategy);
    const sch = model.schedule;
    this.timed = sch.timed;
    this.calendared = sch.calendared;
    this.resourceTime = sch.resourceTime;
    this.projectTime = sch.projectTime;
    this.taskKind = Int8Array.from(model.tasks, (t) => (t.kind === 'work' ? TASK_WORK : t.kind === 'milestone' ? TASK_MILESTONE : TASK_ELAPSED));
    const E = this.succList.length;
    this.succFrom = new Int32Array(E);
    this.succType = new Int8Array(E);
    this.succLag = new Float64Array(E);
    this.edgeCause = new Int32Array(E);
    this.startLinks = new Uint8Array(this.T);
    nodes.forEach((l, n) => {
      for (let k = 0; k < l.length; k++) {
        const e = this.succOff[n] + k;
        this.succFrom[e] = n;
        this.succType[e] = model.successorType[n][k];
        this.succLag[e] = model.successorLag[n][k];
        if (n < this.T && (this.succType[e] !== LINK_FS || this.succLag[e] < 0)) this.startLinks[n] = 1;
      }
    });
    this.pendingInit = Int32Array.from(model.predecessorCount);
    model.tasks.forEach((t, i) => {
      if (t.notBefore > -Infinity) this.pendingInit[i]++;
    });
    this.optional = model.branches.length > 0 || model.existenceRisks.length > 0;
    this.skipped = new Uint8Array(this.T);
    this.branchesAt = Array.from({ length: N }, () => []);
    model.branches.forEach((b, i) => this.branchesAt[b.node].push(i));
    this.skillsOf = [...model.agents.map((a) => a.skillIds), null];
    this.skillAgents = model.skills.map((_, s) => Int32Array.from(model.agents.filter((a) => a.skillIds.includes(s)).map((a) => a.index)));
  }

  /** Clears everything a run writes, for a run of `inputs` with these options. */
  reset(inputs: RunInputs, o: EngineRunOptions): void {
    const m = this.model;
    const out = this.out;
    this.inputs = inputs;
    this.genSeed = o.seed;
    this.genRun = o.run;
    this.genSeeded = false;
    this.rng = this.lazyRng;
    this.tracing = o.trace ?? false;
    this.maxTraceRows = o.maxTraceRows ?? SCENARIO_LIMITS.maxTraceRows;
    out.seed = o.seed;
    out.run = o.run;
    // A fresh array per traced run (callers keep the last one); untraced runs leave it empty.
    if (this.tracing || out.trace.length > 0) out.trace = [];
    this.sim.reset();
    this.jobs.clear();
    this.ready.clear();
    // One loop per dimension instead of a `fill` per array: the arrays are short (agents,
    // tasks, gates), so per-call overhead of ~40 fills dominated the reset of small models.
    const R = this.resourceCount;
    const cap = this.capacity;
    for (let r = 0; r < R; r++) {
      this.free[r] = cap[r];
      this.running[r] = 0;
      this.interruptedUntil[r] = 0;
      this.meetingTime[r] = 0;
      this.lastEndJob[r] = -1;
      out.work[r] = 0;
      out.coord[r] = 0;
      out.held[r] = 0;
      out.firstStart[r] = Infinity;
      out.lastEnd[r] = 0;
      this.marked[r] = 0;
    }
    this.slotJob.fill(-1);
    out.coordByKind.fill(0);
    out.coordByResourceKind.fill(0);
    out.actsByResourceKind.fill(0);
    this.remaining.set(this.remainingInit);
    this.pending.set(this.pendingInit);
    const N = this.pending.length;
    for (let n = 0; n < N; n++) {
      this.readyCause[n] = -1;
      this.nodeDone[n] = 0;
    }
    const G = m.gates.length;
    for (let g = 0; g < G; g++) {
      this.gateWait[g] = 0;
      this.gateCause[g] = -1;
      out.gateRounds[g] = 0;
      out.gateExhausted[g] = 0;
      out.gateFinish[g] = NaN;
      this.gateRoundTasks[g].length = 0;
      this.gateNextTasks[g].length = 0;
    }
    out.gateOutcomes.fill(0);
    for (let t = 0; t < this.T; t++) {
      out.critical[t] = 0;
      out.taskStart[t] = NaN;
      out.taskFinish[t] = NaN;
      out.taskAgent[t] = -1;
      out.taskExecutions[t] = 0;
    }
    this.batched.length = 0;
    this.u?.reset();
    out.serialTime = 0;
    out.makespan = 0;
    out.remediations = out.reworks = out.escalations = out.handoffs = 0;
    this.dirty = false;
    this.markCount = 0;
    this.runningTotal = 0;
    this.activeEvents = 0;
    this.openNodes = this.T + m.gates.length;
    this.openRemediations = 0;
    this.lastJob = -1;
    out.criticalPath = [];
    if (this.optional) resetOptionalTasks(this);
  }

  /** Id of resource r for messages and the trace ('' for none). */
  resourceId(r: number): string {
    return r < 0 ? '' : r === this.orch ? this.model.orchestrator.id : this.model.agents[r].id;
  }

  private seedRng(): number {
    reseedStream(this.gen, this.genSeed, this.genRun, 'coordination');
    this.genSeeded = true;
    this.rng = this.gen.rng;
    return this.gen.next();
  }
}

/** Task kinds in `EngineState.taskKind`. */
export const TASK_WORK = 0;
export const TASK_MILESTONE = 1;
export const TASK_ELAPSED = 2;
