import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ArgumentsCamelCase, Argv } from 'yargs';
import type { Model } from '../../engine/Model.js';
import type { MonteCarloResult, Stats } from '../../montecarlo/MonteCarloResult.js';
import type { MonteCarloRunOptions } from '../../montecarlo/MonteCarloOptions.js';
import { monteCarlo } from '../../montecarlo/monteCarlo.js';
import { renderReport } from '../../report/renderReport.js';
import { toCsv } from '../../report/toCsv.js';
import { traceCsv } from '../../report/traceCsv.js';
import { CoordsimError } from '../../scenario/CoordsimError.js';
import type { CliContext } from '../CliContext.js';
import { loadScenarioFile, toJson, writeOutputs } from '../io.js';
import { strategyOf } from '../../engine/simulate.js';
import { parsePositiveInt, parseSeed } from '../options.js';
import { RUN_COLUMNS, runColumns } from '../../montecarlo/summarizeRange.js';

export const command = 'montecarlo <scenario>';
export const describe = 'Monte Carlo timeline of one strategy: P50/P80/P95 makespan, deadline probability, critical tasks';

/** Flags shared with `compare`. */
export function runFlags(y: Argv) {
  return y
    .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
    .option('runs', { alias: 'n', type: 'string', default: '10000', describe: 'number of runs (the cap with --precision)' })
    .option('seed', { type: 'string', default: '1', describe: 'random seed (integer or string)' })
    .option('workers', { alias: 'w', type: 'string', describe: 'worker threads (default: all cores); results do not depend on it' })
    .option('sampling', { type: 'string', choices: ['random', 'lhs'], default: 'random', describe: 'task durations: independent draws or Latin hypercube (blocks of 1,000 runs)' })
    .option('json', { type: 'boolean', default: false, describe: 'print the result as one JSON document on stdout' })
    .option('out', { alias: 'o', type: 'string', describe: 'write the JSON, runs.csv, tasks.csv, agents.csv, trace.csv and report.html to this folder' });
}

export function builder(y: Argv) {
  return runFlags(y)
    .option('strategy', { alias: 's', type: 'string', describe: "strategy name (default: the scenario's `strategy`)" })
    .option('precision', { type: 'string', describe: 'stop once the 95% CI half-width of mean makespan is below this fraction of the mean (checked every 1,000 runs)' })
    .example('$0 montecarlo scenarios/ecommerce-security.yaml', '10,000 runs of the default strategy')
    .example('$0 montecarlo scenarios/ecommerce-security.yaml --precision 0.002 --runs 100000 --out reports/', 'stop at 0.2% precision, write the report');
}

/** Flags of both commands as yargs hands them over (numbers arrive as strings and are checked here). */
export type RunFlags = { scenario: string; runs: string; seed: string; workers?: string; sampling: string; json: boolean; out?: string };
type MonteCarloArgs = RunFlags & { strategy?: string; precision?: string };

export function handler(ctx: CliContext) {
  return async (argv: ArgumentsCamelCase<MonteCarloArgs>) => {
    const options = runOptions(argv);
    let precision: number | null = null;
    if (argv.precision !== undefined) {
      precision = Number(argv.precision);
      if (!(precision > 0 && precision < 1)) throw new CoordsimError('E_USAGE', `--precision: expected a fraction of the mean in (0, 1), e.g. 0.01, got ${JSON.stringify(argv.precision)}`);
    }
    const { scenario, model } = loadScenarioFile(argv.scenario);
    strategyOf(model, argv.strategy); // an unknown name is bad input, before any file is touched
    const result = await withOutputs(ctx, argv, options, (o) => monteCarlo(scenario, { ...o, strategy: argv.strategy, precision }), (r) => ({
      'montecarlo.json': toJson(r),
      'tasks.csv': tasksCsv([r]),
      'agents.csv': agentsCsv([r]),
      'trace.csv': traceCsv(r.representative.trace),
      'report.html': renderReport({ kind: 'montecarlo', model, result: r }),
    }), runsCsvColumns(model));
    if (argv.json) ctx.stdout(toJson(result));
    else ctx.stdout(formatMonteCarlo(model, result));
  };
}

/** Maps the shared flags to library options (E_USAGE with the flag's name on bad values). */
export function runOptions(argv: RunFlags): MonteCarloRunOptions {
  return {
    runs: parsePositiveInt('runs', argv.runs),
    seed: parseSeed(argv.seed),
    workers: argv.workers === undefined ? undefined : parsePositiveInt('workers', argv.workers),
    sampling: argv.sampling === 'lhs' ? 'lhs' : 'random',
  };
}

/**
 * Runs `compute` with a progress bar on stderr (a terminal, no --json) and, with --out, per-run
 * rows streamed to a temporary runs.csv in the folder; the other files are written atomically
 * afterwards and runs.csv renamed into place last, so an interrupted run leaves no CSV behind.
 */
export async function withOutputs<R>(
  ctx: CliContext,
  argv: RunFlags,
  options: MonteCarloRunOptions,
  compute: (o: MonteCarloRunOptions) => Promise<R>,
  files: (r: R) => Record<string, string>,
  columns: readonly string[] = RUNS_CSV_COLUMNS,
): Promise<R> {
  const bar = ctx.isTTY && !argv.json ? progressBar(ctx) : null;
  let runsTmp: string | null = null;
  let fd = -1;
  try {
    if (argv.out) {
      mkdirSync(argv.out, { recursive: true });
      runsTmp = join(argv.out, `.runs.csv.${process.pid}.tmp`);
      fd = openSync(runsTmp, 'w');
      writeSync(fd, columns.join(',') + '\n');
    }
    const result = await compute({
      ...options,
      onProgress: bar ?? undefined,
      onRows: fd >= 0 ? (rows, strategies) => writeSync(fd, runsCsvRows(rows, strategies, columns)) : undefined,
    });
    bar?.(-1, -1);
    if (argv.out && runsTmp !== null) {
      closeSync(fd);
      fd = -1;
      const written = writeOutputs(argv.out, files(result));
      renameSync(runsTmp, join(argv.out, 'runs.csv'));
      runsTmp = null;
      written.push(resolve(argv.out, 'runs.csv'));
      if (!argv.json) ctx.stderr(`wrote ${written.join(', ')}\nreport: ${resolve(argv.out, 'report.html')}\n`);
    }
    return result;
  } finally {
    if (fd >= 0) closeSync(fd);
    if (runsTmp !== null) rmSync(runsTmp, { force: true });
  }
}

/** Columns of runs.csv (snake_case), one row per run and strategy. */
export const RUNS_CSV_COLUMNS = ['run', 'strategy', 'makespan', 'sequential_makespan', 'speedup', 'time_savings', 'work_time', 'coordination_time', 'coordination_overhead', 'utilization', 'met_deadline'] as const;

/** Columns of this model's runs.csv: `RUNS_CSV_COLUMNS`, then its cost columns (`runColumns`) in snake_case. */
export function runsCsvColumns(model: Model): string[] {
  const snake = runColumns(model).slice(RUN_COLUMNS.length).map((c) => c.replace(/[A-Z]/g, (x) => `_${x.toLowerCase()}`));
  return [...RUNS_CSV_COLUMNS, ...snake];
}

/** Per-run rows (`columns.length` numbers each) as CSV lines, formatted as `toCsv` formats cells; `met_*` columns are booleans. */
export function runsCsvRows(rows: Float64Array, strategies: readonly string[], columns: readonly string[] = RUNS_CSV_COLUMNS): string {
  const W = columns.length;
  const flag = columns.map((c) => c.startsWith('met_'));
  const names = strategies.map(csvField);
  const num = (x: number) => (Number.isFinite(x) ? String(x) : '');
  const lines: string[] = [];
  for (let at = 0; at < rows.length; at += W) {
    const cells = [String(rows[at]), names[rows[at + 1]]];
    for (let c = 2; c < W; c++) {
      const x = rows[at + c];
      cells.push(flag[c] ? (x === 1 ? 'true' : x === 0 ? 'false' : '') : num(x));
    }
    lines.push(cells.join(','));
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

/** RFC 4180 quoting, as csv-stringify does by default. */
function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** tasks.csv: per strategy and task, the Monte Carlo task statistics. */
export function tasksCsv(results: MonteCarloResult[]): string {
  const cost = results[0]?.cost !== undefined; // cost columns only for scenarios with costs
  return toCsv(
    ['strategy', 'task', 'name', 'assignment', 'mean_duration', 'mean_start', 'mean_finish', 'criticality', 'sensitivity', ...(cost ? ['cost_sensitivity', 'fixed_cost_sensitivity'] : [])],
    results.flatMap((r) =>
      r.tasks.map((t) => [r.strategy, t.id, t.name, t.assignment, t.meanDuration, t.meanStart, t.meanFinish, t.criticality, t.sensitivity, ...(cost ? [t.costSensitivity, t.fixedCostSensitivity] : [])]),
    ),
  );
}

/** agents.csv: per strategy and agent, means over runs. */
export function agentsCsv(results: MonteCarloResult[]): string {
  const cost = results[0]?.cost !== undefined;
  return toCsv(
    ['strategy', 'agent', 'role', 'capacity', 'utilization', 'work_time', 'coordination_time', 'idle_time', ...(cost ? ['cost'] : [])],
    results.flatMap((r) =>
      r.agents.map((a) => [r.strategy, a.id, a.role, a.capacity, a.utilization, a.workTime, a.coordinationTime, a.idleTime, ...(cost ? [r.costByAgent?.[a.id]] : [])]),
    ),
  );
}

/** A single-line progress bar redrawn with `\r` at most ten times a second; (-1, -1) clears it. */
function progressBar(ctx: CliContext): (done: number, total: number) => void {
  const started = Date.now();
  let last = 0;
  return (done, total) => {
    if (done < 0) {
      ctx.stderr('\r\x1b[2K');
      return;
    }
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    const width = 30;
    const filled = Math.round((width * done) / total);
    const rate = done / Math.max(0.001, (now - started) / 1000);
    ctx.stderr(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor((100 * done) / total)}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} runs, ${Math.round(rate).toLocaleString('en-US')} runs/s`);
  };
}

/** A percentage with one decimal; rounding noise around 0 prints as 0.0%, not -0.0%. */
const pct = (x: number) => `${(100 * x).toFixed(1).replace(/^-(0\.0)$/, '$1')}%`;
const num = (x: number) => x.toFixed(2);

/** The headline of a Monte Carlo for people: percentiles, deadline, overhead, utilisation, savings, critical tasks. */
export function formatMonteCarlo(model: Model, r: MonteCarloResult): string {
  const unit = `${model.timeUnit}s`;
  const m = r.makespan;
  const weeks = (x: number) => num(x / model.unitsPerWeek);
  const row = (label: string, text: string) => `  ${label.padEnd(22)}${text}`;
  const lines = [
    `${r.scenario} — strategy ${r.strategy}, ${r.runs.toLocaleString('en-US')} runs (${r.sampling} sampling), seed ${r.seed}${r.stoppedEarly ? ', stopped early at the requested precision' : ''}`,
    row('makespan P50/P80/P95', `${num(m.p50)} / ${num(m.p80)} / ${num(m.p95)} ${unit} (${weeks(m.p50)} / ${weeks(m.p80)} / ${weeks(m.p95)} weeks)`),
    row('mean makespan', `${num(m.mean)} ${unit}, 95% CI ${num(m.ci95[0])}–${num(m.ci95[1])}, sd ${num(m.sd)}, range ${num(m.min)}–${num(m.max)}`),
    row('deadline', r.deadline !== null ? `${num(r.deadline)} ${unit}: met in ${pct(r.deadlineProbability ?? 0)} of runs` : 'none set'),
    row('coordination overhead', spread(r.coordinationOverhead)),
    row('utilisation', `${spread(r.utilization)} over engaged spans; ` + r.agents.map((a) => `${a.id} ${pct(a.utilization)}`).join(', ')),
    row('time savings', `${spread(r.timeSavings)} vs sequential (mean speedup ${num(r.speedup.mean)}×)`),
    row('top critical tasks', topCritical(r)),
    ...(r.cost !== undefined ? costLines(r, row) : []),
  ];
  return lines.join('\n') + '\n';
}

/** The cost lines of the headline, for scenarios with costs. */
function costLines(r: MonteCarloResult, row: (label: string, text: string) => string): string[] {
  const c = r.cost!;
  const cur = r.currency ? ` ${r.currency}` : '';
  const lines = [row('cost P50/P80/P95', `${num(c.p50)} / ${num(c.p80)} / ${num(c.p95)}${cur}, mean ${num(c.mean)}, 95% CI ${num(c.ci95[0])}–${num(c.ci95[1])}`)];
  if (r.budget !== null && r.budget !== undefined) {
    lines.push(row('budget', `${num(r.budget)}${cur}: met in ${pct(r.budgetProbability ?? 0)} of runs${r.jointProbability !== null && r.jointProbability !== undefined ? `; deadline and budget both in ${pct(r.jointProbability)}` : ''}`));
  }
  for (const j of r.jointConfidence ?? []) lines.push(row(`joint ${pct(j.level)}`, `finish by ${num(j.date)} and cost at most ${num(j.cost)}${cur} together (each alone ${pct(j.marginal)})`));
  if (r.tokens) lines.push(row('tokens P50', `${num(r.tokens.input.p50 / 1e6)} M in, ${num(r.tokens.output.p50 / 1e6)} M out, ${num(r.tokens.cost.p50)}${cur}`));
  return lines;
}

function spread(s: Stats): string {
  return `${pct(s.mean)} mean (P10 ${pct(s.p10)}, P90 ${pct(s.p90)})`;
}

function topCritical(r: MonteCarloResult): string {
  return r.tasks
    .map((t, i) => ({ t, i }))
    .sort((a, b) => b.t.criticality - a.t.criticality || b.t.sensitivity - a.t.sensitivity || a.i - b.i)
    .slice(0, 5)
    .map(({ t }) => `${t.id} ${pct(t.criticality)} (sensitivity ${t.sensitivity.toFixed(2)})`)
    .join(', ');
}
