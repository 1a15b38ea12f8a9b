import type { ImportedPlan } from './ImportedPlan.js';

/** How an imported plan's deterministic run agrees with the dates its source tool stored. */
export interface DateAgreement {
  /** Activities with stored dates, and those whose simulated start and finish fall on the same days. */
  total: number;
  agree: number;
  /** The others, in plan order: stored and simulated dates (days). */
  differ: Array<{ id: string; sourceId: string; name: string; stored: { start?: string; finish?: string }; simulated: { start?: string; finish?: string } }>;
}

/** A run's task dates, as `run --json` gives them (`startDate`, `finishDate`). */
export type TaskDates = Record<string, { startDate?: string; finishDate?: string }>;

/**
 * Compares, day by day, each activity's simulated start and finish dates with the dates the
 * source tool stored (times of day are ignored: tools differ in where a working day starts).
 */
export function comparePlanDates(plan: ImportedPlan, tasks: TaskDates): DateAgreement {
  const day = (x: string | undefined) => x?.slice(0, 10);
  const specs = new Map((plan.scenario.tasks as Array<{ id: string; name?: string; source_id?: string }>).map((t) => [t.id, t]));
  let total = 0;
  let agree = 0;
  const differ: DateAgreement['differ'] = [];
  for (const [id, stored] of plan.sourceDates) {
    if (stored.start === undefined && stored.finish === undefined) continue;
    total++;
    const sim = tasks[id] ?? {};
    const ok = (stored.start === undefined || day(stored.start) === day(sim.startDate)) && (stored.finish === undefined || day(stored.finish) === day(sim.finishDate));
    if (ok) agree++;
    else {
      const spec = specs.get(id);
      differ.push({ id, sourceId: spec?.source_id ?? id, name: spec?.name ?? id, stored: { start: day(stored.start), finish: day(stored.finish) }, simulated: { start: sim.startDate, finish: sim.finishDate } });
    }
  }
  return { total, agree, differ };
}
