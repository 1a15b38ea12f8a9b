import { CoordsimError } from '../../scenario/CoordsimError.js';
import { MINUTES_PER_DAY, formatDate, formatDateTime } from '../civil.js';

/**
 * Where time 0 sits in civil time: `origin` minutes after 00:00 of day number `day0`.
 * Converts minutes since time 0 to civil days and ISO strings.
 */
export class TimeOrigin {
  constructor(
    readonly day0: number,
    readonly origin: number,
    readonly hasStart: boolean,
    /** Dates print as date-times (`hour`/`minute` units) rather than dates. */
    readonly dateTime: boolean,
  ) {}

  /** Throws unless a start date places time 0 in civil time. */
  check(): void {
    if (!this.hasStart) throw new CoordsimError('E_PARAM', 'dates need the project `start` date (e.g. start: 2027-01-04)', { path: '/start' });
  }

  /** The civil day number of minute x since time 0. */
  dayAt(x: number): number {
    this.check();
    return this.day0 + Math.floor((x + this.origin) / MINUTES_PER_DAY);
  }

  /** Minute x since time 0 as ISO 8601: the date of its day, or the date-time rounded to the minute. */
  format(x: number, dateTime = this.dateTime): string {
    this.check();
    const abs = x + this.origin;
    const d = Math.floor(abs / MINUTES_PER_DAY);
    return dateTime ? formatDateTime(this.day0 + d, abs - d * MINUTES_PER_DAY) : formatDate(this.day0 + d);
  }

  /** Minutes since time 0 of `minute` of civil day `day`. */
  xOf(day: number, minute: number): number {
    return (day - this.day0) * MINUTES_PER_DAY + minute - this.origin;
  }
}
