import type * as D3 from 'd3';
import type { ReportData } from '../ReportData.js';
import type { ChartKit } from './types.js';

/**
 * Builds the helpers every chart uses: scales of colour, number formats, the tooltip,
 * legends and axis labels (runs in the browser: self-contained). Text always goes into the
 * page through `.text()`, never as markup.
 */
export function createKit(d3: typeof D3, data: ReportData, helpers: Pick<ChartKit, 'traceBars' | 'laneTotals' | 'periodLoad' | 'rankedBars' | 'distributionChart'>): ChartKit {
  const unitName = data.model.timeUnit;
  const ownUnit = unitName.endsWith('s') ? unitName : `${unitName}s`;
  const display = data.model.display ?? { unit: unitName, perUnit: 1 };
  const unit = `${display.unit}s`;
  const perUnit = display.perUnit;
  const colors: Record<string, string> = {
    work: '#4e79a7',
    rework: '#e15759',
    remediation: '#b07aa1',
    handoff: '#f28e2b',
    review: '#edc948',
    status: '#ffbe7d',
    checkpoint: '#9c755f',
    held: '#bab0ac',
    escalation: '#79706e',
    coordination: '#f28e2b',
    idle: '#e6e6e6',
    deadline: '#d62728',
    late: '#f1a9a0',
    onTime: '#4e79a7',
    curve: '#222222',
    critical: '#1b1b1b',
  };
  const labels: Record<string, string> = {
    work: 'work',
    rework: 'rework (gate failed)',
    remediation: 'remediation',
    handoff: 'handoff',
    review: 'gate review',
    status: 'status update',
    checkpoint: 'checkpoint meeting',
    held: 'held (risk delay)',
    escalation: 'escalation (waiting)',
  };
  const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
  const tf = (x: number, digits = 1) => fmt(x * perUnit, digits);
  const sameUnit = unit === ownUnit && perUnit === 1;
  const span = (a: number, b: number, digits = 2) => `${tf(a, digits)} → ${tf(b, digits)} ${unit}${sameUnit ? '' : ` (${fmt(a, digits)} → ${fmt(b, digits)} ${ownUnit})`}`;
  const amount = (x: number) => {
    const v = x * perUnit;
    const r = Math.round(v * 10) / 10;
    return `${Number.isInteger(r) ? String(r) : r.toFixed(1)} ${r === 1 ? display.unit : unit}`;
  };
  const dur = (x: number, digits = 2) => `${tf(x, digits)} ${unit}${sameUnit ? '' : ` (${fmt(x, digits)} ${ownUnit})`}`;
  const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : '–');
  let tipEl: HTMLDivElement | null = null;
  const tip = {
    show(event: MouseEvent, lines: string[]) {
      if (!tipEl) {
        tipEl = document.createElement('div');
        tipEl.className = 'tooltip';
        document.body.appendChild(tipEl);
      }
      d3.select(tipEl)
        .style('display', 'block')
        .selectAll('div')
        .data(lines)
        .join('div')
        .text((d) => d);
      const w = tipEl.offsetWidth;
      const h = tipEl.offsetHeight;
      const x = event.clientX + 14 + w > window.innerWidth ? event.clientX - w - 10 : event.clientX + 14;
      const y = event.clientY + 14 + h > window.innerHeight ? event.clientY - h - 10 : event.clientY + 14;
      tipEl.style.left = `${Math.max(0, x)}px`;
      tipEl.style.top = `${Math.max(0, y)}px`;
    },
    hide() {
      if (tipEl) tipEl.style.display = 'none';
    },
  };
  const svg = (el: HTMLElement, width: number, height: number, title: string) => {
    const root = d3.select(el);
    root.selectAll('*').remove();
    const s = root
      .append('svg')
      .attr('viewBox', `0 0 ${width} ${height}`)
      .attr('width', '100%')
      .attr('preserveAspectRatio', 'xMinYMin meet')
      .attr('role', 'img')
      .attr('aria-label', title)
      .style('max-width', `${width}px`);
    s.append('title').text(title);
    return s;
  };
  const legend: ChartKit['legend'] = (g, items, x, y, width) => {
    const row = 18;
    let cx = 0;
    let cy = 0;
    const lg = g.append('g').attr('class', 'legend').attr('transform', `translate(${x},${y})`);
    for (const it of items) {
      const item = lg.append('g');
      const shape = it.shape ?? 'rect';
      if (shape === 'rect') item.append('rect').attr('x', 0).attr('y', 2).attr('width', 16).attr('height', 10).attr('fill', it.color);
      else if (shape === 'line' || shape === 'dash')
        item.append('line').attr('x1', 0).attr('x2', 16).attr('y1', 7).attr('y2', 7).attr('stroke', it.color).attr('stroke-width', 2).attr('stroke-dasharray', shape === 'dash' ? '4 3' : null);
      else if (shape === 'circle') item.append('circle').attr('cx', 8).attr('cy', 7).attr('r', 4.5).attr('fill', it.color);
      else if (shape === 'diamond') item.append('path').attr('d', 'M8,1 L14,7 L8,13 L2,7 Z').attr('fill', it.color);
      else item.append('path').attr('d', 'M2,2 L14,2 L8,12 Z').attr('fill', it.color);
      const label = item.append('text').attr('x', 22).attr('y', 11).attr('class', 'legend-label').text(it.label);
      // Measured when the page lays text out; estimated otherwise.
      const measured = (label.node() as SVGTextElement | null)?.getComputedTextLength?.() ?? 0;
      const w = 22 + (measured > 0 ? measured : it.label.length * 6.6) + 18;
      if (cx > 0 && cx + w > width) {
        cx = 0;
        cy += row;
      }
      item.attr('transform', `translate(${cx},${cy})`);
      cx += w;
    }
    return cy + row;
  };
  const fitText: ChartKit['fitText'] = (sel, maxWidth) => {
    sel.each(function () {
      const t = this as SVGTextElement;
      const full = t.textContent ?? '';
      if (!(t.getComputedTextLength() > maxWidth)) return;
      let lo = 0;
      let hi = full.length;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        t.textContent = `${full.slice(0, mid)}…`;
        if (t.getComputedTextLength() <= maxWidth) lo = mid;
        else hi = mid - 1;
      }
      t.textContent = `${full.slice(0, lo)}…`;
      d3.select(t).append('title').text(full);
    });
  };
  const fit: ChartKit['fit'] = (s, width, height) => {
    s.attr('viewBox', `0 0 ${width} ${Math.ceil(height)}`);
  };
  const axisLabel: ChartKit['axisLabel'] = (g, text, x, y, vertical = false) => {
    const t = g.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle').text(text);
    if (vertical) t.attr('transform', `translate(${x},${y}) rotate(-90)`);
    else t.attr('x', x).attr('y', y);
  };
  const dates = data.model.dates;
  const tickFormat = d3.utcFormat(dates !== undefined && dates.unitMinutes < 1440 ? '%b %-d %H:%M' : '%b %-d');
  const origin = dates !== undefined ? Date.parse(`${dates.origin}:00Z`) : 0;
  const timeTick = dates !== undefined ? (t: number) => tickFormat(new Date(origin + t * dates.unitMinutes * 60000)) : null;
  const dateTicks = (from: number, to: number, max: number): number[] => {
    if (dates === undefined || !(to > from)) return [];
    // Ticks at midnights (or whole hours for hour and minute units), a whole number of steps apart.
    const step0 = dates.unitMinutes < 1440 ? 60 : 1440;
    const span = (to - from) * dates.unitMinutes;
    // Whole hours, then days, then weeks from Monday (1970-01-05, 4 days after the epoch, was one).
    const hours = [1, 2, 3, 6, 12].map((k) => k * 60);
    const days = [1, 2, 7, 14, 28, 91, 182, 364].map((k) => k * 1440);
    const steps = (dates.unitMinutes < 1440 ? [...hours, ...days] : days).filter((s) => s >= step0);
    const step = steps.find((s) => span / s <= max) ?? steps[steps.length - 1];
    const at = origin / 60000 + from * dates.unitMinutes;
    const shift = step % 10080 === 0 ? 4 * 1440 : 0;
    const first = Math.ceil((at - shift) / step) * step + shift;
    const out: number[] = [];
    for (let v = first; v <= origin / 60000 + to * dates.unitMinutes && out.length <= max; v += step) out.push((v - origin / 60000) / dates.unitMinutes);
    return out;
  };
  const timeAxis: ChartKit['timeAxis'] = (axis, lo, hi, count, dated = true) => {
    if (dated && timeTick !== null) return axis.tickValues(dateTicks(lo, hi, Math.min(count, 12))).tickFormat((t) => timeTick(Number(t)));
    const ticks = d3.ticks(lo * perUnit, hi * perUnit, count);
    const f = d3.format(d3.precisionFixed(ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : 1) > 0 ? `.${d3.precisionFixed(Math.abs(ticks[1] - ticks[0]))}f` : 'd');
    return axis.tickValues(ticks.map((v) => v / perUnit)).tickFormat((t) => f(Number(t) * perUnit));
  };
  const off = dates !== undefined ? dates.offDays : [];
  const shadeOff: ChartKit['shadeOff'] = (g, x, y0, y1) => {
    const [lo, hi] = x.domain();
    const spans = off.filter(([a, b]) => b > lo && a < hi);
    if (spans.length === 0) return 0;
    g.append('g')
      .attr('class', 'off-days')
      .selectAll('rect')
      .data(spans)
      .join('rect')
      .attr('class', 'off')
      .attr('x', ([a]) => x(Math.max(lo, a)))
      .attr('width', ([a, b]) => Math.max(0, x(Math.min(b, hi)) - x(Math.max(lo, a))))
      .attr('y', y0)
      .attr('height', Math.max(0, y1 - y0))
      .attr('fill', '#e8e8e8')
      .append('title')
      .text('non-working day (project calendar)');
    return spans.length;
  };
  const work = dates !== undefined ? dates.work ?? null : null;
  const workIn = (a: number, b: number): number => {
    if (!(b > a)) return 0;
    if (work === null) return b - a;
    // Binary search for the first working period ending after a.
    let lo = 0;
    let hi = work.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (work[mid][1] <= a) lo = mid + 1;
      else hi = mid;
    }
    let sum = 0;
    for (let i = lo; i < work.length && work[i][0] < b; i++) sum += Math.max(0, Math.min(b, work[i][1]) - Math.max(a, work[i][0]));
    return sum;
  };
  const declutter: ChartKit['declutter'] = (texts) => {
    const kept: DOMRect[] = [];
    texts.each(function () {
      const t = this as SVGGraphicsElement;
      const r = t.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return;
      // Touching edges are fine: only a real overlap drops the label.
      if (kept.some((k) => r.left < k.right - 0.5 && k.left < r.right - 0.5 && r.top < k.bottom - 0.5 && k.top < r.bottom - 0.5)) t.remove();
      else kept.push(r);
    });
  };
  // Data rendered by an older coordsim has no periods: weeks of `unitsPerWeek` from 0.
  const upw = data.model.unitsPerWeek || 1;
  const periods = data.model.periods ?? { unit: 'week' as const, edges: Array.from({ length: 53 }, (_, i) => i * upw), work: new Array<number>(52).fill(upw) };
  const laneName = (l: { id: string; label: string }) => (l.label && l.label.toLowerCase() !== l.id.toLowerCase() ? `${l.label} (${l.id})` : l.label || l.id);
  const draw: ChartKit['draw'] = (name, f) => {
    const el = document.querySelector<HTMLElement>(`[data-chart="${name}"] .chart-body, [data-table="${name}"] .chart-body`);
    if (!el) return;
    try {
      f(el);
    } catch (e) {
      el.textContent = `This chart could not be drawn: ${e instanceof Error ? e.message : String(e)}`;
      el.classList.add('chart-error');
      console.error(e);
    }
  };
  return {
    draw,
    d3,
    data,
    unit,
    ownUnit,
    perUnit,
    tf,
    dur,
    amount,
    span,
    unitsPerWeek: data.model.unitsPerWeek,
    periods,
    timeTick,
    dateTicks,
    timeAxis,
    shadeOff,
    workIn,
    declutter,
    laneName,
    colors,
    labels,
    fmt,
    pct,
    tip,
    svg,
    legend,
    fitText,
    fit,
    axisLabel,
    ...helpers,
  };
}
