import type { Rng } from '../../streams.js';
import { standardNormal } from './normal.js';

/**
 * A Gamma(shape, 1) deviate for shape >= 1 by Marsaglia & Tsang, "A simple method for
 * generating gamma variables", ACM TOMS 26(3), 2000. The caller precomputes
 * `d = shape - 1/3` and `c = 1 / sqrt(9 d)` once. Always returns a positive number.
 */
export function gammaMT(rng: Rng, d: number, c: number): number {
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng();
    const x2 = x * x;
    // Squeeze first (cheap), then the exact log test.
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Lanczos coefficients for g = 7, n = 9 (Godfrey's set, relative error about 1e-15). */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 by the Lanczos approximation (Lanczos 1964; Press et al., NR §6.1). */
export function lnGamma(x: number): number {
  if (x < 0.5) {
    // Reflection: Γ(x) Γ(1 - x) = π / sin(πx).
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  }
  const z = x - 1;
  let a = LANCZOS[0];
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.9189385332046728 + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
