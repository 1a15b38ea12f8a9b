/** Most values the start-up stage of a numerical fit looks at. */
export const THIN_TO = 2000;

/**
 * Evenly spaced order statistics of ascending `sorted`: all of them when there are at most
 * `m`, else m of them at ranks round(k(n − 1)/(m − 1)), the smallest and largest included. Their
 * likelihood surface has the shape of the whole sample's, at a fraction of the cost, so the
 * multi-start search runs on them and only the final refinement on every value.
 */
export function thin(sorted: readonly number[], m = THIN_TO): readonly number[] {
  const n = sorted.length;
  if (n <= m) return sorted;
  return Array.from({ length: m }, (_, k) => sorted[Math.round((k * (n - 1)) / (m - 1))]);
}
