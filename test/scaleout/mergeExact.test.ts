import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { toJson } from '../../src/cli/io.js';
import { compileModel } from '../../src/engine/compileModel.js';
import { compare, compareStrategyNames } from '../../src/montecarlo/compare.js';
import { monteCarlo } from '../../src/montecarlo/monteCarlo.js';
import { runChunks } from '../../src/montecarlo/runChunks.js';
import { RUNS_COLUMNS, runsCsvCostColumns, runsCsvRows } from '../../src/report/runsCsv.js';
import { computeShard } from '../../src/scaleout/computeShard.js';
import { mergeSummaries, shardedResult } from '../../src/scaleout/mergeShards.js';
import { planMerge } from '../../src/scaleout/planMerge.js';
import { formatShardFile, parseShardFile, type ShardCommand } from '../../src/scaleout/ShardFile.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { costedDatedProject, tinyProject } from './fixtures.js';

const scenario = tinyProject();
const model = compileModel(scenario);

/** Shards computed, written as text, read back, and merged in the given order. */
function viaShards(command: ShardCommand, runs: number, count: number, order: number[], seed: number | string, sampling: 'random' | 'lhs') {
  return viaShardsOf(scenario, command, runs, count, order, seed, sampling);
}

async function viaShardsOf(scenario: Scenario, command: ShardCommand, runs: number, count: number, order: number[], seed: number | string, sampling: 'random' | 'lhs') {
  const model = compileModel(scenario);
  const strategies = command === 'compare' ? compareStrategyNames(model, null) : ['mesh'];
  const texts: string[] = [];
  for (let index = 0; index < count; index++) {
    const f = await computeShard({ command, scenario, model, strategies, runs, seed, sampling, workers: 1, shard: { index, count }, coordsim: 'test' });
    texts.push(formatShardFile(f));
  }
  const parts = order.map((i) => ({ file: `part-${i}.json`, shard: parseShardFile(texts[i], `part-${i}.json`) }));
  const inOrder = planMerge(parts);
  const summary = mergeSummaries(compileModel(inOrder[0].shard.scenario), inOrder.map((p) => p.shard.summary));
  const rows = inOrder.flatMap((p) => p.shard.runsCsv).join('');
  return { summary, result: shardedResult(model, command, summary), rows, strategies };
}

describe('merging shards', () => {
  test('gives a summary deep-equal to the one-process one, typed arrays and exact-sum partials included', async () => {
    const got = await viaShards('compare', 3500, 3, [2, 0, 1], 11, 'lhs');
    const whole = await runChunks(model, scenario, got.strategies, { runs: 3500, seed: 11, workers: 1, precision: null, sampling: 'lhs' });
    expect(got.summary).toStrictEqual(whole.summary);
    expect(got.summary.sampleMakespans[0]).toBeInstanceOf(Float64Array);
  });

  test('gives the one-process result JSON and runs.csv for random splits and part orders (property)', async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4000 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom<ShardCommand>('montecarlo', 'compare'),
        fc.constantFrom<'random' | 'lhs'>('random', 'lhs'),
        fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constantFrom('7', 'seed')),
        fc.infiniteStream(fc.nat()),
        async (runs, n, command, sampling, seed, shuffle) => {
          const count = Math.min(n, Math.ceil(runs / 1000));
          const order = Array.from({ length: count }, (_, i) => i);
          for (let i = count - 1; i > 0; i--) {
            const j = shuffle.next().value % (i + 1);
            [order[i], order[j]] = [order[j], order[i]];
          }
          const got = await viaShards(command, runs, count, order, seed, sampling);
          let rows = '';
          const onRows = (r: Float64Array, s: readonly string[]) => void (rows += runsCsvRows(r, s, model.timeUnit));
          const options = { runs, seed, sampling, workers: 1, onRows };
          const one = command === 'montecarlo' ? await monteCarlo(scenario, { ...options, strategy: 'mesh' }) : await compare(scenario, null, options);
          expect(toJson(got.result)).toBe(toJson(one));
          expect(got.rows).toBe(rows);
          expect(rows.split('\n').length - 1).toBe(runs * got.strategies.length);
          cases++;
        },
      ),
      { numRuns: 10 },
    );
    expect(cases).toBe(10);
  });
});

describe('merging shards of a costed, dated plan', () => {
  const costed = costedDatedProject();
  const costedModel = compileModel(costed);

  test.each([
    ['montecarlo', 'random'],
    ['compare', 'lhs'],
  ] as const)('%s (%s) gives the one-process JSON (cost, budget and joint probability, dates) and runs.csv', async (command, sampling) => {
    const runs = 2500;
    const got = await viaShardsOf(costed, command, runs, 3, [1, 2, 0], 21, sampling);
    let rows = '';
    const onRows = (r: Float64Array, s: readonly string[]) => void (rows += runsCsvRows(r, s, costedModel.timeUnit, runsCsvCostColumns(costedModel)));
    const options = { runs, seed: 21, sampling, workers: 1, onRows };
    const one = command === 'montecarlo' ? await monteCarlo(costed, { ...options, strategy: 'mesh' }) : await compare(costed, null, options);
    expect(toJson(got.result)).toBe(toJson(one));
    expect(got.rows).toBe(rows);
    // The cost parts are really there (a merge that dropped them would still agree on makespans).
    const json = JSON.parse(toJson(one)) as Record<string, any>;
    const cost = command === 'montecarlo' ? json.cost : json.strategies[0].cost;
    expect(cost.n).toBe(runs);
    expect(cost.mean).toBeGreaterThan(0);
    const dated = command === 'montecarlo' ? json : json.strategies[0];
    expect(dated.finishDate.p80).toMatch(/^2027-01-/);
    expect(runsCsvCostColumns(costedModel).length).toBeGreaterThan(0);
    expect(rows.split('\n')[0].split(',').length).toBe(RUNS_COLUMNS.length + runsCsvCostColumns(costedModel).length);
  });
});
