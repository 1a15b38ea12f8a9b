import type { FitSpec } from './FitResult.js';

/**
 * A fitted distribution as a YAML flow mapping, the way scenarios write durations:
 * `{pert: [1.5, 3, 8]}`, `{lognormal: {median: 2.9, p90: 7.8}}`, or a plain number.
 * Numbers are printed in full (JavaScript's shortest round-trip form), so the text parses
 * back to exactly the fitted parameters.
 */
export function formatFitSpec(spec: FitSpec): string {
  if (typeof spec === 'number') return String(spec);
  if ('uniform' in spec) return `{uniform: [${spec.uniform.join(', ')}]}`;
  if ('triangular' in spec) return `{triangular: [${spec.triangular.join(', ')}]}`;
  if ('pert' in spec) return `{pert: [${spec.pert.join(', ')}]}`;
  if ('lognormal' in spec) return `{lognormal: {median: ${spec.lognormal.median}, p90: ${spec.lognormal.p90}}}`;
  return `{normal: {mean: ${spec.normal.mean}, sd: ${spec.normal.sd}}}`;
}
