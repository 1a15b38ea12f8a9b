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
 * orchestrator, labelled with role and id; jobs that run at the same time on one lane (an
 * agent of capacity above one, shares, joint work) side by side in slots of their own;
 * meetings drawn over the work they paused; handoffs and gate decisions marked; hours, days or
 * weeks along the top; the project calendar's non-working days shaded; the deadline as a red
 * line; dependency links as arrows behind a toggle.
 */
export function drawGantt(kit: ChartKit, el: HTMLElement, input: GanttInput): void {
  const { d3, colors, labels, fmt, unit } = kit;
  const { bars, markers, end } = kit.traceBars(input.trace);
  const lanes = input.lanes.slice();
  for (const b of bars) if (!lanes.some((l) => l.id === b.lane)) lanes.push({ id: b.lane, label: b.lane === '' ? '(no agent)' : b.lane, capacity: 1 });
  const taskName = new Map(kit.data.model.tasks.map((t) => [t.id, t.name]));
  const gateName = new Map(kit.data.model.gates.map((g) => [g.id, g.name]));
  const critical = new Set(input.criticalPath);
  const showLinks = (el.querySelector('input.show-links') as HTMLInputElement | null)?.checked ?? false;

  // Slots: each job on a lane takes the lowest slot free at its start, so concurrent jobs never
  // overlap (an interval-graph colouring: as many slots as jobs ever run at once).
  const layer = (b: Bar) => (b.kind === 'status' || b.kind === 'checkpoint' || b.kind === 'held' ? 1 : 0);
  const slotOf = new Map<Bar, number>();
  const slotsOf = new Map<string, number>();
  for (const lane of lanes) {
    const jobs = bars.filter((b) => b.lane === lane.id && layer(b) === 0).sort((a, b) => a.start - b.start || a.end - b.end);
    const ends: number[] = [];
    for (const b of jobs) {
      let k = ends.findIndex((e) => e <= b.start + 1e-9);
      if (k < 0) k = ends.push(0) - 1;
      ends[k] = b.end;
      slotOf.set(b, k);
    }
    // A hold-up sits in the slot of the job it delays.
    for (const h of bars.filter((b) => b.lane === lane.id && b.kind === 'held')) {
      const owner = jobs.find((b) => b.task === h.task && b.start <= h.start + 1e-9 && h.start < b.end);
      slotOf.set(h, owner ? (slotOf.get(owner) ?? 0) : 0);
    }
    slotsOf.set(lane.id, Math.max(1, ends.length));
  }

  const W = 1100;
  const m = { top: 74, right: 24, bottom: 0, left: 220 };
  const single = 26;
  const slotH = 16;
  const gap = 2;
  const pad = 5;
  const laneTop = new Map<string, number>();
  const laneInner = (id: string) => {
    const n = slotsOf.get(id) ?? 1;
    return n === 1 ? single : n * slotH + (n - 1) * gap;
  };
  let yAcc = m.top;
  for (const l of lanes) {
    laneTop.set(l.id, yAcc + pad);
    yAcc += laneInner(l.id) + 2 * pad;
  }
  const plotH = yAcc - m.top;
  const plotBottom = m.top + plotH;
  // A bar's top and height: its slot within the lane (meetings span the whole lane).
  const barY = (b: Bar) => {
    const top = laneTop.get(b.lane) ?? 0;
    const n = slotsOf.get(b.lane) ?? 1;
    if (b.kind === 'status' || b.kind === 'checkpoint') return { y: top, h: laneInner(b.lane) };
    const h = n === 1 ? single : slotH;
    const y0 = top + (slotOf.get(b) ?? 0) * (h + gap);
    return b.kind === 'escalation' ? { y: y0 + h * 0.6, h: h * 0.4 } : { y: y0, h };
  };
  const horizon = Math.max(end, input.makespan, input.deadline ?? 0) * 1.02 || 1;
  const x = d3.scaleLinear().domain([0, horizon]).range([m.left, W - m.right]);
  const legendItems: Parameters<ChartKit['legend']>[1] = [
    ...['work', 'rework', 'remediation', 'handoff', 'review', 'status', 'checkpoint', 'held', 'escalation'].map((k) => ({ label: labels[k], color: colors[k] })),
    { label: 'on the critical path (outlined)', color: colors.critical, shape: 'line' as const },
    { label: 'handoff delivered', color: colors.handoff, shape: 'triangle' as const },
    { label: 'gate decided', color: '#555', shape: 'diamond' as const },
    { label: 'deadline', color: colors.deadline, shape: 'dash' as const },
  ];
  const merges = input.mergePoints ?? [];
  if (merges.length > 0) legendItems.push({ label: 'merge point: plan date (ring) to simulated P80, mean (dot)', color: '#7b3294', shape: 'circle' });
  if (kit.data.model.dates?.offDays.length) legendItems.push({ label: 'non-working day (project calendar)', color: '#e8e8e8' });
  const H = plotBottom + 48 + 60;
  const svg = kit.svg(el, W, H, `Gantt chart of the representative run, time in ${unit}`);
  const finishText = `finish ${kit.tf(input.makespan)} ${unit}` + (input.deadline !== null ? ` · deadline ${kit.tf(input.deadline, 0)}` : '');
  const captionText = svg.append('text').attr('class', 'chart-caption').attr('x', m.left).attr('y', 14).text(input.caption);
  const finishLabel = svg.append('text').attr('class', 'chart-caption').attr('x', W - m.right).attr('y', 14).attr('text-anchor', 'end').text(finishText);
  const finishW = (finishLabel.node() as SVGTextElement | null)?.getComputedTextLength?.() ?? finishText.length * 7;
  kit.fitText(captionText, W - m.right - m.left - finishW - 16);

  // Lane backgrounds and labels (role, then id: agents sharing a role stay apart); with dates, the project calendar's non-working days shaded.
  const laneG = svg.append('g');
  laneG
    .selectAll('rect')
    .data(lanes)
    .join('rect')
    .attr('class', 'lane-bg')
    .attr('x', m.left)
    .attr('width', W - m.right - m.left)
    .attr('y', (l) => (laneTop.get(l.id) ?? 0) - pad + 1)
    .attr('height', (l) => laneInner(l.id) + 2 * pad - 2)
    .attr('fill', (_l, i) => (i % 2 ? '#f7f7f7' : '#fdfdfd'));
  kit.shadeOff(laneG, x, m.top, plotBottom);
  const heads = svg
    .append('g')
    .selectAll('g')
    .data(lanes)
    .join('g')
    .attr('class', 'lane-head')
    .attr('data-lane', (l) => l.id);
  heads.append('title').text((l) => `${kit.laneName(l)}, capacity ${l.capacity}${(slotsOf.get(l.id) ?? 1) > 1 ? `: up to ${slotsOf.get(l.id)} jobs at once in this run` : ''}`);
  const mid = (l: Lane) => (laneTop.get(l.id) ?? 0) + laneInner(l.id) / 2;
  const twoLines = (l: Lane) => l.label !== '' && l.label !== l.id;
  heads
    .append('text')
    .attr('class', 'lane-label')
    .attr('x', m.left - 8)
    .attr('y', (l) => (twoLines(l) ? mid(l) - 2 : mid(l) + 4))
    .attr('text-anchor', 'end')
    .text((l) => l.label || l.id)
    .call((sel) => kit.fitText(sel, m.left - 14));
  heads
    .filter((l) => twoLines(l))
    .append('text')
    .attr('class', 'lane-id')
    .attr('x', m.left - 8)
    .attr('y', (l) => mid(l) + 11)
    .attr('text-anchor', 'end')
    .text((l) => (l.capacity !== 1 ? `${l.id} · capacity ${+l.capacity.toFixed(2)}` : l.id))
    .call((sel) => kit.fitText(sel, m.left - 14));

  // Periods (hours, days or weeks) along the top.
  const periods = kit.periods;
  const dates = kit.data.model.dates;
  const origin = dates !== undefined ? Date.parse(`${dates.origin}:00Z`) : 0;
  const at = (t: number) => new Date(origin + t * (dates?.unitMinutes ?? 0) * 60000);
  const periodName = (i: number, long: boolean) => {
    const t = periods.edges[i];
    if (dates === undefined) return long ? `${periods.unit} ${i + 1}` : `${i + 1}`;
    if (periods.unit === 'hour') return d3.utcFormat(long ? '%a %H:%M' : '%H')(at(t));
    if (periods.unit === 'day') return d3.utcFormat(long ? '%a %-d' : '%-d')(at(t));
    return d3.utcFormat(long ? 'wk %b %-d' : '%-d/%-m')(at(t));
  };
  const periodG = svg.append('g').attr('class', 'weeks');
  const step = periods.edges.length > 1 ? x(periods.edges[1]) - x(periods.edges[0]) : W;
  for (let i = 0; i + 1 < periods.edges.length; i++) {
    const a = Math.max(0, periods.edges[i]);
    const b = Math.min(horizon, periods.edges[i + 1]);
    if (!(b > a)) continue;
    const wx = x(a);
    periodG.append('line').attr('x1', wx).attr('x2', wx).attr('y1', 30).attr('y2', plotBottom).attr('stroke', '#d0d0d0');
    const label = periodG.append('text').attr('class', 'week-label').attr('x', (x(a) + x(b)) / 2).attr('y', 42).attr('text-anchor', 'middle').text(periodName(i, step >= 56));
    // A label wider than its period is dropped; the axis below still dates it.
    const w = (label.node() as SVGTextElement | null)?.getComputedTextLength?.() ?? 0;
    if (w > x(b) - x(a) - 2) label.remove();
  }
  const len = periods.edges.length > 1 ? periods.edges[1] - periods.edges[0] : 0;
  periodG
    .append('text')
    .attr('class', 'tick-label')
    .attr('x', m.left - 8)
    .attr('y', 42)
    .attr('text-anchor', 'end')
    .text(dates !== undefined || kit.amount(len) === `1 ${periods.unit}` ? `${periods.unit}s` : `${periods.unit}s of ${kit.amount(len)}`);
  periodG.append('text').attr('class', 'tick-label').attr('x', m.left - 8).attr('y', m.top - 8).attr('text-anchor', 'end').text('gates decided');

  // Bars: jobs first, then the meetings and hold-ups drawn over the work they paused.
  const sorted = bars.slice().sort((a, b) => layer(a) - layer(b));
  const describe = (b: Bar) => {
    const lines = [labels[b.kind] ?? b.kind];
    if (b.task) lines.push(`task: ${taskName.get(b.task) ?? b.task} (${b.task})`);
    if (b.gate) lines.push(`gate: ${gateName.get(b.gate) ?? b.gate}`);
    lines.push(`agent: ${b.lane}`);
    lines.push(`start ${kit.span(b.start, b.end).replace(' → ', ' → end ')}, ${kit.tf(b.end - b.start, 2)} long`);
    if (kit.timeTick !== null) lines.push(`${kit.timeTick(b.start)} → ${kit.timeTick(b.end)}`);
    if (b.detail) lines.push(b.detail);
    return lines;
  };
  const barG = svg.append('g').attr('class', 'bars');
  barG
    .selectAll('rect')
    .data(sorted)
    .join('rect')
    .attr('class', (b) => `bar bar-${b.kind}${layer(b) === 0 ? ' slot' : ' over'}`)
    .attr('data-lane', (b) => b.lane)
    .attr('data-task', (b) => b.task)
    .attr('x', (b) => x(b.start))
    .attr('width', (b) => Math.max(1, x(b.end) - x(b.start)))
    .attr('y', (b) => barY(b).y)
    .attr('height', (b) => barY(b).h)
    .attr('fill', (b) => colors[b.kind] ?? '#999')
    .attr('fill-opacity', (b) => (b.kind === 'escalation' ? 0.5 : 1))
    .attr('stroke', (b) => (layer(b) === 1 ? 'none' : (b.kind === 'work' || b.kind === 'rework' || b.kind === 'remediation') && critical.has(b.task) ? colors.critical : 'white'))
    .attr('stroke-width', (b) => ((b.kind === 'work' || b.kind === 'rework' || b.kind === 'remediation') && critical.has(b.task) ? 1.6 : 0.6))
    .on('mousemove', (event: MouseEvent, b) => kit.tip.show(event, describe(b)))
    .on('mouseleave', () => kit.tip.hide());
  // Task ids written on bars wide enough to hold them: shortened to the bar, dropped when not even a letter fits.
  barG
    .selectAll('text')
    .data(bars.filter((b) => (b.kind === 'work' || b.kind === 'rework') && x(b.end) - x(b.start) > 18))
    .join('text')
    .attr('class', 'bar-label')
    .attr('x', (b) => x(b.start) + 4)
    .attr('y', (b) => barY(b).y + barY(b).h / 2 + 4)
    .style('font-size', (b) => (barY(b).h < single ? '10px' : null))
    .text((b) => b.task)
    .each(function (b) {
      const t = this as SVGTextElement;
      const room = x(b.end) - x(b.start) - 7;
      kit.fitText(d3.select(t), room);
      if (!(t.getComputedTextLength() <= room) || t.textContent === '…') t.remove();
    });

  // Handoffs delivered: a triangle on the receiving lane.
  svg
    .append('g')
    .selectAll('path')
    .data(markers.filter((mk) => mk.kind === 'handoff' && laneTop.has(mk.lane)))
    .join('path')
    .attr('class', 'marker-handoff')
    .attr('d', (mk) => {
      const cx = x(mk.time);
      const top = (laneTop.get(mk.lane) ?? 0) - 2;
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

  // Gate names beside their diamonds, shortened to the room before the next gate (dropped when none: the diamond's tooltip names it).
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
      const room = next === undefined ? W - 4 - x(mk.time) - 9 : next - x(mk.time) - 22;
      if (room < 14) d3.select(this).remove();
      else kit.fitText(d3.select(this), room);
    });
  kit.declutter(gateG.selectAll('text'));

  // Dependency links (toggle): from the predecessor's start or finish to the successor's start or finish, by link type.
  const firstWork = new Map<string, Bar>();
  for (const b of bars) if (b.kind === 'work' && !firstWork.has(b.task)) firstWork.set(b.task, b);
  const linkG = svg.append('g').attr('class', 'links').style('display', showLinks ? 'inline' : 'none');
  const links = (kit.data.model.links ?? [])
    .map(([from, to, type]) => ({ from, to, type, a: firstWork.get(from), b: firstWork.get(to) }))
    .filter((l) => l.a !== undefined && l.b !== undefined);
  linkG
    .selectAll('path.link')
    .data(links)
    .join('path')
    .attr('class', (l) => `link link-${l.type}`)
    .attr('d', (l) => {
      const a = l.a!;
      const b = l.b!;
      const x1 = x(l.type === 'SS' || l.type === 'SF' ? a.start : a.end);
      const x2 = x(l.type === 'FF' || l.type === 'SF' ? b.end : b.start);
      const ya = barY(a);
      const yb = barY(b);
      const y1 = ya.y + ya.h / 2;
      const y2 = yb.y + yb.h / 2;
      // Out of the bar, down or up to the successor's row, into its start (or finish) from outside.
      const out = l.type === 'SS' || l.type === 'SF' ? x1 - 6 : x1 + 6;
      const into = l.type === 'FF' || l.type === 'SF' ? x2 + 8 : x2 - 8;
      const yMid = y2 > y1 ? yb.y - 1 : yb.y + yb.h + 1;
      return `M${x1},${y1} H${out} V${yMid} H${into} V${y2} H${x2}`;
    })
    .attr('fill', 'none')
    .attr('stroke', '#444')
    .attr('stroke-width', 1)
    .attr('stroke-opacity', 0.75)
    .append('title')
    .text((l) => `${l.type} link: ${taskName.get(l.from) ?? l.from} (${l.from}) → ${taskName.get(l.to) ?? l.to} (${l.to})`);
  // Arrowheads as paths of their own: the page references nothing, not even an SVG marker.
  linkG
    .selectAll('path.link-head')
    .data(links)
    .join('path')
    .attr('class', 'link-head')
    .attr('d', (l) => {
      const toEnd = l.type === 'FF' || l.type === 'SF';
      const x2 = x(toEnd ? l.b!.end : l.b!.start);
      const yb = barY(l.b!);
      const y2 = yb.y + yb.h / 2;
      const d = toEnd ? 6 : -6;
      return `M${x2},${y2} L${x2 + d},${y2 - 3.5} L${x2 + d},${y2 + 3.5} Z`;
    })
    .attr('fill', '#444');

  // Merge points (risk analysis): on the lane of the task's work in this run, gates on the gate row.
  const mergeY = (mk: MergeMark) => {
    if (mk.kind === 'gate') return m.top - 12;
    const bar = bars.find((b) => b.kind === 'work' && b.task === mk.id);
    return bar && laneTop.has(bar.lane) ? barY(bar).y + barY(bar).h / 2 : undefined;
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
  svg.append('line').attr('x1', x(input.makespan)).attr('x2', x(input.makespan)).attr('y1', 30).attr('y2', plotBottom).attr('stroke', '#222').attr('stroke-width', 1.5);
  if (input.deadline !== null) {
    const dx = x(input.deadline);
    svg.append('line').attr('class', 'deadline').attr('x1', dx).attr('x2', dx).attr('y1', 30).attr('y2', plotBottom + 6).attr('stroke', colors.deadline).attr('stroke-width', 2).attr('stroke-dasharray', '6 4');
  }

  const axis = kit.timeAxis(d3.axisBottom(x), 0, horizon, 16);
  const axisG = svg.append('g').attr('transform', `translate(0,${plotBottom + 6})`).call(axis);
  axisG.attr('class', 'axis');
  kit.declutter(axisG.selectAll('.tick text'));
  kit.axisLabel(svg, kit.timeTick !== null ? 'date (grey: non-working days)' : `time (${unit} from the start)`, (m.left + W - m.right) / 2, plotBottom + 40);
  const lh = kit.legend(svg, legendItems, m.left, plotBottom + 54, W - m.left - m.right);
  kit.fit(svg, W, plotBottom + 54 + lh + 4);

  // The toggle for the dependency links, under the chart.
  if (links.length > 0) {
    const box = d3.select(el).append('label').attr('class', 'chart-toggle');
    box
      .append('input')
      .attr('type', 'checkbox')
      .attr('class', 'show-links')
      .property('checked', showLinks)
      .on('change', function () {
        linkG.style('display', (this as HTMLInputElement).checked ? 'inline' : 'none');
      });
    box.append('span').text(` show dependency links (${links.length}; arrows from predecessor to successor by link type)`);
  }
}
