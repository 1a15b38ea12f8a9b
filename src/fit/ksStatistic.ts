/**
 * The Kolmogorov–Smirnov statistic D = sup_x |F_n(x) − F(x)| of ascending `sorted` values
 * against a CDF. The supremum is at a data value, just before or at its jump:
 * D = max_i max(i/n − F(x₍ᵢ₎), F(x₍ᵢ₎) − (i − 1)/n), which also holds with ties.
 */
export function ksStatistic(sorted: readonly number[], cdf: (x: number) => number): number {
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}
