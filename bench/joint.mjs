/**
 * Joint tasks and units against plain tasks on the random project of bench/montecarlo.mjs
 * (issue 13: "the 2,000-task random project with joint tasks within 1.5x of its runs/s
 * without"). Needs the build.
 *   node bench/joint.mjs [--runs N] [--quick] [--json]
 * Variants of randomProject(2000, 50), strategy ideal: as is; every 10th task joint with a
 * second agent; every 10th task joint and every 10th (others) a half share; every 10th task
 * on a pool of 2 units (`needs`). Each is timed with monteCarlo on one worker (runs/s end to
 * end) and as bare engine runs (the fast path alone).
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { randomProject } from './montecarlo.mjs';

const root = new URL('../', import.meta.url);
const lib = () => import(new URL('dist/index.js', root).href);
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** The random project with some tasks turned into joint work, shares or pool demands. */
export function variant(kind, T = 2000, A = 50) {
  const s = randomProject(T, A);
  if (kind === 'plain') return s;
  s.name += `, ${kind}`;
  if (kind === 'pool') s.agents = s.agents.map((a, i) => ({ ...a, skills: [`g${i % 10}`] }));
  s.tasks = s.tasks.map((t, i) => {
    const a = Number(t.agent.slice(1));
    const other = `a${(a + 1 + (i % (A - 1))) % A}`;
    if (i % 10 === 3) {
      if (kind === 'pool') return { ...t, agent: undefined, needs: [{ skill: `g${a % 10}`, units: 2 }] };
      return { ...t, agent: undefined, agents: [t.agent, other] };
    }
    if (kind === 'joint+shares' && i % 10 === 7) return { ...t, units: 0.5 };
    return t;
  });
  s.tasks.forEach((t) => t.agent === undefined && delete t.agent);
  return s;
}

async function measure(kind, runs) {
  const { compileModel, Engine, createRunInputs, sampleRunInputs, monteCarlo } = await lib();
  const s = variant(kind);
  const model = compileModel(s);
  const engine = new Engine(model, model.strategies.ideal);
  const inputs = createRunInputs(model);
  for (let i = 0; i < 50; i++) engine.run(sampleRunInputs(model, 1, i, inputs), { seed: 1, run: i });
  let t0 = performance.now();
  let engineMs = 0;
  for (let i = 0; i < runs; i++) {
    sampleRunInputs(model, 2, i, inputs);
    const t = performance.now();
    engine.run(inputs, { seed: 2, run: i });
    engineMs += performance.now() - t;
  }
  const bareSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  await monteCarlo(s, { runs, workers: 1 });
  const mcSeconds = (performance.now() - t0) / 1000;
  return { variant: kind, runs, engineRunsPerSecond: Math.round((runs * 1000) / engineMs), sampledRunsPerSecond: Math.round(runs / bareSeconds), monteCarloRunsPerSecond: Math.round(runs / mcSeconds) };
}

export async function run({ runs = 3000 } = {}) {
  const cases = [];
  for (const kind of ['plain', 'joint', 'joint+shares', 'pool']) {
    const c = await measure(kind, runs);
    process.stderr.write(`${kind}: engine ${c.engineRunsPerSecond} runs/s, with sampling ${c.sampledRunsPerSecond}, monteCarlo (1 worker) ${c.monteCarloRunsPerSecond}\n`);
    cases.push(c);
  }
  const plain = cases[0];
  for (const c of cases) c.slowdown = { engine: round(plain.engineRunsPerSecond / c.engineRunsPerSecond), monteCarlo: round(plain.monteCarloRunsPerSecond / c.monteCarloRunsPerSecond) };
  return { bench: 'joint', node: process.version, loadAverage: loadavg().map((x) => round(x)), target: 'slowdown <= 1.5', cases };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--runs');
  const runs = i >= 0 ? Number(argv[i + 1]) : argv.includes('--quick') ? 300 : 3000;
  const r = await run({ runs });
  process.stdout.write(argv.includes('--json') ? JSON.stringify(r, null, 2) + '\n' : r.cases.map((c) => `${c.variant.padEnd(14)} engine ${c.engineRunsPerSecond} runs/s (x${c.slowdown.engine} slower than plain), monteCarlo ${c.monteCarloRunsPerSecond} runs/s (x${c.slowdown.monteCarlo})`).join('\n') + '\n');
}
