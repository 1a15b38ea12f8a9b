import type { ImportWarning } from '../ImportedPlan.js';
import type { LocalDateTime } from '../_internals/civilDates.js';
import type { DraftTask } from '../_internals/PlanDraft.js';
import { finishValue, startValue } from '../_internals/scenarioDates.js';
import { nextWorkingMoment, retreatWorking, type WorkCalendar } from '../_internals/WorkCalendar.js';

/**
 * Maps one P6 constraint (primary or secondary: `type`, and its date, read only when there
 * is a constraint) onto not_before / deadline, warning where approximate.
 */
export function xerConstraint(type: string | undefined, readDate: () => LocalDateTime | undefined, dateField: string, t: DraftTask, cal: WorkCalendar | undefined, hoursPerDay: number, warnings: ImportWarning[]): void {
  if (!type || type === 'CS_ASAP') return;
  const date = readDate();
  const at = t.place.location;
  if (type === 'CS_ALAP') {
    warnings.push({ location: at, message: 'as-late-as-possible constraint ignored: the task is scheduled as soon as possible' });
    return;
  }
  if (!date) {
    warnings.push({ location: at, message: `${type} constraint without ${dateField} ignored` });
    return;
  }
  switch (type) {
    case 'CS_MSOA':
      t.notBefore = later(t.notBefore, startValue(date, cal));
      return;
    case 'CS_MEOB':
      t.deadline = finishValue(date, cal);
      return;
    case 'CS_MSO':
    case 'CS_MANDSTART':
      t.notBefore = later(t.notBefore, startValue(date, cal));
      warnings.push({ location: at, message: `${type === 'CS_MSO' ? 'start-on' : 'mandatory start'} constraint written as start-no-earlier-than (not_before)` });
      return;
    case 'CS_MEO':
    case 'CS_MANDFIN':
      t.deadline = finishValue(date, cal);
      warnings.push({ location: at, message: `${type === 'CS_MEO' ? 'finish-on' : 'mandatory finish'} constraint written as a deadline (it does not move the task)` });
      return;
    case 'CS_MSOB':
      warnings.push({ location: at, message: 'start-on-or-before constraint ignored (no scenario key)' });
      return;
    case 'CS_MEOA': {
      // Finish no earlier than the date: start no earlier than its planned duration before it.
      const days = typeof t.duration === 'number' ? t.duration : 0;
      const start = retreatWorking(cal, date, Math.round(days * hoursPerDay * 60));
      if (!start) {
        warnings.push({ location: at, message: 'finish-on-or-after constraint ignored: its calendar does not work before the date' });
        return;
      }
      const value = startValue(nextWorkingMoment(cal, start) ?? start, cal);
      t.notBefore = later(t.notBefore, value);
      warnings.push({ location: at, message: 'finish-on-or-after constraint written as start-no-earlier-than its planned duration before the date (not_before): approximate, a sampled duration shorter than planned finishes before the date' });
      return;
    }
    default:
      warnings.push({ location: at, message: `unknown constraint type ${JSON.stringify(type)} ignored` });
  }
}

/** The later of two not-before values (ISO dates or date-times of the same calendar; a bare date is its day's start). */
function later(a: string | undefined, b: string): string {
  return a === undefined || b > a ? b : a;
}
