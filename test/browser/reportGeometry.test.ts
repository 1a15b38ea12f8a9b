/**
 * Geometry of the HTML report in Chromium, on reports of real runs: bundled scenarios and
 * small scenarios written here for one feature each (an agent running three tasks at once,
 * joint work and shares, two agents with one role, an hour-scale plan, a dated plan over
 * weekends). Asserts what a reader would see: no overlapping bars or labels, ids in the lane
 * labels, dependency arrows on request, calendar shading in every time chart, axes in hours.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compare, compileModel, monteCarlo, parseScenario, simulate } from '../../src/index.js';
import { scenarioArbitrary, scenarioYaml } from '../../src/testing/index.js';
import { renderReport, type ReportInput } from '../../src/report/renderReport.js';

const PAGES = resolve('test-output', 'browser', 'geometry');
let browser: Browser;

beforeAll(async () => {
  mkdirSync(PAGES, { recursive: true });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
});
afterAll(async () => {
  await browser?.close();
});

/** A report of one run (`run`) or of a Monte Carlo / comparison of the scenario. */
async function reportOf(yaml: string, kind: 'run' | 'montecarlo' | 'compare', file = 'inline.yaml'): Promise<ReportInput> {
  const scenario = parseScenario(yaml, file);
  const model = compileModel(scenario);
  if (kind === 'run') {
    const r = simulate(scenario, { seed: 3, run: 0 });
    return { kind: 'run', model, metrics: r.metrics, trace: r.trace };
  }
  if (kind === 'montecarlo') return { kind: 'montecarlo', model, result: await monteCarlo(scenario, { seed: 5, runs: 60, workers: 1 }) };
  return { kind: 'compare', model, result: await compare(scenario, null, { seed: 5, runs: 40, workers: 1 }) };
}

async function open(name: string, input: ReportInput): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const file = join(PAGES, `geometry-${name}.html`);
  writeFileSync(file, renderReport(input));
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1 });
  await context.setOffline(true);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') errors.push(msg.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, errors, close: () => context.close() };
}

type Box = { lane: string; x: number; y: number; w: number; h: number; kind: string };

/** The slot bars (jobs, not the meetings drawn over them) of the Gantt chart, in page pixels. */
async function slotBars(page: Page): Promise<Box[]> {
  return page.$$eval('[data-chart="gantt"] rect.bar.slot', (els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { lane: e.getAttribute('data-lane') ?? '', x: r.x, y: r.y, w: r.width, h: r.height, kind: e.getAttribute('class') ?? '' };
    }),
  );
}

/** Pairs of bars of one lane whose rectangles overlap by more than half a pixel each way. */
function overlaps(bars: Box[]): Array<[Box, Box]> {
  const out: Array<[Box, Box]> = [];
  for (let i = 0; i < bars.length; i++)
    for (let j = i + 1; j < bars.length; j++) {
      const a = bars[i];
      const b = bars[j];
      if (a.lane !== b.lane) continue;
      const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (ox > 0.5 && oy > 0.5) out.push([a, b]);
    }
  return out;
}

/** Visible texts of a chart whose boxes intersect (legend rows aside: they wrap by themselves). */
async function collidingLabels(page: Page, chart: string): Promise<string[]> {
  return page.$$eval(`[data-chart="${chart}"] svg text`, (els) => {
    const boxes = els
      .filter((e) => !e.closest('.legend') && (e.textContent ?? '').trim() !== '')
      .map((e) => ({ t: e.textContent ?? '', r: e.getBoundingClientRect() }))
      .filter((b) => b.r.width > 0 && b.r.height > 0);
    const hits: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r;
        const b = boxes[j].r;
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) hits.push(`${boxes[i].t} × ${boxes[j].t}`);
      }
    return hits;
  });
}

const CAPACITY3 = `
name: three at once
time_unit: day
agents:
  - {id: crew, role: Crew, capacity: 3}
  - {id: lead, role: Lead}
tasks:
  - {id: a, agent: crew, duration: 4}
  - {id: b, agent: crew, duration: 4}
  - {id: c, agent: crew, duration: 4}
  - {id: d, agent: lead, duration: 2, after: [a, {task: b, type: SS, lag: 1}]}
  - {id: e, agent: crew, duration: 3, after: [{task: c, type: FF}]}
strategy: ideal
`;

const JOINT = `
name: joint work and shares
time_unit: day
agents:
  - {id: ann, role: Developer}
  - {id: bob, role: Developer}
  - {id: cy, role: Developer, capacity: 1.5}
tasks:
  - {id: pair, agents: [ann, bob], duration: 3}
  - {id: half-1, agent: cy, units: 0.5, duration: 2}
  - {id: half-2, agent: cy, units: 0.5, duration: 2}
  - {id: half-3, agent: cy, units: 0.5, duration: 2}
  - {id: solo, agent: ann, duration: 1, after: [pair]}
strategy: ideal
`;

const HOURS = `
name: an afternoon
time_unit: minute
agents:
  - {id: w, role: Writer}
  - {id: r, role: Reviewer}
tasks:
  - {id: draft, agent: w, duration: 90}
  - {id: review, agent: r, duration: 45, after: [draft]}
  - {id: fix, agent: w, duration: 30, after: [review]}
deadline: 240
strategy: ideal
`;

const DATED = `
name: over two weekends
time_unit: day
start: 2027-01-06
calendars:
  office: {days: [mon, tue, wed, thu, fri], hours: 8}
calendar: office
agents:
  - {id: x, role: Builder}
  - {id: y, role: Builder}
tasks:
  - {id: one, agent: x, duration: {triangular: [2, 3, 4]}}
  - {id: two, agent: y, duration: {triangular: [3, 4, 6]}}
  - {id: three, agent: x, duration: {triangular: [2, 3, 5]}, after: [one, two]}
deadline: 12
`;

const UNDATED = DATED.replace('start: 2027-01-06\n', '').replace(/calendars:[\s\S]*?calendar: office\n/, '');

describe('Gantt chart geometry in Chromium', () => {
  it('draws three concurrent tasks of a capacity-3 agent in three slots, none overlapping', async () => {
    const o = await open('capacity3', await reportOf(CAPACITY3, 'run'));
    try {
      const bars = await slotBars(o.page);
      const crew = bars.filter((b) => b.lane === 'crew' && b.kind.includes('bar-work'));
      expect(crew.length).toBe(4);
      // a, b, c start together: three different rows.
      const first = crew.filter((b) => Math.abs(b.x - Math.min(...crew.map((c) => c.x))) < 0.5);
      expect(first.length).toBe(3);
      expect(new Set(first.map((b) => Math.round(b.y))).size).toBe(3);
      expect(overlaps(bars)).toEqual([]);
      expect(await collidingLabels(o.page, 'gantt')).toEqual([]);
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('draws joint tasks and shares of a fractional capacity without overlap, lanes named with ids', async () => {
    const o = await open('joint', await reportOf(JOINT, 'run'));
    try {
      const bars = await slotBars(o.page);
      // The joint task holds both agents: a bar on each lane.
      expect(bars.filter((b) => b.kind.includes('bar-work')).map((b) => b.lane).sort()).toEqual(['ann', 'ann', 'bob', 'cy', 'cy', 'cy']);
      expect(overlaps(bars)).toEqual([]);
      const heads = await o.page.$$eval('[data-chart="gantt"] g.lane-head', (els) => els.map((e) => ({ lane: e.getAttribute('data-lane'), text: e.textContent ?? '' })));
      for (const id of ['ann', 'bob', 'cy']) expect(heads.find((h) => h.lane === id)?.text).toContain(id);
      // Three agents share the role "Developer": the heatmap's lane names tell them apart too.
      const heat = await o.page.locator('[data-chart="heatmap"] .lane-label').allTextContents();
      expect(heat.slice(0, 3)).toEqual(['Developer (ann)', 'Developer (bob)', 'Developer (cy)']);
      expect(await collidingLabels(o.page, 'gantt')).toEqual([]);
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('shows dependency arrows, by link type, only when the toggle is on', async () => {
    const o = await open('links', await reportOf(CAPACITY3, 'run'));
    try {
      const links = o.page.locator('[data-chart="gantt"] path.link');
      expect(await links.count()).toBe(3);
      expect(await links.first().isVisible()).toBe(false);
      await o.page.locator('[data-chart="gantt"] input.show-links').check();
      expect(await links.first().isVisible()).toBe(true);
      const types = await o.page.$$eval('[data-chart="gantt"] path.link', (els) => els.map((e) => e.getAttribute('class')));
      expect(types.sort()).toEqual(['link link-FF', 'link link-FS', 'link link-SS']);
      // FS: from a's finish to d's start; SS: from b's start (the path begins at b's left edge).
      const geo = await o.page.$$eval('[data-chart="gantt"] rect.bar-work', (els) =>
        Object.fromEntries(els.map((e) => [e.getAttribute('data-task'), { x: Number(e.getAttribute('x')), w: Number(e.getAttribute('width')) }])),
      );
      const d = await o.page.$$eval('[data-chart="gantt"] path.link', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('class'), e.getAttribute('d') ?? ''])));
      const startX = (p: string) => Number(/^M([-\d.]+),/.exec(p)?.[1]);
      const endX = (p: string) => Number(/H([-\d.]+)$/.exec(p)?.[1]);
      expect(startX(d['link link-FS'])).toBeCloseTo(geo.a.x + geo.a.w, 1);
      expect(endX(d['link link-FS'])).toBeCloseTo(geo.d.x, 1);
      expect(startX(d['link link-SS'])).toBeCloseTo(geo.b.x, 1);
      expect(endX(d['link link-FF'])).toBeCloseTo(geo.e.x + geo.e.w, 1);
      await o.page.locator('[data-chart="gantt"] input.show-links').uncheck();
      expect(await links.first().isVisible()).toBe(false);
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });

  for (const name of ['ecommerce-security', 'brooks-law-large', 'llm-team', 'two-team-hierarchy']) {
    it(`keeps bars and labels apart on the bundled ${name}`, async () => {
      const o = await open(`bundled-${name}`, await reportOf(readFileSync(`scenarios/${name}.yaml`, 'utf8'), 'montecarlo', `scenarios/${name}.yaml`));
      try {
        expect(overlaps(await slotBars(o.page))).toEqual([]);
        for (const chart of ['gantt', 'heatmap', 'histogram']) expect(await collidingLabels(o.page, chart), chart).toEqual([]);
        expect(o.errors).toEqual([]);
      } finally {
        await o.close();
      }
    });
  }
});

describe('time units and calendar shading in Chromium', () => {
  it('writes the axes of a minute-unit plan of a few hours in hours', async () => {
    const o = await open('hours', await reportOf(HOURS, 'montecarlo'));
    try {
      // The time axis: the first axis of the chart (the histogram's others count runs).
      const ticks = (chart: string) => o.page.$eval(`[data-chart="${chart}"] svg g.axis`, (g) => [...g.querySelectorAll('.tick text')].map((e) => e.textContent ?? ''));
      const gantt = (await ticks('gantt')).map(Number);
      // 165 minutes of work and a 240-minute deadline: ticks up to 4 hours, not 240 minutes.
      expect(gantt.every((v) => Number.isFinite(v))).toBe(true);
      expect(Math.max(...gantt)).toBeGreaterThanOrEqual(3);
      expect(Math.max(...gantt)).toBeLessThanOrEqual(4.5);
      const labels = await o.page.locator('[data-chart="gantt"] .axis-label, [data-chart="histogram"] .axis-label').allTextContents();
      expect(labels.join(' ')).toContain('hours');
      expect(Math.max(...(await ticks('histogram')).map(Number).filter(Number.isFinite))).toBeLessThanOrEqual(4.5);
      // The summary reads in hours with the scenario's minutes beside it, the heatmap counts hours.
      const lead = (await o.page.locator('.lead').first().textContent()) ?? '';
      expect(lead).toMatch(/P50 2\.\d hours \(1\d\d\.\d minutes\)/);
      expect(await o.page.locator('#chart-heatmap h2').textContent()).toContain('per hour');
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('writes the bundled hour-unit llm-team in hours, never as a fraction of a week', async () => {
    const o = await open('llm-team', await reportOf(readFileSync('scenarios/llm-team.yaml', 'utf8'), 'montecarlo', 'scenarios/llm-team.yaml'));
    try {
      const body = (await o.page.locator('#summary').textContent()) ?? '';
      expect(body).not.toMatch(/0\.\d weeks/);
      expect(body).toContain('5-hour deadline');
      const ticks = (await o.page.$$eval('[data-chart="gantt"] .axis .tick text', (els) => els.map((e) => Number(e.textContent)))).filter(Number.isFinite);
      expect(Math.max(...ticks)).toBeGreaterThan(1);
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });

  const TIME_CHARTS = ['gantt', 'histogram', 'heatmap', 'comparison'];
  it('shades non-working days in every time chart of a dated plan', async () => {
    const o = await open('dated', await reportOf(DATED, 'compare'));
    try {
      expect(await o.page.locator('#chart-heatmap h2').textContent()).toContain('per day');
      for (const chart of TIME_CHARTS) expect(await o.page.locator(`[data-chart="${chart}"] svg rect.off`).count(), chart).toBeGreaterThan(0);
      // The weekend of 9–10 January: Saturday 00:00 is 2 days 15 hours after Wednesday 09:00, two days long.
      const firstOff = await o.page.$eval('[data-chart="gantt"] rect.off', (e) => ({ x: Number(e.getAttribute('x')), w: Number(e.getAttribute('width')) }));
      const days = await o.page.$eval('[data-chart="gantt"] rect.bar-work[data-task="one"]', (e) => Number(e.getAttribute('x')));
      expect(firstOff.x).toBeGreaterThan(days);
      expect(firstOff.w).toBeGreaterThan(0);
      const title = await o.page.locator('[data-chart="gantt"] rect.off title').first().textContent();
      expect(title).toContain('non-working');
      for (const chart of ['gantt', 'heatmap']) expect(await collidingLabels(o.page, chart), chart).toEqual([]);
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('shades the days off of a long dated plan under the heatmap\'s weeks', async () => {
    const long = DATED.replace('{triangular: [2, 3, 4]}', '40').replace('deadline: 12', 'deadline: 80');
    const o = await open('dated-long', await reportOf(long, 'montecarlo'));
    try {
      expect(await o.page.locator('#chart-heatmap h2').textContent()).toContain('per week');
      for (const chart of ['gantt', 'histogram', 'heatmap']) expect(await o.page.locator(`[data-chart="${chart}"] svg rect.off`).count(), chart).toBeGreaterThan(0);
      expect(await o.page.locator('[data-chart="heatmap"] rect.off.strip').count()).toBeGreaterThan(5);
      for (const chart of ['gantt', 'heatmap', 'histogram']) expect(await collidingLabels(o.page, chart), chart).toEqual([]);
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('shades nothing in an undated plan', async () => {
    const o = await open('undated', await reportOf(UNDATED, 'compare'));
    try {
      for (const chart of TIME_CHARTS) {
        expect(await o.page.locator(`[data-chart="${chart}"] svg`).count(), chart).toBe(1);
        expect(await o.page.locator(`[data-chart="${chart}"] svg rect.off`).count(), chart).toBe(0);
      }
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });
});

describe('generated scenarios in Chromium', () => {
  // The baseline script's generator (coordsim/testing), a fixed seed: capacities, pools, gates, meetings.
  const scenarios = fc.sample(scenarioArbitrary({ maxTasks: 30, maxAgents: 6 }), { seed: 20261202, numRuns: 6 });
  scenarios.forEach((sc, i) => {
    it(`draws generated scenario ${i} with no error, no overlapping bars and no colliding Gantt labels`, async () => {
      const o = await open(`random-${i}`, await reportOf(scenarioYaml(sc), 'compare', `random-${i}.yaml`));
      try {
        expect(await o.page.locator('.chart-error').count()).toBe(0);
        expect(overlaps(await slotBars(o.page))).toEqual([]);
        expect(await collidingLabels(o.page, 'gantt')).toEqual([]);
        expect(o.errors).toEqual([]);
      } finally {
        await o.close();
      }
    });
  });
});
