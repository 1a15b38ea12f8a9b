import { simulate, type RunResult } from '../engine/simulate.js';
import type { Scenario } from '../scenario/Scenario.js';
import { validateScenario } from '../scenario/validateScenario.js';
import { comparePlanDates, type DateAgreement } from './comparePlanDates.js';
import type { ImportedPlan } from './ImportedPlan.js';

/** The as-scheduled run of an imported plan and its agreement with the stored dates. */
export interface PlanDateCheck {
  /** The document that was run, validated (the same object: not copied). */
  scenario: Scenario;
  /** Its one deterministic run: planned durations, strategy `ideal`, seed 1, no trace. */
  run: RunResult;
  agreement: DateAgreement;
}

/**
 * Runs an imported plan once as its source tool scheduled it and compares each activity's
 * dates with the stored ones. `doc` is the scenario document to run (default the plan's own;
 * the CLI passes a levelled one); it is not changed, but it is validated in place (a caller
 * that changes it afterwards validates it again). Throws a CoordsimError naming `file` when
 * it does not validate.
 */
export function checkPlanDates(plan: ImportedPlan, doc: Record<string, unknown> = plan.scenario, file = 'plan'): PlanDateCheck {
  const scenario = validateScenario(doc, { file });
  // Three-point estimates from the source: the run takes the durations the source scheduled with.
  const planned = plan.plannedDurations;
  const asScheduled = planned === undefined || planned.size === 0 ? scenario : validateScenario({ ...doc, tasks: scenario.tasks.map((t) => (planned.has(t.id) ? { ...t, duration: planned.get(t.id)! } : t)) }, { file });
  const run = simulate(asScheduled, { seed: 1, strategy: 'ideal', trace: false });
  return { scenario, run, agreement: comparePlanDates(plan, run.metrics.tasks) };
}
