/**
 * The risk blocks of the report in a real browser (Debian's Chromium through playwright-core,
 * network blocked): the ranking chart draws a bar per risk and the Gantt chart marks the merge
 * points, with no script error. Skipped when Chromium is not installed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { compileModel } from '../../src/engine/compileModel.js';
import { monteCarlo } from '../../src/montecarlo/monteCarlo.js';
import { analyseRisks } from '../../src/montecarlo/riskAnalysis.js';
import { renderReport } from '../../src/report/renderReport.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { tempDir } from '../cli/_cli.js';

const CHROMIUM = '/usr/bin/chromium';

describe.skipIf(!existsSync(CHROMIUM))('report: risk ranking and merge bias in a browser', () => {
  test('the ranking chart has a P80 and a mean bar per risk, the Gantt chart a ring per merge point it can place, and nothing fails', async () => {
    const file = 'scenarios/branching-risks.yaml';
    const model = compileModel(parseScenario(readFileSync(file, 'utf8'), file));
    const result = await monteCarlo(model, { runs: 300, seed: 2, workers: 1 });
    const risks = analyseRisks(model, { runs: 300, seed: 2 });
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const page = join(dir, 'report.html');
    writeFileSync(page, renderReport({ kind: 'montecarlo', model, result, risks }));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const context = await browser.newContext();
      await context.setOffline(true);
      const p = await context.newPage();
      const errors: string[] = [];
      p.on('pageerror', (e) => errors.push(e.message));
      p.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await p.goto(pathToFileURL(page).href, { waitUntil: 'load' });
      expect(errors).toEqual([]);
      expect(await p.locator('.chart-error').count()).toBe(0);
      expect(await p.locator('[data-chart="risks"] rect.risk-p80Shift').count()).toBe(risks.risks.length);
      expect(await p.locator('[data-chart="risks"] rect.risk-meanShift').count()).toBe(risks.risks.length);
      const rings = await p.locator('[data-chart="gantt"] circle.merge-plan').count();
      expect(rings).toBeGreaterThan(0);
      expect(rings).toBeLessThanOrEqual(risks.mergePoints.length);
      expect(await p.locator('table.merge-bias tbody tr').count()).toBe(risks.mergePoints.length);
    } finally {
      await browser.close();
    }
  });
});
