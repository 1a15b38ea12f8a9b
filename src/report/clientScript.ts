import { createKit } from './charts/createKit.js';
import { drawCriticalTable } from './charts/criticalTable.js';
import { drawReport, type ChartFunctions } from './charts/drawReport.js';
import { drawGantt } from './charts/gantt.js';
import { drawGates } from './charts/gates.js';
import { drawHeatmap } from './charts/heatmap.js';
import { drawHistogram } from './charts/histogram.js';
import { laneTotals, weeklyLoad } from './charts/laneLoad.js';
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
  weeklyLoad,
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

let cached: string | undefined;

/**
 * The report page's script: the chart functions' own source, then a call of `drawReport`
 * on the JSON data block `#coordsim-data` and the global `d3`. Built from the functions
 * themselves, so the page runs exactly the code the tests import.
 */
export function clientScript(): string {
  if (cached === undefined) {
    const entries = Object.entries(CHART_FUNCTIONS).map(([name, f]) => `  ${name}: ${(f as (...a: never[]) => unknown).toString()}`);
    cached = inlineScript(
      [
        '"use strict";',
        '(function () {',
        // Transpilers that keep function names may call a `__name` helper inside function bodies.
        'var __name = function (f) { return f; };',
        `var fns = {\n${entries.join(',\n')}\n};`,
        `var drawReport = ${drawReport.toString()};`,
        "var data = JSON.parse(document.getElementById('coordsim-data').textContent);",
        'drawReport(d3, data, fns);',
        '})();',
        '',
      ].join('\n'),
    );
  }
  return cached;
}
