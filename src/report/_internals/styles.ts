/** The report's stylesheet: readable on a laptop screen, and printable (landscape, one chart per block). */
export const STYLES = `
:root { --ink: #1f2328; --muted: #5b636d; --line: #d8dde3; --bg: #ffffff; --panel: #f6f8fa; --good: #2e7d32; --warn: #b26a00; --bad: #c62828; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 20px 24px 40px; }
header.report-header { border-bottom: 2px solid var(--ink); padding-bottom: 10px; margin-bottom: 14px; }
h1 { font-size: 26px; margin: 0 0 4px; line-height: 1.2; overflow-wrap: anywhere; }
h2 { font-size: 18px; margin: 0 0 4px; }
.desc { margin: 0 0 6px; color: var(--ink); max-width: 90ch; overflow-wrap: anywhere; }
.meta { margin: 0; color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
.lead { font-size: 16px; margin: 6px 0 10px; max-width: 100ch; overflow-wrap: anywhere; }
.cards { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; margin: 10px 0; }
.card { background: var(--panel); border: 1px solid var(--line); border-left: 5px solid #8b949e; border-radius: 6px; padding: 10px 12px; }
.card.good { border-left-color: var(--good); }
.card.warn { border-left-color: var(--warn); }
.card.bad { border-left-color: var(--bad); }
.card-label { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.card-figure { font-size: 24px; font-weight: 650; margin: 2px 0; }
.card-detail { font-size: 13px; color: var(--muted); overflow-wrap: anywhere; }
.facts { font-size: 13px; color: var(--muted); margin: 4px 0 0; overflow-wrap: anywhere; }
section.block { margin: 22px 0 0; padding-top: 12px; border-top: 1px solid var(--line); }
.note { margin: 0 0 6px; color: var(--muted); font-size: 13px; max-width: 110ch; }
.chart-body { width: 100%; overflow-x: auto; }
.chart-body svg { display: block; height: auto; font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.chart-error { color: var(--bad); font-weight: 600; }
.picker { margin: 26px 0 0; padding: 10px 12px; background: #eef3f8; border: 1px solid #c9d6e3; border-radius: 6px; font-size: 15px; }
.picker select { font-size: 15px; padding: 3px 6px; margin-left: 6px; }
.picker .print-only { display: none; }
svg text { fill: var(--ink); }
svg .lane-label { font-size: 12.5px; font-weight: 600; }
svg .lane-id, svg .row-note { font-size: 11.5px; fill: var(--muted); }
svg .bar-label { font-size: 11px; fill: #fff; pointer-events: none; }
svg .bar-value, svg .cell-label { font-size: 11px; pointer-events: none; }
svg .axis-label { font-size: 12.5px; fill: var(--muted); }
svg .chart-caption { font-size: 13px; font-weight: 600; }
svg .panel-title { font-size: 13px; font-weight: 650; }
svg .mark-label { font-size: 12px; font-weight: 600; }
svg .deadline-label { fill: #c62828; }
svg .legend-label { font-size: 12px; }
svg .tick-label { font-size: 11.5px; fill: var(--muted); }
svg .week-label { font-size: 12px; font-weight: 600; fill: #444; }
svg .gate-label { font-size: 11.5px; fill: #333; }
svg .axis text { font-size: 11.5px; }
.tooltip { position: fixed; z-index: 10; display: none; pointer-events: none; max-width: 420px; background: rgba(31,35,40,.94); color: #fff; padding: 6px 9px; border-radius: 5px; font-size: 12.5px; line-height: 1.4; overflow-wrap: anywhere; box-shadow: 0 2px 8px rgba(0,0,0,.25); }
.tooltip div:first-child { font-weight: 650; }
.data-table { border-collapse: collapse; width: 100%; font-size: 13.5px; margin: 10px 0 0; }
.data-table th { text-align: left; font-weight: 650; border-bottom: 2px solid var(--line); padding: 5px 8px; vertical-align: bottom; }
.data-table td { border-bottom: 1px solid var(--line); padding: 5px 8px; vertical-align: top; overflow-wrap: anywhere; }
.data-table td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
.data-table td.nowrap { white-space: nowrap; }
.data-table tr.best td { background: #eef6ee; }
.task-name { font-weight: 600; }
.task-id { font-size: 12px; color: var(--muted); }
.meter { display: inline-block; width: 60px; height: 8px; background: #e6e6e6; border-radius: 4px; vertical-align: middle; overflow: hidden; }
.meter > span { display: block; height: 100%; background: #4e79a7; }
.two-col { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 24px; }
footer { margin-top: 30px; padding-top: 10px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
@media (max-width: 900px) { .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); } main { padding: 12px; } }
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .tooltip, noscript { display: none !important; }
  .picker select { display: none; }
  .picker .print-only { display: inline; font-weight: 650; }
  section.block, .cards, .card, table, tr { break-inside: avoid; page-break-inside: avoid; }
  .chart-body { overflow: visible; }
  .chart-body svg { max-width: 100% !important; }
  .card, .data-table tr.best td, .meter, .meter > span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
