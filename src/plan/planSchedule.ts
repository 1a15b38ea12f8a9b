import { CoordsimError } from '../scenario/CoordsimError.js';
import type { Scenario } from '../scenario/Scenario.js';
import { compileModel, isModel } from '../engine/compileModel.js';
import { ruleKeys, topologicalOrder } from '../engine/dispatchRules.js';
import { Engine } from '../engine/Engine.js';
import type { DispatchRuleName, Model, StrategyModel } from '../engine/Model.js';
import { createRunInputs, sampleRunInputs, type RunInputs } from '../engine/RunInputs.js';
import { runMetrics, type RunMetrics } from '../engine/runMetrics.js';
import { strategyOf } from '../engine/simulate.js';
import { WorkOnlyUnits } from '../engine/WorkOnlyUnits.js';
import { Alea, reseedStream } from '../sim/streams.js';
import { reverseModel } from './reverseModel.js';
import { sampleOrder } from './sampleOrder.js';
import { SerialSchedule } from './SerialSchedule.js';

/** Options of `planSchedule`. */
export interface PlanScheduleOptions {
  /** Strategy name (default: the scenario's default strategy). */
  strategy?: string;
  /** Schedules to generate, single-pass rules and improvement passes included (default 1000). */
  passes?: number;
  /** Seed of the sampling (default 1); the run's other inputs (risks, gate outcomes) are run 0 of it. */
  seed?: number | string;
  /** Bias of the sampling towards the LFT order: 0 uniform, larger follows LFT more closely (default 1). */
  alpha?: number;
  /** Forward-backward improvement of each sampled schedule, where it applies (default true). */
  improve?: boolean;
}

/** What `planSchedule` found. */
export interface PlanScheduleResult {
  scenario: string;
  strategy: string;
  /** Makespan of the scenario with `dispatch: {order}` pinned to `order`, mean durations. */
  makespan: number;
  /** Task ids in the order they start: pin it with `dispatch: {order: [...]}`. */
  order: string[];
  /** Single-pass makespan of each dispatch rule, for comparison. */
  rules: Record<DispatchRuleName, number>;
  /** Schedules generated. */
  passes: number;
  /** The pass (1-based) that found the best schedule, and how: a rule, sampling, or improvement of a sample. */
  found: { pass: number; by: string };
  /** Whether forward-backward improvement applied (a work-only plan of finish-to-start links). */
  improved: boolean;
  /** How samples were decoded: the serial scheme (fixed units of named agents) or the engine's own dispatch. */
  scheme: 'serial' | 'parallel';
  /** The metrics of the pinned run. */
  metrics: RunMetrics;
}

const RULES: readonly DispatchRuleName[] = ['file-order', 'lft', 'mts', 'grpw', 'spt'];

/**
 * Searches for a good deterministic schedule (mean durations): each dispatch rule once, then
 * multi-pass regret-based biased random sampling of LFT-ordered task lists (Kolisch 1996),
 * each list decoded by the engine's own dispatch (parallel schedule generation), and, for
 * work-only plans, forward-backward improvement of every sample (Li and Willis 1992; Tormos
 * and Lova 2001): the schedule is replayed backwards on the reversed project in order of
 * finish, then forwards in order of the backward finish, while that shortens it. The best
 * schedule's start order, pinned as `dispatch: {order}`, gives that makespan or better
 * (docs/semantics.md §18).
 */
export function planSchedule(scenario: Scenario | Model, options: PlanScheduleOptions = {}): PlanScheduleResult {
  const model = isModel(scenario) ? scenario : compileModel(scenario);
  const base = strategyOf(model, options.strategy);
  const passes = options.passes ?? 1000;
  const alpha = options.alpha ?? 1;
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(passes) || passes < 1) throw new CoordsimError('E_ARGUMENT', `planSchedule: expected passes to be a whole number >= 1, got ${passes}`);
  if (!(alpha >= 0) || !Number.isFinite(alpha)) throw new CoordsimError('E_ARGUMENT', `planSchedule: expected alpha >= 0, got ${alpha}`);
  const T = model.tasks.length;
  const inputs = meanInputs(model, seed);
  const all = Array.from({ length: T }, (_, t) => t);
  const strategy: StrategyModel = { ...base, dispatch: { rule: 'file-order', order: all } };
  const forward = new Engine(model, strategy);
  const workOnly = WorkOnlyUnits.applies(model, strategy) && !model.schedule.calendared && strategy.topology !== 'sequential';
  const improve = (options.improve ?? true) && workOnly;
  // Fixed units of named agents: sample and improve with the serial scheme; else with the engine's own dispatch.
  const serial = workOnly && SerialSchedule.applies(model) ? new SerialSchedule(model, jobLengths(model, inputs)) : null;
  const backward = improve && serial === null ? new Engine(reverseModel(model), strategy) : null;
  const topo = topoIndex(model);
  const rank = new Int32Array(T);
  const none = new Int32Array(0);
  const order = new Int32Array(T);
  const start = new Float64Array(T);
  const finish = new Float64Array(T);
  const bStart = new Float64Array(T);
  const bFinish = new Float64Array(T);
  let used = 0;
  let best = Infinity;
  let bestStart = new Float64Array(T);
  let found = { pass: 0, by: '' };

  /** Runs `engine` with tasks offered in `list` order (`strict`: they start in that order). */
  const decode = (engine: Engine, list: Int32Array, strict: boolean) => {
    for (let k = 0; k < T; k++) rank[list[k]] = k;
    engine.setDispatch(rank, strict ? list : none);
    used++;
    return engine.run(inputs, { seed, run: 0 });
  };
  const keep = (makespan: number, s: Float64Array, by: string): void => {
    if (makespan < best) {
      best = makespan;
      bestStart = Float64Array.from(s);
      found = { pass: used, by };
    }
  };
  /**
   * Forward-backward improvement of the forward schedule in `start`/`finish` (makespan m):
   * backwards on the plan turned round, tasks in order of decreasing finish, then forwards in
   * order of decreasing backward finish (increasing forward start), while that shortens it.
   */
  const improveFrom = (m: number, by: string): void => {
    let current = m;
    while (used + 2 <= passes) {
      sortBy(order, (a, b) => finish[b] - finish[a] || topo[b] - topo[a]);
      if (serial !== null) {
        serial.decode(order, true, bStart, bFinish);
        used++;
      } else bFinish.set(decode(backward!, order, true).taskFinish);
      sortBy(order, (a, b) => bFinish[b] - bFinish[a] || topo[a] - topo[b]);
      let next: number;
      if (serial !== null) {
        next = serial.decode(order, false, start, finish);
        used++;
      } else {
        const out = decode(forward, order, true);
        next = out.makespan;
        start.set(out.taskStart);
        finish.set(out.taskFinish);
      }
      if (!(next < current)) break;
      current = next;
      keep(current, start, `improved ${by}`);
    }
  };

  const rules = {} as Record<DispatchRuleName, number>;
  for (const rule of RULES) {
    if (used >= passes) break;
    const key = rule === 'file-order' ? null : ruleKeys(model, rule);
    sortBy(order, (a, b) => (key !== null ? key[a] - key[b] : 0) || a - b);
    const out = decode(forward, order, false);
    rules[rule] = out.makespan;
    keep(out.makespan, out.taskStart, `rule ${rule}`);
  }
  const lft = ruleKeys(model, 'lft');
  const { preds, succs } = taskPrecedence(model);
  const rng = reseedStream(new Alea(), seed, 0, 'plan');
  while (used < passes) {
    sampleOrder(rng, lft, preds, succs, alpha, order);
    let m: number;
    if (serial !== null) {
      m = serial.decode(order, false, start, finish);
      used++;
    } else {
      const out = decode(forward, order, false);
      m = out.makespan;
      start.set(out.taskStart);
      finish.set(out.taskFinish);
    }
    keep(m, start, 'sampling');
    if (improve) improveFrom(m, 'sampling');
  }

  // The plan: tasks by start (ties: dependency order), pinned as the scenario would pin it.
  const plan = all.slice().sort((a, b) => bestStart[a] - bestStart[b] || topo[a] - topo[b]);
  const pinned: StrategyModel = { ...base, dispatch: { rule: 'file-order', order: plan } };
  const state = new Engine(model, pinned).run(inputs, { seed, run: 0, trace: false });
  const metrics = runMetrics(state, inputs);
  return {
    scenario: model.name,
    strategy: base.name,
    makespan: state.makespan,
    order: plan.map((t) => model.tasks[t].id),
    rules,
    passes: used,
    found,
    improved: improve,
    scheme: serial !== null ? 'serial' : 'parallel',
    metrics,
  };
}

/** What each task's job holds its resources for in these inputs (the engine's arithmetic). */
function jobLengths(model: Model, inputs: RunInputs): Float64Array {
  return Float64Array.from(model.tasks, (t, i) => (t.kind === 'milestone' ? 0 : inputs.durations[i] + inputs.riskWork[i] + inputs.riskHeld[i]));
}

/** Run 0 of `seed` with every task's duration set to its mean (0 for a milestone). */
function meanInputs(model: Model, seed: number | string): RunInputs {
  const inputs = sampleRunInputs(model, seed, 0, createRunInputs(model), true);
  model.tasks.forEach((t, i) => (inputs.durations[i] = t.kind === 'milestone' ? 0 : t.duration.mean));
  return inputs;
}

/** Each node's place in a dependency order (ties in start order are broken by it). */
function topoIndex(model: Model): Int32Array {
  const order = topologicalOrder(model);
  const index = new Int32Array(model.successors.length);
  order.forEach((n, k) => (index[n] = k));
  return index;
}

/** Per task, the tasks it waits for and that wait for it, through gates. */
function taskPrecedence(model: Model): { preds: Int32Array[]; succs: Int32Array[] } {
  const T = model.tasks.length;
  const N = model.successors.length;
  // Task successors of every node, looking through gates (gates come after their predecessors: memoised walk).
  const memo: Array<number[] | null> = new Array(N).fill(null);
  const reach = (n: number): number[] => {
    if (memo[n] !== null) return memo[n]!;
    const out = new Set<number>();
    for (const s of model.successors[n]) {
      if (s < T) out.add(s);
      else for (const x of reach(s)) out.add(x);
    }
    memo[n] = [...out].sort((a, b) => a - b);
    return memo[n]!;
  };
  const preds: number[][] = Array.from({ length: T }, () => []);
  const succs: Int32Array[] = [];
  for (let t = 0; t < T; t++) {
    const s = reach(t);
    succs.push(Int32Array.from(s));
    for (const x of s) preds[x].push(t);
  }
  return { preds: preds.map((p) => Int32Array.from(p)), succs };
}

/** Fills `out` with 0..n−1 sorted by `cmp`. */
function sortBy(out: Int32Array, cmp: (a: number, b: number) => number): void {
  const a = Array.from({ length: out.length }, (_, i) => i).sort(cmp);
  out.set(a);
}
