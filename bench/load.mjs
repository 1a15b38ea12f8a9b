/**
 * Loading large plans (issue 14). Writes a 20,000- and a 100,000-task scenario with
 * dependencies, in JSON and in YAML, into a temporary folder, then measures:
 * - `coordsim validate FILE` end to end (process start to exit, a child process): wall
 *   seconds, CPU seconds (user + system) and peak memory (max RSS, MB);
 * - `parseScenario` of the YAML text against the YAML library's own parse of it
 *   (`parseDocument` + `toJS`), alternating in this process: CPU time and their ratio;
 * - `compileModel` of the parsed scenario (what `run` and `montecarlo` add to loading).
 * With `--against DIR` (another build's dist folder, e.g. of main) every figure is taken for
 * both builds, alternating run by run. Needs the build (`npm run bench` builds first).
 *   node bench/load.mjs [--quick] [--repeats N] [--json-only] [--yaml-100k] [--against /path/to/other/dist]
 *   node bench/load.mjs --write DIR      only write the scenarios into DIR
 * --quick: the 20,000-task files only; --json-only: no YAML figures; --yaml-100k: validate
 * the 100,000-task YAML file too (minutes, and over 1.5 GB: the YAML library's own cost).
 * Wall-clock figures rise on a busy machine: read them next to the load average; CPU
 * seconds and the ratios are steadier.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

/**
 * A large plan: T tasks on A agents (a tenth with skills instead of a fixed agent), each task
 * depending on up to three earlier ones (some as links with a lag), PERT, triangular or fixed
 * durations, one gate per 1,000 tasks, two strategies. A fixed LCG makes it the same every time.
 */
export function largeScenario(T, A = 50) {
  let s = 7;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const skills = ['backend', 'frontend', 'data', 'ops', 'qa'];
  const agents = Array.from({ length: A }, (_, i) => ({ id: `agent-${i}`, role: `Agent ${i}`, skills: [skills[i % 5], skills[(i + 2) % 5]] }));
  const tasks = [];
  for (let i = 0; i < T; i++) {
    const after = [];
    const seen = new Set();
    const k = Math.min(i, Math.floor(rnd() * 4));
    for (let j = 0; j < k; j++) {
      const p = Math.max(0, i - 1 - Math.floor(rnd() * Math.min(i, 200)));
      if (seen.has(p)) continue;
      seen.add(p);
      after.push(rnd() < 0.1 ? { task: `task-${p}`, lag: 1 } : `task-${p}`);
    }
    const lo = Math.round((1 + rnd() * 4) * 10) / 10;
    const mode = Math.round((lo + rnd() * 3) * 10) / 10;
    const hi = Math.round((mode + 0.1 + rnd() * 5) * 10) / 10;
    const r = rnd();
    const duration = r < 0.6 ? { pert: [lo, mode, hi] } : r < 0.9 ? { triangular: [lo, mode, hi] } : mode;
    const task = { id: `task-${i}`, name: `Work package ${i}` };
    if (rnd() < 0.1) task.skill = skills[i % 5];
    else task.agent = `agent-${Math.floor(rnd() * A)}`;
    task.duration = duration;
    // The task after each review waits for it (no gate left unawaited: no warnings).
    if (i % 1000 === 0 && i > 0) after.push(`review-${i / 1000}`);
    if (after.length > 0) task.after = after;
    tasks.push(task);
  }
  const gates = [];
  for (let g = 1000; g < T; g += 1000) {
    gates.push({ id: `review-${g / 1000}`, after: [`task-${g - 1}`], reviewer: 'orchestrator', review: 0.5, outcomes: { pass: 0.9, fail: 0.1 } });
  }
  return {
    name: `large plan, ${T} tasks x ${A} agents`,
    time_unit: 'day',
    agents,
    tasks,
    gates,
    strategies: { ideal: { topology: 'ideal' }, hub: { topology: 'hub', handoff: { effort: 0.1 } } },
    strategy: 'ideal',
  };
}

/** The scenario as YAML (one task a few lines, as a person or an exporter writes it). */
export function scenarioYamlText(sc) {
  const q = (x) => JSON.stringify(x);
  const out = [`name: ${q(sc.name)}`, `time_unit: ${sc.time_unit}`, `strategy: ${sc.strategy}`, 'strategies:'];
  for (const [n, st] of Object.entries(sc.strategies)) out.push(`  ${n}: ${JSON.stringify(st)}`);
  out.push('agents:');
  for (const a of sc.agents) out.push(`  - id: ${a.id}`, `    role: ${a.role}`, `    skills: [${a.skills.join(', ')}]`);
  out.push('tasks:');
  for (const t of sc.tasks) {
    out.push(`  - id: ${t.id}`, `    name: ${t.name}`);
    if (t.agent !== undefined) out.push(`    agent: ${t.agent}`);
    if (t.skill !== undefined) out.push(`    skill: ${t.skill}`);
    const d = t.duration;
    out.push(`    duration: ${typeof d === 'number' ? d : d.pert ? `{pert: [${d.pert.join(', ')}]}` : `{triangular: [${d.triangular.join(', ')}]}`}`);
    if (t.after) out.push(`    after: [${t.after.map((e) => (typeof e === 'string' ? e : `{task: ${e.task}, lag: ${e.lag}}`)).join(', ')}]`);
  }
  out.push('gates:');
  for (const g of sc.gates) out.push(`  - id: ${g.id}`, `    after: [${g.after.join(', ')}]`, `    reviewer: ${g.reviewer}`, `    review: ${g.review}`, `    outcomes: {pass: ${g.outcomes.pass}, fail: ${g.outcomes.fail}}`);
  return out.join('\n') + '\n';
}

/** Writes large-<T>.json and large-<T>.yaml for each size into `dir`; returns their paths. */
export function writeScenarios(dir, sizes) {
  mkdirSync(dir, { recursive: true });
  const files = {};
  for (const T of sizes) {
    const sc = largeScenario(T);
    files[T] = { json: join(dir, `large-${T}.json`), yaml: join(dir, `large-${T}.yaml`) };
    writeFileSync(files[T].json, JSON.stringify(sc, null, 1) + '\n');
    writeFileSync(files[T].yaml, scenarioYamlText(sc));
  }
  return files;
}

/**
 * `coordsim validate FILE` of the build in `dist`, in a child process: wall seconds (spawn to
 * exit), and the child's own CPU seconds and max RSS (MB), which it writes on exit.
 */
function validateOnce(dist, file) {
  const out = join(tmpdir(), `coordsim-load-usage-${process.pid}.json`);
  const cli = join(dist, 'cli', 'main.js');
  const script = `
    import { writeFileSync } from 'node:fs';
    process.on('exit', () => {
      const u = process.resourceUsage();
      writeFileSync(${JSON.stringify(out)}, JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, rss: u.maxRSS / 1024 }));
    });
    process.argv.splice(1, 0, ${JSON.stringify(cli)});
    await import(${JSON.stringify(pathToFileURL(cli).href)});
  `;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, 'validate', file], { encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const usage = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out, { force: true });
  return { wall, cpu: usage.cpu, rss: usage.rss, status: r.status, stderr: r.stderr.slice(0, 500) };
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

export async function run({ quick = false, repeats = 3, against = null, formats = ['json', 'yaml'], yaml100k = false } = {}) {
  const sizes = quick ? [20000] : [20000, 100000];
  const builds = { this: DIST, ...(against ? { against } : {}) };
  const dir = mkdtempSync(join(tmpdir(), 'coordsim-load-'));
  const { parseDocument } = await import('yaml');
  const libs = {};
  for (const [name, dist] of Object.entries(builds)) {
    libs[name] = {
      parseScenario: (await import(pathToFileURL(join(dist, 'scenario', 'parseScenario.js')).href)).parseScenario,
      compileModel: (await import(pathToFileURL(join(dist, 'engine', 'compileModel.js')).href)).compileModel,
    };
  }
  try {
    const files = writeScenarios(dir, sizes);
    const validate = [];
    for (const T of sizes) {
      for (const format of formats) {
        if (format === 'yaml' && T > 20000 && !yaml100k) continue;
        const file = files[T][format];
        const runs = Object.fromEntries(Object.keys(builds).map((b) => [b, []]));
        for (let k = 0; k < repeats; k++) {
          for (const [name, dist] of Object.entries(builds)) {
            const r = validateOnce(dist, file);
            if (r.status !== 0) throw new Error(`coordsim validate ${file} (${name}) exited ${r.status}: ${r.stderr}`);
            runs[name].push(r);
          }
        }
        for (const [name, rs] of Object.entries(runs)) {
          validate.push({
            build: name,
            tasks: T,
            format,
            megabytes: round(readFileSync(file).length / 1048576, 1),
            wallSeconds: round(median(rs.map((r) => r.wall))),
            cpuSeconds: round(median(rs.map((r) => r.cpu))),
            maxRssMB: Math.round(Math.max(...rs.map((r) => r.rss))),
          });
        }
      }
    }
    // In-process figures, CPU milliseconds, builds and the library alternating.
    const yaml = [];
    const compile = [];
    for (const T of sizes) {
      const json = readFileSync(files[T].json, 'utf8');
      for (const [name, lib] of Object.entries(libs)) {
        const ms = [];
        for (let k = 0; k < repeats; k++) {
          const s = lib.parseScenario(json, 'large.json');
          const t0 = cpuMs();
          lib.compileModel(s);
          ms.push(cpuMs() - t0);
        }
        compile.push({ build: name, tasks: T, compileModelCpuMs: Math.round(median(ms)) });
      }
      if (T > 20000 || !formats.includes('yaml')) continue;
      const text = readFileSync(files[T].yaml, 'utf8');
      const library = [];
      const ours = Object.fromEntries(Object.keys(libs).map((b) => [b, []]));
      for (let k = 0; k < repeats; k++) {
        let t0 = cpuMs();
        parseDocument(text).toJS();
        library.push(cpuMs() - t0);
        for (const [name, lib] of Object.entries(libs)) {
          t0 = cpuMs();
          lib.parseScenario(text, 'large.yaml');
          ours[name].push(cpuMs() - t0);
        }
      }
      for (const [name, ms] of Object.entries(ours)) {
        yaml.push({ build: name, tasks: T, yamlLibraryCpuMs: Math.round(median(library)), parseScenarioCpuMs: Math.round(median(ms)), ratio: round(median(ms) / median(library)) });
      }
    }
    return {
      repeats,
      validate,
      yaml,
      compile,
      targets: 'validate of the 100,000-task JSON: wall < 1 s, max RSS < 500 MB; YAML ratio <= 2',
      loadAverage: loadavg().map((x) => round(x)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  if (arg('--write')) console.log(JSON.stringify(writeScenarios(arg('--write'), [20000, 100000]), null, 2));
  else console.log(JSON.stringify(await run({ quick: process.argv.includes('--quick'), repeats: Number(arg('--repeats') ?? 3), against: arg('--against') ?? null, ...(process.argv.includes('--json-only') ? { formats: ['json'] } : {}), yaml100k: process.argv.includes('--yaml-100k') }), null, 2));
}
