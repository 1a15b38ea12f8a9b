import { parseDayRanges, type DayRange } from './_internals/dayRanges.js';
import type { Where } from './_internals/fail.js';

export type { DayRange } from './_internals/dayRanges.js';

/**
 * Parses an agent's `off` list: whole days off on top of its calendar (vacations). Each item
 * is a date, `{from, to}` (inclusive), `{from}` (off from that day on: the agent leaves) or
 * `{to}` (off up to and including that day: the agent joins late). `undefined` is no days off.
 */
export function parseOffPeriods(value: unknown, where: Where): DayRange[] {
  return parseDayRanges(value, 'off', where, '', 'open');
}
