/** Mean and variance (divisor n, the maximum-likelihood form) by two passes, for accuracy. */
export function sampleMoments(values: readonly number[]): { mean: number; variance: number } {
  const n = values.length;
  let sum = 0;
  for (const x of values) sum += x;
  const mean = sum / n;
  let ss = 0;
  for (const x of values) ss += (x - mean) * (x - mean);
  return { mean, variance: ss / n };
}
