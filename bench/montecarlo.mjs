/**
 * Monte Carlo throughput and memory (issue 4). Needs the build (`npm run bench` builds first).
 *   node bench/montecarlo.mjs            all cases, JSON figures on stdout
 *   node bench/montecarlo.mjs --quick    fewer runs (a smoke test of the bench itself)
 *   node bench/montecarlo.mjs --no-memory  throughput only (skips the 10^4..10^6-run RSS children)
 * `run()` returns the figures for bench/run.mjs. Wall-clock figures: on a shared or busy
 * machine they drop, so read them next to the load average printed with them.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = new URL('../', import.meta.url);
const lib = () => import(new URL('dist/index.js', root).href);
const io = () => import(new URL('dist/cli/io.js', root).href);
const SEED_SCENARIO = fileURLToPath(new URL('scenarios/ecommerce-security.yaml', root));

/**
 * The random project: T tasks on A agents, each task fixed to an agent and depending on
 * up to three earlier tasks, PERT durations, strategy `ideal`. A fixed LCG makes it the same
 * project every time.
 */
export function randomProject(T, A) {
  let s = 42;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const tasks = [];
  for (let i = 0; i < T; i++) {
    const after = new Set();
    const k = Math.min(i, Math.floor(rnd() * 4));
    for (let j = 0; j < k; j++) after.add(`t${Math.floor(rnd() * i)}`);
    const lo = 1 + rnd() * 4;
    const mode = lo + rnd() * 3;
    tasks.push({ id: `t${i}`, agent: `a${Math.floor(rnd() * A)}`, duration: { pert: [lo, mode, mode + rnd() * 5] }, after: [...after] });
  }
  return { name: `random ${T} tasks x ${A} agents`, time_unit: 'day', agents: Array.from({ length: A }, (_, i) => ({ id: `a${i}` })), tasks, strategy: 'ideal' };
}

/**
 * Times one monteCarlo call: runs/s and events/s, wall clock, summaries included (end to end,
 * start-up and final statistics too). `steadyRunsPerSecond` leaves out the start-up: runs
 * completed between the first and the last progress report, over the time between them.
 */
async function throughput(name, scenario, runs, workers, strategy) {
  const { monteCarlo } = await lib();
  const t0 = performance.now();
  let first = null;
  let last = null;
  const onProgress = (done) => {
    const t = performance.now();
    if (first === null) first = { t, done };
    last = { t, done };
  };
  const r = await monteCarlo(scenario, { runs, workers, strategy, onProgress });
  const s = (performance.now() - t0) / 1000;
  const steady = first !== null && last.done > first.done ? Math.round(((last.done - first.done) * 1000) / (last.t - first.t)) : null;
  const figure = {
    case: name,
    runs,
    workers,
    seconds: round(s, 2),
    runsPerSecond: Math.round(runs / s),
    steadyRunsPerSecond: steady,
    startupSeconds: first === null ? null : round((first.t - t0) / 1000, 2),
    eventsPerSecond: Math.round((runs * r.events) / s),
    eventsPerRun: round(r.events, 1),
  };
  process.stderr.write(
    `${name}: ${figure.runsPerSecond.toLocaleString('en-US')} runs/s end to end (steady ${steady?.toLocaleString('en-US') ?? '-'}), ` +
      `${figure.eventsPerSecond.toLocaleString('en-US')} events/s (${runs} runs, ${workers} workers, ${figure.seconds} s)\n`,
  );
  return figure;
}

/** Peak RSS of a child process (this file with --rss-child) running `runs` runs of the seed scenario (maxRSS, MB). */
function peakRss(runs, workers) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--rss-child', String(runs), String(workers)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`peak RSS child failed: ${r.stderr}`);
  const { seconds, maxRssKb } = JSON.parse(r.stdout);
  const figure = { runs, workers, peakRssMb: round(maxRssKb / 1024, 1), seconds: round(seconds, 1), runsPerSecond: Math.round(runs / seconds) };
  process.stderr.write(`seed scenario memory: ${runs.toLocaleString('en-US')} runs -> peak RSS ${figure.peakRssMb} MB (${figure.seconds} s)\n`);
  return figure;
}

/** The child side of `peakRss`: one Monte Carlo, then its time and the process's peak RSS. */
async function rssChild(runs, workers) {
  const { monteCarlo } = await lib();
  const { scenario } = await (await io()).loadScenarioFile(SEED_SCENARIO);
  const t0 = performance.now();
  await monteCarlo(scenario, { runs, workers });
  process.stdout.write(JSON.stringify({ seconds: (performance.now() - t0) / 1000, maxRssKb: process.resourceUsage().maxRSS }) + '\n');
}

const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;

/** All figures of this bench, as plain data. */
export async function run({ quick = false, memory: withMemory = true } = {}) {
  const workers = availableParallelism();
  const { scenario: seed } = await (await io()).loadScenarioFile(SEED_SCENARIO);
  const small = randomProject(20, 5);
  const large = randomProject(2000, 50);
  const k = quick ? 0.05 : 1;
  const cases = [
    await throughput('random 20 tasks / 5 agents, ideal', small, Math.round(600_000 * k), workers),
    await throughput('random 20 tasks / 5 agents, ideal (one worker)', small, Math.round(200_000 * k), 1),
    // 30,000 runs (about 15 s): long enough that worker start-up and JIT warm-up (about 1 s) weigh little.
    await throughput('random 2,000 tasks / 50 agents, ideal', large, Math.round(30_000 * k), workers),
    await throughput('seed scenario (orchestrator, all mechanisms)', seed, Math.round(300_000 * k), workers),
    await throughput('seed scenario (one worker)', seed, Math.round(100_000 * k), 1),
  ];
  const memory = withMemory ? (quick ? [10_000, 30_000] : [10_000, 100_000, 1_000_000]).map((n) => peakRss(n, workers)) : [];
  return { bench: 'montecarlo', node: process.version, cores: workers, loadAverage: loadavg().map((x) => round(x, 2)), targets: { small: 150_000, large: 2_000, seed: 20_000 }, cases, memory };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2] === '--rss-child') {
  await rssChild(Number(process.argv[3]), Number(process.argv[4]));
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await run({ quick: process.argv.includes('--quick'), memory: !process.argv.includes('--no-memory') });
  process.stdout.write(JSON.stringify(figures, null, 2) + '\n');
}
