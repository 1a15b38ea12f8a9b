import type { ArgumentsCamelCase } from 'yargs';
import { monteCarlo } from '../../montecarlo/monteCarlo.js';
import type { CliContext } from '../CliContext.js';
import { FLAG } from '../commonFlags.js';
import { flagValue } from '../flags.js';
import { loadScenarioFile } from '../io.js';
import { runsCsvCostColumns } from '../../report/runsCsv.js';
import { monteCarloWithOutputs } from '../monteCarloOutputs.js';
import { BOUNDS, parseFraction, parseInteger, parseSeed, parseStrategy, requireStrategies } from '../options.js';
import { strategyOf } from '../../engine/simulate.js';
import { parseScaleOut } from '../scaleout/scaleOutFlags.js';
import { runShard, scaleOutDestination, withExecutor } from '../scaleout/scaleOutCommand.js';
import { withOutputSet } from '../output/withOutputSet.js';
import { monteCarloFiles, monteCarloRiskAnalysis } from '../outputFiles.js';
import { printResult } from '../print.js';
import { formatMonteCarlo } from '../format/formatMonteCarlo.js';

/** Flags of both commands as yargs hands them over (values arrive as strings and are checked here). */
export type RunFlags = { scenario: string; runs: string; seed: string; workers?: string; sampling: string; json: boolean; out?: string };

/** Maps the shared flags to library options (E_USAGE with the flag's name on bad values). */
export function runOptions(argv: RunFlags) {
  return {
    runs: parseInteger('runs', argv.runs, BOUNDS.runs),
    seed: parseSeed(argv.seed),
    workers: argv.workers === undefined ? undefined : parseInteger('workers', argv.workers, BOUNDS.workers),
    sampling: argv.sampling === 'lhs' ? ('lhs' as const) : ('random' as const),
  };
}

export function handler(ctx: CliContext) {
  return async (argv: ArgumentsCamelCase<RunFlags & Record<string, unknown>>) => {
    const options = runOptions(argv);
    const strategy = parseStrategy(flagValue(argv, FLAG.strategy));
    const precision = argv.precision === undefined ? null : parseFraction('precision', argv.precision);
    const scale = parseScaleOut(argv, { precision, env: process.env });
    const { dest, part } = scaleOutDestination(argv.out, scale);
    const { scenario, model } = await loadScenarioFile(argv.scenario);
    requireStrategies(model, [strategy]);
    if (part !== null) {
      return runShard(ctx, { command: 'montecarlo', scenario, model, strategies: [strategyOf(model, strategy).name], options, scale, part, json: argv.json });
    }
    const { result, written } = await withExecutor(ctx, scale, scenario, model, precision, (executor) =>
      withOutputSet(dest, (set) =>
        monteCarloWithOutputs(ctx, set, !argv.json, model.timeUnit, (hooks) => monteCarlo(scenario, { ...options, strategy, precision, executor, ...hooks }), (r) => monteCarloFiles(model, r, monteCarloRiskAnalysis(model, r)), runsCsvCostColumns(model)),
      ),
    );
    printResult(ctx, argv.json, result, () => formatMonteCarlo(model, result), written, dest?.dir);
  };
}
