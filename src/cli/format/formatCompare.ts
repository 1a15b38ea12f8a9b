import type { Model } from '../../engine/Model.js';
import type { CompareResult } from '../../montecarlo/MonteCarloResult.js';
import { num, pct } from './numbers.js';

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
