import { betaRegularized, lnBeta } from '../sim/distributions/_internals/beta.js';

/** z(0.975), the two-sided 95% point of the standard normal. */
export const Z975 = 1.959963984540054;

/**
 * The 0.975 quantile of Student's t with ν degrees of freedom (the 95% CI multiplier), by
 * bisection on the t distribution's tail P(T > t) = I_{ν/(ν+t²)}(ν/2, 1/2) / 2 (Abramowitz &
 * Stegun 26.7.1 through 26.5.27), to full double precision; the normal value beyond ν = 10^7.
 */
export function studentT975(nu: number): number {
  if (!(nu >= 1)) return NaN;
  if (nu > 1e7) return Z975;
  const a = nu / 2;
  const lnB = lnBeta(a, 0.5);
  let lo = Z975; // t(0.975, ν) > z for every finite ν
  let hi = 16; // > t(0.975, 1) = 12.71
  for (let i = 0; i < 200 && hi - lo > 4e-16 * hi; i++) {
    const t = 0.5 * (lo + hi);
    const tail = 0.5 * betaRegularized(nu / (nu + t * t), a, 0.5, lnB);
    if (tail > 0.025) lo = t;
    else hi = t;
  }
  return 0.5 * (lo + hi);
}
