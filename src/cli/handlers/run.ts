import type { ArgumentsCamelCase } from 'yargs';
import { simulate } from '../../engine/simulate.js';
import type { CliContext } from '../CliContext.js';
import { FLAG } from '../commonFlags.js';
import { flagValue } from '../flags.js';
import { formatRunSummary } from '../format/formatRun.js';
import { loadScenarioFile } from '../io.js';
import { BOUNDS, parseInteger, parseSeed, parseStrategy, requireStrategies } from '../options.js';
import { checkDestination } from '../output/checkDestination.js';
import { withOutputSet } from '../output/withOutputSet.js';
import { runFiles } from '../outputFiles.js';
import { printResult } from '../print.js';

type RunArgs = { scenario: string; seed: string; run: string; json: boolean; out?: string } & Record<string, unknown>;

export function handler(ctx: CliContext) {
  return async (argv: ArgumentsCamelCase<RunArgs>) => {
    const strategy = parseStrategy(flagValue(argv, FLAG.strategy));
    const seed = parseSeed(argv.seed);
    const run = parseInteger('run', argv.run, BOUNDS.run);
    const dest = argv.out === undefined ? null : checkDestination(argv.out);
    const { model } = await loadScenarioFile(argv.scenario);
    requireStrategies(model, [strategy]);
    const { result, written } = await withOutputSet(dest, (set) => {
      const r = simulate(model, { strategy, seed, run, trace: true });
      if (set !== null) for (const [name, content] of Object.entries(runFiles(model, r))) set.write(name, content);
      return r;
    });
    printResult(ctx, argv.json, result.metrics, () => formatRunSummary(model, result.metrics), written);
  };
}
