import { createHash } from 'node:crypto';
import type * as D3 from 'd3';
import { fittedLaw } from '../fit/FittedLaw.js';
import type { FitResult } from '../fit/FitResult.js';
import { formatFitSpec } from '../fit/formatFitSpec.js';
import { distribution } from '../sim/distributions/fromSpec.js';
import { d3Source } from './_internals/d3Source.js';
import { inlineScript, jsonForScript } from './_internals/escape.js';
import { html, trusted } from './_internals/html.js';
import { STYLES } from './_internals/styles.js';

/** What `renderFitReport` draws: the fitted values and the result of `fitDistributions`. */
export interface FitReportInput {
  /** The data file as the user named it (shown as text). */
  file: string;
  /** The column read. */
  column: string;
  values: readonly number[];
  result: FitResult;
}

/** The JSON the page script draws from (embedded in the page). */
export interface FitReportData {
  n: number;
  /** Histogram bars as densities (count / (n · width)), so the fitted densities overlay them. */
  bars: Array<{ x0: number; x1: number; count: number; density: number }>;
  /** Each fitted density on a grid over the data range, best first. */
  curves: Array<{ family: string; label: string; points: Array<[number, number]> }>;
  /** Q–Q plot of the best fit: (fitted quantile at (i − ½)/n, i-th smallest value). */
  qq: { label: string; points: Array<[number, number]> };
}

/** Id of the `<script type="application/json">` block holding the report data. */
export const FIT_REPORT_DATA_ID = 'coordsim-fit-data';

const GRID = 240;
const MAX_QQ_POINTS = 1000;

/** Bins by the Freedman–Diaconis rule (Sturges' when the quartiles coincide), 5 to 80 of them. */
function histogram(sorted: readonly number[]): FitReportData['bars'] {
  const n = sorted.length;
  const lo = sorted[0];
  const hi = sorted[n - 1];
  if (hi === lo) return [{ x0: lo - 0.5, x1: lo + 0.5, count: n, density: 1 }];
  const q = (p: number) => sorted[Math.min(n - 1, Math.floor(p * (n - 1)))];
  const iqr = q(0.75) - q(0.25);
  const raw = iqr > 0 ? Math.ceil((hi - lo) / (2 * iqr * Math.cbrt(1 / n))) : Math.ceil(Math.log2(n) + 1);
  const bins = Math.min(80, Math.max(5, raw));
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const x of sorted) counts[Math.min(bins - 1, Math.floor((x - lo) / width))]++;
  return counts.map((count, i) => ({ x0: lo + i * width, x1: i === bins - 1 ? hi : lo + (i + 1) * width, count, density: count / (n * width) }));
}

/** Reduces a fit to the numbers the page draws. A pure function of its input. */
export function fitReportData(input: FitReportInput): FitReportData {
  const sorted = [...input.values].sort((x, y) => x - y);
  const n = sorted.length;
  const lo = sorted[0];
  const hi = sorted[n - 1];
  const pad = (hi - lo) * 0.08 || 1;
  const from = Math.max(0, lo - pad);
  const to = hi + pad;
  const curves = input.result.candidates
    .filter((c) => typeof c.distribution !== 'number')
    .map((c) => {
      const law = fittedLaw(c.distribution);
      const points: Array<[number, number]> = [];
      for (let i = 0; i <= GRID; i++) {
        const x = from + ((to - from) * i) / GRID;
        points.push([x, Math.exp(law.logPdf(x))]);
      }
      return { family: c.family, label: formatFitSpec(c.distribution), points };
    });
  const best = input.result.best;
  const quantile = distribution(best);
  const step = n > MAX_QQ_POINTS ? (n - 1) / (MAX_QQ_POINTS - 1) : 1;
  const qq: Array<[number, number]> = [];
  for (let k = 0; k < Math.min(n, MAX_QQ_POINTS); k++) {
    const i = Math.round(k * step);
    qq.push([quantile.quantile((i + 0.5) / n), sorted[i]]);
  }
  return { n, bars: histogram(sorted), curves, qq: { label: formatFitSpec(best), points: qq } };
}

/**
 * Draws the two charts of the fit report into `#fit-histogram` and `#fit-qq` (runs in the
 * browser: self-contained, its source is inlined in the page). Text goes in through `.text()`.
 */
export function drawFit(d3: typeof D3, data: FitReportData): void {
  const palette = ['#d62728', '#1f77b4', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];
  const W = 1000;
  const H = 420;
  const m = { top: 20, right: 24, bottom: 56, left: 70 };
  const svgIn = (id: string, title: string) => {
    const s = d3
      .select(`#${id} .chart-body`)
      .append('svg')
      .attr('viewBox', `0 0 ${W} ${H}`)
      .attr('width', '100%')
      .attr('role', 'img')
      .attr('aria-label', title)
      .style('max-width', `${W}px`);
    s.append('title').text(title);
    return s;
  };
  const label = (s: D3.Selection<SVGSVGElement, unknown, HTMLElement, unknown>, text: string, x: number, y: number, vertical: boolean) => {
    const t = s.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle').text(text);
    if (vertical) t.attr('transform', `translate(${x},${y}) rotate(-90)`);
    else t.attr('x', x).attr('y', y);
  };

  // Histogram (as densities) with every fitted density over it.
  {
    const s = svgIn('fit-histogram', `Histogram of ${data.n} values with the fitted densities`);
    const xs = data.curves.flatMap((c) => [c.points[0][0], c.points[c.points.length - 1][0]]);
    const x0 = Math.min(data.bars[0].x0, ...xs);
    const x1 = Math.max(data.bars[data.bars.length - 1].x1, ...xs);
    const barTop = d3.max(data.bars, (b) => b.density) ?? 1;
    const x = d3.scaleLinear().domain([x0, x1]).range([m.left, W - m.right]);
    // Curves may spike (a triangular's peak); the axis follows the bars, curves are clipped.
    const y = d3.scaleLinear().domain([0, barTop * 1.35]).nice().range([H - m.bottom, m.top]);
    s.append('defs').append('clipPath').attr('id', 'fit-clip').append('rect').attr('x', m.left).attr('y', m.top).attr('width', W - m.left - m.right).attr('height', H - m.top - m.bottom);
    s.append('g')
      .selectAll('rect')
      .data(data.bars)
      .join('rect')
      .attr('x', (b) => x(b.x0) + 0.5)
      .attr('width', (b) => Math.max(1, x(b.x1) - x(b.x0) - 1))
      .attr('y', (b) => y(b.density))
      .attr('height', (b) => y(0) - y(b.density))
      .attr('fill', '#c9d3dd')
      .append('title')
      .text((b) => `${b.x0.toPrecision(4)}–${b.x1.toPrecision(4)}: ${b.count} values`);
    const line = d3
      .line<[number, number]>()
      .x((p) => x(p[0]))
      .y((p) => y(Math.min(p[1], barTop * 10)));
    data.curves.forEach((c, i) => {
      s.append('path')
        .attr('class', `curve curve-${c.family}`)
        .attr('clip-path', 'url(#fit-clip)')
        .attr('d', line(c.points) ?? '')
        .attr('fill', 'none')
        .attr('stroke', palette[i % palette.length])
        .attr('stroke-width', i === 0 ? 3 : 1.6)
        .attr('stroke-dasharray', i === 0 ? null : '5 3');
    });
    s.append('g').attr('class', 'axis').attr('transform', `translate(0,${H - m.bottom})`).call(d3.axisBottom(x).ticks(12));
    s.append('g').attr('class', 'axis').attr('transform', `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(6));
    label(s, 'value', (m.left + W - m.right) / 2, H - 14, false);
    label(s, 'density', 18, (m.top + H - m.bottom) / 2, true);
    const lg = s.append('g').attr('transform', `translate(${W - m.right - 330},${m.top + 6})`);
    data.curves.forEach((c, i) => {
      const g = lg.append('g').attr('transform', `translate(0,${i * 18})`);
      g.append('line').attr('x1', 0).attr('x2', 22).attr('y1', 6).attr('y2', 6).attr('stroke', palette[i % palette.length]).attr('stroke-width', i === 0 ? 3 : 1.6).attr('stroke-dasharray', i === 0 ? null : '5 3');
      g.append('text').attr('class', 'legend-label').attr('x', 28).attr('y', 10).text(`${i === 0 ? 'best: ' : ''}${c.family}`);
    });
  }

  // Q–Q plot of the best fit: points on the diagonal mean the fitted quantiles match the data.
  {
    const s = svgIn('fit-qq', `Q–Q plot of the best fit ${data.qq.label}`);
    const all = data.qq.points.flatMap((p) => [p[0], p[1]]);
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    const pad = (hi - lo) * 0.04 || 1;
    const x = d3.scaleLinear().domain([lo - pad, hi + pad]).range([m.left, W - m.right]);
    const y = d3.scaleLinear().domain([lo - pad, hi + pad]).range([H - m.bottom, m.top]);
    s.append('line').attr('class', 'diagonal').attr('x1', x(lo - pad)).attr('y1', y(lo - pad)).attr('x2', x(hi + pad)).attr('y2', y(hi + pad)).attr('stroke', '#888').attr('stroke-dasharray', '4 3');
    s.append('g')
      .selectAll('circle')
      .data(data.qq.points)
      .join('circle')
      .attr('cx', (p) => x(p[0]))
      .attr('cy', (p) => y(p[1]))
      .attr('r', 2.6)
      .attr('fill', palette[0])
      .attr('fill-opacity', 0.7);
    s.append('g').attr('class', 'axis').attr('transform', `translate(0,${H - m.bottom})`).call(d3.axisBottom(x).ticks(12));
    s.append('g').attr('class', 'axis').attr('transform', `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(8));
    label(s, 'quantile of the fitted distribution', (m.left + W - m.right) / 2, H - 14, false);
    label(s, 'observed value', 18, (m.top + H - m.bottom) / 2, true);
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

let cachedScript: string | undefined;

/** The page script: `drawFit`'s own source called on the embedded data and the global `d3`. */
export function fitClientScript(): string {
  if (cachedScript === undefined) {
    cachedScript = inlineScript(
      [
        '"use strict";',
        '(function () {',
        'var __name = function (f) { return f; };',
        `var drawFit = ${drawFit.toString()};`,
        `drawFit(d3, JSON.parse(document.getElementById('${FIT_REPORT_DATA_ID}').textContent));`,
        '})();',
        '',
      ].join('\n'),
    );
  }
  return cachedScript;
}

const FIT_STYLES = `
code.paste { display: block; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; font-size: 14px; overflow-wrap: anywhere; }
.data-table td.spec { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
`;

/**
 * Renders a fit as one self-contained HTML page: the candidates table, a histogram of the data
 * with every fitted density over it and a Q–Q plot of the best fit, d3 and the chart code
 * inlined, no network needed. A pure function of its input; file and column names are escaped,
 * and the Content-Security-Policy admits only the page's own two scripts.
 */
export function renderFitReport(input: FitReportInput): string {
  const data = fitReportData(input);
  const r = input.result;
  const d3js = d3Source();
  const app = fitClientScript();
  const csp = `default-src 'none'; script-src 'sha256-${sha256(d3js)}' 'sha256-${sha256(app)}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`;
  const num = (x: number, digits: number) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
  const rows = r.candidates.map(
    (c, i) =>
      html`<tr${i === 0 ? trusted(' class="best"') : ''}><td>${c.family}</td><td class="spec">${formatFitSpec(c.distribution)}</td><td class="num">${c.parameters}</td><td class="num">${num(c.logLikelihood, 2)}</td><td class="num">${num(c.aic, 2)}</td><td class="num">${num(c.deltaAic, 2)}</td><td class="num">${num(c.ks, 4)}</td></tr>`,
  );
  const skipped = r.notFitted.map((s) => html`<li><b>${s.family}</b>: ${s.reason}</li>`);
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="generator" content="coordsim">
<title>Fit of ${input.column} — coordsim</title>
<style>${trusted(STYLES + FIT_STYLES)}</style>
</head>
<body>
<main>
<header class="report-header">
<h1>Distribution fit: ${input.column}</h1>
<p class="meta">${r.n} values from column ${input.column} of ${input.file} · maximum likelihood, ranked by AIC</p>
</header>
<section class="summary" id="summary">
<p class="lead">Best fit (lowest AIC): <b>${r.candidates[0].family}</b>. Paste into a scenario:</p>
<code class="paste" id="best-yaml">duration: ${formatFitSpec(r.best)}</code>
<table class="data-table" id="candidates"><thead><tr><th>family</th><th>distribution (scenario syntax)</th><th>k</th><th>ln L</th><th>AIC</th><th>ΔAIC</th><th>KS</th></tr></thead><tbody>${rows}</tbody></table>
<p class="facts">AIC = 2k − 2 ln L: lower is better; a ΔAIC above about 10 means the data give that family essentially no support against the best. KS is the largest gap between the data's cumulative distribution and the fitted one (0 to 1; smaller is closer).</p>
${skipped.length > 0 ? html`<p class="facts">Not fitted:</p><ul class="facts">${skipped}</ul>` : ''}
</section>
<section class="block" id="fit-histogram"><h2>Histogram and fitted densities</h2><p class="note">Bars: the data as densities (share of values per unit of value). Lines: each fitted density; the thick line is the best fit.</p><div class="chart-body"></div></section>
<section class="block" id="fit-qq"><h2>Q–Q plot of the best fit</h2><p class="note">Each point pairs an observed value with the fitted distribution's quantile at the same rank. Points on the dashed diagonal mean the fit matches; a bend at the ends means the tails differ.</p><div class="chart-body"></div></section>
<footer>Generated by coordsim fit. Deterministic: the same values give this same report. Opens offline.</footer>
</main>
<script type="application/json" id="${FIT_REPORT_DATA_ID}">${trusted(jsonForScript(data))}</script>
<script>${trusted(d3js)}</script>
<script>${trusted(app)}</script>
</body>
</html>
`;
  return page.value;
}
