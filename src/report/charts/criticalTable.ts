import type { TaskStats } from '../../montecarlo/MonteCarloResult.js';
import type { ChartKit } from './types.js';

/**
 * Table of the most critical tasks by criticality index (runs in the browser:
 * self-contained); every cell is set with `.text()`.
 */
export function drawCriticalTable(kit: ChartKit, el: HTMLElement, tasks: TaskStats[], limit = 10): void {
  const { d3, fmt, tf, pct, unit, unitsPerWeek } = kit;
  const rows = tasks
    .slice()
    .sort((a, b) => b.criticality - a.criticality || Math.abs(b.sensitivity) - Math.abs(a.sensitivity) || a.id.localeCompare(b.id))
    .slice(0, limit);
  const root = d3.select(el);
  root.selectAll('*').remove();
  const table = root.append('table').attr('class', 'data-table');
  const head = ['Task', 'Agent', 'Critical in', 'Sensitivity', `Mean duration (${unit})`, 'Mean start → finish (week)'];
  table.append('thead').append('tr').selectAll('th').data(head).join('th').text((d) => d);
  const tr = table.append('tbody').selectAll('tr').data(rows).join('tr');
  const name = tr.append('td');
  name.append('div').attr('class', 'task-name').text((t) => t.name || t.id);
  name.append('div').attr('class', 'task-id').text((t) => t.id);
  tr.append('td').attr('class', 'nowrap').text((t) => t.assignment);
  const crit = tr.append('td').attr('class', 'num');
  crit.append('span').attr('class', 'meter').append('span').style('width', (t) => `${Math.round(Math.max(0, Math.min(1, t.criticality)) * 100)}%`);
  crit.append('span').text((t) => ` ${pct(t.criticality)} of runs`);
  tr.append('td').attr('class', 'num').text((t) => fmt(t.sensitivity, 2));
  tr.append('td').attr('class', 'num').text((t) => tf(t.meanDuration, 1));
  tr.append('td')
    .attr('class', 'num')
    .text((t) => {
      const w0 = Math.floor(t.meanStart / unitsPerWeek) + 1;
      const w1 = Math.floor(Math.max(t.meanStart, t.meanFinish - 1e-9) / unitsPerWeek) + 1;
      return `${tf(t.meanStart, 1)} → ${tf(t.meanFinish, 1)} (week ${w0 === w1 ? w0 : `${w0}–${w1}`})`;
    });
}
