import { CoordsimError } from '../scenario/CoordsimError.js';
import { SimError } from '../sim/SimError.js';
import { distribution } from '../sim/distributions/fromSpec.js';
import type { FitCandidate, FitFamily, FitResult, FitSpec, NotFitted } from './FitResult.js';
import { fittedLaw, logLikelihood } from './FittedLaw.js';
import { fitLognormal } from './fitLognormal.js';
import { fitNormal } from './fitNormal.js';
import { fitPert } from './fitPert.js';
import { fitTriangular } from './fitTriangular.js';
import { fitUniform } from './fitUniform.js';
import { ksStatistic } from './ksStatistic.js';
import { roundSpec } from './_internals/roundSpec.js';

/** Fewest values `fitDistributions` accepts: below this a three-parameter fit says nothing. */
export const MIN_FIT_VALUES = 5;

const FITTERS: ReadonlyArray<readonly [FitFamily, (sorted: readonly number[]) => FitSpec | null, string]> = [
  ['uniform', fitUniform, ''],
  ['triangular', fitTriangular, ''],
  ['pert', fitPert, ''],
  ['lognormal', fitLognormal, 'a value is 0, which a lognormal cannot produce'],
  ['normal', fitNormal, ''],
];

/**
 * Fits every duration family to `values` (finite, >= 0, at least `MIN_FIT_VALUES`) by maximum
 * likelihood and ranks them by AIC = 2k − 2 ln L, then by family name. Each candidate's
 * distribution is written in scenario syntax with 6 significant digits, and its ln L, AIC and KS
 * statistic are those of that written distribution, so pasting it into a scenario gives the law
 * that was scored. Data that are all equal give the one candidate `constant`. Deterministic:
 * no randomness, fixed iteration counts and tolerances. Throws CoordsimError 'E_PARAM' on bad values.
 */
export function fitDistributions(values: readonly number[]): FitResult {
  checkValues(values);
  const sorted = [...values].sort((x, y) => x - y);
  const n = sorted.length;
  if (sorted[0] === sorted[n - 1]) {
    // Only a point mass fits; against the counting measure its ln L is 0, so AIC = 2k = 2.
    const value = sorted[0] === 0 ? 0 : sorted[0];
    const only: FitCandidate = { family: 'constant', distribution: value, aic: 2, ks: 0, logLikelihood: 0, parameters: 1, deltaAic: 0 };
    return {
      n,
      best: value,
      candidates: [only],
      notFitted: FITTERS.map(([family]) => ({ family, reason: 'every value is the same: only a constant fits' })),
    };
  }

  const candidates: FitCandidate[] = [];
  const notFitted: NotFitted[] = [];
  for (const [family, fit, reason] of FITTERS) {
    const raw = fit(sorted);
    if (raw === null) {
      notFitted.push({ family, reason });
      continue;
    }
    const spec = roundSpec(raw, sorted[0], sorted[n - 1]);
    try {
      distribution(spec); // the simulator must accept what we print
    } catch (e) {
      if (!(e instanceof SimError)) throw e;
      notFitted.push({ family, reason: `the fitted parameters are outside what the simulator accepts (${e.message})` });
      continue;
    }
    const law = fittedLaw(spec);
    const logL = logLikelihood(law, sorted);
    if (!Number.isFinite(logL)) {
      notFitted.push({ family, reason: 'the fitted distribution gives a value zero density' });
      continue;
    }
    const ks = ksStatistic(sorted, law.cdf);
    if (!Number.isFinite(ks)) {
      // Only for values spanning hundreds of orders of magnitude, where the CDF overflows.
      notFitted.push({ family, reason: 'its CDF cannot be evaluated in double precision at these values' });
      continue;
    }
    candidates.push({
      family,
      distribution: spec,
      aic: 2 * law.k - 2 * logL,
      ks,
      logLikelihood: logL,
      parameters: law.k,
      deltaAic: 0,
    });
  }
  candidates.sort((p, q) => p.aic - q.aic || (p.family < q.family ? -1 : p.family > q.family ? 1 : 0));
  const lowest = candidates[0].aic;
  for (const c of candidates) c.deltaAic = c.aic - lowest;
  return { n, best: candidates[0].distribution, candidates, notFitted };
}

function checkValues(values: readonly number[]): void {
  if (!Array.isArray(values)) throw new CoordsimError('E_PARAM', `fitDistributions: expected an array of numbers, got ${typeof values}`);
  values.forEach((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new CoordsimError('E_PARAM', `fitDistributions: expected finite numbers, got ${String(x)} at index ${i}`);
    }
    if (x < 0) throw new CoordsimError('E_PARAM', `fitDistributions: expected values >= 0 (durations), got ${x} at index ${i}`);
  });
  if (values.length < MIN_FIT_VALUES) {
    throw new CoordsimError('E_PARAM', `fitDistributions: expected at least ${MIN_FIT_VALUES} values, got ${values.length}`);
  }
}
