import { CoordsimError } from '../scenario/CoordsimError.js';

/**
 * A template that turns single-point durations into distributions: `FAMILY:A,B,C` multiplies
 * each planned duration d into `{pert: [A·d, B·d, C·d]}` (or `triangular`), optionally only for
 * tasks whose `wbs` starts with a prefix or whose duration lies in a band:
 * `pert:0.9,1,1.5;wbs=Build;min=5;max=20`.
 */
export interface UncertaintyTemplate {
  family: 'pert' | 'triangular';
  factors: [number, number, number];
  wbs?: string;
  min?: number;
  max?: number;
}

/** Parses `--uncertainty`; a CoordsimError E_USAGE names what is wrong. */
export function parseUncertainty(text: string): UncertaintyTemplate {
  const [head, ...filters] = text.split(';').map((x) => x.trim());
  const m = /^(pert|triangular):\s*([^,]+),\s*([^,]+),\s*([^,]+)$/.exec(head);
  const bad = (why: string): never => {
    throw new CoordsimError('E_USAGE', `--uncertainty ${JSON.stringify(text)}: ${why} (e.g. "pert:0.9,1,1.5" or "pert:0.9,1,1.5;wbs=Build;min=5")`);
  };
  if (!m) bad('expected FAMILY:A,B,C with FAMILY pert or triangular');
  const factors = [m![2], m![3], m![4]].map((x) => (/^\d+(\.\d+)?$/.test(x.trim()) ? Number(x) : NaN)) as [number, number, number];
  if (!factors.every((f) => Number.isFinite(f) && f >= 0)) bad('expected three decimal factors >= 0');
  if (!(factors[0] <= factors[1] && factors[1] <= factors[2])) bad('expected factors in order A <= B <= C');
  if (factors[0] === factors[2]) bad('expected A < C (a spread)');
  const t: UncertaintyTemplate = { family: m![1] as 'pert' | 'triangular', factors };
  for (const f of filters) {
    const [k, v] = f.split('=').map((x) => x.trim());
    if (k === 'wbs' && v) t.wbs = v;
    else if ((k === 'min' || k === 'max') && /^\d+(\.\d+)?$/.test(v ?? '')) t[k] = Number(v);
    else bad(`unknown filter ${JSON.stringify(f)}: expected wbs=PREFIX, min=N or max=N`);
  }
  return t;
}

/** Applies the template to every task of a scenario document with a single-point duration > 0 that its filters select; returns how many. */
export function applyUncertainty(doc: Record<string, unknown>, t: UncertaintyTemplate): number {
  let n = 0;
  const r = (x: number) => Math.round(x * 1e6) / 1e6;
  for (const task of doc.tasks as Array<Record<string, unknown>>) {
    const d = task.duration;
    if (typeof d !== 'number' || !(d > 0) || task.milestone === true) continue;
    if (t.wbs !== undefined && !(typeof task.wbs === 'string' && task.wbs.startsWith(t.wbs))) continue;
    if (t.min !== undefined && d < t.min) continue;
    if (t.max !== undefined && d > t.max) continue;
    task.duration = { [t.family]: t.factors.map((f) => r(f * d)) };
    n++;
  }
  return n;
}
