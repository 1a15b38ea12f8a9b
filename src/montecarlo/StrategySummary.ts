import type { Engine } from '../engine/Engine.js';
import type { Model } from '../engine/Model.js';
import { ExactSums } from './ExactSum.js';
import { FigureSummary, type FigureSummaryState } from './FigureSummary.js';
import { FIGURES, readFigures } from './runFigures.js';

/** Plain-data form of a `StrategySummary` (structured-clone friendly, canonical). */
export interface StrategySummaryState {
  strategy: string;
  /** One per entry of `FIGURES`. */
  figures: FigureSummaryState[];
  /** Exact sums per agent: utilisation, work, coordination, idle (4 per agent). */
  agents: number[][];
  taskStart: number[][];
  taskFinish: number[][];
  /** Runs in which each task was on the critical path. */
  critical: Float64Array;
  /** Per gate: rounds, pass, remediate, fail, exhausted (sums over runs). */
  gates: Float64Array;
  /** Sums over runs: remediations, reworks, escalations, runs that met the deadline, events processed. */
  counts: Float64Array;
}

/** The Monte Carlo accumulators of one strategy over a range of runs. */
export class StrategySummary {
  readonly figures: FigureSummary[];
  /** Per agent: utilisation, work, coordination, idle (sums 4a .. 4a + 3). */
  readonly agents: ExactSums;
  readonly taskStart: ExactSums;
  readonly taskFinish: ExactSums;
  readonly critical: Float64Array;
  readonly gates: Float64Array;
  readonly counts: Float64Array;
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
    this.agents = new ExactSums(4 * model.agents.length, from?.agents);
    this.taskStart = new ExactSums(T, from?.taskStart);
    this.taskFinish = new ExactSums(T, from?.taskFinish);
    this.critical = new Float64Array(T);
    this.gates = new Float64Array(5 * model.gates.length);
    this.counts = new Float64Array(5);
    this.run = new Float64Array(FIGURES.length);
    this.agentRun = new Float64Array(4 * model.agents.length);
  }

  /** Adds the engine's last run; its figures are left in `this.run`. */
  add(engine: Engine): void {
    const f = this.run;
    readFigures(engine, f, this.agentRun);
    for (let k = 0; k < f.length; k++) this.figures[k].add(f[k]);
    this.agents.addAll(this.agentRun);
    const crit = engine.critical;
    for (let t = 0; t < crit.length; t++) this.critical[t] += crit[t];
    this.taskStart.addAll(engine.taskStart);
    this.taskFinish.addAll(engine.taskFinish);
    const G = this.model.gates.length;
    for (let g = 0; g < G; g++) {
      const o = 5 * g;
      this.gates[o] += engine.gateRounds[g];
      this.gates[o + 1] += engine.gateOutcomes[3 * g];
      this.gates[o + 2] += engine.gateOutcomes[3 * g + 1];
      this.gates[o + 3] += engine.gateOutcomes[3 * g + 2];
      this.gates[o + 4] += engine.gateExhausted[g];
    }
    this.counts[0] += engine.remediations;
    this.counts[1] += engine.reworks;
    this.counts[2] += engine.escalations;
    const deadline = this.model.deadline;
    if (deadline !== null && engine.makespan <= deadline) this.counts[3]++;
    this.counts[4] += engine.eventCount;
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
    };
  }

  static fromState(model: Model, s: StrategySummaryState): StrategySummary {
    const out = new StrategySummary(model, s.strategy, s);
    s.figures.forEach((f, k) => (out.figures[k] = FigureSummary.fromState(f)));
    out.critical.set(s.critical);
    out.gates.set(s.gates);
    out.counts.set(s.counts);
    return out;
  }
}

function addInto(a: Float64Array, b: ArrayLike<number>): void {
  for (let i = 0; i < a.length; i++) a[i] += b[i];
}
