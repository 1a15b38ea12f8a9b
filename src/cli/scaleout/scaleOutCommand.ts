import { availableParallelism } from 'node:os';
import type { Model } from '../../engine/Model.js';
import type { ChunkExecutor } from '../../montecarlo/runChunks.js';
import type { Sampling } from '../../montecarlo/InputSampler.js';
import type { Scenario } from '../../scenario/Scenario.js';
import { computeShard } from '../../scaleout/computeShard.js';
import { scenarioHash } from '../../scaleout/scenarioHash.js';
import { formatShardFile, type ShardCommand } from '../../scaleout/ShardFile.js';
import type { CliContext } from '../CliContext.js';
import { toJson } from '../io.js';
import { checkDestination, type OutputDestination } from '../output/checkDestination.js';
import { progressBar } from '../progressBar.js';
import { terminalText } from '../terminalText.js';
import { coordsimVersion } from '../version.js';
import { checkPartDestination, writePart, type PartDestination } from './partFile.js';
import type { ScaleOut } from './scaleOutFlags.js';

/** Where a Monte Carlo command writes: an output set (`--out DIR`), or with `--shard` a part file (`--out PART`). */
export function scaleOutDestination(out: string | undefined, scale: ScaleOut): { dest: OutputDestination | null; part: PartDestination | null } {
  if (out === undefined) return { dest: null, part: null };
  return scale.shard !== null ? { dest: null, part: checkPartDestination(out) } : { dest: checkDestination(out), part: null };
}

/**
 * Runs `work` with the queue executor when `--queue` is given (closed afterwards, whatever
 * happens), else with none: the chunks then run on this machine's threads.
 */
export async function withExecutor<R>(ctx: CliContext, scale: ScaleOut, scenario: Scenario, model: Model, precision: number | null, work: (executor: ChunkExecutor | undefined) => Promise<R>): Promise<R> {
  if (scale.queue === null) return work(undefined);
  // BullMQ takes most of a second to load: only commands that use the queue load it.
  const { openQueueExecutor } = await import('../queue/openQueueExecutor.js');
  const executor = await openQueueExecutor({
    target: scale.queue,
    scenario,
    scenarioHash: scenarioHash(scenario),
    scenarioName: model.name,
    idleTimeoutMs: scale.queueTimeoutMs,
    // With early stopping, chunks past the stopping point are wasted work: keep 64 queued ahead.
    window: precision === null ? Infinity : 64,
    // On a terminal the progress bar's line is cleared first; the bar redraws itself after.
    notice: (text) => ctx.stderr(`${ctx.isTTY ? '\r\x1b[2K' : ''}coordsim: ${terminalText(text)}`),
  });
  try {
    return await work(executor);
  } finally {
    await executor.close();
  }
}

/** What `--shard` computes. */
export interface ShardRun {
  command: ShardCommand;
  scenario: Scenario;
  model: Model;
  strategies: string[];
  options: { runs: number; seed: number | string; workers?: number; sampling: Sampling };
  scale: ScaleOut;
  part: PartDestination;
  json: boolean;
}

/**
 * `montecarlo|compare --shard I/N --out PART`: computes the shard's runs (on this machine's
 * threads, or with `--queue` on workers) and writes its part file whole; prints what it wrote
 * (one JSON document with `--json`).
 */
export async function runShard(ctx: CliContext, s: ShardRun): Promise<void> {
  const shard = s.scale.shard!;
  const bar = !s.json && ctx.isTTY ? progressBar(ctx) : undefined;
  let file;
  try {
    file = await withExecutor(ctx, s.scale, s.scenario, s.model, null, (executor) =>
      computeShard({
        command: s.command,
        scenario: s.scenario,
        model: s.model,
        strategies: s.strategies,
        runs: s.options.runs,
        seed: s.options.seed,
        sampling: s.options.sampling,
        workers: s.options.workers ?? availableParallelism(),
        shard,
        coordsim: coordsimVersion(),
        executor,
        onProgress: bar,
      }),
    );
  } finally {
    bar?.(-1, -1);
  }
  writePart(s.part, formatShardFile(file));
  const [a, b] = file.range;
  if (s.json) {
    ctx.stdout(toJson({ part: s.part.file, command: s.command, shard: file.shard, source: shard.source, range: file.range, runs: file.runs, scenarioHash: file.scenarioHash }));
    return;
  }
  ctx.stderr(terminalText(`wrote ${s.part.file}\n`));
  ctx.stdout(
    terminalText(
      `${s.model.name} — shard ${shard.index}/${shard.count} (${shard.source}): runs ${a.toLocaleString('en-US')}–${(b - 1).toLocaleString('en-US')} of ${file.runs.toLocaleString('en-US')}, ${file.strategies.length === 1 ? `strategy ${file.strategies[0]}` : `strategies ${file.strategies.join(', ')}`}\n` +
        `  merge the parts with: coordsim merge PART... --out DIR\n`,
    ),
  );
}
