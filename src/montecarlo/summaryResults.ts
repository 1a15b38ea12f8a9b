import { Engine } from '../engine/Engine.js';
import type { Model } from '../engine/Model.js';
import type { MonteCarloResult, PairedDifference, Stats, TaskStats } from './MonteCarloResult.js';
import { createRunInputs } from '../engine/RunInputs.js';
import { runMetrics } from '../engine/runMetrics.js';
import { averageRanks, pearson } from './correlation.js';
import { addCostSensitivity, costFields } from './costResults.js';
import { ExactSum } from './ExactSum.js';
import { chartHistogram, confidenceInterval, moments } from './FigureSummary.js';
import { InputSampler } from './InputSampler.js';
import type { RangeSummaryState } from './RangeSummary.js';
import { AF_COORDINATION, AF_IDLE, AF_UTILIZATION, AF_WORK, AGENT_FIGURES, FIGURES, F_MAKESPAN } from './runFigures.js';
import { GATE_SUMS, GS_EXHAUSTED, GS_FAIL, GS_PASS, GS_REMEDIATE, GS_ROUNDS, K_ESCALATIONS, K_EVENTS, K_MET_DEADLINE, K_REMEDIATIONS, K_REWORKS, StrategySummary } from './StrategySummary.js';

const AF = AGENT_FIGURES.length;
const GS = GATE_SUMS.length;

/**
 * Turns a merged summary of runs [0, N) into the Monte Carlo result of strategy k: docs/semantics.md §11
 * statistics, per-task criticality and sensitivity, per-agent and per-gate means, and the
 * representative run (nearest the median makespan within the subsample), replayed with its trace.
 */
export function strategyResult(model: Model, s: RangeSummaryState, k: number, stoppedEarly: boolean): MonteCarloResult {
  const acc = StrategySummary.fromState(model, s.perStrategy[k]);
  const n = s.end - s.start;
  const stats = {} as Record<(typeof FIGURES)[number], Stats>;
  FIGURES.forEach((f, i) => (stats[f] = acc.figures[i].stats()));
  const ms = acc.figures[F_MAKESPAN];
  const mean = (x: number) => (n > 0 ? x / n : NaN);
  const sum = (p: number[]) => new ExactSum(p.slice()).value();
  const makespans = s.sampleMakespans[k];
  const msRanks = averageRanks(makespans);
  const T = model.tasks.length;
  const rows = makespans.length;
  const column = new Float64Array(rows);
  const tasks: TaskStats[] = model.tasks.map((t, i) => {
    for (let r = 0; r < rows; r++) column[r] = s.sampleDurations[r * T + i];
    return {
      id: t.id,
      name: t.name,
      ...(t.sourceId !== null ? { sourceId: t.sourceId } : {}),
      assignment: t.assignment,
      meanDuration: mean(sum(s.taskDuration[i])),
      meanStart: mean(acc.taskStart.exact(i).value()),
      meanFinish: mean(acc.taskFinish.exact(i).value()),
      criticality: mean(acc.critical[i]),
      sensitivity: pearson(averageRanks(column), msRanks),
      ...taskDates(model, acc, i, n),
    };
  });
  const agents = model.agents.map((a, i) => ({
    id: a.id,
    role: a.role,
    capacity: a.capacity,
    utilization: mean(acc.agents.exact(AF * i + AF_UTILIZATION).value()),
    workTime: mean(acc.agents.exact(AF * i + AF_WORK).value()),
    coordinationTime: mean(acc.agents.exact(AF * i + AF_COORDINATION).value()),
    idleTime: mean(acc.agents.exact(AF * i + AF_IDLE).value()),
  }));
  const gates = model.gates.map((g, i) => ({
    id: g.id,
    name: g.name,
    meanRounds: mean(acc.gates[GS * i + GS_ROUNDS]),
    pass: mean(acc.gates[GS * i + GS_PASS]),
    remediate: mean(acc.gates[GS * i + GS_REMEDIATE]),
    fail: mean(acc.gates[GS * i + GS_FAIL]),
    exhausted: mean(acc.gates[GS * i + GS_EXHAUSTED]),
  }));
  const strategy = s.strategies[k];
  if (acc.cost !== null) addCostSensitivity(model, s, k, tasks);
  const result: MonteCarloResult = {
    scenario: model.name,
    description: model.description,
    strategy,
    seed: s.seed,
    runs: n,
    sampling: s.sampling,
    timeUnit: model.timeUnit,
    unitsPerWeek: model.unitsPerWeek,
    deadline: model.deadline,
    stoppedEarly,
    ...stats,
    deadlineProbability: model.deadline === null ? null : mean(acc.counts[K_MET_DEADLINE]),
    histogram: chartHistogram(ms.histogram.bins(), ms.min, ms.max),
    tasks,
    agents,
    gates,
    remediations: mean(acc.counts[K_REMEDIATIONS]),
    reworks: mean(acc.counts[K_REWORKS]),
    escalations: mean(acc.counts[K_ESCALATIONS]),
    events: mean(acc.counts[K_EVENTS]),
    ...(acc.cost !== null ? costFields(model, s, k, acc.cost, n, ms.max) : {}),
    representative: representative(model, s, strategy, makespans, stats.makespan.p50),
  };
  return withDates(model, result);
}

/** With dates or a task deadline, a task's finish summary, dated percentiles and deadline odds. */
function taskDates(model: Model, acc: StrategySummary, t: number, n: number): Partial<TaskStats> {
  if (acc.taskFinishes === null) return {};
  const start = acc.taskStarts![t].percentiles();
  const finish = acc.taskFinishes[t].percentiles();
  const out: Partial<TaskStats> = { start };
  const time = model.schedule.projectTime;
  if (model.schedule.clock !== null) out.startDate = { p50: time.startDate(start.p50), p80: time.startDate(start.p80), p95: time.startDate(start.p95) };
  out.finish = finish;
  if (model.schedule.clock !== null) {
    out.finishDate = { p50: time.finishDate(finish.p50, 0), p80: time.finishDate(finish.p80, 0), p95: time.finishDate(finish.p95, 0) };
  }
  const d = model.tasks[t].deadline;
  if (d !== null) {
    out.deadline = d;
    out.deadlineProbability = n > 0 ? acc.taskDeadlineMet![t] / n : NaN;
  }
  return out;
}

/** The result with `startDate` and `finishDate` (the makespan's percentiles as dates) after `makespan`. */
function withDates(model: Model, r: MonteCarloResult): MonteCarloResult {
  const clock = model.schedule.clock;
  if (clock === null) return r;
  const time = model.schedule.projectTime;
  const m = r.makespan;
  const date = (x: number) => time.finishDate(x, 0);
  const out = {} as MonteCarloResult;
  for (const [k, v] of Object.entries(r) as Array<[keyof MonteCarloResult, never]>) {
    out[k] = v;
    if (k === 'makespan') {
      out.startDate = clock.format(0);
      out.finishDate = { p10: date(m.p10), p50: date(m.p50), p80: date(m.p80), p90: date(m.p90), p95: date(m.p95) };
    }
  }
  return out;
}

/** Paired differences of makespan for every pair i < j (common random numbers). */
export function pairedDifferences(s: RangeSummaryState): PairedDifference[] {
  return s.pairs.map((p) => {
    const { mean, sd } = moments(p.n, new ExactSum(p.sum.slice()), new ExactSum(p.sumSq.slice()), p.min, p.max);
    return {
      a: p.a,
      b: p.b,
      meanDifference: mean,
      ci95: confidenceInterval(p.n, mean, sd),
      probabilityAFaster: p.n > 0 ? p.aFaster / p.n : NaN,
    };
  });
}

/** The subsample run nearest the median makespan (lowest run index on ties), replayed with its trace. */
function representative(model: Model, s: RangeSummaryState, strategy: string, makespans: Float64Array, median: number): MonteCarloResult['representative'] {
  let best = 0;
  for (let r = 1; r < makespans.length; r++) {
    if (Math.abs(makespans[r] - median) < Math.abs(makespans[best] - median)) best = r;
  }
  const run = s.start + best;
  const inputs = new InputSampler(model, s.seed, s.sampling).sample(run, createRunInputs(model));
  const state = new Engine(model, model.strategies[strategy]).run(inputs, { seed: s.seed, run, trace: true });
  return { run, metrics: runMetrics(state, inputs), trace: state.trace };
}
