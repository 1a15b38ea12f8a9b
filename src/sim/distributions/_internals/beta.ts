import { lnGamma } from './gamma.js';

/** ln B(a, b), the log of the complete beta function. */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/**
 * Continued fraction for the incomplete beta function, evaluated by the modified Lentz
 * method (Press et al., Numerical Recipes 3rd ed., §6.4, `betacf`).
 */
function betacf(a: number, b: number, x: number): number {
  const FPMIN = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < FPMIN) d = FPMIN;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/**
 * Regularized incomplete beta I_x(a, b) for a, b > 0 (NR §6.4 `betai`): the continued
 * fraction converges fast for x < (a + 1) / (a + b + 2); otherwise use the symmetry
 * I_x(a, b) = 1 - I_{1-x}(b, a). `lnB` may be passed when precomputed.
 */
export function betaRegularized(x: number, a: number, b: number, lnB = lnBeta(a, b)): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - lnB);
  if (x < (a + 1) / (a + b + 2)) return (front * betacf(a, b, x)) / a;
  return 1 - (front * betacf(b, a, 1 - x)) / b;
}

/**
 * Inverse of I_x(a, b) in x, for a, b >= 1: Newton's method on the monotone CDF, safeguarded
 * by a bisection bracket so that every iterate stays inside (0, 1) and the loop always ends.
 */
export function betaRegularizedInverse(p: number, a: number, b: number, lnB = lnBeta(a, b)): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let lo = 0;
  let hi = 1;
  let x = a / (a + b); // the mean: a good start for the unimodal shapes PERT uses
  for (let i = 0; i < 200; i++) {
    const f = betaRegularized(x, a, b, lnB) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const pdf = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lnB);
    let next = x - f / pdf;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    // 1e-14 relative: tighter would chase the rounding noise of I_x itself.
    if (Math.abs(next - x) <= 1e-14 * x || hi - lo <= 4e-16) return next;
    x = next;
  }
  return x;
}
