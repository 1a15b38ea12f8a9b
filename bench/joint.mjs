/**
 * Joint tasks and units against plain tasks on the random project of bench/montecarlo.mjs
 * (issue 13: "the 2,000-task random project with joint tasks within 1.5x of its runs/s
 * without"). Needs the build.
 *   node bench/joint.mjs [--runs N] [--rounds K] [--quick] [--json] [--dist DIR]
 * Variants of randomProject(2000, 50), strategy ideal: as is; every 10th task joint with a
 * second agent; every 10th task joint and every 10th (others) a half share; every 10th task
 * on a pool of 2 units (`needs`). Each is timed as bare engine runs (the fast path alone: runs/s
 * of `Engine.run` without the sampling) and with monteCarlo on one worker (runs/s end to end).
 * The variants are interleaved in the same process, K rounds of N/K runs each in turn, so that
 * the load of a shared machine falls on all of them alike; a slowdown is the ratio of total
 * times, and beside it the least and greatest ratio of single rounds. Engine runs and
 * monteCarlo calls are timed on the wall clock and in CPU time of this process
 * (`process.cpuUsage`, which a loaded machine inflates far less: time spent waiting for a core
 * is not counted). `--dist` times another build (a folder with index.js).
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { randomProject } from './montecarlo.mjs';

const root = new URL('../', import.meta.url);
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const KINDS = ['plain', 'joint', 'joint+shares', 'pool'];

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

/** Ratios of each case's total time to plain's, and the spread of the per-round ratios. */
function slowdowns(ms, kind) {
  const total = ms[kind].reduce((a, b) => a + b, 0) / ms.plain.reduce((a, b) => a + b, 0);
  const per = ms[kind].map((x, i) => x / ms.plain[i]);
  return { ratio: round(total), min: round(Math.min(...per)), max: round(Math.max(...per)) };
}

export async function run({ runs = 3000, rounds = 10, dist = new URL('dist/', root).href } = {}) {
  const { compileModel, Engine, createRunInputs, sampleRunInputs, monteCarlo } = await import(new URL('index.js', dist).href);
  const per = Math.max(1, Math.round(runs / rounds));
  const cases = KINDS.map((kind) => {
    const scenario = variant(kind);
    const model = compileModel(scenario);
    return { kind, scenario, model, engine: new Engine(model, model.strategies.ideal), inputs: createRunInputs(model) };
  });
  // Warm-up: every engine, then every monteCarlo once (the first call compiles the scenario again).
  for (const c of cases) for (let i = 0; i < 100; i++) c.engine.run(sampleRunInputs(c.model, 1, i, c.inputs), { seed: 1, run: i });
  for (const c of cases) await monteCarlo(c.scenario, { runs: 50, workers: 1 });
  const engineMs = Object.fromEntries(KINDS.map((k) => [k, []]));
  const cpuMs = Object.fromEntries(KINDS.map((k) => [k, []]));
  const mcMs = Object.fromEntries(KINDS.map((k) => [k, []]));
  const mcCpuMs = Object.fromEntries(KINDS.map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const c of cases) {
      let ms = 0;
      let cpu = 0;
      for (let i = r * per; i < (r + 1) * per; i++) {
        sampleRunInputs(c.model, 2, i, c.inputs);
        const u = process.cpuUsage();
        const t = performance.now();
        c.engine.run(c.inputs, { seed: 2, run: i });
        ms += performance.now() - t;
        const d = process.cpuUsage(u);
        cpu += (d.user + d.system) / 1000;
      }
      engineMs[c.kind].push(ms);
      cpuMs[c.kind].push(cpu);
    }
  }
  // End to end: fewer, longer calls (each monteCarlo compiles and summarizes once).
  const mcRounds = Math.max(1, Math.round(rounds / 3));
  const mcRuns = Math.max(1, Math.round(runs / mcRounds));
  for (let r = 0; r < mcRounds; r++) {
    for (const c of cases) {
      const u = process.cpuUsage();
      const t = performance.now();
      await monteCarlo(c.scenario, { runs: mcRuns, workers: 1, seed: 3 + r });
      mcMs[c.kind].push(performance.now() - t);
      const d = process.cpuUsage(u);
      mcCpuMs[c.kind].push((d.user + d.system) / 1000);
    }
  }
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const out = cases.map(({ kind }) => ({
    variant: kind,
    engineRunsPerSecond: Math.round((per * rounds * 1000) / sum(engineMs[kind])),
    engineRunsPerCpuSecond: Math.round((per * rounds * 1000) / sum(cpuMs[kind])),
    monteCarloRunsPerSecond: Math.round((mcRuns * mcRounds * 1000) / sum(mcMs[kind])),
    monteCarloRunsPerCpuSecond: Math.round((mcRuns * mcRounds * 1000) / sum(mcCpuMs[kind])),
    slowdown: { engine: slowdowns(engineMs, kind), engineCpu: slowdowns(cpuMs, kind), monteCarlo: slowdowns(mcMs, kind), monteCarloCpu: slowdowns(mcCpuMs, kind) },
  }));
  return { bench: 'joint', node: process.version, loadAverage: loadavg().map((x) => round(x)), runs: per * rounds, rounds, monteCarloRuns: mcRuns * mcRounds, target: 'slowdown <= 1.5', cases: out };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const arg = (name) => (argv.indexOf(name) >= 0 ? argv[argv.indexOf(name) + 1] : undefined);
  const runs = arg('--runs') !== undefined ? Number(arg('--runs')) : argv.includes('--quick') ? 300 : 3000;
  const rounds = arg('--rounds') !== undefined ? Number(arg('--rounds')) : argv.includes('--quick') ? 3 : 10;
  const dist = arg('--dist') !== undefined ? pathToFileURL(arg('--dist').replace(/\/?$/, '/')).href : undefined;
  const r = await run({ runs, rounds, dist });
  const show = (s) => `x${s.ratio} (rounds ${s.min}..${s.max})`;
  process.stdout.write(
    argv.includes('--json')
      ? JSON.stringify(r, null, 2) + '\n'
      : `load average ${r.loadAverage.join(' ')}; ${r.runs} engine runs and ${r.monteCarloRuns} monteCarlo runs per variant, interleaved\n` +
          r.cases
            .map((c) => `${c.variant.padEnd(13)} engine ${c.engineRunsPerSecond} runs/s ${show(c.slowdown.engine)}; CPU time ${c.engineRunsPerCpuSecond} runs/s ${show(c.slowdown.engineCpu)}; monteCarlo ${c.monteCarloRunsPerSecond} runs/s ${show(c.slowdown.monteCarlo)}; CPU time ${c.monteCarloRunsPerCpuSecond} runs/s ${show(c.slowdown.monteCarloCpu)}`)
            .join('\n') +
          '\n',
  );
}
