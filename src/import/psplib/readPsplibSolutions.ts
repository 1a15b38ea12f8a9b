import { CoordsimError } from '../../scenario/CoordsimError.js';
import { fileStem } from '../_internals/fileStem.js';

/** The best known makespan bounds of one instance (equal when the optimum is proven). */
export interface MakespanBounds {
  /** Absent when only a feasible makespan is known. */
  lower?: number;
  upper: number;
}

/**
 * Optimal makespans by instance name (`j301_1`) from a PSPLIB solution list: the instances whose
 * optimum is known (lower bound = upper bound). See {@link readPsplibBounds} for the formats.
 */
export function readPsplibSolutions(text: string, file: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, b] of readPsplibBounds(text, file)) if (b.lower === b.upper) out.set(name, b.upper);
  return out;
}

/**
 * Makespan bounds by instance name from a PSPLIB solution list, in either form:
 * - PSPLIB's own tables (`j30opt.sm`, `j60hrs.sm`, `j60lb.sm`): a free-text header, then rows
 *   `parameter instance makespan ...`; the instance is named `<set><parameter>_<instance>`, the
 *   set (`j30`) taken from an `Instance Set : j30` header line or else from the file name. A row
 *   gives one value, read as the optimum (for a bounds-only file, compare with care).
 * - a CSV `problem,optimum` (as kept with the kobe-rcpsp data sets): `j301_1.sm,43`, or
 *   `j1201_1.sm,104..105` for an instance known only between bounds, `j6048_10.sm,..70` when
 *   only a feasible makespan is known.
 */
export function readPsplibBounds(text: string, file: string): Map<string, MakespanBounds> {
  const lines = text.split(/\r?\n/);
  const out = new Map<string, MakespanBounds>();
  const add = (name: string, bounds: MakespanBounds, index: number): void => {
    if (out.has(name)) throw new CoordsimError('E_SCHEMA', `instance ${name} is listed twice`, { file, line: index + 1 });
    out.set(name, bounds);
  };
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first !== -1 && /^\s*problem\s*,/i.test(lines[first])) {
    for (let i = first + 1; i < lines.length; i++) {
      const line = lines[i].trim();
      if (line === '') continue;
      const m = /^([^,]+),\s*(?:(\d{1,9})|(\d{1,9})?\s*\.\.\s*(\d{1,9}))\s*$/.exec(line);
      if (!m) throw new CoordsimError('E_PARSE', `expected "instance,makespan", "instance,lower..upper" or "instance,..upper", found "${line}"`, { file, line: i + 1 });
      const name = m[1].trim().replace(/\.sm$/i, '');
      if (m[2] !== undefined) {
        add(name, { lower: Number(m[2]), upper: Number(m[2]) }, i);
        continue;
      }
      const upper = Number(m[4]);
      if (m[3] === undefined) {
        add(name, { upper }, i);
        continue;
      }
      const lower = Number(m[3]);
      if (upper < lower) throw new CoordsimError('E_PARSE', `bounds ${lower}..${upper}: the upper bound is below the lower one`, { file, line: i + 1 });
      add(name, { lower, upper }, i);
    }
    return out;
  }
  const setLine = lines.find((l) => /^\s*Instance Set\s*:/i.test(l));
  const set = (setLine ? /:\s*(\S+)/.exec(setLine)?.[1] : undefined) ?? /^(j\d+)/i.exec(fileStem(file))?.[1]?.toLowerCase();
  if (set === undefined) {
    throw new CoordsimError('E_SCHEMA', 'no instance set: expected an "Instance Set : j30" header line or a file name starting with the set (j30opt.sm)', { file, line: 1 });
  }
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*\d/.test(lines[i])) continue; // header, rule and comment lines
    const m = /^\s*(\d{1,4})\s+(\d{1,4})\s+(\d{1,9})(\s|$)/.exec(lines[i]);
    if (!m) throw new CoordsimError('E_PARSE', `expected "parameter instance makespan ...", found "${lines[i].trim()}"`, { file, line: i + 1 });
    const makespan = Number(m[3]);
    add(`${set}${Number(m[1])}_${Number(m[2])}`, { lower: makespan, upper: makespan }, i);
  }
  return out;
}
