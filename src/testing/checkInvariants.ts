import { compileModel, isModel } from '../engine/compileModel.js';
import type { Model } from '../engine/Model.js';
import type { Scenario } from '../scenario/Scenario.js';
import type { RunResult } from '../engine/simulate.js';
import { busyFromTrace, checkAccounting } from './_internals/checkAccounting.js';
import { checkBranches } from './_internals/checkBranches.js';
import { checkCalendar } from './_internals/checkCalendar.js';
import { checkCapacity } from './_internals/checkCapacity.js';
import { checkClock } from './_internals/checkClock.js';
import { checkCompletion } from './_internals/checkCompletion.js';
import { createCheckContext } from './_internals/CheckContext.js';
import { checkDependencies } from './_internals/checkDependencies.js';
import { checkDispatch } from './_internals/checkDispatch.js';
import { checkDurations } from './_internals/checkDurations.js';
import { checkHandoffs } from './_internals/checkHandoffs.js';
import { checkMakespan, checkUtilization } from './_internals/checkMakespan.js';
import { checkMeetings } from './_internals/checkMeetings.js';
import { checkUnits } from './_internals/checkUnits.js';
import { INVARIANT_NAMES, type InvariantName, type Violation } from './Violation.js';

/** Options of `checkInvariants`. */
export interface CheckInvariantsOptions {
  /** Check only these invariants (default: all of `INVARIANT_NAMES`). */
  only?: readonly InvariantName[];
}

/**
 * Checks one run (simulated with `trace: true`) against the scheduling invariants (see
 * `INVARIANTS`), reading the trace back into jobs and meetings and comparing it with the
 * model and the run's metrics. Returns the violations found, none when the run is sound.
 */
export function checkInvariants(model: Model | Scenario, result: RunResult, options: CheckInvariantsOptions = {}): Violation[] {
  const m = isModel(model) ? model : compileModel(model);
  const only = new Set(options.only ?? INVARIANT_NAMES);
  const out: Violation[] = [];
  const ctx = createCheckContext(m, result, out);
  const busy = only.has('accounting') || only.has('utilization') ? busyFromTrace(ctx) : new Map();
  const checks: Record<InvariantName, () => void> = {
    clock: () => checkClock(ctx),
    capacity: () => checkCapacity(ctx),
    units: () => checkUnits(ctx),
    dispatch: () => checkDispatch(ctx),
    durations: () => checkDurations(ctx),
    dependencies: () => checkDependencies(ctx),
    handoffs: () => checkHandoffs(ctx),
    completion: () => checkCompletion(ctx),
    meetings: () => checkMeetings(ctx),
    accounting: () => checkAccounting(ctx, busy),
    makespan: () => checkMakespan(ctx),
    utilization: () => checkUtilization(ctx, busy),
    branches: () => checkBranches(ctx),
    calendar: () => checkCalendar(ctx),
  };
  for (const name of INVARIANT_NAMES) {
    if (!only.has(name)) continue;
    ctx.use(name);
    checks[name]();
  }
  return out;
}
