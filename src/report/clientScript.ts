import { drawCostCurve } from './charts/costCurve.js';
import { drawCostReport, type CostChartFunctions } from './charts/drawCostReport.js';
import { drawCostScatter } from './charts/costScatter.js';
import { drawCostStrategies } from './charts/costStrategies.js';
import { drawCostTornado } from './charts/costTornado.js';
import { createKit } from './charts/createKit.js';
import { drawCriticalTable } from './charts/criticalTable.js';
import { drawReport, type ChartFunctions } from './charts/drawReport.js';
import { drawGantt } from './charts/gantt.js';
import { drawGates } from './charts/gates.js';
import { drawHeatmap } from './charts/heatmap.js';
import { drawHistogram } from './charts/histogram.js';
import { laneTotals, periodLoad } from './charts/laneLoad.js';
import { rankedBars } from './charts/rankedBars.js';
import { distributionChart } from './charts/distributionChart.js';
import { drawPairs } from './charts/pairs.js';
import { drawStrategyBars } from './charts/strategyBars.js';
import { drawStrategyBoxes } from './charts/strategyBoxes.js';
import { drawTornado } from './charts/tornado.js';
import { drawRiskRanking } from './charts/riskRanking.js';
import { traceBars } from './charts/traceBars.js';
import { drawUtilization } from './charts/utilization.js';
import { inlineScript } from './_internals/escape.js';

/** The client-side functions, by name; each is self-contained so its source runs in the page. */
export const CHART_FUNCTIONS: ChartFunctions = {
  createKit,
  traceBars,
  laneTotals,
  periodLoad,
  rankedBars,
  distributionChart,
  drawGantt,
  drawHistogram,
  drawStrategyBoxes,
  drawStrategyBars,
  drawPairs,
  drawUtilization,
  drawHeatmap,
  drawTornado,
  drawCriticalTable,
  drawGates,
  drawRiskRanking,
};

/** The cost charts, in the page script only of reports whose scenario has costs. */
export const COST_CHART_FUNCTIONS: CostChartFunctions = { drawCostCurve, drawCostScatter, drawCostStrategies, drawCostTornado };

const cached: Array<string | undefined> = [undefined, undefined];

/**
 * The report page's script: the chart functions' own source, then a call of `drawReport`
 * on the JSON data block `#coordsim-data` and the global `d3`; `withCost` adds the cost
 * charts and their `drawCostReport` (the page of a scenario without costs is unchanged).
 * Built from the functions themselves, so the page runs exactly the code the tests import.
 */
export function clientScript(withCost = false): string {
  const k = withCost ? 1 : 0;
  if (cached[k] === undefined) {
    const source = (fs: object) => Object.entries(fs).map(([name, f]) => `  ${name}: ${(f as (...a: never[]) => unknown).toString()}`);
    const entries = source(CHART_FUNCTIONS);
    cached[k] = inlineScript(
      [
        '"use strict";',
        '(function () {',
        // Transpilers that keep function names may call a `__name` helper inside function bodies.
        'var __name = function (f) { return f; };',
        `var fns = {\n${entries.join(',\n')}\n};`,
        `var drawReport = ${drawReport.toString()};`,
        "var data = JSON.parse(document.getElementById('coordsim-data').textContent);",
        'drawReport(d3, data, fns);',
        ...(withCost
          ? [`var costFns = {\n${source(COST_CHART_FUNCTIONS).join(',\n')}\n};`, `var drawCostReport = ${drawCostReport.toString()};`, 'drawCostReport(d3, data, fns, costFns);']
          : []),
        '})();',
        '',
      ].join('\n'),
    );
  }
  return cached[k]!;
}
