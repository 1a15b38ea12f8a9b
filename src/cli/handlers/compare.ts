import type { ArgumentsCamelCase } from 'yargs';
import { compare, compareStrategyNames } from '../../montecarlo/compare.js';
import type { CliContext } from '../CliContext.js';
import { FLAG } from '../commonFlags.js';
import { flagValue } from '../flags.js';
import { formatCompare } from '../format/formatCompare.js';
import { loadScenarioFile } from '../io.js';
import { runsCsvCostColumns } from '../../report/runsCsv.js';
import { monteCarloWithOutputs } from '../monteCarloOutputs.js';
import { parseStrategyList, requireStrategies } from '../options.js';
import { parseScaleOut } from '../scaleout/scaleOutFlags.js';
import { runShard, scaleOutDestination, withExecutor } from '../scaleout/scaleOutCommand.js';
import { withOutputSet } from '../output/withOutputSet.js';
import { compareFiles } from '../outputFiles.js';
import { printResult } from '../print.js';
import { runOptions, type RunFlags } from './montecarlo.js';

export function handler(ctx: CliContext) {
  return async (argv: ArgumentsCamelCase<RunFlags & Record<string, unknown>>) => {
    const options = runOptions(argv);
    const given = flagValue(argv, FLAG.strategies);
    const names = given === undefined ? null : parseStrategyList(given);
    const scale = parseScaleOut(argv, { precision: null, env: process.env });
    const { dest, part } = scaleOutDestination(argv.out, scale);
    const { scenario, model } = await loadScenarioFile(argv.scenario);
    requireStrategies(model, names ?? []);
    if (part !== null) {
      return runShard(ctx, { command: 'compare', scenario, model, strategies: compareStrategyNames(model, names), options, scale, part, json: argv.json });
    }
    const { result, written } = await withExecutor(ctx, scale, scenario, model, null, (executor) =>
      withOutputSet(dest, (set) => monteCarloWithOutputs(ctx, set, !argv.json, model.timeUnit, (hooks) => compare(scenario, names, { ...options, executor, ...hooks }), (r) => compareFiles(model, r), runsCsvCostColumns(model))),
    );
    printResult(ctx, argv.json, result, () => formatCompare(model, result), written, dest?.dir);
  };
}
