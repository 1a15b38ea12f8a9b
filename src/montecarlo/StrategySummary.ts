import { O_FAIL, O_PASS, O_REMEDIATE, type RunState } from '../engine/RunState.js';
import type { Model } from '../engine/Model.js';
import type { RunInputs } from '../engine/RunInputs.js';
import { CostSummary, type CostSummaryState } from './CostSummary.js';
import { ExactSums } from './ExactSum.js';
import { FigureSummary, type FigureSummaryState } from './FigureSummary.js';
import { packQuantiles, QuantileSummary, unpackQuantiles, type PackedQuantiles, type QuantileSummaryState } from './QuantileSummary.js';
import { AGENT_FIGURES, FIGURES, readFigures } from './runFigures.js';

/** Per-gate sums over runs, `GATE_SUMS.length` per gate in `StrategySummary.gates`. */
export const GATE_SUMS = ['rounds', 'pass', 'remediate', 'fail', 'exhausted'] as const;
export const GS_ROUNDS = 0;
export const GS_PASS = 1;
export const GS_REMEDIATE = 2;
export const GS_FAIL = 3;
export const GS_EXHAUSTED = 4;

/** Sums over runs in `StrategySummary.counts`, indexed like this list. */
export const COUNTS = ['remediations', 'reworks', 'escalations', 'metDeadline', 'events'] as const;
export const K_REMEDIATIONS = 0;
export const K_REWORKS = 1;
export const K_ESCALATIONS = 2;
export const K_MET_DEADLINE = 3;
export const K_EVENTS = 4;

/** Plain-data form of a `StrategySummary` (structured-clone friendly, canonical). */
export interface StrategySummaryState {
  strategy: string;
  /** One per entry of `FIGURES`. */
  figures: FigureSummaryState[];
  /** Exact sums per agent of `AGENT_FIGURES` (utilisation, work, coordination, idle). */
  agents: number[][];
  taskStart: number[][];
  taskFinish: number[][];
  /** Runs in which each task was on the critical path. */
  critical: Float64Array;
  /** Per gate: sums over runs of `GATE_SUMS`. */
  gates: Float64Array;
  /** Sums over runs of `COUNTS`: remediations, reworks, escalations, runs that met the deadline, events processed. */
  counts: Float64Array;
  /** With dates or task deadlines: each task's finish (summaries with percentiles) and runs that met its deadline. */
  taskFinishes?: QuantileSummaryState[];
  taskStarts?: QuantileSummaryState[];
  taskDeadlineMet?: Float64Array;
  /**
   * In place of `taskFinishes` and `taskStarts` in the summaries one process's threads hand each
   * other (`toState(true)`): the same summaries packed. Never in a canonical summary.
   */
  packedTasks?: { finishes: PackedQuantiles; starts: PackedQuantiles };
  /** Cost accumulators, only when the scenario has cost keys. */
  cost?: CostSummaryState;
}

/** The Monte Carlo accumulators of one strategy over a range of runs. */
export class StrategySummary {
  readonly figures: FigureSummary[];
  /** Per agent: exact sums of `AGENT_FIGURES`. */
  readonly agents: ExactSums;
  readonly taskStart: ExactSums;
  readonly taskFinish: ExactSums;
  readonly critical: Float64Array;
  readonly gates: Float64Array;
  readonly counts: Float64Array;
  /** Runs that met each task's own deadline, with dates or task deadlines (else null). */
  readonly taskDeadlineMet: Float64Array | null;
  /** Cost accumulators (null when the scenario has no cost keys). */
  readonly cost: CostSummary | null;
  /** Scratch for one run's figures (allocated once). */
  readonly run: Float64Array;
  private readonly agentRun: Float64Array;
  private finishes: QuantileSummary[] | null;
  private starts: QuantileSummary[] | null;
  /** Tasks with a deadline, and the deadlines. */
  private readonly deadlineTasks: Int32Array;
  private readonly deadlines: Float64Array;
  /**
   * The last runs' task finishes and starts (run-major, `blockRuns` runs), added to the summaries
   * a block at a time: one task's summary at a time stays in the cache while its values go in.
   * Allocated at the first run added (summaries that only merge never need it).
   */
  private block: RunBlock | null = null;

  /** Empty accumulators, or (`fromState`) ones whose exact sums start from `from`'s. */
  constructor(
    readonly model: Model,
    readonly strategy: string,
    from?: StrategySummaryState,
  ) {
    const T = model.tasks.length;
    this.figures = FIGURES.map(() => new FigureSummary());
    this.agents = new ExactSums(AGENT_FIGURES.length * model.agents.length, from?.agents);
    this.taskStart = new ExactSums(T, from?.taskStart);
    this.taskFinish = new ExactSums(T, from?.taskFinish);
    this.critical = new Float64Array(T);
    this.gates = new Float64Array(GATE_SUMS.length * model.gates.length);
    this.counts = new Float64Array(COUNTS.length);
    this.cost = model.cost !== null ? new CostSummary(model, from?.cost) : null;
    this.run = new Float64Array(FIGURES.length);
    this.agentRun = new Float64Array(AGENT_FIGURES.length * model.agents.length);
    const dated = model.schedule.clock !== null || model.tasks.some((t) => t.deadline !== null);
    this.finishes = dated ? model.tasks.map(() => new QuantileSummary()) : null;
    this.starts = dated ? model.tasks.map(() => new QuantileSummary()) : null;
    this.taskDeadlineMet = dated ? new Float64Array(T) : null;
    const withDeadline = model.tasks.flatMap((t, i) => (t.deadline !== null ? [i] : []));
    this.deadlineTasks = Int32Array.from(withDeadline);
    this.deadlines = Float64Array.from(withDeadline, (i) => model.tasks[i].deadline!);
  }

  /** Per task, with dates or task deadlines (else null): its finish summary (buffered runs added first). */
  get taskFinishes(): QuantileSummary[] | null {
    this.flush();
    return this.finishes;
  }

  /** Per task, with dates or task deadlines (else null): its start summary (buffered runs added first). */
  get taskStarts(): QuantileSummary[] | null {
    this.flush();
    return this.starts;
  }

  /** Adds a run (the inputs it ran on give its fixed and risk costs); its figures are left in `this.run`, its cost in `this.cost.run`. */
  add(state: RunState, inputs?: RunInputs): void {
    const f = this.run;
    readFigures(state, f, this.agentRun);
    for (let k = 0; k < f.length; k++) this.figures[k].add(f[k]);
    this.agents.addAll(this.agentRun);
    const crit = state.critical;
    for (let t = 0; t < crit.length; t++) this.critical[t] += crit[t];
    this.taskStart.addAll(state.taskStart);
    this.taskFinish.addAll(state.taskFinish);
    const G = this.model.gates.length;
    for (let g = 0; g < G; g++) {
      const o = GATE_SUMS.length * g;
      this.gates[o + GS_ROUNDS] += state.gateRounds[g];
      this.gates[o + GS_PASS] += state.gateOutcomes[3 * g + O_PASS];
      this.gates[o + GS_REMEDIATE] += state.gateOutcomes[3 * g + O_REMEDIATE];
      this.gates[o + GS_FAIL] += state.gateOutcomes[3 * g + O_FAIL];
      this.gates[o + GS_EXHAUSTED] += state.gateExhausted[g];
    }
    this.counts[K_REMEDIATIONS] += state.remediations;
    this.counts[K_REWORKS] += state.reworks;
    this.counts[K_ESCALATIONS] += state.escalations;
    const deadline = this.model.deadline;
    if (deadline !== null && state.makespan <= deadline) this.counts[K_MET_DEADLINE]++;
    this.counts[K_EVENTS] += state.eventCount;
    if (this.finishes !== null) {
      const T = this.model.tasks.length;
      const block = (this.block ??= runBlock(T));
      block.finish.set(state.taskFinish, block.runs * T);
      block.start.set(state.taskStart, block.runs * T);
      if (++block.runs === block.size) this.flush();
      const met = this.taskDeadlineMet!;
      for (let k = 0; k < this.deadlineTasks.length; k++) {
        const t = this.deadlineTasks[k];
        if (state.taskFinish[t] <= this.deadlines[k]) met[t]++;
      }
    }
    if (this.cost !== null) {
      if (inputs === undefined) throw new Error('StrategySummary.add: a scenario with costs needs the run inputs');
      this.cost.add(state, inputs);
    }
  }

  /** Adds another range's accumulators (exact: the order of merging does not matter). */
  merge(o: StrategySummary): void {
    this.figures.forEach((f, k) => f.merge(o.figures[k]));
    this.agents.merge(o.agents);
    this.taskStart.merge(o.taskStart);
    this.taskFinish.merge(o.taskFinish);
    addInto(this.critical, o.critical);
    addInto(this.gates, o.gates);
    addInto(this.counts, o.counts);
    const finishes = this.taskFinishes;
    if (finishes !== null) {
      const [theirFinishes, theirStarts] = [o.taskFinishes!, o.taskStarts!];
      finishes.forEach((f, t) => f.merge(theirFinishes[t]));
      this.starts!.forEach((f, t) => f.merge(theirStarts[t]));
      addInto(this.taskDeadlineMet!, o.taskDeadlineMet!);
    }
    if (this.cost !== null && o.cost !== null) this.cost.merge(o.cost);
  }

  /** Plain data; `packed`: with the per-task summaries packed (`packedTasks`), for another thread of this process. */
  toState(packed = false): StrategySummaryState {
    const finishes = this.taskFinishes;
    const tasks =
      finishes === null
        ? {}
        : packed
          ? { packedTasks: { finishes: packQuantiles(finishes), starts: packQuantiles(this.starts!) }, taskDeadlineMet: Float64Array.from(this.taskDeadlineMet!) }
          : { taskFinishes: finishes.map((f) => f.toState()), taskStarts: this.starts!.map((f) => f.toState()), taskDeadlineMet: Float64Array.from(this.taskDeadlineMet!) };
    const state: StrategySummaryState = {
      strategy: this.strategy,
      figures: this.figures.map((f) => f.toState()),
      agents: this.agents.toPartials(),
      taskStart: this.taskStart.toPartials(),
      taskFinish: this.taskFinish.toPartials(),
      critical: Float64Array.from(this.critical),
      gates: Float64Array.from(this.gates),
      counts: Float64Array.from(this.counts),
      ...tasks,
    };
    if (this.cost !== null) state.cost = this.cost.toState();
    return state;
  }

  static fromState(model: Model, s: StrategySummaryState): StrategySummary {
    const out = new StrategySummary(model, s.strategy, s);
    s.figures.forEach((f, k) => (out.figures[k] = FigureSummary.fromState(f)));
    out.critical.set(s.critical);
    out.gates.set(s.gates);
    out.counts.set(s.counts);
    if (out.finishes !== null) {
      const p = s.packedTasks;
      out.finishes = p ? unpackQuantiles(p.finishes) : s.taskFinishes!.map((f) => QuantileSummary.fromState(f));
      out.starts = p ? unpackQuantiles(p.starts) : s.taskStarts!.map((f) => QuantileSummary.fromState(f));
      out.taskDeadlineMet!.set(s.taskDeadlineMet!);
    }
    return out;
  }

  /** Adds the buffered runs' task finishes and starts to their summaries, task by task. */
  private flush(): void {
    const b = this.block;
    if (b === null || b.runs === 0) return;
    const T = this.model.tasks.length;
    for (let t = 0; t < T; t++) {
      this.finishes![t].addColumn(b.finish, b.finishWords, t, T, b.runs);
      this.starts![t].addColumn(b.start, b.startWords, t, T, b.runs);
    }
    b.runs = 0;
  }
}

/** Buffered task finishes and starts of the last `runs` runs (of room for `size`), with views of their bits. */
interface RunBlock {
  finish: Float64Array;
  start: Float64Array;
  finishWords: Uint32Array;
  startWords: Uint32Array;
  runs: number;
  size: number;
}

/**
 * A block of at most 256 runs and about 2^19 values per buffer (4 MB): a task's column then
 * brings up to 256 values to its summary's window while it is in the cache.
 */
function runBlock(tasks: number): RunBlock {
  const size = Math.max(1, Math.min(256, Math.floor(2 ** 19 / Math.max(1, tasks))));
  const [finish, start] = [new Float64Array(size * tasks), new Float64Array(size * tasks)];
  return { finish, start, finishWords: new Uint32Array(finish.buffer), startWords: new Uint32Array(start.buffer), runs: 0, size };
}

function addInto(a: Float64Array, b: ArrayLike<number>): void {
  for (let i = 0; i < a.length; i++) a[i] += b[i];
}
