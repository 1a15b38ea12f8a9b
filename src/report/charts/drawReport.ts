import type * as D3 from 'd3';
import type { MonteCarloResult } from '../../montecarlo/MonteCarloResult.js';
import type { RunMetrics } from '../../engine/runMetrics.js';
import type { ReportData } from '../ReportData.js';
import type { createKit } from './createKit.js';
import type { drawCriticalTable } from './criticalTable.js';
import type { drawGantt } from './gantt.js';
import type { drawGates, GateRow } from './gates.js';
import type { drawHeatmap } from './heatmap.js';
import type { drawHistogram } from './histogram.js';
import type { laneTotals, periodLoad } from './laneLoad.js';
import type { rankedBars } from './rankedBars.js';
import type { distributionChart } from './distributionChart.js';
import type { drawPairs } from './pairs.js';
import type { drawStrategyBars } from './strategyBars.js';
import type { drawStrategyBoxes } from './strategyBoxes.js';
import type { drawTornado } from './tornado.js';
import type { drawRiskRanking } from './riskRanking.js';
import type { MergeMark } from './gantt.js';
import type { traceBars } from './traceBars.js';
import type { AgentSplit, Lane, ReportTrace } from './types.js';
import type { drawUtilization } from './utilization.js';

/** Every client-side function, handed to `drawReport` (the page script defines them side by side). */
export interface ChartFunctions {
  createKit: typeof createKit;
  traceBars: typeof traceBars;
  laneTotals: typeof laneTotals;
  periodLoad: typeof periodLoad;
  rankedBars: typeof rankedBars;
  distributionChart: typeof distributionChart;
  drawGantt: typeof drawGantt;
  drawHistogram: typeof drawHistogram;
  drawStrategyBoxes: typeof drawStrategyBoxes;
  drawStrategyBars: typeof drawStrategyBars;
  drawPairs: typeof drawPairs;
  drawUtilization: typeof drawUtilization;
  drawHeatmap: typeof drawHeatmap;
  drawTornado: typeof drawTornado;
  drawCriticalTable: typeof drawCriticalTable;
  drawGates: typeof drawGates;
  drawRiskRanking: typeof drawRiskRanking;
}

/**
 * The page's entry point (runs in the browser: self-contained): draws every chart container
 * the HTML has (`[data-chart=name] .chart-body`) from the embedded data. A chart that fails
 * shows its error in place and logs it, so the rest of the report still draws.
 */
export function drawReport(d3: typeof D3, data: ReportData, fns: ChartFunctions): void {
  const kit = fns.createKit(d3, data, { traceBars: fns.traceBars, laneTotals: fns.laneTotals, periodLoad: fns.periodLoad, rankedBars: fns.rankedBars, distributionChart: fns.distributionChart });
  const { fmt, tf, pct, unit } = kit;
  const model = data.model;
  const lanes: Lane[] = [
    ...model.agents.map((a) => ({ id: a.id, label: a.role || a.id, capacity: a.capacity })),
    { id: model.orchestrator.id, label: model.orchestrator.role || 'Orchestrator', capacity: model.orchestrator.capacity },
  ];
  const gateName = new Map(model.gates.map((g) => [g.id, g.name]));
  const draw = kit.draw;
  // "100% busy while engaged" beside how long it was engaged and its share of the whole project.
  const engagedNote = (u: number, engaged: { start: number; end: number } | undefined, busy: number, project: number) => {
    // In the display unit.
    const len = (engaged ? engaged.end - engaged.start : 0) * kit.perUnit;
    return `${pct(u)} busy over ${fmt(len)} ${unit} engaged · ${pct(project > 0 ? busy / project : 0)} of the project`;
  };
  const oneRun = (metrics: RunMetrics, trace: ReportTrace, caption: string, mergePoints?: MergeMark[]) => {
    draw('gantt', (el) =>
      fns.drawGantt(kit, el, { trace, lanes, makespan: metrics.makespan, deadline: metrics.deadline, criticalPath: metrics.criticalPath, caption, ...(mergePoints ? { mergePoints } : {}) }),
    );
    draw('heatmap', (el) => {
      const { bars, end } = kit.traceBars(trace);
      // The model's periods up to this run's end (at least one).
      const last = Math.max(metrics.makespan, end, metrics.deadline ?? 0);
      const all = kit.periods;
      let n = 1;
      while (n < all.edges.length - 1 && all.edges[n] < last - 1e-9) n++;
      const periods = { unit: all.unit, edges: all.edges.slice(0, n + 1), work: all.work.slice(0, n) };
      const load = kit.periodLoad(bars, lanes, periods.edges, periods.work, model.dates?.work ? kit.workIn : null);
      fns.drawHeatmap(kit, el, lanes, load, periods, metrics.deadline, caption);
    });
  };
  const forStrategy = (r: MonteCarloResult) => {
    document.querySelectorAll('.strategy-name').forEach((n) => {
      n.textContent = r.strategy;
    });
    const rep = r.representative;
    // The risk analysis of this strategy, when the report has one (montecarlo --out).
    const risks = data.kind === 'montecarlo' && data.risks !== undefined && data.risks.strategy === r.strategy ? data.risks : undefined;
    oneRun(rep.metrics, rep.trace, `Run #${rep.run} of ${r.runs}, the one nearest the median: finished at ${tf(rep.metrics.makespan)} ${unit} (P50 ${tf(r.makespan.p50)})`, risks?.mergePoints);
    if (risks !== undefined) draw('risks', (el) => fns.drawRiskRanking(kit, el, risks.risks));
    draw('histogram', (el) => fns.drawHistogram(kit, el, r));
    draw('utilization', (el) => {
      const rows: AgentSplit[] = r.agents.map((a) => ({
        id: a.id,
        label: a.role || a.id,
        work: a.workTime,
        coordination: a.coordinationTime,
        idle: a.idleTime,
        // Busy while engaged alone reads 100% for an agent engaged a few days of a long project.
        note: `${pct(a.utilization)} busy while engaged · ${pct((a.workTime + a.coordinationTime) / (a.workTime + a.coordinationTime + a.idleTime || 1))} of the project`,
      }));
      fns.drawUtilization(kit, el, rows, `Means over ${r.runs} runs of strategy ${r.strategy}; average utilisation while engaged ${pct(r.utilization.mean)}, team capacity use ${pct(r.capacityUse.mean)}`);
    });
    draw('tornado', (el) => fns.drawTornado(kit, el, r.tasks));
    draw('critical', (el) => fns.drawCriticalTable(kit, el, r.tasks));
    draw('gates', (el) => {
      const rows: GateRow[] = r.gates.map((g) => ({ id: g.id, name: g.name, rounds: g.meanRounds, pass: g.pass, remediate: g.remediate, fail: g.fail, exhausted: g.exhausted }));
      fns.drawGates(kit, el, rows, `per run (mean of ${r.runs} runs)`);
    });
  };

  if (data.kind === 'run') {
    const { metrics, trace } = data;
    oneRun(metrics, trace, `Strategy ${metrics.strategy}, seed ${metrics.seed}, run ${metrics.run}: finished at ${tf(metrics.makespan)} ${unit}`);
    draw('utilization', (el) => {
      const { bars } = kit.traceBars(trace);
      const totals = kit.laneTotals(bars, lanes);
      const rows: AgentSplit[] = lanes.map((l) => {
        const t = totals[l.id];
        const isOrch = l.id === model.orchestrator.id;
        const span = metrics.makespan * l.capacity;
        const u = isOrch ? metrics.orchestrator.utilization : metrics.utilization.byAgent[l.id];
        return {
          id: l.id,
          label: l.label,
          work: t.work,
          coordination: t.coordination,
          idle: Math.max(0, span - t.work - t.coordination),
          note: u === undefined ? '' : isOrch ? `${pct(u)} busy over the project` : engagedNote(u, metrics.engagedSpan.byAgent[l.id], t.work + t.coordination, span),
        };
      });
      fns.drawUtilization(kit, el, rows, `Strategy ${metrics.strategy}: average utilisation while engaged ${pct(metrics.utilization.mean)}, team capacity use ${pct(metrics.capacityUse)}, coordination overhead ${pct(metrics.coordinationOverhead)}`);
    });
    draw('gates', (el) => {
      const rows: GateRow[] = Object.entries(metrics.gates).map(([id, g]) => ({
        id,
        name: gateName.get(id) ?? id,
        rounds: g.rounds,
        pass: g.outcomes.pass,
        remediate: g.outcomes.remediate,
        fail: g.outcomes.fail,
        exhausted: g.exhausted ? 1 : 0,
      }));
      fns.drawGates(kit, el, rows, 'in this run');
    });
    return;
  }
  if (data.kind === 'montecarlo') {
    forStrategy(data.result);
    return;
  }
  const results = data.result.strategies;
  if (results.length === 0) return;
  draw('comparison', (el) => fns.drawStrategyBoxes(kit, el, results));
  draw('overheads', (el) => fns.drawStrategyBars(kit, el, results));
  // With many strategies every pair is too many to read: show the default against the others.
  const all = data.result.pairs;
  const own = all.filter((p) => p.a === model.defaultStrategy || p.b === model.defaultStrategy);
  draw('pairs', (el) => fns.drawPairs(kit, el, own.length > 0 ? own : all));
  const select = document.getElementById('strategy-select') as HTMLSelectElement | null;
  const pick = () => {
    const i = select ? Number(select.value) : 0;
    const r = results[i] ?? results[0];
    if (r) forStrategy(r);
  };
  select?.addEventListener('change', pick);
  pick();
}
