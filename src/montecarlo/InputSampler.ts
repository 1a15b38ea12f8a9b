import { normalCdf, standardNormal } from '../sim/distributions/_internals/normal.js';
import { Alea, reseedStream } from '../sim/streams.js';
import type { Model } from '../engine/Model.js';
import { sampleRunInputs, type RiskSwitch, type RunInputs } from '../engine/RunInputs.js';
import { correlationPlan, type CorrelationPlan } from './correlation.js';
import { LHS_BLOCK, lhsBlock } from './lhs.js';

/** How task durations are drawn in a Monte Carlo. */
export type Sampling = 'random' | 'lhs';

const BELOW_ONE = 1 - 2 ** -53;

/**
 * Fills the strategy-independent inputs of run i (durations, risks, gate draws) for a
 * Monte Carlo: a pure function of (model, seed, sampling, i), whatever runs were sampled
 * before. Risks and gate draws always come from the run's own streams (`sampleRunInputs`);
 * durations depend on the sampling:
 * - `random`: the stream (seed, i, 'durations'), exactly as `simulate` draws them; tasks in
 *   a correlation group are then redrawn through a Gaussian copula from (seed, i, 'correlation').
 * - `lhs`: row i mod 1000 of Latin hypercube block ⌊i / 1000⌋ (`lhsBlock`), through each
 *   task's quantile function; correlations by Iman–Conover inside the block.
 */
export class InputSampler {
  readonly plan: CorrelationPlan | null;
  private readonly gen = new Alea();
  private readonly z: Float64Array;
  private block = -1;
  private blockU: Float64Array | null = null;

  constructor(
    readonly model: Model,
    readonly seed: number | string,
    readonly sampling: Sampling,
  ) {
    this.plan = correlationPlan(model);
    this.z = new Float64Array(this.plan?.tasks.length ?? 0);
  }

  /** Samples run `run` into `out` and returns it (with `off`, that risk switched off: see `sampleRunInputs`). */
  sample(run: number, out: RunInputs, off: RiskSwitch | null = null): RunInputs {
    const m = this.model;
    if (this.sampling === 'lhs') {
      const block = Math.floor(run / LHS_BLOCK);
      if (block !== this.block || this.blockU === null) {
        this.blockU = lhsBlock(m, this.seed, block, this.plan);
        this.block = block;
      }
      const T = m.tasks.length;
      const row = (run - block * LHS_BLOCK) * T;
      for (let t = 0; t < T; t++) out.durations[t] = m.tasks[t].duration.quantile(this.blockU[row + t]);
      return sampleRunInputs(m, this.seed, run, out, true, off);
    }
    sampleRunInputs(m, this.seed, run, out, false, off);
    if (this.plan !== null) this.copula(run, out);
    return out;
  }

  /** Correlated normals z = L·e (e iid from the run's 'correlation' stream), u = Φ(z), d = F⁻¹(u). */
  private copula(run: number, out: RunInputs): void {
    const { tasks, factor } = this.plan!;
    const m = tasks.length;
    const rng = reseedStream(this.gen, this.seed, run, 'correlation');
    const e = this.z;
    for (let i = 0; i < m; i++) e[i] = standardNormal(rng);
    // Lower-triangular product from the bottom row up, in place.
    for (let i = m - 1; i >= 0; i--) {
      let v = 0;
      for (let k = 0; k <= i; k++) v += factor[i * m + k] * e[k];
      e[i] = v;
    }
    for (let i = 0; i < m; i++) {
      const u = normalCdf(e[i]);
      const t = tasks[i];
      out.durations[t] = this.model.tasks[t].duration.quantile(u < BELOW_ONE ? u : BELOW_ONE);
      // Risk drivers scaled the stream's draw; the copula's replaces it, so scale again.
      if (this.model.drivers.length > 0) out.durations[t] *= out.durationScale[t];
    }
  }
}
