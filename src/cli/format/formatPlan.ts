import type { Model } from '../../engine/Model.js';
import type { PlanScheduleResult } from '../../plan/planSchedule.js';
import { round2 as num } from './numbers.js';

/** `coordsim plan --json`: the plan's figures under their documented names (docs/cli.md). */
export interface PlanReport {
  file: string;
  scenario: string;
  strategy: string;
  seed: number | string;
  timeUnit: string;
  /** Makespan of the scenario with the order pinned, every task at its mean duration. */
  makespan: number;
  startDate?: string;
  finishDate?: string;
  /** The pass (1-based) that found the best schedule and how (`rule lft`, `sampling`, `improved sampling`). */
  found: { pass: number; by: string };
  /** Schedules generated (the budget `--passes`). */
  passes: number;
  /** Single-pass makespan of each dispatch rule (those the budget allowed). */
  rules: PlanScheduleResult['rules'];
  scheme: PlanScheduleResult['scheme'];
  improved: boolean;
  /** Task ids in the order they start: what `--out` pins as `dispatch: {order}`. */
  order: string[];
  /** The scenario file written (absolute path), or null. */
  out: string | null;
}

/** The report of a plan (what `--json` prints). */
export function planReport(file: string, model: Model, plan: PlanScheduleResult, seed: number | string, out: string | null): PlanReport {
  const dates = plan.metrics.startDate !== undefined ? { startDate: plan.metrics.startDate, finishDate: plan.metrics.finishDate } : {};
  return {
    file,
    scenario: plan.scenario,
    strategy: plan.strategy,
    seed,
    timeUnit: model.timeUnit,
    makespan: plan.makespan,
    ...dates,
    found: plan.found,
    passes: plan.passes,
    rules: plan.rules,
    scheme: plan.scheme,
    improved: plan.improved,
    order: plan.order,
    out,
  };
}

const grouped = (n: number) => n.toLocaleString('en-US');
/** The scenario's time unit for an amount: `day` for 1, else `days`. */
const unitFor = (x: number, unit: string) => (num(x) === '1' ? unit : `${unit}s`);
/** An amount of time in the scenario's unit: `1 day`, `2.5 days`. */
const amount = (x: number, unit: string) => `${num(x)} ${unitFor(x, unit)}`;
/** A task id as the order line shows it: quoted when it would not read as one word. */
const shownId = (id: string) => (/^[^\s"',]+$/.test(id) ? id : JSON.stringify(id));

/** The plan for people: best makespan and where it was found, each rule's single pass, the order. */
export function formatPlanSummary(r: PlanReport): string {
  const unit = r.timeUnit;
  const by = r.found.by.startsWith('rule ') ? `the single pass of ${r.found.by.slice(5)}` : r.found.by;
  const scheme = r.scheme === 'serial' ? 'serial schedule generation' : "the engine's dispatch (parallel schedule generation)";
  const lines = [
    `${r.scenario} — plan for strategy ${r.strategy}, seed ${r.seed}, every task at its mean duration`,
    `  best makespan       ${amount(r.makespan, unit)}` + (r.finishDate !== undefined ? ` (finish ${r.finishDate})` : ''),
    `  found at pass       ${grouped(r.found.pass)} of ${grouped(r.passes)}, by ${by}`,
    `  search              ${scheme}${r.improved ? ', forward-backward improvement' : ''}`,
  ];
  const rules = Object.entries(r.rules);
  const width = Math.max(...rules.map(([name]) => name.length));
  const best = Math.min(...rules.map(([, m]) => m));
  const versus =
    best > r.makespan
      ? `the plan is ${amount(best - r.makespan, unit)} shorter than the best of them`
      : best === r.makespan
        ? 'the best of them is as short as the plan'
        : // With coordination the pinned run is what the engine gives, which may lose against a rule (docs/planning.md).
          `the best of them is ${amount(r.makespan - best, unit)} shorter than the pinned plan`;
  lines.push(`  single pass of each dispatch rule (${versus}):`);
  for (const [name, m] of rules) lines.push(`    ${name.padEnd(width)}  ${num(m).padStart(8)} ${unitFor(m, unit)}`);
  if (rules.length < 5) lines.push(`    (the other rules: not run, --passes ${r.passes} leaves no room for them)`);
  lines.push(`  order (${r.order.length} tasks, by start):`);
  lines.push(...wrap(r.order.map(shownId), 96).map((l) => `    ${l}`));
  return lines.join('\n') + '\n';
}

/** Words joined by spaces in lines of at most `width` characters (a longer word gets its own line). */
function wrap(words: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line !== '' && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line === '' ? w : `${line} ${w}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}
