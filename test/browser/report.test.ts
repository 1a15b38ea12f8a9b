/**
 * The HTML report in a real browser: Debian's Chromium through playwright-core, network
 * blocked, the page opened from a file. No browser is downloaded; if Chromium cannot
 * launch the suite fails (install it with `apt-get install -y chromium`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport, type ReportInput } from '../../src/report/renderReport.js';
import {
  compareFixture,
  fixtureModel,
  IMG_PAYLOAD,
  monteCarloFixture,
  poisonedFixtures,
  runFixture,
  SCRIPT_PAYLOAD,
} from '../fixtures/report/index.js';

const OUT = resolve('test-output', 'browser');
const PAGES = join(OUT, 'pages');
const CHROMIUM = '/usr/bin/chromium';

let browser: Browser;

beforeAll(async () => {
  mkdirSync(PAGES, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

afterAll(async () => {
  await browser?.close();
});

/** A page opened on a rendered report, with everything that went wrong collected. */
interface Opened {
  page: Page;
  errors: string[];
  dialogs: string[];
  requests: string[];
  close(): Promise<void>;
}

async function open(name: string, input: ReportInput, viewport = { width: 1366, height: 860 }): Promise<Opened> {
  const file = join(PAGES, `${name}.html`);
  writeFileSync(file, renderReport(input));
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  await context.setOffline(true);
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') errors.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('file:') && !url.startsWith('data:')) requests.push(url);
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, errors, dialogs, requests, close: () => context.close() };
}

/** Per chart container: how many marks (rect, path, circle, line) its SVG has. */
async function marksByChart(page: Page): Promise<Record<string, number>> {
  return page.$$eval('[data-chart]', (els) =>
    Object.fromEntries(
      els.map((el) => {
        const svg = el.querySelector('.chart-body svg');
        return [el.getAttribute('data-chart') ?? '?', svg ? svg.querySelectorAll('rect, path, circle, line').length : -1];
      }),
    ),
  );
}

const model = fixtureModel();

describe('report.html in Chromium', () => {
  it('draws every chart of a comparison with no console error, offline', async () => {
    const o = await open('compare', { kind: 'compare', model, result: compareFixture });
    try {
      const marks = await marksByChart(o.page);
      expect(Object.keys(marks).sort()).toEqual(
        ['comparison', 'gantt', 'gates', 'heatmap', 'histogram', 'overheads', 'pairs', 'tornado', 'utilization'].sort(),
      );
      for (const [chart, n] of Object.entries(marks)) expect(n, `marks in chart ${chart}`).toBeGreaterThan(0);
      expect(await o.page.locator('#table-critical tbody tr').count()).toBeGreaterThan(0);
      // compare pairs every two strategies; the chart shows the default strategy's pairs only.
      const own = compareFixture.pairs.filter((p) => p.a === model.defaultStrategy || p.b === model.defaultStrategy);
      expect(own.length).toBe(compareFixture.strategies.length - 1);
      expect(own.length).toBeLessThan(compareFixture.pairs.length);
      expect(await o.page.locator('[data-chart="pairs"] line.ci').count()).toBe(own.length);
      expect(await o.page.locator('[data-chart="pairs"] text.pair').allTextContents()).toEqual(own.map((p) => `${p.a} vs ${p.b}`));
      // Every chart has a title and a legend.
      const legends = await o.page.$$eval('[data-chart]', (els) => els.map((el) => el.querySelectorAll('svg .legend g').length));
      for (const n of legends) expect(n).toBeGreaterThan(0);
      expect(await o.page.locator('.chart-error').count()).toBe(0);
      await o.page.screenshot({ path: join(OUT, 'report-screenshot.png'), fullPage: true });
      expect(o.errors).toEqual([]);
      expect(o.requests).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('redraws the per-strategy charts when another strategy is picked', async () => {
    const o = await open('compare-pick', { kind: 'compare', model, result: compareFixture });
    try {
      const other = compareFixture.strategies.findIndex((s) => s.strategy === 'mesh');
      await o.page.selectOption('#strategy-select', String(other));
      const names = await o.page.$$eval('.strategy-name', (els) => [...new Set(els.map((e) => e.textContent))]);
      expect(names).toEqual(['mesh']);
      const caption = await o.page.locator('[data-chart="gantt"] .chart-caption').first().textContent();
      expect(caption).toContain(`Run #${compareFixture.strategies[other].representative.run}`);
      for (const [chart, n] of Object.entries(await marksByChart(o.page))) expect(n, `marks in chart ${chart}`).toBeGreaterThan(0);
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('shows task, agent, start and end when hovering a Gantt bar', async () => {
    const o = await open('montecarlo', { kind: 'montecarlo', model, result: monteCarloFixture });
    try {
      for (const [chart, n] of Object.entries(await marksByChart(o.page))) expect(n, `marks in chart ${chart}`).toBeGreaterThan(0);
      await o.page.locator('[data-chart="gantt"] rect.bar-work').first().hover();
      const tip = o.page.locator('.tooltip');
      await expect.poll(() => tip.isVisible()).toBe(true);
      const text = (await tip.textContent()) ?? '';
      expect(text).toMatch(/task: .+\(threat-model\)/);
      expect(text).toContain('agent: architect');
      expect(text).toMatch(/start 0\.00 → end \d+\.\d\d days/);
      await o.page.screenshot({ path: join(OUT, 'report-montecarlo-screenshot.png'), fullPage: true });
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('draws the charts of a single run', async () => {
    const o = await open('run', { kind: 'run', model, metrics: runFixture.metrics, trace: runFixture.trace });
    try {
      const marks = await marksByChart(o.page);
      expect(Object.keys(marks).sort()).toEqual(['gantt', 'gates', 'heatmap', 'utilization']);
      for (const [chart, n] of Object.entries(marks)) expect(n, `marks in chart ${chart}`).toBeGreaterThan(0);
      await o.page.screenshot({ path: join(OUT, 'report-run-screenshot.png'), fullPage: true });
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('draws every chart when the scenario has no deadline', async () => {
    const result = {
      ...compareFixture,
      strategies: compareFixture.strategies.map((s) => ({
        ...s,
        deadline: null,
        deadlineProbability: null,
        representative: { ...s.representative, metrics: { ...s.representative.metrics, deadline: null, metDeadline: undefined } },
      })),
    };
    const o = await open('no-deadline', { kind: 'compare', model: { ...model, deadline: null }, result });
    try {
      for (const [chart, n] of Object.entries(await marksByChart(o.page))) expect(n, `marks in chart ${chart}`).toBeGreaterThan(0);
      expect(await o.page.locator('svg line.deadline').count()).toBe(0);
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it('prints: every chart fits the page width in print media', async () => {
    const o = await open('print', { kind: 'compare', model, result: compareFixture });
    try {
      await o.page.emulateMedia({ media: 'print' });
      const pdf = await o.page.pdf({ format: 'A4', landscape: true, printBackground: true });
      writeFileSync(join(OUT, 'report-print.pdf'), pdf);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(await o.page.locator('#strategy-select').isVisible()).toBe(false);
      const overflow = await o.page.$$eval('.chart-body svg', (svgs) => svgs.filter((s) => s.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length);
      expect(overflow).toBe(0);
      expect(o.errors).toEqual([]);
    } finally {
      await o.close();
    }
  });
});

describe('report.html escaping in Chromium', () => {
  const evil = poisonedFixtures();
  const inputs: Array<[string, ReportInput]> = [
    ['compare', { kind: 'compare', model: evil.model, result: evil.compare }],
    ['montecarlo', { kind: 'montecarlo', model: evil.model, result: evil.montecarlo }],
    ['run', { kind: 'run', model: evil.model, metrics: evil.run.metrics, trace: evil.run.trace }],
  ];
  for (const [name, input] of inputs) {
    it(`renders payloads in names and descriptions as text (${name})`, async () => {
      const o = await open(`evil-${name}`, input);
      try {
        // Hover everything that has a tooltip so client-side text paths run too.
        for (const sel of ['[data-chart="gantt"] rect.bar-work', '[data-chart="gates"] svg rect', '[data-chart="tornado"] svg rect', '[data-chart="comparison"] rect.box']) {
          const first = o.page.locator(sel).first();
          if ((await first.count()) > 0) await first.hover({ force: true });
        }
        // The dependency links and the lane headings carry task and agent names too.
        const toggle = o.page.locator('[data-chart="gantt"] input.show-links');
        if ((await toggle.count()) > 0) await toggle.check();
        const heat = o.page.locator('[data-chart="heatmap"] rect.cell').first();
        if ((await heat.count()) > 0) await heat.hover({ force: true });
        if (name === 'compare') await o.page.selectOption('#strategy-select', '1');
        expect(o.dialogs).toEqual([]);
        expect(await o.page.locator('img').count()).toBe(0);
        expect(await o.page.locator('img[src=x]').count()).toBe(0);
        // Only the page's own three script elements: the data block, d3 and the charts.
        expect(await o.page.evaluate(() => document.scripts.length)).toBe(3);
        expect(await o.page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
        const h1 = (await o.page.locator('h1').textContent()) ?? '';
        expect(h1).toContain(IMG_PAYLOAD);
        expect(h1).toContain(SCRIPT_PAYLOAD);
        const title = await o.page.title();
        expect(title).toContain(IMG_PAYLOAD);
        const body = (await o.page.locator('main').textContent()) ?? '';
        expect(body).toContain(SCRIPT_PAYLOAD);
        const lanes = await o.page.locator('[data-chart="gantt"] .lane-label').allTextContents();
        expect(lanes.some((t) => t.includes('<img'))).toBe(true);
        const linkTitles = await o.page.locator('[data-chart="gantt"] path.link title').allTextContents();
        expect(linkTitles.some((t) => t.includes('<img'))).toBe(true);
        for (const [chart, n] of Object.entries(await marksByChart(o.page))) expect(n, `marks in chart ${chart}`).toBeGreaterThan(0);
        expect(o.errors).toEqual([]);
        if (name === 'compare') await o.page.screenshot({ path: join(OUT, 'report-escaping-screenshot.png'), fullPage: false });
      } finally {
        await o.close();
      }
    });
  }
});
