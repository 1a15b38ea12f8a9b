import { Z90 } from '../sim/distributions/lognormal.js';
import { betaRegularized, lnBeta } from '../sim/distributions/_internals/beta.js';
import { normalCdf } from '../sim/distributions/_internals/normal.js';
import type { FitFamily, FitSpec } from './FitResult.js';

/** ln √(2π). */
const LN_SQRT_2PI = 0.9189385332046728;

/**
 * The density and CDF of a distribution in scenario syntax, parameterised exactly as the
 * simulator samples it (src/sim/distributions): what the likelihood and the KS statistic of a
 * fit are computed from.
 */
export interface FittedLaw {
  readonly family: FitFamily;
  /** Number of free parameters (for AIC). */
  readonly k: number;
  /** ln f(x); -Infinity outside the support. For `constant`, 0 at the value (counting measure). */
  logPdf(x: number): number;
  /** P(X <= x). */
  cdf(x: number): number;
}

/** The law of `spec`; parameters are assumed valid (as the fitters produce them). */
export function fittedLaw(spec: FitSpec): FittedLaw {
  if (typeof spec === 'number') {
    return { family: 'constant', k: 1, logPdf: (x) => (x === spec ? 0 : -Infinity), cdf: (x) => (x < spec ? 0 : 1) };
  }
  if ('uniform' in spec) {
    const [a, b] = spec.uniform;
    const lnW = Math.log(b - a);
    return {
      family: 'uniform',
      k: 2,
      logPdf: (x) => (x >= a && x <= b ? -lnW : -Infinity),
      cdf: (x) => (x <= a ? 0 : x >= b ? 1 : (x - a) / (b - a)),
    };
  }
  if ('triangular' in spec) {
    const [a, c, b] = spec.triangular;
    const w = b - a;
    return {
      family: 'triangular',
      k: 3,
      logPdf: (x) => {
        if (x < a || x > b) return -Infinity;
        // Each side's height ratio; a value at the mode is 1 on either side (also when c = a or b).
        const r = x < c ? (x - a) / (c - a) : x > c ? (b - x) / (b - c) : 1;
        return Math.log(2 / w) + Math.log(r);
      },
      cdf: (x) => {
        if (x <= a) return 0;
        if (x >= b) return 1;
        return x <= c ? ((x - a) * (x - a)) / (w * (c - a)) : 1 - ((b - x) * (b - x)) / (w * (b - c));
      },
    };
  }
  if ('pert' in spec) {
    const [a, c, b] = spec.pert;
    const w = b - a;
    // Beta-PERT, λ = 4: the shapes pert.ts uses.
    const alpha = 1 + (4 * (c - a)) / w;
    const beta = 1 + (4 * (b - c)) / w;
    const lnB = lnBeta(alpha, beta);
    const lnW = Math.log(w);
    return {
      family: 'pert',
      k: 3,
      logPdf: (x) => {
        if (x < a || x > b) return -Infinity;
        // A shape of exactly 1 contributes nothing, also at its end (0 · ln 0 would be NaN).
        const left = alpha === 1 ? 0 : (alpha - 1) * Math.log((x - a) / w);
        const right = beta === 1 ? 0 : (beta - 1) * Math.log((b - x) / w);
        return left + right - lnW - lnB;
      },
      cdf: (x) => betaRegularized((x - a) / w, alpha, beta, lnB),
    };
  }
  if ('lognormal' in spec) {
    const { median, p90 } = spec.lognormal;
    const mu = Math.log(median);
    const sigma = (Math.log(p90) - mu) / Z90; // as lognormal.ts
    const lnSigma = Math.log(sigma);
    return {
      family: 'lognormal',
      k: 2,
      logPdf: (x) => {
        if (!(x > 0)) return -Infinity;
        const lx = Math.log(x);
        const z = (lx - mu) / sigma;
        return -lx - lnSigma - LN_SQRT_2PI - 0.5 * z * z;
      },
      cdf: (x) => (x > 0 ? normalCdf((Math.log(x) - mu) / sigma) : 0),
    };
  }
  const { mean, sd } = spec.normal;
  // Normal(mean, sd) truncated below at 0, as normal.ts: mass kept above 0 is Φ(mean / sd).
  const lnKept = Math.log(normalCdf(mean / sd));
  const massBelow = normalCdf(-mean / sd);
  const kept = normalCdf(mean / sd);
  const lnSd = Math.log(sd);
  return {
    family: 'normal',
    k: 2,
    logPdf: (x) => {
      if (x < 0) return -Infinity;
      const z = (x - mean) / sd;
      return -LN_SQRT_2PI - 0.5 * z * z - lnSd - lnKept;
    },
    cdf: (x) => {
      if (x <= 0) return 0;
      const z = (x - mean) / sd;
      // Below the mean, Φ(z) − Φ(α) from the lower tail; above it, 1 − (upper tail)/kept.
      return z < 0 ? (normalCdf(z) - massBelow) / kept : 1 - normalCdf(-z) / kept;
    },
  };
}

/** Σ ln f(x) over `values`: -Infinity as soon as one value is outside the support. */
export function logLikelihood(law: FittedLaw, values: readonly number[]): number {
  let sum = 0;
  for (const x of values) {
    sum += law.logPdf(x);
    if (sum === -Infinity) return sum;
  }
  return sum;
}
