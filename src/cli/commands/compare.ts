import type { ArgumentsCamelCase, Argv } from 'yargs';
import { strategyOf } from '../../engine/simulate.js';
import type { Model } from '../../engine/Model.js';
import type { CompareResult } from '../../montecarlo/MonteCarloResult.js';
import { compare } from '../../montecarlo/compare.js';
import { renderReport } from '../../report/renderReport.js';
import { toCsv } from '../../report/toCsv.js';
import { traceCsv } from '../../report/traceCsv.js';
import { CoordsimError } from '../../scenario/CoordsimError.js';
import type { CliContext } from '../CliContext.js';
import { loadScenarioFile, toJson } from '../io.js';
import { agentsCsv, runFlags, runOptions, runsCsvColumns, tasksCsv, withOutputs, type RunFlags } from './montecarlo.js';

export const command = 'compare <scenario>';
export const describe = 'Compare coordination strategies on the same sampled runs (sequential and ideal always included)';

export function builder(y: Argv) {
  return runFlags(y)
    .option('strategies', { type: 'string', describe: 'comma-separated strategy names (default: all the scenario defines)' })
    .example('$0 compare scenarios/ecommerce-security.yaml', 'every strategy of the scenario, 10,000 runs each')
    .example('$0 compare scenarios/ecommerce-security.yaml --strategies orchestrator,mesh --runs 2000', 'two strategies against the references');
}

type CompareArgs = RunFlags & { strategies?: string };

export function handler(ctx: CliContext) {
  return async (argv: ArgumentsCamelCase<CompareArgs>) => {
    const options = runOptions(argv);
    let names: string[] | null = null;
    if (argv.strategies !== undefined) {
      names = argv.strategies.split(',').map((s) => s.trim()).filter((s) => s !== '');
      if (names.length === 0) throw new CoordsimError('E_USAGE', `--strategies: expected comma-separated strategy names, got ${JSON.stringify(argv.strategies)}`);
    }
    const { scenario, model } = loadScenarioFile(argv.scenario);
    for (const n of names ?? []) strategyOf(model, n); // bad names are bad input, before any file is touched
    const result = await withOutputs(ctx, argv, options, (o) => compare(scenario, names, o), (r) => ({
      'compare.json': toJson(r),
      'pairs.csv': pairsCsv(r),
      'tasks.csv': tasksCsv(r.strategies),
      'agents.csv': agentsCsv(r.strategies),
      // The representative run of the first strategy listed (the one the user is weighing).
      'trace.csv': traceCsv(r.strategies[0].representative.trace),
      'report.html': renderReport({ kind: 'compare', model, result: r }),
    }), runsCsvColumns(model));
    if (argv.json) ctx.stdout(toJson(result));
    else ctx.stdout(formatCompare(model, result));
  };
}

/** pairs.csv: every pair's paired difference of makespan. */
function pairsCsv(r: CompareResult): string {
  const cost = r.costPairs; // cost columns only for scenarios with costs
  return toCsv(
    ['a', 'b', 'mean_difference', 'ci95_low', 'ci95_high', 'probability_a_faster', ...(cost ? ['cost_mean_difference', 'cost_ci95_low', 'cost_ci95_high', 'probability_a_cheaper'] : [])],
    r.pairs.map((p, i) => [p.a, p.b, p.meanDifference, p.ci95[0], p.ci95[1], p.probabilityAFaster, ...(cost ? [cost[i].meanDifference, cost[i].ci95[0], cost[i].ci95[1], cost[i].probabilityACheaper] : [])]),
  );
}

/** A percentage with one decimal; rounding noise around 0 prints as 0.0%, not -0.0%. */
const pct = (x: number) => `${(100 * x).toFixed(1).replace(/^-(0\.0)$/, '$1')}%`;
const num = (x: number) => x.toFixed(2);

/** A table per strategy and the pairwise table, for people. */
export function formatCompare(model: Model, r: CompareResult): string {
  const unit = `${model.timeUnit}s`;
  const head = ['strategy', 'P50', 'P80', 'P95', 'mean', 'deadline', 'overhead', 'utilisation', 'savings', 'speedup'];
  const rows = r.strategies.map((s) => [
    s.strategy,
    num(s.makespan.p50),
    num(s.makespan.p80),
    num(s.makespan.p95),
    num(s.makespan.mean),
    s.deadlineProbability === null ? '-' : pct(s.deadlineProbability),
    pct(s.coordinationOverhead.mean),
    pct(s.utilization.mean),
    pct(s.timeSavings.mean),
    `${num(s.speedup.mean)}×`,
  ]);
  const pairHead = ['a − b', `mean (${unit})`, '95% CI', 'P(a faster)'];
  const pairRows = r.pairs.map((p) => [`${p.a} − ${p.b}`, signed(p.meanDifference), `${signed(p.ci95[0])} … ${signed(p.ci95[1])}`, pct(p.probabilityAFaster)]);
  const deadline = model.deadline !== null ? `, deadline ${num(model.deadline)} ${unit}` : '';
  return [
    `${r.scenario} — ${r.strategies.length} strategies, ${r.runs.toLocaleString('en-US')} runs each on common random numbers, seed ${r.seed}`,
    `makespan in ${unit}${deadline}; overhead, utilisation, savings and speedup are means over runs`,
    '',
    table(head, rows),
    '',
    'paired differences of makespan (negative: a finishes first)',
    table(pairHead, pairRows),
    ...(r.costPairs !== undefined ? costTables(r) : []),
  ].join('\n') + '\n';
}

/** Cost per strategy, the P80 date-cost front and the paired cost differences, for scenarios with costs. */
function costTables(r: CompareResult): string[] {
  const cur = r.strategies[0]?.currency ? ` (${r.strategies[0].currency})` : '';
  const front = new Map((r.paretoFront ?? []).map((p) => [p.strategy, p.dominatedBy]));
  const head = ['strategy', `cost P50${cur}`, 'P80', 'P95', 'mean', 'budget', 'both', 'P80 front'];
  const rows = r.strategies.map((s) => [
    s.strategy,
    num(s.cost!.p50),
    num(s.cost!.p80),
    num(s.cost!.p95),
    num(s.cost!.mean),
    s.budgetProbability === null || s.budgetProbability === undefined ? '-' : pct(s.budgetProbability),
    s.jointProbability === null || s.jointProbability === undefined ? '-' : pct(s.jointProbability),
    (front.get(s.strategy) ?? []).length === 0 ? 'yes' : `no (${front.get(s.strategy)!.join(', ')})`,
  ]);
  const pairRows = r.costPairs!.map((p) => [`${p.a} − ${p.b}`, signed(p.meanDifference), `${signed(p.ci95[0])} … ${signed(p.ci95[1])}`, pct(p.probabilityACheaper)]);
  return ['', 'cost per run; budget and both (deadline and budget) are shares of runs; P80 front: no other strategy is both sooner and cheaper at P80', table(head, rows), '', 'paired differences of cost (negative: a is cheaper)', table(['a − b', `mean${cur}`, '95% CI', 'P(a cheaper)'], pairRows)];
}

function signed(x: number): string {
  return (x > 0 ? '+' : x < 0 ? '−' : '') + num(Math.abs(x));
}

/** Left-aligned first column, right-aligned numbers. */
function table(head: string[], rows: string[][]): string {
  const all = [head, ...rows];
  const width = head.map((_, c) => Math.max(...all.map((r) => [...r[c]].length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(width[c]) : cell.padStart(width[c]))).join('  ').trimEnd();
  return ['  ' + line(head), ...rows.map((r) => '  ' + line(r))].join('\n');
}
