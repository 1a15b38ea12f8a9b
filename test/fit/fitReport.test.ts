import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { fitDistributions } from '../../src/fit/fitDistributions.js';
import { FIT_REPORT_DATA_ID, fitReportData, renderFitReport, type FitReportData } from '../../src/report/fitReport.js';
import { distribution } from '../../src/sim/distributions/index.js';
import { sample } from './sample.js';

const values = sample({ pert: [1, 2, 6] }, 1500, 61);
const input = { file: 'data/<b>history</b>.csv', column: '<script>alert(1)</script>', values, result: fitDistributions(values) };

/** The JSON data block of a rendered page. */
function embedded(page: string): FitReportData {
  const m = page.match(new RegExp(`<script type="application/json" id="${FIT_REPORT_DATA_ID}">([^<]*)</script>`));
  if (!m) throw new Error('no data block');
  return JSON.parse(m[1]) as FitReportData;
}

describe('fitReportData', () => {
  const data = fitReportData(input);

  test('fitReportData histogram holds every value and its densities integrate to 1', () => {
    expect(data.bars.reduce((s, b) => s + b.count, 0)).toBe(values.length);
    expect(data.bars.reduce((s, b) => s + b.density * (b.x1 - b.x0), 0)).toBeCloseTo(1, 12);
    expect(data.bars[0].x0).toBe(Math.min(...values));
    expect(data.bars[data.bars.length - 1].x1).toBe(Math.max(...values));
  });

  test('fitReportData has one density curve per candidate, best first', () => {
    expect(data.curves.map((c) => c.family)).toEqual(input.result.candidates.map((c) => c.family));
    for (const c of data.curves) for (const [, y] of c.points) expect(y).toBeGreaterThanOrEqual(0);
  });

  test('fitReportData Q–Q points pair the best fit’s quantiles with the sorted values', () => {
    const sorted = [...values].sort((a, b) => a - b);
    const best = distribution(input.result.best);
    expect(data.qq.points).toHaveLength(1000); // thinned from 1500
    expect(data.qq.points[0]).toEqual([best.quantile(0.5 / 1500), sorted[0]]);
    expect(data.qq.points[999]).toEqual([best.quantile(1499.5 / 1500), sorted[1499]]);
  });
});

describe('renderFitReport', () => {
  const page = renderFitReport(input);

  test('renderFitReport escapes the file and column names and embeds the data exactly', () => {
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).not.toContain('<b>history</b>');
    expect(page).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(embedded(page)).toEqual(JSON.parse(JSON.stringify(fitReportData(input))));
    expect(page).toContain("Content-Security-Policy");
    expect(page).toContain('duration: {pert: [');
  });

  test('renderFitReport is a pure function of its input', () => {
    expect(renderFitReport(input)).toBe(page);
  });
});

const CHROMIUM = '/usr/bin/chromium';

describe.skipIf(!existsSync(CHROMIUM))('fit.html in Chromium', () => {
  test('fit.html draws the histogram with every density and the Q–Q plot, offline, with no error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coordsim-fit-page-'));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const file = join(dir, 'fit.html');
      writeFileSync(file, renderFitReport(input));
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      await context.setOffline(true);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      expect(await page.locator('#fit-histogram svg path.curve').count()).toBe(input.result.candidates.length);
      expect(await page.locator('#fit-histogram svg rect').count()).toBeGreaterThan(5);
      expect(await page.locator('#fit-qq svg circle').count()).toBe(1000);
      expect(await page.locator('#candidates tbody tr').count()).toBe(input.result.candidates.length);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
