import type { ArgumentsCamelCase } from 'yargs';
import { CoordsimError } from '../../scenario/CoordsimError.js';
import { checkScenario } from '../../testing/checkScenario.js';
import { meetsDeadline } from '../../testing/ScenarioProperty.js';
import type { CliContext } from '../CliContext.js';
import { checkWithProgress } from '../checkWithProgress.js';
import { FLAG } from '../commonFlags.js';
import { flagValue } from '../flags.js';
import { formatCheck } from '../format/formatCheck.js';
import { loadScenarioFile } from '../io.js';
import { BOUNDS, parseInteger, parseSeed, parseStrategyList, requireStrategies } from '../options.js';
import { printResult } from '../print.js';
import { progressBar } from '../progressBar.js';

type CheckArgs = { scenario: string; runs: string; seed: string; json: boolean; requireDeadline: boolean } & Record<string, unknown>;

export function handler(ctx: CliContext) {
  return async (argv: ArgumentsCamelCase<CheckArgs>) => {
    const runs = parseInteger('runs', argv.runs, BOUNDS.runs);
    const seed = parseSeed(argv.seed);
    const given = flagValue(argv, FLAG.strategies);
    const names = given === undefined ? undefined : parseStrategyList(given);
    const { scenario, model } = await loadScenarioFile(argv.scenario);
    requireStrategies(model, names ?? []);
    const options = { runs, seed, strategies: names, properties: argv.requireDeadline ? [meetsDeadline()] : [] };
    // Progress only on a terminal: the library runs in this thread, so one strategy at a time.
    const bar = ctx.isTTY && !argv.json ? progressBar(ctx, 'strategies') : null;
    const report = bar ? checkWithProgress(scenario, { ...options, strategies: names ?? model.strategyNames }, bar) : checkScenario(scenario, options);
    bar?.(-1, -1);
    printResult(ctx, argv.json, report, () => formatCheck(argv.scenario, report), []);
    if (!report.ok) {
      throw new CoordsimError('E_INVARIANT', `${report.violations.length} invariant violation(s) in ${argv.scenario}${argv.json ? '' : ' (see above)'}`);
    }
  };
}
