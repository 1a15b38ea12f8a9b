import { randomUUID } from 'node:crypto';
import { Job, Queue, QueueEvents } from 'bullmq';
import type { ChunkExecutor, ChunkReply } from '../../montecarlo/runChunks.js';
import type { RangeOptions } from '../../montecarlo/summarizeRange.js';
import { CoordsimError } from '../../scenario/CoordsimError.js';
import type { Scenario } from '../../scenario/Scenario.js';
import { toLosslessJson } from '../../scaleout/losslessJson.js';
import { SUMMARY_FORMAT } from '../../scaleout/ShardFile.js';
import { onInterruptAsync } from '../output/interrupts.js';
import { coordsimVersion } from '../version.js';
import { chunkJobId, decodeReply, JOB_FORMAT, type ChunkJobData } from './chunkJob.js';
import type { QueueTarget } from './queueTarget.js';
import { connectRedis, describe, KEY_PREFIX, QUEUE_NAME, redisOptions, resultKey, scenarioKey, submissionKey, withTimeout } from './redis.js';

/** Options of the queue submitter. */
export interface QueueExecutorOptions {
  target: QueueTarget;
  scenario: Scenario;
  scenarioHash: string;
  scenarioName: string;
  /** Give up when no chunk of this submission has been running or finished for this long. */
  idleTimeoutMs: number;
  /** Chunks queued ahead of the one being merged (Infinity: all at once). */
  window: number;
  /** Messages for the person waiting (stderr): waiting for workers, a worker that stopped. */
  notice: (text: string) => void;
}

const HEARTBEAT_MS = 5000;
const HEARTBEAT_TTL_MS = 30_000;
const POLL_MS = 1000;
const REQUEST_MS = 10_000;
const CLOSE_MS = 5000;
/** How long the scenario stays in Redis after the submitter last touched it. */
const SCENARIO_TTL_S = 24 * 3600;

interface Pending {
  id: string;
  task: RangeOptions;
  resolve: (r: ChunkReply) => void;
  reject: (e: Error) => void;
  done: boolean;
  settled: boolean;
}

/**
 * Opens a submission on a BullMQ queue in Redis and returns the executor `runChunks` drives:
 * the scenario is stored once (under its hash), each chunk becomes one job, and each job's
 * result (left by the worker under `resultKey`) is fetched in run order once it completes, so
 * that at most a chunk or two of results is held here. Nothing waits without bound: connecting (5 s), every request (10 s), and the
 * whole submission when no worker runs any of its chunks for `idleTimeoutMs`. A failed job
 * fails the Monte Carlo with the worker's reason; `close` (also on Ctrl-C) removes the jobs
 * still queued and ends the heartbeat, so workers skip any that are left.
 */
export async function openQueueExecutor(o: QueueExecutorOptions): Promise<ChunkExecutor> {
  const redis = await connectRedis(o.target);
  const version = coordsimVersion();
  const submission = randomUUID();
  const connection = redisOptions(o.target);
  const request = <T>(p: Promise<T>, what: string) => withTimeout(p, REQUEST_MS, () => `--queue ${o.target.shown}: no answer from Redis within ${REQUEST_MS / 1000} s (${what})`);
  let queue: Queue | null = null;
  let events: QueueEvents | null = null;
  const pending: Pending[] = []; // in run order
  const byId = new Map<string, Pending>();
  let fetched = 0; // pending[0 .. fetched) have been handed to the driver
  let failure: Error | null = null;
  let lastProgress = Date.now();
  let lastPollError: Error | null = null;
  let warnedIdle = false;
  let closed = false;
  const timers: NodeJS.Timeout[] = [];

  const fail = (e: Error) => {
    if (failure !== null) return;
    failure = e;
    for (const p of pending) if (!p.settled) settle(p, e);
  };
  const settle = (p: Pending, v: ChunkReply | Error) => {
    if (p.settled) return;
    p.settled = true;
    if (v instanceof Error) p.reject(v);
    else p.resolve(v);
  };
  const chunkName = (t: RangeOptions) => `chunk [${t.start.toLocaleString('en-US')}, ${t.end.toLocaleString('en-US')})`;

  /** Hands finished chunks to the driver in run order, fetching each result only when its turn comes. */
  let pumping = false;
  const pump = async () => {
    if (pumping) return;
    pumping = true;
    try {
      while (failure === null && fetched < pending.length && pending[fetched].done) {
        const p = pending[fetched];
        const key = resultKey(p.id);
        const text = await request(redis.get(key), `reading the result of ${chunkName(p.task)}`);
        if (text === null) throw new CoordsimError('E_QUEUE', `--queue ${o.target.shown}: the result of ${chunkName(p.task)} vanished from Redis before it was read`);
        let reply: ChunkReply;
        try {
          reply = decodeReply(text);
        } catch (e) {
          throw new CoordsimError('E_QUEUE', `--queue ${o.target.shown}: ${chunkName(p.task)} came back in a form this coordsim does not read (${(e as Error).message})`);
        }
        fetched++;
        lastProgress = Date.now();
        redis.del(key).catch(() => undefined);
        queue!.remove(p.id).catch(() => undefined);
        settle(p, reply);
        await new Promise<void>((r) => setImmediate(r)); // the driver merges it before the next fetch
      }
    } catch (e) {
      fail(e as Error);
    } finally {
      pumping = false;
    }
  };
  const completed = (id: string) => {
    const p = byId.get(id);
    if (p === undefined || p.done) return;
    p.done = true;
    lastProgress = Date.now();
    void pump();
  };
  const failed = (id: string, reason: string) => {
    const p = byId.get(id);
    if (p === undefined || closed) return;
    fail(new CoordsimError('E_QUEUE', `--queue ${o.target.shown}: ${chunkName(p.task)} failed on a worker: ${reason}`));
  };

  /** Catches what events may have missed, and gives up when nothing moves for idleTimeoutMs. */
  const watch = async () => {
    if (closed || failure !== null) return;
    const open = pending.filter((p) => !p.done).slice(0, 8);
    if (open.length === 0) return;
    try {
      const states = await request(Promise.all(open.map((p) => queue!.getJobState(p.id))), 'checking the chunks');
      lastPollError = null;
      states.forEach((s, i) => {
        if (s === 'active') lastProgress = Date.now();
        else if (s === 'completed') completed(open[i].id);
        else if (s === 'failed') {
          Job.fromId(queue!, open[i].id)
            .then((j) => failed(open[i].id, j?.failedReason ?? 'unknown reason'))
            .catch(() => undefined);
        }
      });
    } catch (e) {
      lastPollError = e as Error;
    }
    const idle = Date.now() - lastProgress;
    if (!warnedIdle && idle >= Math.min(5000, o.idleTimeoutMs / 2) && fetched === 0) {
      warnedIdle = true;
      o.notice(`waiting for a worker: start \`coordsim worker --queue ${o.target.shown}\` on any machine that reaches this Redis\n`);
    }
    if (idle >= o.idleTimeoutMs) {
      const s = Math.round(o.idleTimeoutMs / 1000);
      fail(
        new CoordsimError(
          'E_QUEUE',
          lastPollError !== null
            ? `--queue ${o.target.shown}: lost Redis: no answer for ${s} s (${describe(lastPollError)})`
            : `--queue ${o.target.shown}: no worker ran a chunk for ${s} s (${pending.length - fetched} of ${pending.length} queued chunks left): start \`coordsim worker --queue ${o.target.shown}\`, or raise --queue-timeout`,
        ),
      );
    }
  };

  const close = async () => {
    if (closed) return;
    closed = true;
    fail(new CoordsimError('E_QUEUE', `--queue ${o.target.shown}: the submission was stopped and its queued chunks removed`));
    for (const t of timers) clearInterval(t);
    const left = pending.slice(fetched).map((p) => p.id);
    const steps = async () => {
      await redis.del(submissionKey(submission)).catch(() => undefined);
      if (queue !== null) await Promise.all(left.map((id) => queue!.remove(id).catch(() => 0)));
      if (left.length > 0) await redis.del(...left.map(resultKey)).catch(() => 0);
      await Promise.allSettled([events?.close(), queue?.close()]);
    };
    await withTimeout(steps(), CLOSE_MS, () => 'closing').catch(() => undefined);
    redis.disconnect();
    events?.disconnect().catch(() => undefined);
    queue?.disconnect().catch(() => undefined);
    unregister();
  };
  const unregister = onInterruptAsync(close);

  try {
    const beat = () => redis.set(submissionKey(submission), JSON.stringify({ coordsim: version, scenario: o.scenarioName }), 'PX', HEARTBEAT_TTL_MS);
    await request(beat(), 'starting the submission');
    await request(redis.set(scenarioKey(o.scenarioHash), JSON.stringify(toLosslessJson(o.scenario)), 'EX', SCENARIO_TTL_S), 'storing the scenario');
    queue = new Queue(QUEUE_NAME, { connection, prefix: KEY_PREFIX });
    events = new QueueEvents(QUEUE_NAME, { connection, prefix: KEY_PREFIX });
    queue.on('error', () => undefined); // reported through the watchdog
    events.on('error', () => undefined);
    await request(Promise.all([queue.waitUntilReady(), events.waitUntilReady()]), 'opening the queue');
    events.on('completed', ({ jobId }) => completed(jobId));
    events.on('failed', ({ jobId, failedReason }) => failed(jobId, failedReason));
    events.on('stalled', ({ jobId }) => {
      const p = byId.get(jobId);
      if (p !== undefined) o.notice(`a worker stopped during ${chunkName(p.task)}; BullMQ gives it to another worker\n`);
    });
    const heartbeat = setInterval(() => {
      beat().catch(() => undefined);
      redis.expire(scenarioKey(o.scenarioHash), SCENARIO_TTL_S).catch(() => undefined);
    }, HEARTBEAT_MS);
    const watchdog = setInterval(() => void watch(), POLL_MS);
    heartbeat.unref();
    timers.push(heartbeat, watchdog);
  } catch (e) {
    await close();
    throw e instanceof CoordsimError ? e : new CoordsimError('E_QUEUE', `--queue ${o.target.shown}: ${describe(e as Error)}`);
  }

  return {
    window: o.window,
    run(task: RangeOptions): Promise<ChunkReply> {
      return new Promise<ChunkReply>((resolve, reject) => {
        const p: Pending = { id: chunkJobId(submission, task.start), task, resolve, reject, done: false, settled: false };
        if (failure !== null) return reject(failure);
        pending.push(p);
        pending.sort((a, b) => a.task.start - b.task.start);
        byId.set(p.id, p);
        const data: ChunkJobData = { format: JOB_FORMAT, coordsim: version, summaryFormat: SUMMARY_FORMAT, submission, scenarioHash: o.scenarioHash, scenarioName: o.scenarioName, task };
        request(queue!.add('chunk', data, { jobId: p.id, attempts: 1, removeOnComplete: { age: 3600 }, removeOnFail: { age: 24 * 3600 } }), `queueing ${chunkName(task)}`).catch((e: Error) => fail(e));
      });
    },
    close,
  };
}
