import { daysFromCivil, parseTimeOfDay } from '../_internals/civilDates.js';
import type { TimeRange } from '../_internals/WorkCalendar.js';

/** A node of P6's structured text: `(0||Name(key|value|key|value)(children...))`. */
interface StRecord {
  name: string;
  attrs: Map<string, string>;
  children: StRecord[];
}

/** What a `clndr_data` value says: the week (0 = Sunday) and the dated exceptions. */
export interface P6CalendarData {
  /** Per weekday its ranges; undefined when the data has no DaysOfWeek (P6 then uses Mon-Fri 08:00-16:00). */
  week: TimeRange[][] | undefined;
  exceptions: Map<number, TimeRange[]>;
  /** Parts that could not be read; what was read before them is kept. */
  problems: string[];
}

/** P6 numbers exception days from 1899-12-30 (the spreadsheet epoch). */
const P6_EPOCH = daysFromCivil(1899, 12, 30);
const MAX_DEPTH = 16;

/**
 * Reads the calendar data of a CALENDAR row: a `CalendarData` record holding `DaysOfWeek`
 * (children `1`..`7`, Sunday first, each with `(s|08:00|f|12:00)` ranges; no ranges = not
 * working) and `Exceptions` (children with `d|<day number>` and the ranges of that day; none
 * = holiday). A range ending at `00:00` ends at midnight.
 */
export function parseP6CalendarData(text: string): P6CalendarData {
  const problems: string[] = [];
  const root: StRecord = { name: '', attrs: new Map(), children: [] };
  try {
    parseInto(text, root);
  } catch (e) {
    problems.push(e instanceof StructuredTextError ? e.message : String(e));
  }
  const data = root.children.find((r) => r.name === 'CalendarData') ?? root.children[0];
  const result: P6CalendarData = { week: undefined, exceptions: new Map(), problems };
  if (!data) return result;
  const days = data.children.find((r) => r.name === 'DaysOfWeek');
  if (days) {
    const week: TimeRange[][] = [[], [], [], [], [], [], []];
    for (const d of days.children) {
      const n = Number(d.name);
      if (!Number.isInteger(n) || n < 1 || n > 7) {
        problems.push(`DaysOfWeek has a day ${JSON.stringify(d.name)}, expected 1 (Sunday) to 7 (Saturday)`);
        continue;
      }
      week[n - 1] = ranges(d, problems);
    }
    result.week = week;
  }
  const exceptions = data.children.find((r) => r.name === 'Exceptions');
  for (const x of exceptions?.children ?? []) {
    const d = x.attrs.get('d');
    const n = d === undefined ? NaN : Number(d);
    if (!Number.isInteger(n)) {
      problems.push(`exception with day ${JSON.stringify(d ?? '')}, expected a day number`);
      continue;
    }
    result.exceptions.set(P6_EPOCH + n, ranges(x, problems));
  }
  return result;
}

function ranges(rec: StRecord, problems: string[]): TimeRange[] {
  const out: TimeRange[] = [];
  for (const h of rec.children) {
    const s = h.attrs.get('s');
    const f = h.attrs.get('f');
    if (!s || !f) continue; // P6 leaves incomplete ranges in some files; it ignores them too
    const start = parseTimeOfDay(s);
    let end = parseTimeOfDay(f);
    if (start === undefined || end === undefined) {
      problems.push(`working time ${JSON.stringify(`${s}-${f}`)} is not HH:MM-HH:MM`);
      continue;
    }
    if (end === 0) end = 1440; // `f|00:00` is midnight at the end of the day
    if (end <= start) {
      problems.push(`working time ${s}-${f} ends before it starts`);
      continue;
    }
    out.push({ start, end });
  }
  return out;
}

class StructuredTextError extends Error {}

/** Recursive-descent reader of the structured text, attaching records as it goes. */
function parseInto(text: string, root: StRecord): void {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && text.charCodeAt(i) <= 32) i++;
  };
  const expect = (c: string, what: string): void => {
    ws();
    if (text[i] !== c) throw new StructuredTextError(`at character ${i + 1}: expected ${what} '${c}', found ${i < text.length ? `'${text[i]}'` : 'the end'}`);
    i++;
  };
  const record = (parent: StRecord, depth: number): void => {
    if (depth > MAX_DEPTH) throw new StructuredTextError(`records nested deeper than ${MAX_DEPTH}`);
    expect('(', 'record start');
    ws();
    const numStart = i;
    while (i < text.length && text[i] >= '0' && text[i] <= '9') i++;
    if (i === numStart) throw new StructuredTextError(`at character ${i + 1}: expected a record number`);
    ws();
    if (text.slice(i, i + 2) !== '||') throw new StructuredTextError(`at character ${i + 1}: expected the record separator '||'`);
    i += 2;
    const nameEnd = text.indexOf('(', i);
    if (nameEnd < 0) throw new StructuredTextError('record name without its attribute list');
    const rec: StRecord = { name: text.slice(i, nameEnd).trim(), attrs: new Map(), children: [] };
    parent.children.push(rec);
    i = nameEnd + 1;
    const attrEnd = text.indexOf(')', i);
    if (attrEnd < 0) throw new StructuredTextError(`record ${rec.name}: attribute list is not closed`);
    const parts = text.slice(i, attrEnd).split('|');
    for (let k = 0; k + 1 < parts.length; k += 2) rec.attrs.set(parts[k], parts[k + 1]);
    i = attrEnd + 1;
    expect('(', `record ${rec.name}: child list start`);
    for (;;) {
      ws();
      if (text[i] !== '(') break;
      record(rec, depth + 1);
    }
    expect(')', `record ${rec.name}: child list end`);
    expect(')', `record ${rec.name}: record end`);
  };
  record(root, 0);
}
