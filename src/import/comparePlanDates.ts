import type { ImportedPlan } from './ImportedPlan.js';

/** How an imported plan's deterministic run agrees with the dates its source tool stored. */
export interface DateAgreement {
  /** Activities with stored dates. */
  total: number;
  /** Of those, the activities whose simulated start falls on the stored start's day (or that store no start). */
  starts: number;
  /** Of those, the activities whose simulated finish falls on the stored finish's day (or that store no finish). */
  finishes: number;
  /** Of those, the activities whose start and finish both agree. */
  agree: number;
  /** The others, in plan order: stored and simulated dates (days), and why they differ when known. */
  differ: DateDifference[];
}

/** One activity whose simulated dates differ from the stored ones. */
export interface DateDifference {
  id: string;
  sourceId: string;
  name: string;
  stored: { start?: string; finish?: string };
  simulated: { start?: string; finish?: string };
  /** Why, when known: what the reader carried over approximately, a simulator limit, or a predecessor that differs. */
  reason?: string;
  /** The kind of reason: `source` (the reader's note), `link-before-predecessor`, `predecessor-differs`. */
  cause?: 'source' | 'link-before-predecessor' | 'predecessor-differs';
}

/** A run's task dates, as `run --json` gives them (`startDate`, `finishDate`). */
export type TaskDates = Record<string, { startDate?: string; finishDate?: string }>;

type Link = string | { task: string; type?: string; lag?: number };

/**
 * Compares, day by day, each activity's simulated start and finish dates with the dates the
 * source tool stored (times of day are ignored: tools differ in where a working day starts).
 * A difference gets a reason when one is known, in this order: a note of the reader on the
 * activity (`plan.dateNotes`); a start-side link (SS, SF, FF) whose stored dates start the
 * successor before its predecessor starts, which a simulation cannot do; a predecessor whose
 * own dates differ.
 */
export function comparePlanDates(plan: ImportedPlan, tasks: TaskDates): DateAgreement {
  const day = (x: string | undefined) => x?.slice(0, 10);
  const specs = new Map((plan.scenario.tasks as Array<{ id: string; name?: string; source_id?: string; after?: Link[] }>).map((t) => [t.id, t]));
  let total = 0;
  let starts = 0;
  let finishes = 0;
  let agree = 0;
  const differ: DateDifference[] = [];
  const differs = new Set<string>();
  for (const [id, stored] of plan.sourceDates) {
    if (stored.start === undefined && stored.finish === undefined) continue;
    total++;
    const sim = tasks[id] ?? {};
    const startOk = stored.start === undefined || day(stored.start) === day(sim.startDate);
    const finishOk = stored.finish === undefined || day(stored.finish) === day(sim.finishDate);
    if (startOk) starts++;
    if (finishOk) finishes++;
    if (startOk && finishOk) {
      agree++;
      continue;
    }
    const spec = specs.get(id);
    differs.add(id);
    differ.push({ id, sourceId: spec?.source_id ?? id, name: spec?.name ?? id, stored: { start: day(stored.start), finish: day(stored.finish) }, simulated: { start: sim.startDate, finish: sim.finishDate } });
  }
  for (const d of differ) {
    const after = specs.get(d.id)?.after ?? [];
    const note = plan.dateNotes?.get(d.id);
    const link = note === undefined ? startsBeforePredecessor(plan, d.id, after) : undefined;
    const pred = note === undefined && link === undefined ? predecessorDiffers(after, differs, specs) : undefined;
    if (note !== undefined) Object.assign(d, { reason: note, cause: 'source' });
    else if (link !== undefined) Object.assign(d, { reason: link, cause: 'link-before-predecessor' });
    else if (pred !== undefined) Object.assign(d, { reason: pred, cause: 'predecessor-differs' });
  }
  return { total, starts, finishes, agree, differ };

  /** A start-side link whose stored dates start the successor before the predecessor starts. */
  function startsBeforePredecessor(p: ImportedPlan, id: string, after: Link[]): string | undefined {
    const own = p.sourceDates.get(id)?.start;
    if (own === undefined) return undefined;
    for (const l of after) {
      if (typeof l === 'string' || (l.type ?? 'FS') === 'FS' && !((l.lag ?? 0) < 0)) continue;
      const pred = p.sourceDates.get(l.task)?.start;
      if (pred !== undefined && own < pred) {
        return `stored to start before its ${l.type ?? 'FS'} predecessor ${specs.get(l.task)?.source_id ?? l.task} starts (${pred.slice(0, 10)}): the simulation starts a successor no earlier than its predecessor`;
      }
    }
    return undefined;
  }
}

function predecessorDiffers(after: Link[], differs: Set<string>, specs: Map<string, { source_id?: string }>): string | undefined {
  for (const l of after) {
    const p = typeof l === 'string' ? l : l.task;
    if (differs.has(p)) return `after ${specs.get(p)?.source_id ?? p}, whose dates differ`;
  }
  return undefined;
}
