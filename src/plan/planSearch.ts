import { CoordsimError } from '../scenario/CoordsimError.js';
import type { Scenario } from '../scenario/Scenario.js';
import { compileModel, isModel } from '../engine/compileModel.js';
import { ruleKeys, topologicalOrder } from '../engine/dispatchRules.js';
import { Engine } from '../engine/Engine.js';
import type { DispatchRuleName, Model, StrategyModel } from '../engine/Model.js';
import { createRunInputs, sampleRunInputs, type RunInputs } from '../engine/RunInputs.js';
import { runMetrics } from '../engine/runMetrics.js';
import { strategyOf } from '../engine/simulate.js';
import { WorkOnlyUnits } from '../engine/WorkOnlyUnits.js';
import { Alea, reseedStream } from '../sim/streams.js';
import type { PlanScheduleOptions, PlanScheduleResult } from './planSchedule.js';
import { reverseModel } from './reverseModel.js';
import { sampleOrder } from './sampleOrder.js';
import { SerialSchedule } from './SerialSchedule.js';

/** A planning search under way: `planSchedule` in steps, so a caller can show progress or yield between them. */
export interface PlanSearch {
  /** The pass budget (`passes` of the options). */
  readonly total: number;
  /** Schedules generated so far. */
  readonly done: number;
  /**
   * Generates samples (each with its improvement passes) until at least `passes` more
   * schedules are done or the budget is spent; returns true once it is spent. How the work is
   * cut into steps changes nothing in the result.
   */
  step(passes: number): boolean;
  /** Runs the best order found so far, pinned, and returns the plan (call it once the search is done). */
  result(): PlanScheduleResult;
}

export const PLAN_RULES: readonly DispatchRuleName[] = ['file-order', 'lft', 'mts', 'grpw', 'spt'];

/**
 * Starts the search of `planSchedule` (docs/planning.md): each dispatch rule once at once, then
 * the sampling in `step`s: regret-based biased random sampling of LFT-ordered task lists
 * (Kolisch 1996), decoded by the serial scheme for plans of fixed units of named agents and by
 * the engine's own dispatch (parallel scheme) otherwise, each sample of a work-only plan
 * improved forward-backward (Li and Willis 1992; Tormos and Lova 2001).
 */
export function planSearch(scenario: Scenario | Model, options: PlanScheduleOptions = {}): PlanSearch {
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
  for (const rule of PLAN_RULES) {
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

  const step = (more: number): boolean => {
    const until = used + Math.max(1, more);
    while (used < passes && used < until) {
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
    return used >= passes;
  };

  const result = (): PlanScheduleResult => {
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
  };

  return {
    total: passes,
    get done() {
      return used;
    },
    step,
    result,
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
