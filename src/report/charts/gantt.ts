import type { Bar, ChartKit, Lane, ReportTrace } from './types.js';

/** Input of `drawGantt`. */
export interface GanttInput {
  trace: ReportTrace;
  lanes: Lane[];
  makespan: number;
  deadline: number | null;
  criticalPath: string[];
  /** One line under the chart title, e.g. which run this is. */
  caption: string;
  /** Merge points to mark (risk analysis): the plan's date, and the simulated mean and P80. */
  mergePoints?: MergeMark[];
}

/** A merge point marked on the Gantt chart: a ring at the plan's date, a line to the simulated P80, a dot at the mean. */
export interface MergeMark {
  id: string;
  kind: 'task' | 'gate';
  name: string;
  deterministic: number;
  mean: number;
  p80: number;
}

/**
 * Gantt chart of one run (runs in the browser: self-contained): a lane per agent and the
 * orchestrator, bars coloured by kind, meetings drawn over the work they paused, handoffs
 * and gate decisions marked, weeks along the top, the deadline as a red line.
 */
export function drawGantt(kit: ChartKit, el: HTMLElement, input: GanttInput): void {
  const { d3, colors, labels, fmt, unit } = kit;
  const { bars, markers, end } = kit.traceBars(input.trace);
  const lanes = input.lanes.slice();
  for (const b of bars) if (!lanes.some((l) => l.id === b.lane)) lanes.push({ id: b.lane, label: b.lane === '' ? '(no agent)' : b.lane, capacity: 1 });
  const taskName = new Map(kit.data.model.tasks.map((t) => [t.id, t.name]));
  const gateName = new Map(kit.data.model.gates.map((g) => [g.id, g.name]));
  const critical = new Set(input.criticalPath);
  const W = 1100;
  const laneH = 34;
  const m = { top: 74, right: 24, bottom: 0, left: 220 };
  const plotH = lanes.length * laneH;
  const horizon = Math.max(end, input.makespan, input.deadline ?? 0) * 1.02 || 1;
  const x = d3.scaleLinear().domain([0, horizon]).range([m.left, W - m.right]);
  const y = d3.scaleBand<string>().domain(lanes.map((l) => l.id)).range([m.top, m.top + plotH]).paddingInner(0.18).paddingOuter(0.09);
  const legendItems: Parameters<ChartKit['legend']>[1] = [
    ...['work', 'rework', 'remediation', 'handoff', 'review', 'status', 'checkpoint', 'held', 'escalation'].map((k) => ({ label: labels[k], color: colors[k] })),
    { label: 'on the critical path (outlined)', color: colors.critical, shape: 'line' as const },
    { label: 'handoff delivered', color: colors.handoff, shape: 'triangle' as const },
    { label: 'gate decided', color: '#555', shape: 'diamond' as const },
    { label: 'deadline', color: colors.deadline, shape: 'dash' as const },
  ];
  const merges = input.mergePoints ?? [];
  if (merges.length > 0) legendItems.push({ label: 'merge point: plan date (ring) to simulated P80, mean (dot)', color: '#7b3294', shape: 'circle' });
  const H = m.top + plotH + 48 + 60;
  const svg = kit.svg(el, W, H, `Gantt chart of the representative run, time in ${unit}`);
  svg.append('text').attr('class', 'chart-caption').attr('x', m.left).attr('y', 14).text(input.caption);

  // Lane backgrounds and labels; with dates, the project calendar's non-working days shaded.
  const laneG = svg.append('g');
  laneG
    .selectAll('rect')
    .data(lanes)
    .join('rect')
    .attr('x', m.left)
    .attr('width', W - m.right - m.left)
    .attr('y', (l) => (y(l.id) ?? 0) - 3)
    .attr('height', y.bandwidth() + 6)
    .attr('fill', (_l, i) => (i % 2 ? '#f7f7f7' : '#fdfdfd'));
  const off = kit.data.model.dates?.offDays ?? [];
  laneG
    .selectAll('rect.off')
    .data(off.filter(([a, b]) => b > 0 && a < horizon))
    .join('rect')
    .attr('class', 'off')
    .attr('x', ([a]) => x(Math.max(0, a)))
    .attr('width', ([a, b]) => Math.max(0, x(Math.min(b, horizon)) - x(Math.max(0, a))))
    .attr('y', m.top - 3)
    .attr('height', plotH + 6)
    .attr('fill', '#e8e8e8')
    .append('title')
    .text('non-working day (project calendar)');
  const labelG = svg.append('g');
  labelG
    .selectAll('text.lane')
    .data(lanes)
    .join('text')
    .attr('class', 'lane-label')
    .attr('x', m.left - 8)
    .attr('y', (l) => (y(l.id) ?? 0) + y.bandwidth() / 2 - 2)
    .attr('text-anchor', 'end')
    .text((l) => l.label)
    .call((sel) => kit.fitText(sel, m.left - 14));
  labelG
    .selectAll('text.lane-id')
    .data(lanes)
    .join('text')
    .attr('class', 'lane-id')
    .attr('x', m.left - 8)
    .attr('y', (l) => (y(l.id) ?? 0) + y.bandwidth() / 2 + 11)
    .attr('text-anchor', 'end')
    .text((l) => l.id)
    .call((sel) => kit.fitText(sel, m.left - 14));

  // Weeks along the top.
  const upw = kit.unitsPerWeek;
  const weeks = Math.ceil(horizon / upw);
  const weekG = svg.append('g').attr('class', 'weeks');
  for (let w = 0; w <= weeks; w++) {
    const wx = x(w * upw);
    if (wx > W - m.right + 0.5) break;
    weekG.append('line').attr('x1', wx).attr('x2', wx).attr('y1', 30).attr('y2', m.top + plotH).attr('stroke', '#d0d0d0');
    if (w < weeks) {
      const mid = (wx + x(Math.min((w + 1) * upw, horizon))) / 2;
      weekG.append('text').attr('class', 'week-label').attr('x', mid).attr('y', 42).attr('text-anchor', 'middle').text(`week ${w + 1}`);
    }
  }
  weekG.append('text').attr('class', 'tick-label').attr('x', m.left - 8).attr('y', 42).attr('text-anchor', 'end').text(`weeks of ${upw} ${unit}`);
  weekG.append('text').attr('class', 'tick-label').attr('x', m.left - 8).attr('y', m.top - 8).attr('text-anchor', 'end').text('gates decided');

  // Bars: jobs first, then the meetings and hold-ups drawn over the work they paused.
  const layer = (b: Bar) => (b.kind === 'status' || b.kind === 'checkpoint' || b.kind === 'held' ? 1 : 0);
  const sorted = bars.slice().sort((a, b) => layer(a) - layer(b));
  const describe = (b: Bar) => {
    const lines = [labels[b.kind] ?? b.kind];
    if (b.task) lines.push(`task: ${taskName.get(b.task) ?? b.task} (${b.task})`);
    if (b.gate) lines.push(`gate: ${gateName.get(b.gate) ?? b.gate}`);
    lines.push(`agent: ${b.lane}`);
    lines.push(`start ${fmt(b.start, 2)} → end ${fmt(b.end, 2)} ${unit} (${fmt(b.end - b.start, 2)})`);
    if (b.detail) lines.push(b.detail);
    return lines;
  };
  const barG = svg.append('g').attr('class', 'bars');
  barG
    .selectAll('rect')
    .data(sorted)
    .join('rect')
    .attr('class', (b) => `bar bar-${b.kind}`)
    .attr('x', (b) => x(b.start))
    .attr('width', (b) => Math.max(1, x(b.end) - x(b.start)))
    .attr('y', (b) => (y(b.lane) ?? 0) + (b.kind === 'escalation' ? y.bandwidth() * 0.6 : 0))
    .attr('height', (b) => (b.kind === 'escalation' ? y.bandwidth() * 0.4 : y.bandwidth()))
    .attr('fill', (b) => colors[b.kind] ?? '#999')
    .attr('fill-opacity', (b) => (b.kind === 'escalation' ? 0.5 : 1))
    .attr('stroke', (b) => (layer(b) === 1 ? 'none' : (b.kind === 'work' || b.kind === 'rework' || b.kind === 'remediation') && critical.has(b.task) ? colors.critical : 'white'))
    .attr('stroke-width', (b) => ((b.kind === 'work' || b.kind === 'rework' || b.kind === 'remediation') && critical.has(b.task) ? 1.6 : 0.6))
    .on('mousemove', (event: MouseEvent, b) => kit.tip.show(event, describe(b)))
    .on('mouseleave', () => kit.tip.hide());
  // Task ids written on bars wide enough to hold them.
  barG
    .selectAll('text')
    .data(bars.filter((b) => (b.kind === 'work' || b.kind === 'rework') && x(b.end) - x(b.start) > 34))
    .join('text')
    .attr('class', 'bar-label')
    .attr('x', (b) => x(b.start) + 4)
    .attr('y', (b) => (y(b.lane) ?? 0) + y.bandwidth() / 2 + 4)
    .text((b) => {
      const room = Math.floor((x(b.end) - x(b.start) - 8) / 6.2);
      return b.task.length > room ? `${b.task.slice(0, Math.max(1, room - 1))}…` : b.task;
    });

  // Handoffs delivered: a triangle on the receiving lane.
  svg
    .append('g')
    .selectAll('path')
    .data(markers.filter((mk) => mk.kind === 'handoff' && y(mk.lane) !== undefined))
    .join('path')
    .attr('class', 'marker-handoff')
    .attr('d', (mk) => {
      const cx = x(mk.time);
      const top = (y(mk.lane) ?? 0) - 4;
      return `M${cx - 5},${top - 6} L${cx + 5},${top - 6} L${cx},${top + 2} Z`;
    })
    .attr('fill', colors.handoff)
    .attr('stroke', '#7a4100')
    .attr('stroke-width', 0.6)
    .on('mousemove', (event: MouseEvent, mk) => kit.tip.show(event, ['handoff delivered', `to: ${taskName.get(mk.task) ?? mk.task} (${mk.task})`, mk.detail, `at ${fmt(mk.time, 2)} ${unit}`]))
    .on('mouseleave', () => kit.tip.hide());

  // Gate decisions: a diamond above the lanes and a dotted line down through them.
  const gates = markers.filter((mk) => mk.kind === 'gate');
  const gateG = svg.append('g').attr('class', 'gates');
  gateG
    .selectAll('line')
    .data(gates)
    .join('line')
    .attr('x1', (mk) => x(mk.time))
    .attr('x2', (mk) => x(mk.time))
    .attr('y1', m.top - 12)
    .attr('y2', m.top + plotH)
    .attr('stroke', '#555')
    .attr('stroke-dasharray', '2 3');
  gateG
    .selectAll('path')
    .data(gates)
    .join('path')
    .attr('class', 'marker-gate')
    .attr('d', (mk) => {
      const cx = x(mk.time);
      const cy = m.top - 12;
      return `M${cx},${cy - 6} L${cx + 6},${cy} L${cx},${cy + 6} L${cx - 6},${cy} Z`;
    })
    .attr('fill', '#555')
    .on('mousemove', (event: MouseEvent, mk) => kit.tip.show(event, [`gate: ${gateName.get(mk.gate) ?? mk.gate}`, `decided at ${fmt(mk.time, 2)} ${unit}`, ...mk.detail.split('; ')]))
    .on('mouseleave', () => kit.tip.hide());

  // Gate names beside their diamonds, shortened to the room before the next gate.
  const gx = gates.map((mk) => x(mk.time)).sort((a, b) => a - b);
  gateG
    .selectAll('text')
    .data(gates)
    .join('text')
    .attr('class', 'gate-label')
    .attr('x', (mk) => x(mk.time) + 9)
    .attr('y', m.top - 8)
    .text((mk) => gateName.get(mk.gate) ?? mk.gate)
    .each(function (mk) {
      const next = gx.find((v) => v > x(mk.time) + 0.5);
      kit.fitText(d3.select(this), Math.max(10, next === undefined ? W - 4 - x(mk.time) - 9 : next - x(mk.time) - 22));
    });

  // Merge points (risk analysis): on the lane of the task's work in this run, gates on the gate row.
  const mergeY = (mk: MergeMark) => {
    if (mk.kind === 'gate') return m.top - 12;
    const bar = bars.find((b) => b.kind === 'work' && b.task === mk.id);
    return bar && y(bar.lane) !== undefined ? (y(bar.lane) ?? 0) + y.bandwidth() / 2 : undefined;
  };
  const shown = merges.filter((mk) => mergeY(mk) !== undefined && mk.p80 <= horizon * 1.5);
  const mergeG = svg.append('g').attr('class', 'merge-points');
  const mergeTip = (mk: MergeMark) => [`merge point: ${mk.name} (${mk.id})`, `plan (mean durations) ${fmt(mk.deterministic, 2)} ${unit}`, `simulated mean ${fmt(mk.mean, 2)}, P80 ${fmt(mk.p80, 2)} ${unit}`, 'merge bias: the later of several uncertain paths sets the date'];
  mergeG
    .selectAll('line')
    .data(shown)
    .join('line')
    .attr('x1', (mk) => x(mk.deterministic))
    .attr('x2', (mk) => x(Math.min(mk.p80, horizon)))
    .attr('y1', (mk) => mergeY(mk)!)
    .attr('y2', (mk) => mergeY(mk)!)
    .attr('stroke', '#7b3294')
    .attr('stroke-width', 2);
  mergeG
    .selectAll('circle.plan')
    .data(shown)
    .join('circle')
    .attr('class', 'merge-plan')
    .attr('cx', (mk) => x(mk.deterministic))
    .attr('cy', (mk) => mergeY(mk)!)
    .attr('r', 5)
    .attr('fill', 'white')
    .attr('stroke', '#7b3294')
    .attr('stroke-width', 2)
    .on('mousemove', (event: MouseEvent, mk) => kit.tip.show(event, mergeTip(mk)))
    .on('mouseleave', () => kit.tip.hide());
  mergeG
    .selectAll('circle.mean')
    .data(shown)
    .join('circle')
    .attr('class', 'merge-mean')
    .attr('cx', (mk) => x(Math.min(mk.mean, horizon)))
    .attr('cy', (mk) => mergeY(mk)!)
    .attr('r', 3.5)
    .attr('fill', '#7b3294')
    .on('mousemove', (event: MouseEvent, mk) => kit.tip.show(event, mergeTip(mk)))
    .on('mouseleave', () => kit.tip.hide());

  // Finish and deadline.
  const plotBottom = m.top + plotH;
  svg.append('line').attr('x1', x(input.makespan)).attr('x2', x(input.makespan)).attr('y1', 30).attr('y2', plotBottom).attr('stroke', '#222').attr('stroke-width', 1.5);
  if (input.deadline !== null) {
    const dx = x(input.deadline);
    svg.append('line').attr('class', 'deadline').attr('x1', dx).attr('x2', dx).attr('y1', 30).attr('y2', plotBottom + 6).attr('stroke', colors.deadline).attr('stroke-width', 2).attr('stroke-dasharray', '6 4');
  }
  const finishText = `finish ${fmt(input.makespan)} ${unit}` + (input.deadline !== null ? ` · deadline ${fmt(input.deadline, 0)}` : '');
  svg.append('text').attr('class', 'chart-caption').attr('x', W - m.right).attr('y', 14).attr('text-anchor', 'end').text(finishText);

  const axis = d3.axisBottom(x).ticks(Math.min(24, Math.ceil(horizon)));
  if (kit.timeTick !== null) axis.tickValues(kit.dateTicks(0, horizon, 12)).tickFormat((t) => kit.timeTick!(Number(t)));
  const axisG = svg.append('g').attr('transform', `translate(0,${plotBottom + 6})`).call(axis);
  axisG.attr('class', 'axis');
  kit.axisLabel(svg, kit.timeTick !== null ? 'date (grey: non-working days)' : `time (${unit} from the start)`, (m.left + W - m.right) / 2, plotBottom + 40);
  const lh = kit.legend(svg, legendItems, m.left, plotBottom + 54, W - m.left - m.right);
  kit.fit(svg, W, plotBottom + 54 + lh + 4);
}
