import type * as D3 from 'd3';
import type { MonteCarloResult } from '../../montecarlo/MonteCarloResult.js';
import type { ReportData } from '../ReportData.js';
import type { drawCostCurve } from './costCurve.js';
import type { drawCostScatter } from './costScatter.js';
import type { drawCostStrategies } from './costStrategies.js';
import type { drawCostTornado } from './costTornado.js';
import type { ChartFunctions } from './drawReport.js';

/** The cost charts' client-side functions, handed to `drawCostReport`. */
export interface CostChartFunctions {
  drawCostCurve: typeof drawCostCurve;
  drawCostScatter: typeof drawCostScatter;
  drawCostStrategies: typeof drawCostStrategies;
  drawCostTornado: typeof drawCostTornado;
}

/**
 * The cost part of the page script (runs in the browser: self-contained), included only in
 * reports of scenarios with costs: draws the cost chart containers the HTML has, for the
 * Monte Carlo's strategy or the strategy picked in a comparison. A chart that fails shows its
 * error in place.
 */
export function drawCostReport(d3: typeof D3, data: ReportData, fns: ChartFunctions, cost: CostChartFunctions): void {
  if (data.kind === 'run') return;
  const kit = fns.createKit(d3, data, { traceBars: fns.traceBars, laneTotals: fns.laneTotals, periodLoad: fns.periodLoad, rankedBars: fns.rankedBars, distributionChart: fns.distributionChart });
  const draw = kit.draw;
  const forStrategy = (r: MonteCarloResult) => {
    if (r.cost === undefined) return;
    draw('cost-curve', (el) => cost.drawCostCurve(kit, el, r));
    draw('cost-scatter', (el) => cost.drawCostScatter(kit, el, r));
    draw('cost-tornado', (el) => cost.drawCostTornado(kit, el, r.tasks));
  };
  if (data.kind === 'montecarlo') {
    forStrategy(data.result);
    return;
  }
  const results = data.result.strategies;
  if (results.length === 0) return;
  const front = data.result.paretoFront;
  if (front !== undefined) draw('cost-strategies', (el) => cost.drawCostStrategies(kit, el, results, front));
  const select = document.getElementById('strategy-select') as HTMLSelectElement | null;
  const pick = () => {
    const r = results[select ? Number(select.value) : 0] ?? results[0];
    if (r) forStrategy(r);
  };
  select?.addEventListener('change', pick);
  pick();
}
