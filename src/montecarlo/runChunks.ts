import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Tinypool } from 'tinypool';
import { CoordsimError } from '../scenario/CoordsimError.js';
import type { Model } from '../engine/Model.js';
import type { Scenario } from '../scenario/Scenario.js';
import { confidenceInterval } from './FigureSummary.js';
import type { Sampling } from './InputSampler.js';
import { RangeMerger, type RangeSummaryState } from './RangeSummary.js';
import { F_MAKESPAN } from './runFigures.js';
import { summarizeRangePacked, type RangeOptions, type RangeResult } from './summarizeRange.js';

/**
 * Runs per chunk, per precision batch (and per LHS block): fixed, so chunk boundaries, the
 * early-stopping points and the Latin hypercubes never depend on the number of workers.
 */
export const CHUNK = 1000;

/** Options of the chunk driver, defaults applied. */
export interface DriverOptions {
  runs: number;
  seed: number | string;
  workers: number;
  precision: number | null;
  sampling: Sampling;
  onProgress?: (done: number, total: number) => void;
  onRows?: (rows: Float64Array, strategies: readonly string[]) => void;
  /** First run (a multiple of `CHUNK`; default 0): runs [start, runs) are summarised, as one shard of a split Monte Carlo. */
  start?: number;
  /** Runs the chunks elsewhere (a job queue) instead of this process's threads: one task per chunk. */
  executor?: ChunkExecutor;
  /**
   * Leave the per-task start and finish summaries of the result packed
   * (`StrategySummaryState.packedTasks`, default false): for callers that read the result in
   * this process (`strategyResult`), skipping the canonical form's 8 KB histogram pages.
   */
  packed?: boolean;
}

/**
 * Where chunks run when not in this process (a job queue on other machines): each task is one
 * chunk, answered with its summary. The driver keeps `window` chunks in flight ahead of the one
 * it merges, and calls `close` once it is done or stops (removing what is still queued).
 */
export interface ChunkExecutor {
  readonly window: number;
  run(task: RangeOptions): Promise<ChunkReply>;
  close(): Promise<void>;
}

/** What the driver produces: the merged summary of runs [start, runs done). */
export interface DriverResult {
  summary: RangeSummaryState;
  stoppedEarly: boolean;
}

/**
 * Splits runs [0, N) into chunks of `CHUNK` runs by index (grouped into longer tasks when
 * no precision target needs every chunk boundary), has them summarised (in this thread
 * when workers = 1 or no scenario is at hand for the workers, else on a tinypool of worker
 * threads), and merges the summaries in chunk order, handing per-run rows and progress to the
 * callbacks in that order too. With a precision, it stops at the first chunk boundary where
 * every strategy's 95% CI half-width of mean makespan is below precision × mean.
 */
export async function runChunks(model: Model, scenario: Scenario | null, strategies: string[], o: DriverOptions): Promise<DriverResult> {
  const threads = Math.max(1, o.workers);
  const first = o.start ?? 0;
  // Without a precision target nothing happens between chunks, so a task may span several:
  // fewer summaries to copy between threads and merge (sums are exact, so the result is the
  // same for any grouping). At least four tasks per thread keep the threads evenly loaded.
  // A queue gets one job per chunk: its workers are many and far.
  const per = o.precision !== null || o.executor ? 1 : Math.max(1, Math.min(Math.floor(Math.ceil((o.runs - first) / CHUNK) / (4 * threads)), Math.floor(64 / strategies.length)));
  const span = per * CHUNK;
  const chunks = Math.ceil((o.runs - first) / span);
  const task = (c: number): RangeOptions => ({
    strategies,
    seed: o.seed,
    sampling: o.sampling,
    start: first + c * span,
    end: Math.min(o.runs, first + (c + 1) * span),
    rows: o.onRows !== undefined,
  });
  let merger: RangeMerger | null = null;
  /** Merges chunk c's result; returns true when the precision target is met. */
  const take = (r: RangeResult): boolean => {
    if (merger === null) merger = new RangeMerger(model, r.summary);
    else merger.add(r.summary);
    if (r.rows !== null) o.onRows?.(r.rows, strategies);
    const done = merger.range[1];
    o.onProgress?.(done - first, o.runs - first);
    return o.precision !== null && done < o.runs && precise(merger, strategies.length, o.precision);
  };
  let stopped = false;
  const url = o.executor === undefined && scenario !== null && o.workers > 1 && chunks > 1 ? workerUrl() : null;
  const exec = o.executor ?? (url === null ? null : threadExecutor(url, scenario!, Math.min(threads, chunks)));
  if (exec === null) {
    for (let c = 0; c < chunks && !stopped; c++) stopped = take(summarizeRangePacked(model, task(c)));
  } else {
    const pending: Array<Promise<ChunkReply>> = [];
    let next = 0;
    try {
      for (let c = 0; c < chunks && !stopped; c++) {
        // Keep a window of chunks in flight (two per thread): workers stay busy, finished-but-unmerged chunks stay few.
        for (; next < chunks && next < c + exec.window; next++) {
          const p = exec.run(task(next));
          p.catch(() => undefined); // rejections after an early stop are expected; awaited ones still throw
          pending[next] = p;
        }
        const reply = await pending[c];
        delete pending[c];
        if ('error' in reply) throw new CoordsimError(reply.error.code, reply.error.message);
        stopped = take(reply);
      }
    } finally {
      await exec.close();
    }
  }
  const m = merger as RangeMerger | null;
  if (m === null) throw new Error('runChunks: no runs');
  return { summary: m.toState(o.packed === true), stoppedEarly: stopped };
}

/** A worker's answer: a chunk summary, or a simulation error to rethrow as such. */
export type ChunkReply = RangeResult | { error: { code: CoordsimError['code']; message: string } };

function precise(merger: RangeMerger, strategies: number, precision: number): boolean {
  for (let k = 0; k < strategies; k++) {
    const f = merger.strategy(k).figures[F_MAKESPAN];
    if (f.n < 2) return false;
    const { mean, sd } = f.moments();
    const [lo, hi] = confidenceInterval(f.n, mean, sd);
    if (!((hi - lo) / 2 < precision * Math.abs(mean) || sd === 0)) return false;
  }
  return true;
}

/** A tinypool of `n` threads running worker.js, two chunks per thread in flight. */
function threadExecutor(url: URL, scenario: Scenario, n: number): ChunkExecutor {
  const pool = new Tinypool({ filename: url.href, minThreads: n, maxThreads: n, workerData: { scenario } });
  return { window: 2 * n, run: (t) => pool.run(t) as Promise<ChunkReply>, close: () => pool.destroy() };
}

/**
 * The compiled worker entry beside this module. From TypeScript sources (tests, ts runners)
 * it is the twin under dist/ when the package has been built, else null (run in-process).
 */
export function workerUrl(): URL | null {
  const here = import.meta.url;
  if (here.endsWith('.js')) return new URL('./worker.js', here);
  const at = here.lastIndexOf('/src/');
  if (at < 0) return null;
  const twin = new URL('./worker.js', here.slice(0, at) + '/dist/' + here.slice(at + 5));
  return existsSync(fileURLToPath(twin)) ? twin : null;
}
