/**
 * PSPLIB J30 benchmark (issue 13): every dispatch rule as one deterministic pass, and the
 * planning mode at 1,000 schedules, on the 480 J30 instances, as mean and max deviation from
 * the optimal makespan (the published figures of the same methods are named, not quoted: see
 * LITERATURE); plus the engine time of the 480 single passes. Needs the build (`npm run build`) and the data:
 *   node bench/rcpsp.mjs [--data DIR] [--passes N] [--instances K] [--json]
 * DIR (default /work/data/psplib/j30.sm, or $PSPLIB_J30) holds the .sm files and
 * optimum/optimum.csv; without it the bench says so and exits 0.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('../', import.meta.url);
const lib = (p) => import(new URL(`dist/${p}`, root).href);

/**
 * The literature this bench compares with, by reference only. The J30 mean deviations of these
 * methods published in the sources below (single-pass priority rules; sampling at 1,000
 * schedules) could not be checked against the papers' tables from here: the papers are not
 * open, and no copy or quotation of those tables was found in what could be searched. None is
 * quoted, so that no figure typed from memory is passed on; compare the figures printed here
 * with the tables yourself. The references themselves were checked (authors, titles, journal,
 * volume, pages) against the reference lists of later work: Wang and Fang's hybrid EDA for the
 * RCPSP (2011) for Kolisch (1996), a multi-objective multi-mode RCPSP paper for Hartmann and
 * Kolisch (2000), and SCIP's list-scheduling heuristic (heur_listscheduling.c) for Kolisch and
 * Hartmann (2006).
 */
export const LITERATURE = {
  checked: false,
  note: 'published figures not quoted: they could not be checked against the papers here',
  sources: [
    'single-pass priority rules: Kolisch (1996), "Serial and parallel resource-constrained project scheduling methods revisited: theory and computation", EJOR 90, 320-333',
    'sampling, 1,000 schedules: Hartmann and Kolisch (2000), "Experimental evaluation of state-of-the-art heuristics for the resource-constrained project scheduling problem", EJOR 127, 394-407',
    'sampling, 1,000 schedules: Kolisch and Hartmann (2006), "Experimental investigation of heuristics for resource-constrained project scheduling: an update", EJOR 174, 23-37',
  ],
};

function args(argv) {
  const get = (k, d) => {
    const i = argv.indexOf(k);
    return i >= 0 ? argv[i + 1] : d;
  };
  return {
    data: get('--data', process.env.PSPLIB_J30 ?? '/work/data/psplib/j30.sm'),
    passes: Number(get('--passes', 1000)),
    instances: Number(get('--instances', Infinity)),
    json: argv.includes('--json'),
  };
}

const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** Mean and max deviation (%) of makespans from optima, and the schedules shorter than the optimum. */
function deviations(rows) {
  const dev = rows.map((r) => (100 * (r.makespan - r.optimum)) / r.optimum);
  return {
    mean: round(dev.reduce((a, b) => a + b, 0) / dev.length, 3),
    max: round(Math.max(...dev), 2),
    optimal: rows.filter((r) => r.makespan === r.optimum).length,
    belowOptimum: rows.filter((r) => r.makespan < r.optimum).map((r) => r.name),
  };
}

/** All figures of this bench, or null when the data is absent. */
export async function run({ data, passes = 1000, instances = Infinity } = args([])) {
  const csv = join(data, 'optimum', 'optimum.csv');
  if (!existsSync(data) || !existsSync(csv)) return null;
  const { loadPlanText } = await lib('import/loadPlanText.js');
  const { readPsplibSolutions } = await lib('import/psplib/readPsplibSolutions.js');
  const { compileModel, Engine, createRunInputs, sampleRunInputs, planSchedule } = await lib('index.js');
  const optima = readPsplibSolutions(readFileSync(csv, 'utf8'), csv);
  const files = readdirSync(data).filter((f) => f.endsWith('.sm')).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).slice(0, instances);
  const plans = files.map((f) => ({ name: f.replace(/\.sm$/, ''), scenario: loadPlanText(readFileSync(join(data, f), 'utf8'), f) }));
  for (const p of plans) {
    p.optimum = optima.get(p.name);
    if (p.optimum === undefined) throw new Error(`no optimum for ${p.name} in ${csv}`);
  }
  const rules = {};
  let engineMs = 0;
  let engineRuns = 0;
  for (const rule of ['file-order', 'lft', 'mts', 'grpw', 'spt']) {
    const rows = [];
    for (const p of plans) {
      const model = compileModel({ ...p.scenario, dispatch: rule });
      const engine = new Engine(model, model.strategies[model.defaultStrategy]);
      const inputs = sampleRunInputs(model, 1, 0, createRunInputs(model));
      const t0 = performance.now();
      const out = engine.run(inputs, { seed: 1, run: 0 });
      engineMs += performance.now() - t0;
      engineRuns++;
      rows.push({ name: p.name, optimum: p.optimum, makespan: out.makespan });
    }
    rules[rule] = deviations(rows);
  }
  const planRows = [];
  const t0 = performance.now();
  for (const p of plans) {
    const r = planSchedule(p.scenario, { passes });
    planRows.push({ name: p.name, optimum: p.optimum, makespan: r.makespan });
  }
  const planSeconds = (performance.now() - t0) / 1000;
  return {
    bench: 'rcpsp',
    set: 'J30',
    instances: plans.length,
    node: process.version,
    loadAverage: loadavg().map((x) => round(x)),
    singlePass: rules,
    engine: { runs: engineRuns, seconds: round(engineMs / 1000, 3), secondsPer480: round((engineMs / 1000) * (480 / plans.length) / 5, 3), target: 2 },
    plan: { passes, ...deviations(planRows), seconds: round(planSeconds, 1) },
    literature: LITERATURE,
  };
}

function print(r) {
  const out = [];
  out.push(`PSPLIB ${r.set}: ${r.instances} instances, deviation from the optimal makespan (load ${r.loadAverage.join(' ')})`);
  out.push('');
  out.push('single pass (deterministic durations)   mean %   max %   optimal');
  for (const [rule, x] of Object.entries(r.singlePass)) {
    out.push(`  ${rule.padEnd(37)}${String(x.mean).padStart(6)}  ${String(x.max).padStart(6)}  ${String(x.optimal).padStart(8)}`);
  }
  out.push('');
  out.push(`planning mode, ${r.plan.passes} schedules per instance: mean ${r.plan.mean} %, max ${r.plan.max} %, optimal ${r.plan.optimal} of ${r.instances} (${r.plan.seconds} s)`);
  out.push('');
  out.push(`literature: ${r.literature.note}; compare with the tables of:`);
  for (const src of r.literature.sources) out.push(`  ${src}`);
  out.push('');
  out.push(`engine time of the ${r.instances} single passes, per rule: ${r.engine.secondsPer480} s for 480 (target < ${r.engine.target} s)`);
  const below = [...Object.values(r.singlePass).flatMap((x) => x.belowOptimum), ...r.plan.belowOptimum];
  out.push(below.length === 0 ? 'no schedule is shorter than its optimum' : `SHORTER THAN THE OPTIMUM (a resource limit is broken): ${below.join(', ')}`);
  return out.join('\n') + '\n';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const a = args(process.argv.slice(2));
  const r = await run(a);
  if (r === null) process.stderr.write(`bench/rcpsp.mjs: skipped: no PSPLIB J30 data at ${a.data} (the .sm files and optimum/optimum.csv); pass --data DIR or set PSPLIB_J30\n`);
  else process.stdout.write(a.json ? JSON.stringify(r, null, 2) + '\n' : print(r));
}
