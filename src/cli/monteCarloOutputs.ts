import type { MonteCarloRunOptions } from '../montecarlo/MonteCarloOptions.js';
import { runsCsvHeader, runsCsvRows } from '../report/runsCsv.js';
import type { CliContext } from './CliContext.js';
import type { OutputSet } from './output/OutputSet.js';
import type { OutputFiles } from './outputFiles.js';
import { progressBar } from './progressBar.js';

/** The callbacks a Monte Carlo takes from the CLI. */
export type MonteCarloHooks = Pick<MonteCarloRunOptions, 'onProgress' | 'onRows'>;

/**
 * Runs a Monte Carlo (or a comparison) with a progress bar on a terminal and, with an output
 * set, runs.csv streamed into the set's temporary folder; then writes the set's other files.
 */
export async function monteCarloWithOutputs<R>(
  ctx: CliContext,
  set: OutputSet | null,
  progress: boolean,
  timeUnit: string,
  compute: (hooks: MonteCarloHooks) => Promise<R>,
  files: (r: R) => OutputFiles,
  costColumns: readonly string[] = [],
): Promise<R> {
  const bar = progress && ctx.isTTY ? progressBar(ctx) : undefined;
  const runs = set?.stream('runs.csv');
  runs?.write(runsCsvHeader(costColumns));
  try {
    const result = await compute({ onProgress: bar, onRows: runs && ((rows, strategies) => runs.write(runsCsvRows(rows, strategies, timeUnit, costColumns))) });
    if (set !== null) for (const [name, content] of Object.entries(files(result))) set.write(name, content);
    return result;
  } finally {
    bar?.(-1, -1);
  }
}
