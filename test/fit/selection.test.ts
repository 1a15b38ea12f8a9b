import { describe, expect, test } from 'vitest';
import { fitDistributions } from '../../src/fit/fitDistributions.js';
import type { FitSpec } from '../../src/fit/FitResult.js';
import { fittedLaw, logLikelihood } from '../../src/fit/FittedLaw.js';
import type { DistributionSpec } from '../../src/sim/distributions/index.js';
import { sample } from './sample.js';

// Every fitted family is identifiable from the others at n = 5000: each has a shape the others
// cannot take (flat, a kink, Beta(α, 6 − α), a heavy right tail, a normal's tails or a cut at 0).
const CASES: Array<[string, DistributionSpec]> = [
  ['uniform', { uniform: [2, 6] }],
  ['triangular', { triangular: [1, 2, 6] }],
  ['pert', { pert: [1, 2, 6] }],
  ['pert', { pert: [0, 3, 4] }],
  ['lognormal', { lognormal: { median: 3, p90: 8 } }],
  ['normal', { normal: { mean: 5, sd: 1 } }],
  ['normal', { normal: { mean: 1, sd: 1.5 } }],
];

describe('fitDistributions picks the family the data came from', () => {
  test.each(CASES)('the true family %s wins by AIC on 5000 draws of %j', (family, spec) => {
    const r = fitDistributions(sample(spec, 5000, 21));
    expect(r.candidates[0].family).toBe(family);
    expect(r.best).toEqual(r.candidates[0].distribution);
    // Not by a hair: the runner-up is far behind (ΔAIC > 10 is "essentially no support").
    expect(r.candidates[1].deltaAic).toBeGreaterThan(10);
  });

  test.each(CASES)('the %s fit to 5000 draws of %j is at least as likely as the truth', (_family, spec) => {
    // More than 2000 values: the triangular and PERT searches run thinned, then refine on all.
    const xs = sample(spec, 5000, 22);
    const fit = fitDistributions(xs).candidates.find((c) => c.family === _family)!;
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(logLikelihood(fittedLaw(spec as FitSpec), xs) - 1e-6);
  });
});
