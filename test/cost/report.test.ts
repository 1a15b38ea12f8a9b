import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compileModel } from '../../src/engine/compileModel.js';
import { simulate } from '../../src/engine/simulate.js';
import { compare } from '../../src/montecarlo/compare.js';
import { monteCarlo } from '../../src/montecarlo/monteCarlo.js';
import { agentsCsv } from '../../src/report/agentsCsv.js';
import { clientScript } from '../../src/report/clientScript.js';
import { compareCsv, COMPARE_COLUMNS, COMPARE_COST_COLUMNS } from '../../src/report/compareCsv.js';
import { PAIR_COLUMNS, pairsCsv } from '../../src/report/pairsCsv.js';
import { renderReport, type ReportInput } from '../../src/report/renderReport.js';
import { tasksCsv } from '../../src/report/tasksCsv.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import type { CompareResult, MonteCarloResult } from '../../src/montecarlo/MonteCarloResult.js';
import { loadModel } from '../helpers.js';

/** A currency that tries to break out of the page (24 characters at most). */
const HOSTILE = '</script><img src=x>';
const hostile = parseScenario(
  `name: "<b>costly</b>"
time_unit: day
deadline: 5
currency: "${HOSTILE}"
budget: 70
agents:
  - {id: a, rate: 10}
  - {id: b, rate: 20}
orchestrator: {rate: 5}
tasks:
  - {id: t1, agent: a, duration: {pert: [1, 2, 4]}, cost: {uniform: [0, 20]}}
  - {id: t2, agent: b, duration: {pert: [1, 2, 3]}, after: [t1]}
strategies:
  hub: {topology: hub, handoff: {effort: 0.25}}
  mesh: {topology: mesh, handoff: {effort: 0.25}, status: {every: 1, effort: 0.05}}
`,
  'hostile.yaml',
);
const model = compileModel(hostile);

let mc: MonteCarloResult;
let cmp: CompareResult;
beforeAll(async () => {
  mc = await monteCarlo(model, { runs: 1200, seed: 1 });
  cmp = await compare(model, null, { runs: 1200, seed: 1 });
});

describe('renderReport with costs', () => {
  test('escapes the currency everywhere: no markup from the scenario reaches the page', () => {
    for (const input of [
      { kind: 'run', model, ...simulate(model, { seed: 1 }) } as ReportInput,
      { kind: 'montecarlo', model, result: mc } as ReportInput,
      { kind: 'compare', model, result: cmp } as ReportInput,
    ]) {
      const page = renderReport(input);
      expect(page).not.toContain('<img src=x>');
      expect(page).not.toContain('<b>costly');
      expect(page.match(/<\/script>/g)).toHaveLength(3); // the data block and the two scripts
      expect(page).toContain('&#60;/script&#62;&#60;img src=x&#62;');
    }
  });

  test('has the cost blocks and the cost script only with costs', async () => {
    const page = renderReport({ kind: 'compare', model, result: cmp });
    for (const name of ['cost-strategies', 'cost-curve', 'cost-scatter', 'cost-tornado']) expect(page).toContain(`data-chart="${name}"`);
    expect(page).toContain('id="table-cost-pairs"');
    expect(page).toContain(clientScript(true));
    const plain = loadModel('scenarios/feature-team-mesh.yaml');
    const r = await monteCarlo(plain, { runs: 200, seed: 1 });
    const p = renderReport({ kind: 'montecarlo', model: plain, result: r });
    expect(p).not.toContain('data-chart="cost');
    expect(p).toContain(clientScript());
    expect(clientScript(false)).toBe(clientScript());
    expect(clientScript()).not.toContain('drawCostReport');
  });
});

describe('CSVs with costs', () => {
  test('gain cost columns, and only then', async () => {
    expect(compareCsv(cmp).split('\n')[0]).toBe([...COMPARE_COLUMNS.slice(0, -1), ...COMPARE_COST_COLUMNS, 'time_unit'].join(','));
    expect(pairsCsv(cmp).split('\n')[0]).toBe([...PAIR_COLUMNS.slice(0, -1), 'cost_mean_difference', 'cost_ci95_low', 'cost_ci95_high', 'probability_a_cheaper', 'time_unit'].join(','));
    expect(tasksCsv(mc).split('\n')[0]).toMatch(/,sensitivity,cost_sensitivity,fixed_cost_sensitivity,time_unit$/);
    const agents = agentsCsv(mc, model.orchestrator).trim().split('\n');
    expect(agents[0]).toMatch(/,kind,cost,time_unit$/);
    expect(agents.map((l) => Number(l.split(',').at(-2))).slice(1)).toEqual([mc.costByAgent!.a, mc.costByAgent!.b, mc.costByAgent!.orchestrator]);
    const row = compareCsv(cmp).split('\n')[1].split(',');
    expect(Number(row[COMPARE_COLUMNS.length - 1])).toBe(cmp.strategies[0].cost!.mean);
    const plain = loadModel('scenarios/feature-team-mesh.yaml');
    const r = await compare(plain, null, { runs: 100, seed: 1 });
    expect(compareCsv(r).split('\n')[0]).toBe(COMPARE_COLUMNS.join(','));
    expect(pairsCsv(r).split('\n')[0]).toBe(PAIR_COLUMNS.join(','));
    expect(agentsCsv(r, plain.orchestrator).split('\n')[0]).not.toContain('cost');
  });
});

const CHROMIUM = '/usr/bin/chromium';

describe.skipIf(!existsSync(CHROMIUM))('cost charts in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('draws every cost chart with no console error, and redraws on another strategy', async () => {
    const dir = resolve('test-output', 'cost');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'compare.html');
    writeFileSync(file, renderReport({ kind: 'compare', model, result: cmp }));
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const marks = () =>
      page.$$eval('[data-chart^="cost"]', (els) => els.map((el) => [el.getAttribute('data-chart'), el.querySelectorAll('svg rect, svg circle, svg path, svg line').length] as const));
    for (const [name, n] of await marks()) expect(n, `marks in ${name}`).toBeGreaterThan(0);
    expect(await page.locator('.chart-error').count()).toBe(0);
    // One dot per run of the scatter sample, and the currency shown as text.
    expect(await page.locator('[data-chart="cost-scatter"] svg > g > circle').count()).toBe(cmp.strategies[0].costScatter!.cost.length);
    expect(await page.locator('[data-chart="cost-curve"] svg').textContent()).toContain(HOSTILE);
    await page.selectOption('#strategy-select', '1');
    const caption = await page.locator('[data-chart="cost-curve"] .chart-caption').textContent();
    expect(caption).toContain(`strategy ${cmp.strategies[1].strategy}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
