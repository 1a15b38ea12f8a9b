import { CoordsimError } from '../scenario/CoordsimError.js';
import { SimError } from '../sim/SimError.js';
import { Simulation, type EventHandler } from '../sim/Simulation.js';
import { Alea, reseedStream, type Rng } from '../sim/streams.js';
import type { Model, StrategyModel } from './Model.js';
import type { RunInputs } from './RunInputs.js';
import type { TraceKind, TraceRecord } from './TraceRecord.js';
import { JobStore, J_ESCALATION, J_HANDOFF, J_REMEDIATION, J_REVIEW, J_TASK } from './_internals/JobStore.js';
import { WorkOnlySchedule } from './WorkOnlySchedule.js';
import { ReadyLists } from './_internals/ReadyLists.js';

// Event kinds of the kernel queue.
const EV_KICK = 0;
const EV_JOB_END = 1;
const EV_WAKE = 2;
const EV_STATUS = 3;
const EV_CHECKPOINT = 4;
const EV_ESCALATION_DELAY = 5;

/** Coordination time categories (indices of `coordByKind`). */
export const COORD_KINDS = ['handoff', 'status', 'checkpoint', 'review', 'escalation'] as const;
const C_HANDOFF = 0, C_STATUS = 1, C_CHECKPOINT = 2, C_REVIEW = 3, C_ESCALATION = 4;

/** Options of `Engine.run`. */
export interface EngineRunOptions {
  seed: number | string;
  run: number;
  /** Record the event trace (off in Monte Carlo: it is the only per-event allocation). */
  trace?: boolean;
  maxEvents?: number;
  /**
   * Always take the general event loop, even where `WorkOnlySchedule` applies (it gives the same
   * results; tests compare the two). @internal
   */
  general?: boolean;
}

/**
 * Runs one strategy over a compiled model (SPEC section 4). Built once per (model,
 * strategy) and reused across runs: all run state lives in typed arrays that are reset, not
 * reallocated. Results are read from its public fields or through `runMetrics`.
 */
export class Engine implements EventHandler {
  readonly model: Model;
  readonly strategy: StrategyModel;
  /** Resources: agents `0..A-1`, then the orchestrator at index `A`. */
  readonly resourceCount: number;
  readonly capacity: Int32Array;

  // ---- results of the last run ----
  makespan = 0;
  /** Work (task, rework, remediation) per resource. */
  readonly work: Float64Array;
  /** Coordination per resource. */
  readonly coord: Float64Array;
  /** Held-but-not-working time (risk delays) per resource. */
  readonly blocked: Float64Array;
  readonly firstStart: Float64Array;
  readonly lastEnd: Float64Array;
  readonly coordByKind = new Float64Array(COORD_KINDS.length);
  /** Per task: 1 when on the critical path of the last run. */
  readonly critical: Uint8Array;
  readonly taskStart: Float64Array;
  readonly taskFinish: Float64Array;
  /** Agent that did each task's first execution. */
  readonly taskAgent: Int32Array;
  readonly taskExecutions: Int32Array;
  readonly gateRounds: Int32Array;
  /** Per gate: pass, remediate, fail counts (3 per gate). */
  readonly gateOutcomes: Int32Array;
  readonly gateExhausted: Uint8Array;
  remediations = 0;
  reworks = 0;
  escalations = 0;
  handoffs = 0;
  eventCount = 0;
  criticalPath: number[] = [];
  trace: TraceRecord[] = [];

  private readonly sim = new Simulation();
  private readonly jobs = new JobStore();
  private readonly ready: ReadyLists;
  private readonly T: number;
  private readonly A: number;
  private readonly orch: number;
  private readonly seq: boolean;
  private readonly free: Int32Array;
  private readonly slotBase: Int32Array;
  private readonly slotJob: Int32Array;
  private readonly running: Int32Array;
  private readonly interruptedUntil: Float64Array;
  private readonly lastEndJob: Int32Array;
  /** Unfinished work items each agent is eligible for (engagement, SPEC 4.4). */
  private readonly remaining: Int32Array;
  /** `remaining` at the start of a run: per resource, the tasks it is eligible for (constant per model). */
  private readonly remainingInit: Int32Array;
  private readonly pending: Int32Array;
  private readonly readyCause: Int32Array;
  private readonly nodeDone: Uint8Array;
  private readonly gateWait: Int32Array;
  private readonly gateCause: Int32Array;
  /** Per gate: tasks (indices into `assesses`) to review in the current round. */
  private readonly gateRoundTasks: number[][];
  private readonly gateNextTasks: number[][];
  private readonly batched: number[] = [];
  private readonly pathStart: Float64Array;
  /** Per resource: kind and start of its last meeting, and the kind of the one before. */
  private readonly lastMeetingKind: Int8Array;
  private readonly prevMeetingKind: Int8Array;
  private readonly lastMeetingFrom: Float64Array;
  private readonly pathBuf: Int32Array;
  private inputs!: RunInputs;
  /**
   * The run's 'coordination' stream (seed, run, 'coordination'): one reusable generator,
   * seeded on first draw, so built-in strategies, which never draw, skip the hashing. `rng`
   * is the seeding stub until then, and the generator's own bound `next` after.
   */
  private readonly gen = new Alea();
  private genSeed: number | string = 0;
  private genRun = 0;
  private genSeeded = false;
  // A draw that holds the stub (inside one `sample` call) must not reseed: hence the flag.
  private readonly lazyRng: Rng = () => (this.genSeeded ? this.gen.next() : this.seedRng());
  private rng: Rng = this.lazyRng;
  /** Resources that may be able to start a job at the next dispatch (see `endOfInstant`). */
  private readonly marked: Uint8Array;
  private readonly markList: Int32Array;
  private markCount = 0;
  /** Per skill: the agents that have it, in file order. */
  private readonly skillAgents: Int32Array[];
  /** Skill ids of each resource (null for the orchestrator), read by the dispatcher. */
  private readonly skillsOf: Array<readonly number[] | null>;
  // Flat copies of the model's per-task data for the hot path (no pointer chasing).
  /** Successors of node n: `succList[succOff[n] .. succOff[n + 1])`. */
  private readonly succOff: Int32Array;
  private readonly succList: Int32Array;
  /** Eligible agents of task t: `eligList[eligOff[t] .. eligOff[t + 1])`. */
  private readonly eligOff: Int32Array;
  private readonly eligList: Int32Array;
  /** Fixed agent of each task, or -1. */
  private readonly fixedAgent: Int32Array;
  /** Dispatch rank of each task: priority high first, then file order (the work jobs' key). */
  private readonly rank: Int32Array;
  /** The list-schedule path for runs with nothing but work (null when coordination or gates can occur). */
  private readonly pure: WorkOnlySchedule | null;
  /** The results a pure run never changes hold its values (no general run since the last pure one). */
  private pureStatic = false;
  private tracing = false;
  private dirty = false;
  private runningTotal = 0;
  private activeEvents = 0;
  private openNodes = 0;
  private openRemediations = 0;
  private lastJob = -1;

  constructor(model: Model, strategy: StrategyModel) {
    this.model = model;
    this.strategy = strategy;
    this.T = model.tasks.length;
    this.A = model.agents.length;
    this.orch = this.A;
    this.resourceCount = this.A + 1;
    this.seq = strategy.topology === 'sequential';
    const R = this.resourceCount;
    this.capacity = new Int32Array(R);
    model.agents.forEach((a, i) => (this.capacity[i] = a.capacity));
    this.capacity[this.orch] = strategy.orchestratorCapacity;
    this.slotBase = new Int32Array(R + 1);
    for (let r = 0; r < R; r++) this.slotBase[r + 1] = this.slotBase[r] + this.capacity[r];
    this.slotJob = new Int32Array(this.slotBase[R]);
    this.free = new Int32Array(R);
    this.running = new Int32Array(R);
    this.interruptedUntil = new Float64Array(R);
    this.lastEndJob = new Int32Array(R);
    this.remaining = new Int32Array(R);
    this.work = new Float64Array(R);
    this.coord = new Float64Array(R);
    this.blocked = new Float64Array(R);
    this.firstStart = new Float64Array(R);
    this.lastEnd = new Float64Array(R);
    const N = this.T + model.gates.length;
    this.pending = new Int32Array(N);
    this.readyCause = new Int32Array(N);
    this.nodeDone = new Uint8Array(N);
    const G = model.gates.length;
    this.gateWait = new Int32Array(G);
    this.gateCause = new Int32Array(G);
    this.gateRounds = new Int32Array(G);
    this.gateOutcomes = new Int32Array(3 * G);
    this.gateExhausted = new Uint8Array(G);
    this.gateRoundTasks = model.gates.map(() => []);
    this.gateNextTasks = model.gates.map(() => []);
    this.critical = new Uint8Array(this.T);
    this.pathStart = new Float64Array(this.T);
    this.pathBuf = new Int32Array(this.T);
    this.taskStart = new Float64Array(this.T);
    this.taskFinish = new Float64Array(this.T);
    this.taskAgent = new Int32Array(this.T);
    this.taskExecutions = new Int32Array(this.T);
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
    this.rank = new Int32Array(this.T);
    model.tasks
      .map((t, i) => i)
      .sort((a, b) => model.tasks[b].priority - model.tasks[a].priority || a - b)
      .forEach((t, k) => (this.rank[t] = k));
    this.pure = WorkOnlySchedule.applies(model, strategy) ? new WorkOnlySchedule(model, strategy, this.capacity, this.rank, this.succOff, this.succList) : null;
    this.skillsOf = [...model.agents.map((a) => a.skillIds), null];
    this.skillAgents = model.skills.map((_, s) => Int32Array.from(model.agents.filter((a) => a.skillIds.includes(s)).map((a) => a.index)));
  }

  /** Simulates one run with the given sampled inputs. */
  run(inputs: RunInputs, options: EngineRunOptions): this {
    // Untraced runs with nothing but work take the list-schedule path: same results, a
    // fraction of the cost (and the event guard would trip exactly where it trips here).
    if (this.pure !== null && !options.trace && !options.general && (options.maxEvents === undefined || options.maxEvents > this.T)) {
      return this.runPure(inputs);
    }
    this.reset(inputs, options);
    const s = this.strategy;
    this.sim.scheduleAt(0, EV_KICK, 0);
    this.activeEvents++;
    if (s.status) this.sim.scheduleAt(s.status.every, EV_STATUS, 0);
    if (s.checkpoint) this.sim.scheduleAt(s.checkpoint.offset, EV_CHECKPOINT, 0);
    try {
      this.sim.run(this, { maxEvents: options.maxEvents });
    } catch (e) {
      if (e instanceof SimError) throw new CoordsimError(e.code, e.message, { time: e.time, events: e.events });
      throw e;
    }
    this.eventCount = this.sim.eventCount;
    if (this.openNodes > 0 || this.openRemediations > 0) this.stall('the event queue ran empty');
    this.cutMeetings();
    this.collectCriticalPath();
    return this;
  }

  private runPure(inputs: RunInputs): this {
    const p = this.pure!;
    this.inputs = inputs;
    this.tracing = false;
    // What a pure run never changes (no coordination, one execution per task on its fixed
    // agent) is written only when a general run may have left other values behind.
    if (!this.pureStatic) {
      if (this.trace.length > 0) this.trace = [];
      this.coord.fill(0);
      this.coordByKind.fill(0);
      this.remediations = this.reworks = this.escalations = this.handoffs = 0;
    }
    p.run(inputs, this, !this.pureStatic);
    this.pureStatic = true;
    this.makespan = p.makespan;
    this.eventCount = p.eventCount;
    // The chain of enabling tasks from the one that set the makespan (each task is one job here).
    const first = this.pathStart;
    first.fill(Infinity);
    let t = p.lastTask;
    for (let guard = this.T + 1; t >= 0 && guard-- > 0; t = p.pred[t]) {
      this.critical[t] = 1;
      if (this.taskStart[t] < first[t]) first[t] = this.taskStart[t];
    }
    this.criticalPath = this.criticalOrder();
    return this;
  }

  private reset(inputs: RunInputs, o: EngineRunOptions): void {
    const m = this.model;
    this.pureStatic = false;
    this.inputs = inputs;
    this.genSeed = o.seed;
    this.genRun = o.run;
    this.genSeeded = false;
    this.rng = this.lazyRng;
    this.tracing = o.trace ?? false;
    // A fresh array per traced run (callers keep the last one); untraced runs leave it empty.
    if (this.tracing || this.trace.length > 0) this.trace = [];
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
      this.lastEndJob[r] = -1;
      this.work[r] = 0;
      this.coord[r] = 0;
      this.blocked[r] = 0;
      this.firstStart[r] = Infinity;
      this.lastEnd[r] = 0;
      this.marked[r] = 0;
    }
    this.slotJob.fill(-1);
    this.coordByKind.fill(0);
    this.remaining.set(this.remainingInit);
    this.pending.set(m.predecessorCount);
    const N = this.pending.length;
    for (let n = 0; n < N; n++) {
      this.readyCause[n] = -1;
      this.nodeDone[n] = 0;
    }
    const G = m.gates.length;
    for (let g = 0; g < G; g++) {
      this.gateWait[g] = 0;
      this.gateCause[g] = -1;
      this.gateRounds[g] = 0;
      this.gateExhausted[g] = 0;
      this.gateRoundTasks[g].length = 0;
      this.gateNextTasks[g].length = 0;
    }
    this.gateOutcomes.fill(0);
    for (let t = 0; t < this.T; t++) {
      this.critical[t] = 0;
      this.taskStart[t] = NaN;
      this.taskFinish[t] = NaN;
      this.taskAgent[t] = -1;
      this.taskExecutions[t] = 0;
    }
    this.batched.length = 0;
    this.makespan = 0;
    this.remediations = this.reworks = this.escalations = this.handoffs = 0;
    this.dirty = false;
    this.markCount = 0;
    this.runningTotal = 0;
    this.activeEvents = 0;
    this.openNodes = this.T + m.gates.length;
    this.openRemediations = 0;
    this.lastJob = -1;
    this.criticalPath = [];
  }

  /** @internal kernel callback */
  handle(kind: number, data: number, now: number): void {
    switch (kind) {
      case EV_JOB_END:
        this.activeEvents--;
        this.jobEnd(data, now);
        break;
      case EV_KICK:
        this.activeEvents--;
        for (let n = 0; n < this.pending.length; n++) if (this.pending[n] === 0) this.nodeReady(n, now);
        this.dirty = true;
        break;
      case EV_WAKE:
        this.activeEvents--;
        this.mark(data);
        this.dirty = true;
        break;
      case EV_STATUS:
        this.statusUpdate(now);
        break;
      case EV_CHECKPOINT:
        this.checkpoint(now);
        break;
      case EV_ESCALATION_DELAY:
        this.activeEvents--;
        if (this.tracing) this.log(now, 'escalation_resolved', this.model.tasks[this.jobs.aux[data]]?.id ?? '', -1, '', '', 0);
        this.escalationPartDone(data, now);
        break;
    }
  }

  /** @internal kernel callback: the dispatcher of SPEC 4.2, once all events of the instant are done. */
  endOfInstant(now: number): void {
    if (!this.dirty) return;
    this.dirty = false;
    const J = this.jobs;
    if (this.seq) {
      if (this.runningTotal > 0) return;
      const best = this.ready.bestOverall();
      if (best < 0) return;
      const r = J.res[best] >= 0 ? J.res[best] : this.model.tasks[J.node[best]].eligible[0];
      this.ready.remove(best);
      this.start(best, r, now);
      return;
    }
    // Only marked resources can start anything: every other one was found busy or without a
    // job at an earlier dispatch and has not been freed or offered a job since. Scanning them
    // in index order keeps SPEC 4.2's rule (first free eligible agent in file order wins).
    const list = this.markList;
    const n = this.markCount;
    for (let k = 1; k < n; k++) {
      const r = list[k];
      let i = k - 1;
      while (i >= 0 && list[i] > r) {
        list[i + 1] = list[i];
        i--;
      }
      list[i + 1] = r;
    }
    for (;;) {
      let best = -1;
      let bestRes = -1;
      for (let k = 0; k < n; k++) {
        const r = list[k];
        if (this.free[r] === 0 || this.interruptedUntil[r] > now) continue;
        const h = this.ready.bestFor(r, this.skillsOf[r]);
        // Strictly better only: for a skill job the first free eligible agent in file order wins.
        if (h >= 0 && (best < 0 || J.less(h, best))) {
          best = h;
          bestRes = r;
        }
      }
      if (best < 0) break;
      this.ready.remove(best);
      this.start(best, bestRes, now);
    }
    // Interrupted resources stay marked: they are looked at again once the meeting is over.
    let w = 0;
    for (let k = 0; k < n; k++) {
      const r = list[k];
      if (this.interruptedUntil[r] > now) list[w++] = r;
      else this.marked[r] = 0;
    }
    this.markCount = w;
  }

  private mark(r: number): void {
    if (this.marked[r] === 0) {
      this.marked[r] = 1;
      this.markList[this.markCount++] = r;
    }
  }

  private start(j: number, r: number, now: number): void {
    const J = this.jobs;
    J.res[j] = r;
    J.start[j] = now;
    // Waited for the resource: the job that freed it is the predecessor (not a meeting).
    const prev = this.lastEndJob[r];
    if (now > J.ready[j] && prev >= 0 && J.end[prev] > J.ready[j]) J.pred[j] = prev;
    this.free[r]--;
    this.running[r]++;
    this.runningTotal++;
    let slot = this.slotBase[r];
    while (this.slotJob[slot] >= 0) slot++;
    this.slotJob[slot] = j;
    J.slot[j] = slot;
    if (now < this.firstStart[r]) this.firstStart[r] = now;
    if (J.kind[j] === J_TASK && J.aux[j] < 0) {
      const t = J.node[j];
      this.taskStart[t] = now;
      this.taskAgent[t] = r;
      // A pool task is r's work from now on: the other agents with the skill no longer wait for it.
      if (this.fixedAgent[t] < 0) {
        for (let k = this.eligOff[t]; k < this.eligOff[t + 1]; k++) if (this.eligList[k] !== r) this.remaining[this.eligList[k]]--;
      }
    }
    const end = now + J.dur[j];
    J.end[j] = end;
    J.event[j] = this.sim.scheduleAt(end, EV_JOB_END, j);
    this.activeEvents++;
    if (this.tracing) this.logJob(now, j, true);
  }

  private jobEnd(j: number, now: number): void {
    const J = this.jobs;
    const r = J.res[j];
    if (r >= 0) {
      this.slotJob[J.slot[j]] = -1;
      this.free[r]++;
      this.running[r]--;
      this.runningTotal--;
      this.lastEndJob[r] = j;
      if (now > this.lastEnd[r]) this.lastEnd[r] = now;
      this.work[r] += J.work[j];
      this.blocked[r] += J.held[j];
      this.coord[r] += J.coord[j];
      this.mark(r);
    }
    this.dirty = true;
    if (this.tracing) this.logJob(now, j, false);
    switch (J.kind[j]) {
      case J_TASK: {
        const t = J.node[j];
        this.taskExecutions[t]++;
        this.endOfWork(j, now);
        if (J.aux[j] >= 0) {
          // A rework ordered by gate aux: the gate reviews again once all its reworks are in.
          if (r >= 0) this.remaining[r]--;
          this.gateCause[J.aux[j]] = j;
          this.gateStep(J.aux[j], now);
        } else {
          this.taskFinish[t] = now;
          this.nodeDone[t] = 1;
          this.openNodes--;
          if (r >= 0) this.remaining[r]--;
          this.release(t, j, now);
        }
        break;
      }
      case J_REMEDIATION: {
        this.endOfWork(j, now);
        if (r >= 0) this.remaining[r]--;
        this.openRemediations--;
        const g = J.aux[j];
        if (g >= 0) {
          this.gateCause[g] = j;
          this.gateStep(g, now);
        }
        break;
      }
      case J_REVIEW:
        this.coordByKind[C_REVIEW] += J.coord[j];
        this.gateCause[J.node[j]] = j;
        this.reviewDone(J.node[j], now);
        break;
      case J_HANDOFF:
        this.coordByKind[C_HANDOFF] += J.coord[j];
        this.handoffDone(j, now);
        break;
      case J_ESCALATION:
        this.coordByKind[C_ESCALATION] += J.coord[j];
        this.escalationPartDone(J.aux[j], now);
        break;
    }
  }

  /** Work (a task, remediation or gate) ended at `now`, caused by job j: it may set the makespan. */
  private endOfWork(j: number, now: number): void {
    if (now >= this.makespan) {
      this.makespan = now;
      this.lastJob = j;
    }
  }

  /** Task `t` finished its first execution (job j): its successors' edges are delivered. */
  private release(t: number, j: number, now: number): void {
    const h = this.strategy.handoff;
    const tasks = this.model.tasks;
    const end = this.succOff[t + 1];
    for (let k = this.succOff[t]; k < end; k++) {
      const s = this.succList[k];
      if (h === null || s >= this.T || this.fixedAgent[s] === this.taskAgent[t]) {
        this.deliver(s, j, now);
        continue;
      }
      const payer = this.handoffPayer(t, s);
      const hj = this.jobs.add(J_HANDOFF, s, t, payer, -1, h.effort.sample(this.rng), 0, 0, j);
      this.handoffs++;
      if (h.batched) {
        this.batched.push(hj);
        if (this.tracing) this.logFrom(now, 'handoff_batched', s, payer, t, 0);
      } else this.enqueue(hj, now);
    }
  }

  private handoffPayer(from: number, to: number): number {
    const sender = this.taskAgent[from];
    const receiver = this.model.tasks[to].agent;
    switch (this.strategy.topology) {
      case 'hub':
        return this.orch;
      case 'hierarchy': {
        const lead = this.strategy.leadOf;
        return receiver >= 0 && lead[sender] >= 0 && lead[sender] === lead[receiver] ? lead[sender] : this.orch;
      }
      default:
        return receiver >= 0 ? receiver : sender;
    }
  }

  private handoffDone(hj: number, now: number): void {
    const e = this.strategy.escalation;
    if (e !== null && this.rng() < e.probability) {
      this.escalations++;
      const J = this.jobs;
      const delay = e.delay.sample(this.rng);
      const effort = e.effort ? e.effort.sample(this.rng) : 0;
      const resolver = this.strategy.topology === 'mesh' ? J.res[hj] : this.orch;
      if (this.tracing) this.logFrom(now, 'escalation', J.node[hj], resolver, J.aux[hj], delay);
      J.wait[hj] = effort > 0 ? 2 : 1;
      this.sim.scheduleAt(now + delay, EV_ESCALATION_DELAY, hj);
      this.activeEvents++;
      if (effort > 0) {
        const ej = J.add(J_ESCALATION, J.node[hj], hj, resolver, -1, effort, 0, 0, hj);
        this.enqueue(ej, now);
      }
      return;
    }
    this.deliver(this.jobs.node[hj], hj, now);
  }

  private escalationPartDone(hj: number, now: number): void {
    if (--this.jobs.wait[hj] === 0) this.deliver(this.jobs.node[hj], hj, now);
  }

  /** One dependency of node `n` is met, caused by job `cause`. */
  private deliver(n: number, cause: number, now: number): void {
    this.readyCause[n] = cause;
    if (--this.pending[n] === 0) this.nodeReady(n, now);
  }

  private nodeReady(n: number, now: number): void {
    if (n < this.T) {
      const I = this.inputs;
      const work = I.durations[n] + I.riskWork[n];
      const held = I.riskDelay[n];
      const j = this.jobs.add(J_TASK, n, -1, this.fixedAgent[n], this.rank[n], 0, work, held, this.readyCause[n]);
      if (this.tracing) {
        const t = this.model.tasks[n];
        this.log(now, 'task_ready', t.id, t.agent, '', '', 0);
        if (held > 0 || I.riskWork[n] > 0) this.logRisk(now, n, held, I.riskWork[n]);
      }
      this.enqueue(j, now);
    } else {
      const g = n - this.T;
      const list = this.gateRoundTasks[g];
      list.length = 0;
      for (let k = 0; k < this.model.gates[g].assesses.length; k++) list.push(k);
      this.gateCause[g] = this.readyCause[n];
      this.startReview(g, now);
    }
  }

  private startReview(g: number, now: number): void {
    const gate = this.model.gates[g];
    this.gateRounds[g]++;
    if (this.strategy.builtin) {
      this.reviewDone(g, now); // no coordination cost: the review takes no time and no one
      return;
    }
    const reviewer = gate.reviewer === -2 ? this.orch : gate.reviewer >= 0 ? gate.reviewer : this.defaultReviewer(gate.assesses[0]);
    const j = this.jobs.add(J_REVIEW, g, -1, reviewer, -1, gate.review.sample(this.rng), 0, 0, this.gateCause[g]);
    this.enqueue(j, now);
  }

  private defaultReviewer(firstTask: number | undefined): number {
    const topo = this.strategy.topology;
    if (topo === 'hub' || topo === 'hierarchy' || firstTask === undefined) return this.orch;
    return this.taskAgent[firstTask] >= 0 ? this.taskAgent[firstTask] : this.model.tasks[firstTask].eligible[0];
  }

  /** Applies round outcomes (SPEC 4.5) drawn from the run's pre-sampled gate draws. */
  private reviewDone(g: number, now: number): void {
    const gate = this.model.gates[g];
    const round = this.gateRounds[g] - 1;
    const draws = this.inputs.gateDraws;
    const base = this.inputs.gateOffset[g] + 3 * round * gate.assesses.length;
    const list = this.gateRoundTasks[g];
    const next = this.gateNextTasks[g];
    next.length = 0;
    const blocking = this.strategy.remediationBlocking ?? gate.remediationBlocking;
    const cause = this.gateCause[g];
    const tasks = this.model.tasks;
    for (let i = 0; i < list.length; i++) {
      const k = list[i];
      const t = gate.assesses[k];
      const o = base + 3 * k;
      const u = draws[o];
      const agent = this.taskAgent[t] >= 0 ? this.taskAgent[t] : tasks[t].eligible[0];
      let outcome: 0 | 1 | 2 = u < gate.pPass ? 0 : u < gate.pPass + gate.pRemediate ? 1 : 2;
      if (outcome === 2 && round + 1 >= gate.maxRounds) this.gateExhausted[g] = 1;
      this.gateOutcomes[3 * g + outcome]++;
      if (this.tracing) this.logGateOutcome(now, t, agent, g, outcome, round);
      if (outcome === 1 && gate.remediationEffort) {
        this.remediations++;
        this.openRemediations++;
        this.remaining[agent]++;
        const j = this.jobs.add(J_REMEDIATION, t, blocking ? g : -1, agent, this.rank[t], 0, draws[o + 1], 0, cause);
        if (blocking) this.gateWait[g]++;
        this.enqueue(j, now);
      } else if (outcome === 2 && round + 1 < gate.maxRounds) {
        this.reworks++;
        this.remaining[agent]++;
        const work = draws[o + 2] * this.inputs.durations[t];
        const j = this.jobs.add(J_TASK, t, g, agent, this.rank[t], 0, work, 0, cause);
        this.gateWait[g]++;
        next.push(k);
        this.enqueue(j, now);
      }
    }
    if (this.gateWait[g] === 0) this.gateDone(g, now);
  }

  /** A rework or blocking remediation of gate g finished. */
  private gateStep(g: number, now: number): void {
    if (--this.gateWait[g] > 0) return;
    const next = this.gateNextTasks[g];
    if (next.length > 0) {
      const list = this.gateRoundTasks[g];
      list.length = 0;
      for (const k of next) list.push(k);
      next.length = 0;
      this.startReview(g, now);
    } else this.gateDone(g, now);
  }

  private gateDone(g: number, now: number): void {
    const gate = this.model.gates[g];
    this.nodeDone[gate.node] = 1;
    this.openNodes--;
    this.endOfWork(this.gateCause[g], now);
    if (this.tracing) this.logGateDone(now, g);
    for (let k = this.succOff[gate.node]; k < this.succOff[gate.node + 1]; k++) this.deliver(this.succList[k], this.gateCause[g], now);
  }

  private enqueue(j: number, now: number): void {
    const J = this.jobs;
    J.ready[j] = now;
    if (J.res[j] === -1 && J.kind[j] !== J_TASK) {
      this.noResource(j);
    }
    const r = J.res[j];
    if (r >= 0) {
      this.ready.insert(j, r, -1);
      this.mark(r);
    } else {
      const skill = this.model.tasks[J.node[j]].skill;
      this.ready.insert(j, -1, skill);
      const agents = this.skillAgents[skill];
      for (let k = 0; k < agents.length; k++) this.mark(agents[k]);
    }
    this.dirty = true;
  }

  private engaged(r: number, now: number): boolean {
    return this.firstStart[r] <= now && (this.remaining[r] > 0 || this.running[r] > 0);
  }

  /**
   * Meetings end with the project. An agent can be in a meeting when the last work ends (it
   * was engaged when the meeting began, e.g. waiting for a pool task another agent then took):
   * the part after the makespan is cut off, so coordination stays inside the project and every
   * agent's work + coordination + idle equals makespan × capacity. Traced as `meeting_cut`.
   */
  private cutMeetings(): void {
    const end = this.makespan;
    for (let r = 0; r < this.resourceCount; r++) {
      let over = this.interruptedUntil[r] - end;
      if (!(over > 0)) continue;
      if (this.tracing) this.log(end, 'meeting_cut', '', r, '', 'meeting cut short at the end of the project', over);
      this.interruptedUntil[r] = end;
      if (this.lastEnd[r] > end) this.lastEnd[r] = end;
      const cap = this.capacity[r];
      this.coord[r] -= over * cap;
      // The overhang lies in the last meeting, and in the one before when they were back to back.
      const inLast = end + over - Math.max(this.lastMeetingFrom[r], end); // until − max(from, end)
      this.coordByKind[this.lastMeetingKind[r]] -= inLast * cap;
      over -= inLast;
      if (over > 0) this.coordByKind[this.prevMeetingKind[r]] -= over * cap;
    }
  }

  /** Takes resource r away for d (a meeting or status report): running jobs are paused and extended. */
  private interrupt(r: number, d: number, now: number, kind: number, period: number): void {
    if (!(d > 0)) return;
    // Meetings that outlast their period pile up for ever: no work could finish (a livelock).
    if (this.interruptedUntil[r] - now > 50 * period) {
      this.stallMeetings(r);
    }
    const from = Math.max(now, this.interruptedUntil[r]);
    const until = from + d;
    this.interruptedUntil[r] = until;
    this.prevMeetingKind[r] = this.lastMeetingKind[r];
    this.lastMeetingKind[r] = kind;
    this.lastMeetingFrom[r] = from;
    const c = d * this.capacity[r];
    this.coord[r] += c;
    this.coordByKind[kind] += c;
    if (until > this.lastEnd[r]) this.lastEnd[r] = until;
    const J = this.jobs;
    for (let s = this.slotBase[r]; s < this.slotBase[r + 1]; s++) {
      const j = this.slotJob[s];
      if (j < 0) continue;
      this.sim.queue.cancel(J.event[j]);
      J.end[j] += d;
      J.event[j] = this.sim.scheduleAt(J.end[j], EV_JOB_END, j);
    }
    if (this.free[r] > 0) {
      this.sim.scheduleAt(until, EV_WAKE, r);
      this.activeEvents++;
    }
  }

  private statusUpdate(now: number): void {
    const st = this.strategy.status!;
    const peers = this.A - 1;
    for (let r = 0; r < this.A; r++) {
      if (!this.engaged(r, now)) continue;
      let d = st.effort.sample(this.rng);
      if (st.perPeer) d += peers * st.perPeer.sample(this.rng);
      if (this.tracing) this.logStatus(now, r, peers, d);
      this.interrupt(r, d, now, C_STATUS, st.every);
    }
    this.periodic(EV_STATUS, now + st.every, now);
  }

  private checkpoint(now: number): void {
    const cp = this.strategy.checkpoint!;
    const d = cp.duration.sample(this.rng);
    let attendees = 0;
    for (let r = 0; r < this.A; r++) {
      if (!this.engaged(r, now)) continue;
      attendees++;
      if (this.tracing) this.log(now, 'checkpoint', '', r, '', '', d);
      this.interrupt(r, d, now, C_CHECKPOINT, cp.every);
    }
    if (attendees > 0 && cp.orchestrator) {
      if (this.tracing) this.log(now, 'checkpoint', '', this.orch, '', '', d);
      this.interrupt(this.orch, d, now, C_CHECKPOINT, cp.every);
    }
    // Batched handoffs are exchanged at the checkpoint.
    for (const hj of this.batched) this.enqueue(hj, now);
    this.batched.length = 0;
    this.periodic(EV_CHECKPOINT, now + cp.every, now);
  }

  private periodic(kind: number, next: number, now: number): void {
    if (this.openNodes === 0 && this.openRemediations === 0) return;
    if (this.activeEvents === 0 && this.runningTotal === 0 && this.batched.length === 0 && !this.dirty) {
      this.stallStill(now);
    }
    this.sim.scheduleAt(next, kind, 0);
  }

  private seedRng(): number {
    reseedStream(this.gen, this.genSeed, this.genRun, 'coordination');
    this.genSeeded = true;
    this.rng = this.gen.rng;
    return this.gen.next();
  }

  // Cold paths. Messages are built here, never inline in a hot method: TurboFan, inlining a
  // hot method, may compute a template literal's number-to-string conversions ahead of the
  // branch that needs them (measured: a run of 20 tasks took twice as long).
  private noResource(j: number): never {
    throw new CoordsimError('E_STALL', `internal: job ${j} of kind ${this.jobs.kind[j]} has no resource`);
  }

  private stallMeetings(r: number): never {
    const who = r === this.orch ? this.model.orchestrator.id : this.model.agents[r].id;
    this.stall(`meetings saturate ${who}: booked until ${this.interruptedUntil[r]}, more than 50 periods ahead (status updates or checkpoints take longer than their period)`);
  }

  private stallStill(now: number): never {
    this.stall(`nothing can move at time ${now}`);
  }

  private stall(why: string): never {
    const m = this.model;
    const open: string[] = [];
    for (let n = 0; n < this.nodeDone.length && open.length < 10; n++) {
      if (this.nodeDone[n]) continue;
      const id = n < this.T ? m.tasks[n].id : m.gates[n - this.T].id;
      open.push(`${id} (waiting on ${this.pending[n]} dependenc${this.pending[n] === 1 ? 'y' : 'ies'})`);
    }
    throw new CoordsimError('E_STALL', `run stalled under strategy '${this.strategy.name}': ${why}; unfinished: ${open.join(', ')}`, {
      time: this.sim.now,
      events: this.sim.eventCount,
    });
  }

  /**
   * Backtracks from the job that set the makespan through the jobs that enabled each start
   * (a dependency, a handoff, or the job that freed the resource). Tasks are listed in the
   * order their work first appears on that chain.
   */
  private collectCriticalPath(): void {
    const J = this.jobs;
    const first = this.pathStart;
    first.fill(Infinity);
    let j = this.lastJob;
    let guard = J.count + 1;
    while (j >= 0 && guard-- > 0) {
      if (J.kind[j] === J_TASK || J.kind[j] === J_REMEDIATION) {
        const t = J.node[j];
        this.critical[t] = 1;
        if (J.start[j] < first[t]) first[t] = J.start[j];
      }
      j = J.pred[j];
    }
    this.criticalPath = this.criticalOrder();
  }

  /**
   * The critical tasks in the order their work first appears on the chain (`pathStart`).
   * Insertion sort by first start (tasks arrive in index order, so ties stay in index order):
   * the same order as sorting by (start, index), without a comparator closure per run.
   */
  private criticalOrder(): number[] {
    const first = this.pathStart;
    const buf = this.pathBuf;
    let n = 0;
    for (let t = 0; t < this.T; t++) {
      if (!this.critical[t]) continue;
      let i = n++;
      while (i > 0 && first[buf[i - 1]] > first[t]) {
        buf[i] = buf[i - 1];
        i--;
      }
      buf[i] = t;
    }
    const path = new Array<number>(n);
    for (let i = 0; i < n; i++) path[i] = buf[i];
    return path;
  }

  private logJob(now: number, j: number, starting: boolean): void {
    const J = this.jobs;
    const tasks = this.model.tasks;
    const r = J.res[j];
    switch (J.kind[j]) {
      case J_TASK: {
        const t = J.node[j];
        const detail = J.aux[j] >= 0 ? `rework for ${this.model.gates[J.aux[j]].id}` : '';
        this.log(now, starting ? 'task_start' : 'task_finish', tasks[t].id, r, '', detail, starting ? J.dur[j] : 0);
        break;
      }
      case J_REMEDIATION:
        this.log(now, starting ? 'remediation_start' : 'remediation_finish', tasks[J.node[j]].id, r, J.aux[j] >= 0 ? this.model.gates[J.aux[j]].id : '', J.aux[j] >= 0 ? 'blocking' : 'parallel', starting ? J.dur[j] : 0);
        break;
      case J_REVIEW:
        this.log(now, starting ? 'gate_review_start' : 'gate_review_finish', '', r, this.model.gates[J.node[j]].id, `round ${this.gateRounds[J.node[j]]}`, starting ? J.dur[j] : 0);
        break;
      case J_HANDOFF:
        this.log(now, starting ? 'handoff_start' : 'handoff_finish', tasks[J.node[j]].id, r, '', `from ${tasks[J.aux[j]].id}`, starting ? J.dur[j] : 0);
        break;
      case J_ESCALATION:
        break;
    }
  }

  private logFrom(now: number, kind: TraceKind, task: number, r: number, from: number, duration: number): void {
    const tasks = this.model.tasks;
    this.log(now, kind, tasks[task].id, r, '', `from ${tasks[from].id}`, duration);
  }

  private logRisk(now: number, n: number, held: number, work: number): void {
    const t = this.model.tasks[n];
    this.log(now, 'risk', t.id, t.agent, '', `delay ${held}, extra work ${work}`, held);
  }

  private logGateOutcome(now: number, t: number, agent: number, g: number, outcome: number, round: number): void {
    this.log(now, 'gate_outcome', this.model.tasks[t].id, agent, this.model.gates[g].id, `${['pass', 'remediate', 'fail'][outcome]} (round ${round + 1})`, 0);
  }

  private logGateDone(now: number, g: number): void {
    this.log(now, 'gate_done', '', -1, this.model.gates[g].id, `${this.gateRounds[g]} round(s)`, 0);
  }

  private logStatus(now: number, r: number, peers: number, d: number): void {
    this.log(now, 'status_update', '', r, '', `${peers} peers`, d);
  }

  private log(time: number, kind: TraceKind, task: string, r: number, gate: string, detail: string, duration: number): void {
    const agent = r < 0 ? '' : r === this.orch ? this.model.orchestrator.id : this.model.agents[r].id;
    this.trace.push({ time, kind, task, agent, gate, detail, duration });
  }
}
