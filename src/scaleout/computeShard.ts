import type { Model } from '../engine/Model.js';
import { CHUNK, runChunks, type ChunkExecutor } from '../montecarlo/runChunks.js';
import type { Sampling } from '../montecarlo/InputSampler.js';
import { runsCsvCostColumns, runsCsvRows } from '../report/runsCsv.js';
import type { Scenario } from '../scenario/Scenario.js';
import { scenarioHash } from './scenarioHash.js';
import { SHARD_FORMAT, shardChecksum, type ShardCommand, type ShardFile } from './ShardFile.js';
import { shardRange, type ShardSpec } from './shardRange.js';

/** What a shard computes: the command's set-up and which shard. */
export interface ShardOptions {
  command: ShardCommand;
  scenario: Scenario;
  model: Model;
  /** Resolved strategy names, in result order (`compareStrategyNames` for compare). */
  strategies: string[];
  runs: number;
  seed: number | string;
  sampling: Sampling;
  workers: number;
  shard: ShardSpec;
  /** The coordsim version to record. */
  coordsim: string;
  executor?: ChunkExecutor;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Computes the runs of one shard (`shardRange`) on this machine's threads (or an executor) and
 * returns its shard file: the mergeable summary of those runs and their runs.csv lines, with
 * the set-up `coordsim merge` checks. The runs are the very runs one process computes.
 */
export async function computeShard(o: ShardOptions): Promise<ShardFile> {
  const [start, end] = shardRange(o.runs, o.shard);
  const runsCsv: string[] = [];
  const costColumns = runsCsvCostColumns(o.model);
  const { summary } = await runChunks(o.model, o.scenario, o.strategies, {
    runs: end,
    start,
    seed: o.seed,
    workers: o.workers,
    precision: null,
    sampling: o.sampling,
    executor: o.executor,
    onProgress: o.onProgress,
    onRows: (rows, strategies) => runsCsv.push(runsCsvRows(rows, strategies, o.model.timeUnit, costColumns)),
  });
  return {
    format: SHARD_FORMAT,
    coordsim: o.coordsim,
    command: o.command,
    scenarioHash: scenarioHash(o.scenario),
    scenarioName: o.model.name,
    strategies: o.strategies.slice(),
    seed: o.seed,
    sampling: o.sampling,
    runs: o.runs,
    chunk: CHUNK,
    shard: { index: o.shard.index, count: o.shard.count },
    range: [start, end],
    checksum: shardChecksum(summary, runsCsv),
    scenario: o.scenario,
    summary,
    runsCsv,
  };
}
