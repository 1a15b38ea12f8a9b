import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { Tinypool } from 'tinypool';
import { compileModel } from '../../engine/compileModel.js';
import type { Model } from '../../engine/Model.js';
import { workerUrl, type ChunkReply } from '../../montecarlo/runChunks.js';
import { summarizeRange } from '../../montecarlo/summarizeRange.js';
import { CoordsimError } from '../../scenario/CoordsimError.js';
import type { Scenario } from '../../scenario/Scenario.js';
import { fromLosslessJson } from '../../scaleout/losslessJson.js';
import { scenarioHash } from '../../scaleout/scenarioHash.js';
import { SUMMARY_FORMAT } from '../../scaleout/ShardFile.js';
import { onInterruptAsync } from '../output/interrupts.js';
import { coordsimVersion } from '../version.js';
import { encodeReply, JOB_FORMAT, type ChunkJobData, type ChunkJobResult } from './chunkJob.js';
import type { QueueTarget } from './queueTarget.js';
import { connectRedis, describe, KEY_PREFIX, QUEUE_NAME, redisOptions, RESULT_TTL_S, resultKey, scenarioKey, submissionKey, withTimeout } from './redis.js';

/** Options of `coordsim worker`. */
export interface WorkerOptions {
  target: QueueTarget;
  /** Chunks run at once, each on its own thread. */
  concurrency: number;
  /** A job whose worker stops renewing its lock for this long goes back to the queue (BullMQ's lockDuration). */
  lockMs: number;
  /** Log lines (stderr). */
  log: (text: string) => void;
}

/** A compiled scenario with its threads. */
interface Loaded {
  name: string;
  scenario: Scenario;
  /** Compiled on first use when chunks run in this thread. */
  model: Model | null;
  pool: Tinypool | null;
  running: number;
  lastUsed: number;
}

const REQUEST_MS = 10_000;
const IDLE_POOL_MS = 60_000;

/**
 * Runs chunk jobs from the queue until interrupted: for each job, checks that it comes from the
 * same coordsim version and summary format (else fails it, naming both versions) and that its
 * submitter still waits (else drops it), loads the scenario from Redis by hash (checked against
 * the hash, compiled once per thread), runs `summarizeRange` on a thread and returns the losslessly
 * encoded summary. Threads keep the event loop free, so the job lock is renewed while a chunk
 * runs; a worker that dies has its job retried elsewhere (BullMQ's stalled-job check).
 */
export async function runWorker(o: WorkerOptions): Promise<void> {
  const redis = await connectRedis(o.target);
  redis.on('error', () => undefined);
  const version = coordsimVersion();
  const loaded = new Map<string, Promise<Loaded>>();
  const url = workerUrl();

  const load = (hash: string, job: ChunkJobData): Promise<Loaded> => {
    let l = loaded.get(hash);
    if (l === undefined) {
      l = (async () => {
        const text = await withTimeout(redis.get(scenarioKey(hash)), REQUEST_MS, () => 'reading the scenario');
        if (text === null) throw new UnrecoverableError(`the scenario ${hash} of the job is not in Redis (expired, or the submitter is gone)`);
        // The submitter validated the scenario, and the hash proves this is that scenario. The
        // event loop must stay free to renew job locks, so the model is compiled on the threads.
        const scenario = fromLosslessJson(JSON.parse(text)) as Scenario;
        if (scenarioHash(scenario) !== hash) throw new UnrecoverableError(`the scenario stored under ${scenarioKey(hash)} does not have that hash`);
        const pool = url === null ? null : new Tinypool({ filename: url.href, minThreads: 1, maxThreads: o.concurrency, workerData: { scenario } });
        return { name: job.scenarioName, scenario, model: null, pool, running: 0, lastUsed: Date.now() };
      })();
      l.catch(() => loaded.delete(hash));
      loaded.set(hash, l);
    }
    return l;
  };

  const processor = async (job: Job<ChunkJobData>): Promise<ChunkJobResult> => {
    const d = job.data;
    if (d === null || typeof d !== 'object' || d.format !== JOB_FORMAT) {
      throw new UnrecoverableError(`not a ${JOB_FORMAT} job (format ${JSON.stringify((d as { format?: unknown } | null)?.format)}): this worker runs coordsim ${version}`);
    }
    if (d.coordsim !== version || d.summaryFormat !== SUMMARY_FORMAT) {
      const msg = `version mismatch: the job was submitted by coordsim ${d.coordsim} (summary format ${d.summaryFormat}), this worker runs coordsim ${version} (summary format ${SUMMARY_FORMAT}); run workers of the submitter's version`;
      o.log(`coordsim worker: refused job ${job.id}: ${msg}\n`);
      throw new UnrecoverableError(msg);
    }
    const alive = await withTimeout(redis.exists(submissionKey(d.submission)), REQUEST_MS, () => 'checking the submission');
    if (alive === 0) throw new UnrecoverableError('cancelled: the submitter is gone');
    const t0 = Date.now();
    const l = await load(d.scenarioHash, d);
    l.running++;
    l.lastUsed = Date.now();
    let reply: ChunkReply;
    try {
      reply = l.pool !== null ? ((await l.pool.run(d.task)) as ChunkReply) : inThread((l.model ??= compileModel(l.scenario)), d);
    } finally {
      l.running--;
      l.lastUsed = Date.now();
    }
    const t = d.task;
    o.log(`coordsim worker: ${l.name}: runs ${t.start}–${t.end - 1} × ${t.strategies.length} ${t.strategies.length === 1 ? 'strategy' : 'strategies'} in ${((Date.now() - t0) / 1000).toFixed(2)} s${'error' in reply ? ` (simulation error: ${reply.error.message})` : ''}\n`);
    const key = resultKey(String(job.id));
    const text = encodeReply(reply);
    await withTimeout(redis.set(key, text, 'EX', RESULT_TTL_S), REQUEST_MS, () => 'storing the result');
    return { format: JOB_FORMAT, key, bytes: text.length };
  };

  const worker = new Worker<ChunkJobData, ChunkJobResult>(QUEUE_NAME, processor, {
    connection: redisOptions(o.target),
    prefix: KEY_PREFIX,
    concurrency: o.concurrency,
    lockDuration: o.lockMs,
    stalledInterval: o.lockMs,
    maxStalledCount: 3,
    autorun: false,
  });
  let lastError = 0;
  worker.on('error', (e: Error) => {
    if (Date.now() - lastError < 10_000) return;
    lastError = Date.now();
    o.log(`coordsim worker: ${o.target.shown}: ${describe(e)} (retrying)\n`);
  });
  worker.on('failed', (job, e) => {
    if (job !== undefined && !/^(version mismatch|cancelled)/.test(e.message)) o.log(`coordsim worker: job ${job.id} failed: ${e.message}\n`);
  });
  // Threads of scenarios no job has used for a minute are let go.
  const sweep = setInterval(() => {
    for (const [hash, p] of loaded) {
      p.then((l) => {
        if (l.running === 0 && Date.now() - l.lastUsed > IDLE_POOL_MS && loaded.get(hash) === p) {
          loaded.delete(hash);
          void l.pool?.destroy();
        }
      }).catch(() => undefined);
    }
  }, IDLE_POOL_MS / 4);
  sweep.unref();

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      clearInterval(sweep);
      // Jobs still running when the bound passes are retried elsewhere once their lock expires.
      await withTimeout(worker.close(), 2500, () => 'closing').catch(() => undefined);
      for (const p of loaded.values()) await p.then((l) => l.pool?.destroy()).catch(() => undefined);
      redis.disconnect();
    })());
  const unregister = onInterruptAsync(stop);
  try {
    await withTimeout(worker.waitUntilReady(), 10_000, () => `--queue ${o.target.shown}: the worker could not open the queue within 10 s`);
    o.log(`coordsim worker: ready on ${o.target.shown} (coordsim ${version}, ${o.concurrency} at once)\n`);
    await worker.run();
  } finally {
    unregister();
    await stop();
  }
}

/** Without compiled workers (running from TypeScript sources) a chunk runs in this thread. */
function inThread(model: Model, d: ChunkJobData): ChunkReply {
  try {
    return summarizeRange(model, d.task);
  } catch (e) {
    if (e instanceof CoordsimError) return { error: { code: e.code, message: e.message } };
    throw e;
  }
}
