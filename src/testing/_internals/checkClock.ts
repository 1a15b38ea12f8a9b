import { fmt, type CheckContext } from './CheckContext.js';

/** `clock`: trace times are finite, >= 0 and never decrease (docs/semantics.md §2); durations are finite and >= 0. */
export function checkClock(ctx: CheckContext): void {
  let last = 0;
  ctx.trace.forEach((row, i) => {
    if (!Number.isFinite(row.time) || row.time < 0) {
      ctx.fail({ message: `row ${i} (${row.kind}) has time ${row.time}`, time: row.time });
      return;
    }
    if (row.time < last) ctx.fail({ message: `row ${i} (${row.kind} ${row.task || row.gate} ${row.agent}) at ${fmt(row.time)} comes after a row at ${fmt(last)}: the clock went back`, time: row.time });
    if (!(Number.isFinite(row.duration) && row.duration >= 0)) ctx.fail({ message: `row ${i} (${row.kind}) has duration ${row.duration}`, time: row.time });
    last = Math.max(last, row.time);
  });
}
