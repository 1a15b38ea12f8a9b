/**
 * The queue backend (montecarlo --queue, coordsim worker) against the in-process pool (issue 16).
 * Needs the build (`npm run bench` builds first) and redis-server (skipped without it); the bench
 * starts its own redis-server on a free loopback port and its own workers, and stops them.
 *   node bench/queue.mjs          all cases, JSON figures on stdout
 *   node bench/queue.mjs --quick  fewer runs (a smoke test of the bench itself)
 * Figures:
 * - overheadPerChunkMs: (one queue worker's time per 1,000-run chunk) − (one thread in-process),
 *   steady state (after the first chunk), on a scenario whose chunk costs little (the random
 *   20-task project, ideal: the queue's own cost dominates) and on the seed scenario;
 * - throughput with 1, 2 and 4 local worker processes (one chunk at a time each) against the
 *   in-process pool on every core. This machine has few cores: 4 workers on 2 cores show the
 *   queue's cost under contention, not scaling; on N machines the workers add up.
 */
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { createServer } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { randomProject } from './montecarlo.mjs';

const root = new URL('../', import.meta.url);
const dist = (p) => import(new URL(`dist/${p}`, root).href);
const MAIN = fileURLToPath(new URL('dist/cli/main.js', root));
const SEED_SCENARIO = fileURLToPath(new URL('scenarios/ecommerce-security.yaml', root));
const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts `n` worker processes (concurrency 1) and resolves once all are connected. */
async function startWorkers(url, n) {
  const procs = [];
  for (let i = 0; i < n; i++) {
    const child = spawn(process.execPath, [MAIN, 'worker', '--queue', url, '--concurrency', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    const ready = new Promise((resolve, reject) => {
      child.stderr.on('data', (d) => {
        err += d;
        if (err.includes('ready on')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`worker exited ${code}: ${err}`)));
    });
    procs.push({ child, ready });
  }
  await Promise.all(procs.map((p) => p.ready));
  return { stop: () => Promise.all(procs.map((p) => new Promise((r) => (p.child.exitCode !== null ? r() : (p.child.once('exit', r), p.child.kill('SIGKILL')))))) };
}

/** Times a Monte Carlo: seconds end to end and per chunk after the first one (steady state). */
async function timed(scenario, runs, options) {
  const { monteCarlo } = await dist('index.js');
  let first = null;
  let last = null;
  const onProgress = (done) => {
    const t = performance.now();
    if (first === null) first = { t, done };
    last = { t, done };
  };
  const t0 = performance.now();
  await monteCarlo(scenario, { runs, ...options, onProgress });
  const seconds = (performance.now() - t0) / 1000;
  const steadyMsPerChunk = last.done > first.done ? ((last.t - first.t) * 1000) / (last.done - first.done) : null;
  return { seconds: round(seconds, 2), runsPerSecond: Math.round(runs / seconds), steadyMsPerChunk: steadyMsPerChunk === null ? null : round(steadyMsPerChunk, 1) };
}

/** All figures of this bench, as plain data ({skipped} without redis-server). */
export async function run({ quick = false } = {}) {
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    process.stderr.write('queue bench skipped: redis-server is not installed (apt-get install -y redis-server)\n');
    return { bench: 'queue', skipped: 'redis-server is not installed' };
  }
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const { openQueueExecutor } = await dist('cli/queue/openQueueExecutor.js');
  const { parseQueueTarget } = await dist('cli/queue/queueTarget.js');
  const { scenarioHash } = await dist('scaleout/scenarioHash.js');
  const { scenario: seed } = await (await dist('cli/io.js')).loadScenarioFile(SEED_SCENARIO);
  const small = randomProject(20, 5);
  const cores = availableParallelism();
  const k = quick ? 0.25 : 1;
  const queued = async (scenario, runs) => {
    const executor = await openQueueExecutor({ target: parseQueueTarget(url), scenario, scenarioHash: scenarioHash(scenario), scenarioName: scenario.name, idleTimeoutMs: 60_000, window: Infinity, notice: () => undefined });
    try {
      return await timed(scenario, runs, { executor });
    } finally {
      await executor.close();
    }
  };
  try {
    await new Promise((r) => setTimeout(r, 300));
    const overhead = [];
    let workers = await startWorkers(url, 1);
    for (const [name, scenario, runs] of [
      ['random 20 tasks / 5 agents, ideal', small, Math.round(40_000 * k)],
      ['seed scenario (orchestrator, all mechanisms)', seed, Math.round(20_000 * k)],
    ]) {
      await queued(scenario, 2000); // warm the worker up (threads, JIT)
      const local = await timed(scenario, runs, { workers: 1 });
      const queue = await queued(scenario, runs);
      const figure = { case: name, runs, local, queue, overheadPerChunkMs: local.steadyMsPerChunk === null || queue.steadyMsPerChunk === null ? null : round(queue.steadyMsPerChunk - local.steadyMsPerChunk, 1) };
      process.stderr.write(`${name}: ${figure.queue.steadyMsPerChunk} ms per 1,000-run chunk on one queue worker vs ${figure.local.steadyMsPerChunk} ms in this thread: overhead ${figure.overheadPerChunkMs} ms\n`);
      overhead.push(figure);
    }
    await workers.stop();
    const runs = Math.round(60_000 * k);
    const pool = await timed(seed, runs, { workers: cores });
    process.stderr.write(`seed scenario, in-process pool of ${cores} threads: ${pool.runsPerSecond.toLocaleString('en-US')} runs/s\n`);
    const throughput = [{ workers: `in-process pool, ${cores} threads`, ...pool }];
    for (const n of [1, 2, 4]) {
      workers = await startWorkers(url, n);
      await queued(seed, 1000 * n); // every worker warm
      const t = await queued(seed, runs);
      await workers.stop();
      process.stderr.write(`seed scenario, ${n} queue worker${n > 1 ? 's' : ''}: ${t.runsPerSecond.toLocaleString('en-US')} runs/s\n`);
      throughput.push({ workers: `${n} queue worker${n > 1 ? 's' : ''} (concurrency 1)`, ...t, vsPool: round(t.runsPerSecond / pool.runsPerSecond, 2) });
    }
    return { bench: 'queue', node: process.version, cores, loadAverage: loadavg().map((x) => round(x, 2)), overhead, throughput };
  } finally {
    server.kill('SIGKILL');
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await run({ quick: process.argv.includes('--quick') });
  process.stdout.write(JSON.stringify(figures, null, 2) + '\n');
}
