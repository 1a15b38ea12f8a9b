import type { ArgumentsCamelCase, Argv } from 'yargs';
import { CoordsimError } from '../../scenario/CoordsimError.js';
import { checkScenario } from '../../testing/checkScenario.js';
import { meetsDeadline } from '../../testing/ScenarioProperty.js';
import type { CliContext } from '../CliContext.js';
import { checkWithProgress } from '../checkWithProgress.js';
import { FLAG } from '../commonFlags.js';
import { flagValue, withFlags, type Flag } from '../flags.js';
import { formatCheck } from '../format/formatCheck.js';
import { loadScenarioFile } from '../io.js';
import { BOUNDS, parseInteger, parseSeed, parseStrategyList, requireStrategies } from '../options.js';
import { printResult } from '../print.js';
import { progressBar } from '../progressBar.js';

export const command = 'check <scenario>';
export const describe = 'Check the scheduling invariants on runs of a scenario; shrink any violation to a minimal counterexample';

export const flags: readonly Flag[] = [
  { ...FLAG.runs, default: '100', describe: 'runs per strategy, 1..10^9 (run indices 0..N-1 of the seed)' },
  FLAG.seed,
  { ...FLAG.strategies, describe: 'strategies to check, comma-separated (default: every strategy of the scenario)' },
  { ...FLAG.json, describe: 'print the report as one JSON document on stdout' },
  { name: 'require-deadline', type: 'boolean', default: false, describe: "also require every run to meet the scenario's deadline" },
];

export function builder(y: Argv) {
  return withFlags(y.positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' }), flags)
    .example('$0 check scenarios/ecommerce-security.yaml', '100 runs of every strategy')
    .example('$0 check plan.yaml --strategies mesh --runs 1000 --seed 7', '1,000 runs of one strategy');
}

type CheckArgs = { scenario: string; runs: string; seed: string; json: boolean; requireDeadline: boolean } & Record<string, unknown>;

export function handler(ctx: CliContext) {
  return (argv: ArgumentsCamelCase<CheckArgs>) => {
    const runs = parseInteger('runs', argv.runs, BOUNDS.runs);
    const seed = parseSeed(argv.seed);
    const given = flagValue(argv, FLAG.strategies);
    const names = given === undefined ? undefined : parseStrategyList(given);
    const { scenario, model } = loadScenarioFile(argv.scenario);
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
