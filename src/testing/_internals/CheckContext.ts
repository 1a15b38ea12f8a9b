import type { Model, StrategyModel, TaskModel } from '../../engine/Model.js';
import { CoordsimError } from '../../scenario/CoordsimError.js';
import type { RunMetrics } from '../../engine/runMetrics.js';
import type { RunResult } from '../../engine/simulate.js';
import type { TraceRecord } from '../../engine/TraceRecord.js';
import { readTrace, type Execution, type TraceReading } from '../readTrace.js';
import { dispatchRanks } from '../../engine/dispatchRules.js';
import { unitMode } from '../../engine/units.js';
import type { InvariantName, Violation } from '../Violation.js';

/** Relative tolerance of floating-point comparisons (the figures are sums of many durations). */
export const REL_TOL = 1e-9;

/** What every invariant check reads: the model, the run, the trace read back into jobs. */
export interface CheckContext {
  model: Model;
  strategy: StrategyModel;
  metrics: RunMetrics;
  trace: readonly TraceRecord[];
  reading: TraceReading;
  /** Capacity of every resource id: agents and the orchestrator (under this strategy). */
  capacity: Map<string, number>;
  agentIndex: Map<string, number>;
  taskById: Map<string, TaskModel>;
  /** Each task's first execution (the first non-rework task_start), if any. */
  firstExec: Map<string, Execution>;
  /** The run's resources are in units (docs/semantics.md §18): jobs hold units of one or more agents. */
  inUnits: boolean;
  /** Dispatch rank of each task under the run's strategy (0 is offered resources first). */
  rank: Int32Array;
  /** Tasks passed without running: skipped (a path not taken) or absent (an existence risk that did not occur), with their trace row. */
  passed: Map<string, { index: number; time: number; absent: boolean }>;
  /** Per `branch` row (by index): the ids of the tasks on the paths it did not take. */
  branchSkips: Map<number, string[]>;
  /** Tolerance for a comparison of values of magnitude `scale`. */
  tol(scale: number): number;
  /** Records a violation of the invariant being checked. */
  fail(v: Omit<Violation, 'invariant'>): void;
}

/** Builds the context of one check; violations go to `out` under the name set by `use`. */
export function createCheckContext(model: Model, result: RunResult, out: Violation[]): CheckContext & { use(name: InvariantName): void } {
  const strategy = model.strategies[result.metrics.strategy];
  if (!strategy) {
    throw new CoordsimError('E_USAGE', `checkInvariants: expected a run of this model, got one of strategy '${result.metrics.strategy}', which it does not define`);
  }
  const capacity = new Map<string, number>(model.agents.map((a) => [a.id, a.capacity]));
  capacity.set(model.orchestrator.id, strategy.orchestratorCapacity);
  const reading = readTrace(result.trace);
  const firstExec = new Map<string, Execution>();
  for (const e of reading.executions) if (e.kind === 'task' && !firstExec.has(e.task)) firstExec.set(e.task, e);
  const passed = new Map<string, { index: number; time: number; absent: boolean }>();
  const branchSkips = new Map<number, string[]>();
  result.trace.forEach((r, i) => {
    if ((r.kind === 'task_skipped' || r.kind === 'task_absent') && !passed.has(r.task)) passed.set(r.task, { index: i, time: r.time, absent: r.kind === 'task_absent' });
    if (r.kind === 'branch') {
      const b = model.branches.find((x) => r.detail.startsWith(`${x.id}: `));
      if (!b) return;
      const name = r.detail.slice(b.id.length + 2);
      branchSkips.set(i, b.paths.filter((p) => p.name !== name).flatMap((p) => p.tasks.map((t) => model.tasks[t].id)));
    }
  });
  let current: InvariantName = 'clock';
  const perInvariant = new Map<string, number>();
  return {
    model,
    strategy,
    metrics: result.metrics,
    trace: result.trace,
    reading,
    capacity,
    agentIndex: new Map(model.agents.map((a) => [a.id, a.index])),
    taskById: new Map(model.tasks.map((t) => [t.id, t])),
    firstExec,
    inUnits: unitMode(model, strategy),
    rank: dispatchRanks(model, strategy),
    passed,
    branchSkips,
    tol: (scale) => REL_TOL * Math.max(1, Math.abs(scale)),
    fail(v) {
      // A broken run can break one invariant thousands of times: keep the first few.
      const n = perInvariant.get(current) ?? 0;
      perInvariant.set(current, n + 1);
      if (n < 20) out.push({ invariant: current, ...v });
    },
    use(name) {
      current = name;
    },
  };
}

/** `x` formatted for messages: exact enough to replay, short enough to read. */
export const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : String(+x.toPrecision(12)));

/** Parses a gate_outcome row's detail, `fail (round 2)`. */
export function parseOutcome(detail: string): { outcome: 'pass' | 'remediate' | 'fail'; round: number } | null {
  const m = /^(pass|remediate|fail) \(round (\d+)\)$/.exec(detail);
  return m ? { outcome: m[1] as 'pass' | 'remediate' | 'fail', round: Number(m[2]) } : null;
}

/** Times of a periodic mechanism before `end` (or up to it), accumulated as the engine does (t += every). */
export function scheduleTimes(first: number, every: number, end: number, inclusive = false): number[] {
  const out: number[] = [];
  for (let t = first; (t < end || (inclusive && t === end)) && out.length < 1_000_000; t += every) out.push(t);
  return out;
}
