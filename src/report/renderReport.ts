import { createHash } from 'node:crypto';
import { clientScript } from './clientScript.js';
import { modelView, reportData, type ModelView, type ReportData, type ReportInput } from './ReportData.js';
import { d3Source } from './_internals/d3Source.js';
import { jsonForScript } from './_internals/escape.js';
import { displayPlural, inDisplay, pct, unitPlural } from './_internals/format.js';
import type { MonteCarloResult } from '../montecarlo/MonteCarloResult.js';
import { html, trusted, type Html } from './_internals/html.js';
import { STYLES } from './_internals/styles.js';
import { summaryHtml } from './_internals/summary.js';
import { riskBlocks } from './_internals/riskBlocks.js';
import { costPairsTable } from './_internals/costSummary.js';

export type { ReportInput } from './ReportData.js';

/** Id of the `<script type="application/json">` block holding the report data. */
export const REPORT_DATA_ID = 'coordsim-data';

/** A chart block: title, one line on how to read it, and the container the page script draws into. */
function block(name: string, title: Html | string, note: string): Html {
  return html`<section class="block" data-chart="${name}" id="chart-${name}"><h2>${title}</h2><p class="note">${note}</p><div class="chart-body"></div></section>`;
}

function strategyTitle(text: string, strategy: string): Html {
  return html`${text} — <span class="strategy-name">${strategy}</span>`;
}

/** The cost chart blocks of one strategy's Monte Carlo (drawn by the cost part of the page script). */
function costBlocks(strategy: string, unit: string): Html[] {
  return [
    block('cost-curve', strategyTitle('What will it cost?', strategy), 'How many runs cost each amount (bars, left axis) and the share costing at most that (S-curve, right axis). Read the chance of any budget off the curve.'),
    block(
      'cost-scatter',
      strategyTitle('Cost against finish', strategy),
      `One dot per run (the first runs of the sample): finish (${unit}) across, cost up. The staircases are the joint-confidence frontiers: every (date, cost) on or above a line is met together in at least that share of runs; the diamond is the point where date and cost are at the same marginal confidence.`,
    ),
    block('cost-tornado', strategyTitle('What drives the cost', strategy), 'Task durations and fixed task costs whose sampled values move the cost of a run most (rank correlation).'),
  ];
}

/** Whether the data carry costs: then the page gets the cost blocks and the cost charts' script. */
function hasCost(data: ReportData): boolean {
  if (data.kind === 'run') return data.metrics.cost !== undefined;
  if (data.kind === 'montecarlo') return data.result.cost !== undefined;
  return data.result.strategies[0]?.cost !== undefined;
}

/** The chart blocks of one strategy's Monte Carlo (or of the selected strategy in a comparison). */
function monteCarloBlocks(m: ModelView, strategy: string, unit: string, withCost = false): Html[] {
  return [
    block('histogram', strategyTitle('When will it finish?', strategy), `How many runs finished at each makespan (bars, left axis) and the share finished by then (S-curve, right axis), in ${unit}. Read the chance of any date off the curve.`),
    block('gantt', strategyTitle('Timeline of a typical run', strategy), `One lane per agent and the orchestrator; hover a bar for the task, agent, start and end (${unit}). Meetings and status updates are drawn over the work they paused.`),
    block('utilization', strategyTitle('How each agent spends the project', strategy), `Work, coordination and idle time per agent (${unit}, means over runs), with utilisation over the weeks the agent is engaged.`),
    heatmapBlock(m, ' in the typical run above', strategy),
    block('tornado', strategyTitle('Which tasks drive the risk', strategy), 'Tasks whose sampled duration moves the makespan most (rank correlation); darker bars are more often on the critical path.'),
    html`<section class="block" data-table="critical" id="table-critical"><h2>${strategyTitle('Most critical tasks', strategy)}</h2><p class="note">Criticality index: the share of runs in which the task is on the critical path.</p><div class="chart-body"></div></section>`,
    ...(m.gates.length > 0 ? [block('gates', strategyTitle('Quality gates', strategy), 'Review rounds, remediations and reworks per gate, as means per run.')] : []),
    ...(withCost ? costBlocks(strategy, unit) : []),
  ];
}

/** With dates: the project's finish dates and each milestone's and deadline task's P50/P80/P95 dates. */
function datesTable(m: ModelView, r: MonteCarloResult): Html | '' {
  if (r.finishDate === undefined) return '';
  const milestone = new Set(m.tasks.filter((t) => t.milestone).map((t) => t.id));
  const rows = r.tasks.filter((t) => t.finishDate !== undefined && (milestone.has(t.id) || t.deadline !== undefined));
  const f = r.finishDate;
  return html`<section class="block" data-table="dates" id="table-dates"><h2>${strategyTitle('Dates', r.strategy)}</h2><p class="note">Dates of the finish percentiles: P80 is the date 80% of runs meet. Milestones and tasks with their own deadline below.</p><div class="table-wrap"><table class="dates"><thead><tr><th>what</th><th>P10</th><th>P50</th><th>P80</th><th>P90</th><th>P95</th><th>chance by its deadline</th></tr></thead><tbody><tr><td>project finish</td><td>${f.p10 ?? ''}</td><td>${f.p50}</td><td>${f.p80}</td><td>${f.p90 ?? ''}</td><td>${f.p95}</td><td>${r.deadlineProbability !== null ? pct(r.deadlineProbability) : ''}</td></tr>${rows.map(
    (t) => html`<tr><td>${t.name}${milestone.has(t.id) ? ' (milestone)' : ''}</td><td></td><td>${t.finishDate!.p50}</td><td>${t.finishDate!.p80}</td><td></td><td>${t.finishDate!.p95}</td><td>${t.deadlineProbability !== undefined ? pct(t.deadlineProbability) : ''}</td></tr>`,
  )}</tbody></table></div></section>`;
}

/** The heatmap's block: its title and note name the period it counts in (hour, day or week). */
function heatmapBlock(m: ModelView, note: string, strategy?: string): Html {
  const p = m.periods.unit;
  return block('heatmap', strategy !== undefined ? strategyTitle(`Load per agent per ${p}`, strategy) : `Load per agent per ${p}`, `Share of each agent’s capacity that is busy each ${p}${note}: dark red cells are crowded ${p}s${m.dates?.work ? '; grey columns have no working time in the project calendar' : ''}.`);
}

function bodyFor(data: ReportData): { meta: string; blocks: Html[] } {
  const m = data.model;
  const own = unitPlural(m);
  const unit = displayPlural(m);
  const units = `time in ${own}, ${m.unitsPerWeek} per week${unit !== own ? ` · shown in ${unit}` : ''}`;
  const deadline = m.deadline !== null ? ` · deadline ${m.deadline} ${own}` : '';
  switch (data.kind) {
    case 'run': {
      const r = data.metrics;
      return {
        meta: `One run · strategy ${r.strategy} · seed ${r.seed} · run ${r.run} · ${units}${deadline}`,
        blocks: [
          block('gantt', 'Timeline of the run', `One lane per agent and the orchestrator; hover a bar for the task, agent, start and end (${unit}). Meetings and status updates are drawn over the work they paused.`),
          block('utilization', 'How each agent spends the project', `Work, coordination and idle time per agent over the run (${unit}), with utilisation over the weeks the agent is engaged.`),
          heatmapBlock(m, ''),
          ...(m.gates.length > 0 ? [block('gates', 'Quality gates', 'Review rounds, remediations and reworks per gate in this run.')] : []),
        ],
      };
    }
    case 'montecarlo': {
      const r = data.result;
      return {
        meta: `Monte Carlo · ${r.runs} runs · strategy ${r.strategy} · seed ${r.seed} · ${units}${deadline}${r.startDate !== undefined ? ` · start ${r.startDate}` : ''}`,
        blocks: [datesTable(m, r), ...monteCarloBlocks(m, r.strategy, unit, hasCost(data)), ...(data.risks !== undefined ? riskBlocks(m, data.risks) : [])].filter((b): b is Html => b !== ''),
      };
    }
    case 'compare': {
      const r = data.result;
      const first = r.strategies.findIndex((s) => s.strategy === m.defaultStrategy);
      const selected = first >= 0 ? first : 0;
      const name = r.strategies[selected]?.strategy ?? '';
      const picker = html`<div class="picker"><label for="strategy-select">Details below for strategy:</label><select id="strategy-select">${r.strategies.map(
        (s, i) => html`<option value="${i}"${i === selected ? trusted(' selected') : ''}>${s.strategy} — P50 ${inDisplay(s.makespan.p50, m)} ${unit}${s.deadlineProbability !== null ? `, ${pct(s.deadlineProbability)} by the deadline` : ''}</option>`,
      )}</select><span class="print-only"> <span class="strategy-name">${name}</span></span></div>`;
      return {
        meta: `Strategy comparison · ${r.strategies.length} strategies · ${r.runs} runs each with common random numbers · seed ${r.seed} · ${units}${deadline}`,
        blocks: [
          block('comparison', 'Makespan per strategy', `Spread of the finish date over the runs of each strategy (${unit}): the box holds the middle 80% of runs, the white line is the median.`),
          block('overheads', 'Coordination overhead, utilisation and time saved', 'Means over the runs of each strategy; the black line spans P10 to P90.'),
          block(
            'pairs',
            'Paired differences between strategies',
            `Run by run, every strategy sees the same sampled durations, so these differences (${unit}) isolate the effect of the strategy; an interval clear of zero is a real difference.${
              r.pairs.some((p) => p.a === m.defaultStrategy || p.b === m.defaultStrategy) && r.pairs.some((p) => p.a !== m.defaultStrategy && p.b !== m.defaultStrategy)
                ? ` Shown: the default strategy ${m.defaultStrategy} against each other one; all ${r.pairs.length} pairs are in pairs.csv.`
                : ''
            }`,
          ),
          ...(hasCost(data)
            ? [
                block('cost-strategies', 'Cost per strategy', `Left: the spread of the cost of a run under each strategy. Right: each strategy's P80 finish (${unit}) against its P80 cost; the green strategies are on the date–cost front, where no other strategy is both sooner and cheaper.`),
                costPairsTable(r),
              ]
            : []),
          picker,
          ...[datesTable(m, r.strategies[selected])].filter((b): b is Html => b !== ''),
          ...monteCarloBlocks(m, name, unit, hasCost(data)),
        ],
      };
    }
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

/**
 * Renders a report as one self-contained HTML page: d3 and the chart code inlined, the
 * data embedded as JSON, no network needed. A pure function of its input. Scenario text is
 * escaped wherever it appears; the Content-Security-Policy only admits the page's own two
 * scripts, as a second line of defence.
 */
export function renderReport(input: ReportInput): string {
  const data = reportData(input);
  return renderReportData(data);
}

/** Renders already-reduced report data (see `reportData`). */
export function renderReportData(data: ReportData): string {
  const m = data.model;
  const { meta, blocks } = bodyFor(data);
  const d3js = d3Source();
  const app = clientScript(hasCost(data));
  const csp = `default-src 'none'; script-src 'sha256-${sha256(d3js)}' 'sha256-${sha256(app)}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="generator" content="coordsim">
<title>${m.name} — coordsim report</title>
<style>${trusted(STYLES)}</style>
</head>
<body>
<main>
<header class="report-header">
<h1>${m.name}</h1>
${m.description ? html`<p class="desc">${m.description}</p>` : ''}
<p class="meta">${meta}</p>
</header>
<noscript><p class="chart-error">The charts of this report are drawn by JavaScript; enable it to see them. The summary below needs none.</p></noscript>
<section class="summary" id="summary">${summaryHtml(data)}</section>
${blocks}
<footer>Generated by coordsim. Deterministic: the same scenario, strategy, seed and number of runs give this same report. Opens offline; print it in landscape.</footer>
</main>
<script type="application/json" id="${REPORT_DATA_ID}">${trusted(jsonForScript(data))}</script>
<script>${trusted(d3js)}</script>
<script>${trusted(app)}</script>
</body>
</html>
`;
  return page.value;
}

export { modelView, reportData };
