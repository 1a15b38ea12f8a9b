import { Redis } from 'ioredis';
import { CoordsimError } from '../../scenario/CoordsimError.js';
import type { QueueTarget } from './queueTarget.js';

/** How long connecting to Redis may take before coordsim gives up. */
export const CONNECT_TIMEOUT_MS = 5000;

/** BullMQ's queue name and key prefix: every coordsim submitter and worker on a Redis meets here. */
export const QUEUE_NAME = 'chunks';
export const KEY_PREFIX = 'coordsim';

/** Where a submission keeps its scenario (by hash) and its heartbeat (by id). */
export const scenarioKey = (hash: string) => `${KEY_PREFIX}:scenario:${hash}`;
export const submissionKey = (id: string) => `${KEY_PREFIX}:submission:${id}`;
/** Where a worker leaves a chunk's reply for the submitter (kept an hour at most). */
export const resultKey = (jobId: string) => `${KEY_PREFIX}:result:${jobId}`;
export const RESULT_TTL_S = 3600;

/**
 * ioredis options for BullMQ's connections to the target: a bounded connect timeout, retries
 * every 0.2–2 s (BullMQ reconnects; coordsim's own watchdogs bound how long it waits), and
 * `maxRetriesPerRequest: null` as BullMQ's workers require.
 */
export function redisOptions(t: QueueTarget) {
  return {
    host: t.host,
    port: t.port,
    db: t.db,
    username: t.username,
    password: t.password,
    ...(t.tls ? { tls: {} } : {}),
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(200 * times, 2000),
  };
}

/** Resolves with `p`, or rejects with E_QUEUE `what` after `ms` (the timer does not keep the process alive). */
export function withTimeout<T>(p: Promise<T>, ms: number, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CoordsimError('E_QUEUE', what())), ms);
    timer.unref();
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/**
 * Connects to the target and checks it answers PING within `CONNECT_TIMEOUT_MS`; E_QUEUE naming
 * the URL and the cause (refused, unknown host, timeout, authentication) otherwise. The check
 * gives up instead of retrying; the client returned for coordsim's own keys (scenario,
 * heartbeat, results) reconnects after a lost connection, each request bounded by its caller.
 */
export async function connectRedis(t: QueueTarget, flag = '--queue'): Promise<Redis> {
  let last: Error | null = null;
  const probe = new Redis({
    ...redisOptions(t),
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  probe.on('error', (e: Error) => void (last = e));
  try {
    await withTimeout(
      probe.connect().then(() => probe.ping()),
      CONNECT_TIMEOUT_MS,
      () => `no answer within ${CONNECT_TIMEOUT_MS / 1000} s${last !== null ? ` (${describe(last)})` : ''}`,
    );
  } catch (e) {
    const cause = e instanceof CoordsimError ? e.message : describe(last ?? (e as Error));
    throw new CoordsimError('E_QUEUE', `${flag} ${t.shown}: cannot reach Redis: ${cause}; is redis-server running there, and the host and port right?`);
  } finally {
    probe.disconnect();
  }
  const client = new Redis({ ...redisOptions(t), maxRetriesPerRequest: 2 });
  client.on('error', () => undefined); // reported by the requests that fail
  return client;
}

/** A connection error in a few words (`ECONNREFUSED 127.0.0.1:1`, `ENOTFOUND nohost`, `NOAUTH …`). */
export function describe(e: Error): string {
  const err = e as NodeJS.ErrnoException & { address?: string; port?: number; hostname?: string };
  if (err.code === 'ECONNREFUSED') return `connection refused (ECONNREFUSED ${err.address ?? ''}${err.port !== undefined ? `:${err.port}` : ''})`;
  if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') return `unknown host (${err.code} ${err.hostname ?? ''})`;
  return (err.code !== undefined ? `${err.code}: ` : '') + e.message.split('\n')[0];
}
