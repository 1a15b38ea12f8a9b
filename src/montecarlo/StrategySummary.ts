import { O_FAIL, O_PASS, O_REMEDIATE, type RunState } from '../engine/RunState.js';
import type { Model } from '../engine/Model.js';
import { ExactSums } from './ExactSum.js';
import { FigureSummary, type FigureSummaryState } from './FigureSummary.js';
import { QuantileSummary, type QuantileSummaryState } from './QuantileSummary.js';
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
  /** Per task, with dates or task deadlines (else null): its finish, and runs that met its own deadline. */
  taskFinishes: QuantileSummary[] | null;
  taskStarts: QuantileSummary[] | null;
  readonly taskDeadlineMet: Float64Array | null;
  /** Scratch for one run's figures (allocated once). */
  readonly run: Float64Array;
  private readonly agentRun: Float64Array;

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
    this.run = new Float64Array(FIGURES.length);
    this.agentRun = new Float64Array(AGENT_FIGURES.length * model.agents.length);
    const dated = model.schedule.clock !== null || model.tasks.some((t) => t.deadline !== null);
    this.taskFinishes = dated ? model.tasks.map(() => new QuantileSummary()) : null;
    this.taskStarts = dated ? model.tasks.map(() => new QuantileSummary()) : null;
    this.taskDeadlineMet = dated ? new Float64Array(T) : null;
  }

  /** Adds a run; its figures are left in `this.run`. */
  add(state: RunState): void {
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
    if (this.taskFinishes !== null) {
      const tasks = this.model.tasks;
      for (let t = 0; t < tasks.length; t++) {
        const finish = state.taskFinish[t];
        this.taskFinishes[t].add(finish);
        this.taskStarts![t].add(state.taskStart[t]);
        const d = tasks[t].deadline;
        if (d !== null && finish <= d) this.taskDeadlineMet![t]++;
      }
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
    if (this.taskFinishes !== null) {
      this.taskFinishes.forEach((f, t) => f.merge(o.taskFinishes![t]));
      this.taskStarts!.forEach((f, t) => f.merge(o.taskStarts![t]));
      addInto(this.taskDeadlineMet!, o.taskDeadlineMet!);
    }
  }

  toState(): StrategySummaryState {
    return {
      strategy: this.strategy,
      figures: this.figures.map((f) => f.toState()),
      agents: this.agents.toPartials(),
      taskStart: this.taskStart.toPartials(),
      taskFinish: this.taskFinish.toPartials(),
      critical: Float64Array.from(this.critical),
      gates: Float64Array.from(this.gates),
      counts: Float64Array.from(this.counts),
      ...(this.taskFinishes !== null ? { taskFinishes: this.taskFinishes.map((f) => f.toState()), taskStarts: this.taskStarts!.map((f) => f.toState()), taskDeadlineMet: Float64Array.from(this.taskDeadlineMet!) } : {}),
    };
  }

  static fromState(model: Model, s: StrategySummaryState): StrategySummary {
    const out = new StrategySummary(model, s.strategy, s);
    s.figures.forEach((f, k) => (out.figures[k] = FigureSummary.fromState(f)));
    out.critical.set(s.critical);
    out.gates.set(s.gates);
    out.counts.set(s.counts);
    if (out.taskFinishes !== null) {
      out.taskFinishes = s.taskFinishes!.map((f) => QuantileSummary.fromState(f));
      out.taskStarts = s.taskStarts!.map((f) => QuantileSummary.fromState(f));
      out.taskDeadlineMet!.set(s.taskDeadlineMet!);
    }
    return out;
  }
}

function addInto(a: Float64Array, b: ArrayLike<number>): void {
  for (let i = 0; i < a.length; i++) a[i] += b[i];
}
