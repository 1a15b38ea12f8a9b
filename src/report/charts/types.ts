import type * as D3 from 'd3';
import type { ReportData } from '../ReportData.js';
import type { rankedBars } from './rankedBars.js';
import type { distributionChart } from './distributionChart.js';

/** What a Gantt bar shows: work, one of the coordination mechanisms, or time held waiting. */
export type BarKind = 'work' | 'rework' | 'remediation' | 'handoff' | 'review' | 'status' | 'checkpoint' | 'held' | 'escalation';

/** One bar of the Gantt chart, derived from the trace. `lane` is an agent or orchestrator id. */
export interface Bar {
  lane: string;
  kind: BarKind;
  start: number;
  end: number;
  task: string;
  gate: string;
  detail: string;
}

/** A point event on the Gantt chart: a handoff delivered to a task's agent, or a gate decided. */
export interface Marker {
  kind: 'handoff' | 'gate';
  lane: string;
  time: number;
  task: string;
  gate: string;
  detail: string;
}

/** One lane of the Gantt chart and heatmap. */
export interface Lane {
  id: string;
  label: string;
  capacity: number;
}

/** Time per category on one lane (in the scenario's time unit, capacity-weighted). */
export interface LaneTotals {
  work: number;
  coordination: number;
  held: number;
}

/** One agent's time split for the utilisation chart. */
export interface AgentSplit {
  id: string;
  label: string;
  work: number;
  coordination: number;
  idle: number;
  /** Written beside the bar, e.g. "94% busy while engaged". */
  note: string;
}

/** The shared helpers chart functions get in the browser (built by `createKit`). */
export interface ChartKit {
  d3: typeof D3;
  data: ReportData;
  /** Plural name of the unit times are shown in, chosen by their magnitude: "hours". */
  unit: string;
  /** Plural name of the scenario's own time unit: "days". */
  ownUnit: string;
  /** Display units per scenario unit (1 when the report shows the scenario's unit). */
  perUnit: number;
  /** A time in the display unit, as a number with `digits` decimals. */
  tf(x: number, digits?: number): string;
  /** A length of time with its display unit, and the scenario's unit in brackets when that differs. */
  dur(x: number, digits?: number): string;
  /** A length of time as a short amount in the display unit: "1 day", "8 hours", "2.5 weeks". */
  amount(x: number): string;
  /** "start → end" in the display unit (and the scenario's unit when that differs). */
  span(a: number, b: number, digits?: number): string;
  /** Sets an axis of times (scenario units) to ticks in the display unit, or dates when `dated` and the plan has dates. */
  timeAxis<A extends D3.Axis<D3.NumberValue>>(axis: A, lo: number, hi: number, count: number, dated?: boolean): A;
  /** Shades the project calendar's non-working days across [y0, y1] under a time scale (scenario units); returns how many. */
  shadeOff(g: D3.Selection<any, unknown, null, undefined>, x: D3.ScaleLinear<number, number>, y0: number, y1: number): number;
  /** Working time of the project calendar in [a, b) (elapsed scenario units); b − a without a calendar. */
  workIn(a: number, b: number): number;
  /**
   * Draws the block named `name` (`data-chart` or `data-table`) with `f` into its chart body,
   * if the page has it; an error is shown in the block (and logged), not thrown.
   */
  draw(name: string, f: (el: HTMLElement) => void): void;
  /** Removes each text of the selection that overlaps one kept before it (earlier texts win). */
  declutter(texts: D3.Selection<any, any, any, any>): void;
  /** A lane's name with its id: "Developer (dev-2)", or the id when the role is empty or the same. */
  laneName(lane: { id: string; label: string }): string;
  /** With a start date, the date (and time, in hour and minute units) of a time, for axis ticks; else null. */
  timeTick: ((t: number) => string) | null;
  /** With a start date: at most `max` times in [from, to] at whole days (hours in hour and minute units), for date ticks. */
  dateTicks(from: number, to: number, max: number): number[];
  unitsPerWeek: number;
  /** The report's periods (hours, days or weeks; see ModelView.periods). */
  periods: ReportData['model']['periods'];
  colors: Record<string, string>;
  /** Human label of a bar kind or series. */
  labels: Record<string, string>;
  fmt(x: number, digits?: number): string;
  pct(x: number): string;
  /** Shows the tooltip with one line per entry near the pointer; `hide` removes it. */
  tip: { show(event: MouseEvent, lines: string[]): void; hide(): void };
  /** Appends an SVG sized by viewBox to `el` (cleared first). */
  svg(el: HTMLElement, width: number, height: number, title: string): D3.Selection<SVGSVGElement, unknown, null, undefined>;
  /** Draws a legend row of swatches at (x, y); returns its height. */
  legend(g: D3.Selection<any, unknown, null, undefined>, items: Array<{ label: string; color: string; shape?: 'rect' | 'line' | 'dash' | 'circle' | 'diamond' | 'triangle' }>, x: number, y: number, width: number): number;
  /** Shortens each text of the selection with an ellipsis to fit `maxWidth` (full text in its tooltip). */
  fitText(sel: D3.Selection<any, any, any, any>, maxWidth: number): void;
  /** Sets the SVG's height once the content (legend rows) is known. */
  fit(svg: D3.Selection<SVGSVGElement, unknown, null, undefined>, width: number, height: number): void;
  /** Axis label text at (x, y), rotated for a vertical axis. */
  axisLabel(g: D3.Selection<any, unknown, null, undefined>, text: string, x: number, y: number, vertical?: boolean): void;
  /** The layout of the tornado-like charts (see rankedBars.ts). */
  rankedBars: typeof rankedBars;
  /** The layout of the histogram-with-S-curve charts (see distributionChart.ts). */
  distributionChart: typeof distributionChart;
  traceBars: (trace: ReportTrace) => { bars: Bar[]; markers: Marker[]; end: number };
  laneTotals: (bars: Bar[], lanes: Lane[]) => Record<string, LaneTotals>;
  periodLoad: (bars: Bar[], lanes: Lane[], edges: number[], capacityTime: number[], workIn: ((a: number, b: number) => number) | null) => number[][];
}

/** The trace rows the client reads (TraceRecord's shape). */
export type ReportTrace = ReadonlyArray<{ time: number; kind: string; task: string; agent: string; gate: string; detail: string; duration: number }>;
