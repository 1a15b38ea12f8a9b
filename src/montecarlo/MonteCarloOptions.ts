import { availableParallelism } from 'node:os';
import { CoordsimError } from '../scenario/CoordsimError.js';
import { badArgument, checkOptionsArgument } from '../scenario/_internals/arguments.js';
import type { Sampling } from './InputSampler.js';
import type { ChunkExecutor, DriverOptions } from './runChunks.js';

/** Options shared by `monteCarlo` and `compare`. */
export interface MonteCarloRunOptions {
  /** Number of runs (default 10,000): runs 0..N−1. */
  runs?: number;
  /** Seed (default 1). */
  seed?: number | string;
  /**
   * Worker threads (default `os.availableParallelism()`); 1 runs in this thread. Results are
   * identical for every value. Workers need the scenario (a compiled `Model` runs in-process).
   */
  workers?: number;
  /**
   * Stop early once the 95% CI half-width of mean makespan is below `precision` × mean,
   * checked every 1,000 runs (default: null, run them all). `runs` is then the cap.
   */
  precision?: number | null;
  /** Duration sampling: `random` (default) or `lhs` (Latin hypercube in blocks of 1,000 runs). */
  sampling?: Sampling;
  /** Called in run order after each chunk of runs is merged. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called in run order with per-run rows (`RUN_COLUMNS`, one row per run and strategy, the
   * strategy as its index in the second argument), so callers can stream runs.csv.
   */
  onRows?: (rows: Float64Array, strategies: readonly string[]) => void;
  /** Runs the chunks elsewhere, e.g. on queue workers (one job per 1,000-run chunk); the result is the same. */
  executor?: ChunkExecutor;
}

/** Applies the defaults of `MonteCarloRunOptions` and validates them (E_ARGUMENT naming the function and the value). */
export function resolveMonteCarloRunOptions(api: string, options: MonteCarloRunOptions): DriverOptions {
  checkOptionsArgument(api, options);
  const o = options ?? {};
  const runs = o.runs ?? 10_000;
  if (!Number.isSafeInteger(runs) || runs < 1) throw new CoordsimError('E_ARGUMENT', `${api}: runs must be a positive integer, got ${runs}`);
  const workers = o.workers ?? availableParallelism();
  if (!Number.isSafeInteger(workers) || workers < 1) throw new CoordsimError('E_ARGUMENT', `${api}: workers must be a positive integer, got ${workers}`);
  const precision = o.precision ?? null;
  if (precision !== null && !(precision > 0 && precision < 1)) {
    throw new CoordsimError('E_ARGUMENT', `${api}: precision must be a fraction of the mean in (0, 1), e.g. 0.01, got ${precision}`);
  }
  const sampling = o.sampling ?? 'random';
  if (sampling !== 'random' && sampling !== 'lhs') throw new CoordsimError('E_ARGUMENT', `${api}: sampling must be 'random' or 'lhs', got ${JSON.stringify(sampling)}`);
  const seed = o.seed ?? 1;
  if (typeof seed !== 'string' && !Number.isFinite(seed)) throw new CoordsimError('E_ARGUMENT', `${api}: seed must be a finite number or a string, got ${seed}`);
  for (const k of ['onProgress', 'onRows'] as const) {
    if (o[k] !== undefined && typeof o[k] !== 'function') badArgument(api, `${k} to be a function`, o[k]);
  }
  const executor = o.executor;
  if (executor !== undefined && (executor === null || typeof executor !== 'object' || typeof executor.run !== 'function' || typeof executor.close !== 'function' || !(executor.window >= 1))) {
    badArgument(api, 'executor to be a ChunkExecutor ({window >= 1, run(task), close()})', executor);
  }
  return { runs, seed, workers, precision, sampling, onProgress: o.onProgress, onRows: o.onRows, executor };
}
