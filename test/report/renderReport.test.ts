import { describe, expect, it } from 'vitest';
import { reportData } from '../../src/report/ReportData.js';
import { REPORT_DATA_ID, renderReport, type ReportInput } from '../../src/report/renderReport.js';
import {
  compareFixture,
  EVIL,
  fixtureModel,
  IMG_PAYLOAD,
  monteCarloFixture,
  poisonedFixtures,
  runFixture,
  SCRIPT_PAYLOAD,
} from '../fixtures/report/index.js';

const model = fixtureModel();
const runInput: ReportInput = { kind: 'run', model, metrics: runFixture.metrics, trace: runFixture.trace };
const mcInput: ReportInput = { kind: 'montecarlo', model, result: monteCarloFixture };
const compareInput: ReportInput = { kind: 'compare', model, result: compareFixture };

/** The text of the JSON data block. */
function dataBlock(page: string): string {
  const open = `<script type="application/json" id="${REPORT_DATA_ID}">`;
  const start = page.indexOf(open);
  expect(start).toBeGreaterThan(0);
  const end = page.indexOf('</script>', start);
  return page.slice(start + open.length, end);
}

/** `data-chart` names in page order (in the markup, before the scripts). */
function charts(page: string): string[] {
  const markup = page.slice(0, page.indexOf('<script'));
  return [...markup.matchAll(/data-chart="([^"]+)"/g)].map((m) => m[1]);
}

describe('renderReport', () => {
  it('renderReport(run) has the Gantt, utilisation, heatmap and gate charts', () => {
    const page = renderReport(runInput);
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(charts(page)).toEqual(['gantt', 'utilization', 'heatmap', 'gates']);
    expect(page).not.toContain('data-table="critical"');
  });

  it('renderReport(montecarlo) adds the histogram, tornado and critical-task table', () => {
    const page = renderReport(mcInput);
    expect(charts(page)).toEqual(['histogram', 'gantt', 'utilization', 'heatmap', 'tornado', 'gates']);
    expect(page).toContain('data-table="critical"');
    expect(page).not.toContain('id="strategy-select"');
  });

  it('renderReport(compare) adds the strategy charts and a picker with one option per strategy', () => {
    const page = renderReport(compareInput);
    expect(charts(page)).toEqual(['comparison', 'overheads', 'pairs', 'histogram', 'gantt', 'utilization', 'heatmap', 'tornado', 'gates']);
    const options = [...page.matchAll(/<option value="(\d+)"( selected)?>/g)];
    expect(options.map((o) => Number(o[1]))).toEqual(compareFixture.strategies.map((_, i) => i));
    // The scenario's default strategy is selected first.
    const selected = options.filter((o) => o[2]).map((o) => Number(o[1]));
    expect(selected).toEqual([compareFixture.strategies.findIndex((s) => s.strategy === model.defaultStrategy)]);
  });

  it('renderReport(compare) says the pair chart shows the default strategy’s pairs when compare paired every two', () => {
    const n = compareFixture.strategies.length;
    expect(compareFixture.pairs).toHaveLength((n * (n - 1)) / 2);
    const page = renderReport(compareInput);
    expect(page).toContain(`Shown: the default strategy ${model.defaultStrategy} against each other one; all ${(n * (n - 1)) / 2} pairs are in pairs.csv.`);
    // Pairs of the default strategy only: nothing left out, so no note.
    const own = compareFixture.pairs.filter((p) => p.a === model.defaultStrategy || p.b === model.defaultStrategy);
    expect(own).toHaveLength(n - 1);
    expect(renderReport({ ...compareInput, result: { ...compareFixture, pairs: own } })).not.toContain('pairs are in pairs.csv');
  });

  it('leaves out the gate chart when the scenario has no gates', () => {
    const page = renderReport({ ...runInput, model: { ...model, gates: [] } });
    expect(charts(page)).toEqual(['gantt', 'utilization', 'heatmap']);
  });

  it.each([
    ['run', runInput],
    ['montecarlo', mcInput],
    ['compare', compareInput],
  ] as const)('embeds the %s data as JSON that parses back to the input', (_kind, input) => {
    const parsed = JSON.parse(dataBlock(renderReport(input)));
    expect(parsed).toEqual(reportData(input));
    if (input.kind === 'run') {
      expect(parsed.metrics).toEqual(input.metrics);
      expect(parsed.trace).toEqual(input.trace);
    } else {
      expect(parsed.result).toEqual(input.result);
    }
    expect(parsed.model.agents.map((a: { id: string }) => a.id)).toEqual(model.agents.map((a) => a.id));
  });

  it('is self-contained: d3 and the chart code inline, nothing loaded from elsewhere', () => {
    const page = renderReport(compareInput);
    expect(page).toMatch(/<script>\/\/ https:\/\/d3js\.org v7/);
    expect(page).toContain('function drawGantt(');
    expect(page).not.toMatch(/<script[^>]+src=/i);
    expect(page).not.toMatch(/<link\b/i);
    expect(page).not.toMatch(/@import|url\(/);
    expect(page).toMatch(/@media print/);
    // Three script elements: the data, d3, the charts; the policy admits only the two that run.
    expect(page.match(/<script\b/g)).toHaveLength(3);
    expect(page.match(/<\/script>/g)).toHaveLength(3);
    const csp = (/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1] ?? '').replaceAll('&#39;', "'");
    expect(csp).toContain("default-src 'none'");
    expect(csp.match(/'sha256-[A-Za-z0-9+/=]+'/g)).toHaveLength(2);
  });

  it('is a pure function of its input: the same input renders the same bytes', () => {
    expect(renderReport(compareInput)).toBe(renderReport(compareInput));
    expect(renderReport(runInput)).toBe(renderReport(runInput));
  });

  it('summarises a Monte Carlo in the seed story’s terms', () => {
    const page = renderReport(mcInput);
    const r = monteCarloFixture;
    const weeks = (r.makespan.p50 / r.unitsPerWeek).toFixed(1);
    const chance = `${Math.round((r.deadlineProbability ?? 0) * 100)}%`;
    // A 30-day plan reads in days (its display unit, by magnitude), with the weeks beside.
    expect(page).toContain(`P50 ${r.makespan.p50.toFixed(1)} days (${weeks} weeks)</strong> vs a 30-day deadline (6 weeks), <strong>${chance} chance to make it</strong>`);
    expect(page).toContain(`${Math.round(r.coordinationOverhead.mean * 100)}% coordination overhead`);
    expect(page).toContain(`${Math.round(r.utilization.mean * 100)}% average utilisation`);
    expect(page).toContain(`${Math.round(r.timeSavings.mean * 100)}% time saved against sequential`);
  });

  it('summarises a single run that meets its deadline', () => {
    const page = renderReport(runInput);
    const r = runFixture.metrics;
    expect(r.makespan).toBeLessThanOrEqual(30);
    expect(page).toContain(`on time with ${(30 - r.makespan).toFixed(1)} to spare days`);
    expect(page).toContain('which it met');
    expect(page).not.toContain('late by');
    expect(page).toContain(`Critical path: ${r.criticalPath.join(' → ')}.`);
  });

  it('summarises a single run that misses its deadline', () => {
    // mesh's median makespan is past the deadline, so its representative run is late.
    const late = compareFixture.strategies.find((s) => s.strategy === 'mesh')!.representative;
    const r = late.metrics;
    expect(r.makespan).toBeGreaterThan(30);
    const page = renderReport({ kind: 'run', model, metrics: r, trace: late.trace });
    expect(page).toContain(`late by ${(r.makespan - 30).toFixed(1)} days`);
    expect(page).toContain('which it missed');
    expect(page).not.toContain('to spare');
    expect(page).toContain(`Critical path: ${r.criticalPath.join(' → ')}.`);
  });

  it('names the fastest strategy of a comparison and lists every strategy in its table', () => {
    const page = renderReport(compareInput);
    // ideal is a bound, not a way of working: the headline names the fastest of the others.
    const fastest = [...compareFixture.strategies].filter((s) => s.strategy !== 'ideal').sort((a, b) => a.makespan.p50 - b.makespan.p50)[0];
    expect(page).toMatch(new RegExp(`<strong>${fastest.strategy}</strong> is the fastest|fastest at the median is <strong>${fastest.strategy}</strong>`));
    const rows = page.match(/<tr class="(best)?">/g) ?? [];
    expect(rows).toHaveLength(compareFixture.strategies.length);
  });
});

describe('renderReport escaping', () => {
  const evil = poisonedFixtures();
  const inputs: ReportInput[] = [
    { kind: 'run', model: evil.model, metrics: evil.run.metrics, trace: evil.run.trace },
    { kind: 'montecarlo', model: evil.model, result: evil.montecarlo },
    { kind: 'compare', model: evil.model, result: evil.compare },
  ];
  it.each(inputs.map((i) => [i.kind, i] as const))('writes payloads in %s names and descriptions as text', (_kind, input) => {
    const page = renderReport(input);
    expect(page).not.toContain(IMG_PAYLOAD);
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<!-- -->');
    expect(page.match(/<script\b/gi)).toHaveLength(3);
    expect(page.match(/<\/script/gi)).toHaveLength(3);
    // Shown escaped in the markup...
    expect(page).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(page).toContain('&#60;/script&#62;&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(page).toContain('&#38; &#34;q&#34; &#39;a&#39;');
    // ...and in the data block as JSON escapes, parsing back to the exact strings.
    const block = dataBlock(page);
    expect(block).not.toMatch(/[<>&\u2028\u2029]/);
    expect(block).toContain('\\u003cimg src=x onerror=alert(1)\\u003e');
    const parsed = JSON.parse(block);
    expect(parsed.model.name).toBe(evil.model.name);
    expect(parsed.model.name.endsWith(EVIL)).toBe(true);
    expect(parsed).toEqual(reportData(input));
  });

  it('escapes the title element too', () => {
    const page = renderReport(inputs[0]);
    const title = /<title>([\s\S]*?)<\/title>/.exec(page)?.[1] ?? '';
    expect(title).toContain('&#60;/script&#62;');
    expect(title).not.toContain('<');
  });

  it('keeps SCRIPT_PAYLOAD out of every script element', () => {
    const page = renderReport(inputs[2]);
    for (const m of page.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) expect(m[1]).not.toContain(SCRIPT_PAYLOAD);
  });
});
