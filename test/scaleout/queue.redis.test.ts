import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { repoPath } from '../helpers.js';
import { expectSameSet, SMALL, tempDir } from './_scaleout.js';

/**
 * The queue backend for real: a redis-server of its own on a free loopback port, submitters and
 * `coordsim worker` processes from dist/, one worker killed with SIGKILL mid-run. Skipped when
 * redis-server is not installed (CI installs it: .ci/run).
 */
const HAVE_REDIS = spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).status === 0;
const MAIN = repoPath('dist/cli/main.js');

const started = new Set<ChildProcess>();
let port = 0;
let redis: Redis | null = null;
let dir = '';
const url = () => `redis://127.0.0.1:${port}`;

interface Proc {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node MAIN args` (or another entry) and keeps it in `started` until it ends. */
function start(args: string[], main = MAIN): Proc {
  const child = spawn(process.execPath, [main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  let err = '';
  let out = '';
  child.stderr!.on('data', (d) => (err += d));
  child.stdout!.on('data', (d) => (out += d));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      started.delete(child);
      resolve({ code, signal });
    }),
  );
  return { child, stdout: () => out, stderr: () => err, ended };
}

/** Resolves once `cond` holds (checked every 50 ms), or fails after `ms` naming `what`. */
async function until(cond: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const t0 = Date.now();
  while (!(await cond())) {
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A loopback port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

async function startWorker(extra: string[] = [], main = MAIN): Promise<Proc> {
  const w = start(['worker', '--queue', url(), '--concurrency', '1', '--lock-ms', '3000', ...extra], main);
  await until(() => w.stderr().includes('ready on') || w.child.exitCode !== null, 20_000, 'a worker to connect');
  expect(w.stderr()).toContain('ready on');
  return w;
}

/** Jobs of this queue still waiting, submissions still announced, chunk results not collected. */
async function leftovers() {
  return {
    waiting: await redis!.llen('coordsim:chunks:wait'),
    submissions: (await redis!.keys('coordsim:submission:*')).length,
    results: (await redis!.keys('coordsim:result:*')).length,
  };
}

if (!HAVE_REDIS && process.env.CI === 'true') {
  test('CI has redis-server (.ci/run installs it), so the Redis end-to-end tests run there', () => expect.fail('redis-server is not installed'));
} else if (!HAVE_REDIS) {
  test.skip('the Redis end-to-end tests need redis-server (apt-get install -y redis-server; .ci/run installs it), which is not installed here', () => undefined);
}

describe.skipIf(!HAVE_REDIS)('montecarlo/compare --queue with coordsim worker processes on a real Redis', () => {
  beforeAll(async () => {
    dir = tempDir('coordsim-queue-');
    port = await freePort();
    const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    started.add(server);
    redis = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: (n) => (n > 50 ? null : 100) });
    redis.on('error', () => undefined); // refused while redis-server starts
    await until(async () => redis!.connect().then(() => true, () => false), 10_000, 'redis-server to accept connections');
  });

  afterAll(async () => {
    redis?.disconnect();
    const ends = [...started].map((c) => new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once('exit', r))));
    for (const c of started) c.kill('SIGKILL');
    await Promise.all(ends);
  });

  test('Redis unreachable: exit 2 within the connect timeout, naming the URL and the cause, nothing written', async () => {
    const closed = await freePort();
    const out = join(dir, 'unreachable');
    const t0 = Date.now();
    const r = start(['compare', SMALL, '--runs', '2000', '--queue', `redis://127.0.0.1:${closed}`, '--out', out]);
    expect(await r.ended).toEqual({ code: 2, signal: null });
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(r.stderr()).toContain(`--queue redis://127.0.0.1:${closed}: cannot reach Redis: connection refused (ECONNREFUSED 127.0.0.1:${closed})`);
    expect(existsSync(out)).toBe(false);
  });

  test('no worker: the submitter gives up after --queue-timeout (exit 2), removes its jobs and writes nothing', async () => {
    const out = join(dir, 'no-worker');
    const r = start(['montecarlo', SMALL, '--runs', '3000', '--queue', url(), '--queue-timeout', '2', '--out', out]);
    expect(await r.ended).toEqual({ code: 2, signal: null });
    expect(r.stderr()).toContain(`no worker ran a chunk for 2 s (3 of 3 queued chunks left): start \`coordsim worker --queue ${url()}\``);
    expect(existsSync(out)).toBe(false);
    expect(await leftovers()).toEqual({ waiting: 0, submissions: 0, results: 0 });
  });

  test('Ctrl-C on the submitter removes its queued jobs and exits 130, leaving no output', async () => {
    const out = join(dir, 'interrupted');
    const r = start(['compare', SMALL, '--runs', '4000', '--queue', url(), '--out', out]);
    await until(async () => (await redis!.llen('coordsim:chunks:wait')) === 4, 20_000, 'the 4 chunk jobs to be queued');
    r.child.kill('SIGINT');
    expect(await r.ended).toEqual({ code: 130, signal: null });
    expect(await leftovers()).toEqual({ waiting: 0, submissions: 0, results: 0 });
    expect(readdirSync(dir).filter((n) => n.includes('interrupted'))).toEqual([]);
  });

  test('a worker of another coordsim version refuses the jobs; the submitter fails with both versions named (exit 2)', async () => {
    // A copy of the build whose package.json says another version.
    const other = join(dir, 'other-version');
    mkdirSync(other);
    cpSync(repoPath('dist'), join(other, 'dist'), { recursive: true });
    writeFileSync(join(other, 'package.json'), JSON.stringify({ name: 'coordsim', version: '0.0.0-other', type: 'module' }));
    symlinkSync(repoPath('node_modules'), join(other, 'node_modules'));
    const w = await startWorker([], join(other, 'dist/cli/main.js'));
    const out = join(dir, 'mismatch');
    const r = start(['montecarlo', SMALL, '--runs', '2000', '--queue', url(), '--out', out]);
    expect(await r.ended).toEqual({ code: 2, signal: null });
    expect(r.stderr()).toMatch(/chunk \[\d,?\d*, [\d,]+\) failed on a worker: version mismatch: the job was submitted by coordsim \d+\.\d+\.\d+ \(summary format coordsim-range-summary\/1\), this worker runs coordsim 0\.0\.0-other/);
    expect(w.stderr()).toContain('refused job');
    expect(existsSync(out)).toBe(false);
    w.child.kill('SIGKILL');
    await w.ended;
  });

  test('three workers, one killed with SIGKILL mid-run: its chunk is retried and the output set is byte-identical to one process', async () => {
    const one = join(dir, 'one');
    // The reference from the same build (report.html inlines code, which vitest's transform writes differently).
    expect(await start(['compare', SMALL, '--runs', '20000', '--out', one]).ended).toEqual({ code: 0, signal: null });
    const workers = [await startWorker(), await startWorker(), await startWorker()];
    const out = join(dir, 'queued');
    const r = start(['compare', SMALL, '--runs', '20000', '--queue', url(), '--out', out]);
    // Worker 0 has finished a chunk and taken the next (BullMQ hands the next job over with the finish; 20 chunks for
    // three workers leave queued work after its first, so it holds one): kill it now.
    await until(() => /runs \d+–\d+/.test(workers[0].stderr()) || r.child.exitCode !== null, 60_000, 'worker 0 to finish a chunk');
    expect(r.child.exitCode).toBe(null);
    workers[0].child.kill('SIGKILL');
    expect(await workers[0].ended).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await r.ended).toEqual({ code: 0, signal: null });
    expect(r.stderr()).toMatch(/a worker stopped during chunk \[[\d,]+, [\d,]+\); BullMQ gives it to another worker/);
    expectSameSet(out, one);
    // (A result a worker stored just before it was killed is overwritten by the retry and collected.)
    expect(await leftovers()).toMatchObject({ waiting: 0, submissions: 0 });
    const done = workers.slice(1).map((w) => (w.stderr().match(/runs \d+–\d+/g) ?? []).length);
    expect(done[0] + done[1]).toBeGreaterThan(0);
    for (const w of workers.slice(1)) w.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.ended));
  });

  test('--precision stops at the same chunk as a local run, and --shard with --queue writes the local part byte for byte', async () => {
    const workers = [await startWorker(), await startWorker()];
    const precise = ['montecarlo', SMALL, '--runs', '30000', '--precision', '0.005', '--json'];
    const local = start(precise);
    const queued = start([...precise, '--queue', url()]);
    const [a, b] = await Promise.all([local.ended, queued.ended]);
    expect([a.code, b.code], queued.stderr()).toEqual([0, 0]);
    expect(queued.stdout()).toBe(local.stdout());
    const result = JSON.parse(local.stdout());
    expect(result.stoppedEarly).toBe(true);
    expect(result.runs).toBeLessThan(30000);
    const parts = [join(dir, 'local-part.json'), join(dir, 'queued-part.json')];
    const shard = (p: string, extra: string[]) => start(['compare', SMALL, '--runs', '3000', '--shard', '1/3', '--out', p, ...extra]).ended;
    expect(await Promise.all([shard(parts[0], []), shard(parts[1], ['--queue', url()])])).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);
    expect(readFileSync(parts[1]).equals(readFileSync(parts[0]))).toBe(true);
    for (const w of workers) w.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.ended));
  });
});
