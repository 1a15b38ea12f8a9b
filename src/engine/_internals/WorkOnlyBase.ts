import type { WorkingTime } from '../../calendar/WorkingTime.js';
import { CoordsimError } from '../../scenario/CoordsimError.js';
import { heapSiftDown } from '../../sim/heap.js';
import { criticalOrder } from '../criticalPath.js';
import type { EngineRunOptions } from '../EngineState.js';
import type { Model, StrategyModel } from '../Model.js';
import { RunState } from '../RunState.js';

/**
 * What the two work-only paths (`WorkOnlySchedule` in slots, `WorkOnlyUnits` in units) share:
 * the task graph in dispatch order, the per-run arrays and their reset, ready lists in
 * segments per agent, the (time, sequence) heap of ends, and the critical path at the end.
 * Each path's run is one loop of its own over these arrays (inlined by hand, see there).
 * @internal
 */
export class WorkOnlyBase {
  /** What every run of this path fills and returns (the same object every time). */
  readonly out: RunState;
  /** Per task: the task whose end enabled its start (dependency or freed resource), or -1. */
  readonly pred: Int32Array;

  protected readonly T: number;
  protected readonly A: number;
  /** The sequential topology: one task at a time, the best of all. */
  protected readonly oneAtATime: boolean;
  /** Agents' working times when work runs on calendars, else null. */
  protected readonly calendars: WorkingTime[] | null;
  /** The model has risks: extra work and delays are added to the sampled durations. */
  protected readonly risky: boolean;
  protected readonly capacity: Float64Array;
  protected readonly rank: Int32Array;
  protected readonly taskOfRank: Int32Array;
  protected readonly succOff: Int32Array;
  protected readonly succList: Int32Array;
  protected readonly predCount: Int32Array;
  // Per-run state.
  protected readonly pending: Int32Array;
  protected readonly readyAt: Float64Array;
  /** Per resource (agents, then the orchestrator): the task that last ended on it, or -1. */
  protected readonly lastEndTask: Int32Array;
  /** Agents to look at in the next dispatch: a flag each, and the list of those flagged. */
  protected readonly marked: Uint8Array;
  protected readonly markList: Int32Array;
  /**
   * Ready ranks, sorted ascending, per agent in `ready[head[r] .. tail[r])`: the best is taken
   * from the head, and since tasks mostly become ready in about rank order, an insertion is
   * mostly an append. A list never outgrows its segment `[base[r], base[r + 1])` (the path
   * fills `base`): it receives each of its tasks once and only its head moves down.
   */
  protected readonly ready: Int32Array;
  protected readonly base: Int32Array;
  protected readonly head: Int32Array;
  protected readonly tail: Int32Array;
  /** Task ends: a binary heap on (time, sequence). */
  protected readonly evTime: Float64Array;
  protected readonly evSeq: Float64Array;
  protected readonly evTask: Int32Array;
  /** Scratch of the critical path: first start of each task on it, and the sort buffer. */
  private readonly pathStart: Float64Array;
  private readonly pathBuf: Int32Array;

  /** `events`: the most task ends in the heap at once (plus one). */
  constructor(model: Model, strategy: StrategyModel, rank: Int32Array, succOff: Int32Array, succList: Int32Array, events: number) {
    const T = model.tasks.length;
    const A = model.agents.length;
    this.T = T;
    this.A = A;
    this.oneAtATime = strategy.topology === 'sequential';
    this.risky = model.risks.length > 0;
    this.calendars = model.schedule.calendared ? model.schedule.resourceTime : null;
    this.out = new RunState(model, strategy);
    this.capacity = this.out.capacity;
    this.rank = rank;
    this.taskOfRank = new Int32Array(T);
    for (let t = 0; t < T; t++) this.taskOfRank[rank[t]] = t;
    this.succOff = succOff;
    this.succList = succList;
    this.predCount = Int32Array.from(model.predecessorCount.subarray(0, T));
    this.pending = new Int32Array(T);
    this.readyAt = new Float64Array(T);
    this.pred = new Int32Array(T);
    this.lastEndTask = new Int32Array(A + 1);
    this.marked = new Uint8Array(A);
    this.markList = new Int32Array(A);
    this.ready = new Int32Array(T);
    this.base = new Int32Array(A + 1);
    this.head = new Int32Array(A);
    this.tail = new Int32Array(A);
    this.evTime = new Float64Array(events);
    this.evSeq = new Float64Array(events);
    this.evTask = new Int32Array(events);
    this.pathStart = new Float64Array(T);
    this.pathBuf = new Int32Array(T);
    this.out.taskExecutions.fill(1);
  }

  /**
   * Resets what a run accumulates. Every task starts and finishes once in such a run, so its
   * start, finish and execution count are written before anything reads them.
   */
  protected begin(options: EngineRunOptions): RunState {
    const out = this.out;
    out.seed = options.seed;
    out.run = options.run;
    // The engine's resources include the orchestrator (idle here): all of them are reset.
    for (let r = 0; r < out.work.length; r++) {
      out.work[r] = 0;
      out.held[r] = 0;
      out.coord[r] = 0;
      out.firstStart[r] = Infinity;
      out.lastEnd[r] = 0;
      this.lastEndTask[r] = -1;
    }
    for (let r = 0; r < this.A; r++) {
      this.marked[r] = 0;
      this.head[r] = this.tail[r] = this.base[r];
    }
    for (let t = 0; t < this.T; t++) {
      this.pending[t] = this.predCount[t];
      out.critical[t] = 0;
    }
    return out;
  }

  /** The run is over: its makespan, event count, and the chain of enabling tasks from the one that set the makespan. */
  protected finish(makespan: number, lastTask: number, events: number): RunState {
    const out = this.out;
    out.makespan = makespan;
    out.eventCount = events;
    const first = this.pathStart;
    const pred = this.pred;
    first.fill(Infinity);
    let t = lastTask;
    for (let guard = this.T + 1; t >= 0 && guard-- > 0; t = pred[t]) {
      out.critical[t] = 1;
      if (out.taskStart[t] < first[t]) first[t] = out.taskStart[t];
    }
    out.criticalPath = criticalOrder(out.critical, first, this.pathBuf);
    return out;
  }
}

/**
 * The time of the least entry of a heap of n entries whose root is vacant (the lesser child's),
 * or Infinity: whether another end falls in this instant, without filling the root first.
 */
export function nextUnderHole(et: Float64Array, n: number): number {
  return n <= 1 ? Infinity : n > 2 && et[2] < et[1] ? et[2] : et[1];
}

/** Fills the vacant root of a heap of n entries with its last entry; returns the new count. */
export function fillHole(et: Float64Array, es: Float64Array, ek: Int32Array, n: number): number {
  const c = n - 1;
  if (c > 0) heapSiftDown(et, es, ek, c, 0, et[c], es[c], ek[c]);
  return c;
}

/** A copy of the typed array `a` with room for `n` entries, its own first. */
export function grown<T extends Int32Array | Float64Array>(a: T, n: number): T {
  const b = new (a.constructor as new (length: number) => T)(n);
  b.set(a);
  return b;
}

/** A task end left the finite range (durations added up beyond the largest number): the run stops, as on the general path. Cold path. */
export function timeOverflow(out: RunState, time: number, events: number): never {
  throw new CoordsimError('E_RANGE', `run stopped under strategy '${out.strategy.name}': an event time left the finite range (${time}): times added up beyond ${Number.MAX_VALUE}`, { events });
}
