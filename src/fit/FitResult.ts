/** The duration families `fitDistributions` fits (every scenario family but `discrete`). */
export type FitFamily = 'uniform' | 'triangular' | 'pert' | 'lognormal' | 'normal' | 'constant';

/** The families in the order the docs list them (ties in AIC are broken by name, not by this). */
export const FIT_FAMILIES: readonly FitFamily[] = ['uniform', 'triangular', 'pert', 'lognormal', 'normal', 'constant'];

/** A fitted distribution in scenario syntax: what a scenario's `duration:` accepts. */
export type FitSpec =
  | number
  | { uniform: [number, number] }
  | { triangular: [number, number, number] }
  | { pert: [number, number, number] }
  | { lognormal: { median: number; p90: number } }
  | { normal: { mean: number; sd: number } };

/** One family's maximum-likelihood fit. */
export interface FitCandidate {
  family: FitFamily;
  /** The fitted distribution, parameters rounded to 6 significant digits (support bounds outward). */
  distribution: FitSpec;
  /** Akaike information criterion 2k − 2 ln L, of `distribution` exactly as written. */
  aic: number;
  /** Kolmogorov–Smirnov statistic sup |F_n − F| of `distribution` against the data. */
  ks: number;
  /** ln L of `distribution`. */
  logLikelihood: number;
  /** Number of fitted parameters k. */
  parameters: number;
  /** aic minus the lowest aic of all candidates (0 for the best). */
  deltaAic: number;
}

/** A family that could not be fitted to these data, and why. */
export interface NotFitted {
  family: FitFamily;
  reason: string;
}

/** The result of `fitDistributions`. */
export interface FitResult {
  /** Number of values fitted. */
  n: number;
  /** The candidate with the lowest AIC (ties: family name), in scenario syntax. */
  best: FitSpec;
  /** Every fitted family, sorted by AIC, then family name. */
  candidates: FitCandidate[];
  /** Families that were not fitted (e.g. lognormal when a value is 0). */
  notFitted: NotFitted[];
}
