import type { ArgumentsCamelCase, Argv } from 'yargs';
import { monteCarlo } from '../../montecarlo/monteCarlo.js';
import type { CliContext } from '../CliContext.js';
import { FLAG } from '../commonFlags.js';
import { flagValue, withFlags, type Flag } from '../flags.js';
import { loadScenarioFile } from '../io.js';
import { monteCarloWithOutputs } from '../monteCarloOutputs.js';
import { BOUNDS, parseFraction, parseInteger, parseSeed, parseStrategy, requireStrategies } from '../options.js';
import { strategyOf } from '../../engine/simulate.js';
import { parseScaleOut, SCALE_OUT_FLAGS } from '../scaleout/scaleOutFlags.js';
import { runShard, scaleOutDestination, withExecutor } from '../scaleout/scaleOutCommand.js';
import { withOutputSet } from '../output/withOutputSet.js';
import { monteCarloFiles, monteCarloRiskAnalysis } from '../outputFiles.js';
import { printResult } from '../print.js';
import { formatMonteCarlo } from '../format/formatMonteCarlo.js';

export const command = 'montecarlo <scenario>';
export const describe = 'Monte Carlo timeline of one strategy: P50/P80/P95 makespan, deadline probability, critical tasks';

/** Flags shared with `compare`. */
export const RUN_FLAGS: readonly Flag[] = [FLAG.runs, FLAG.seed, FLAG.workers, FLAG.sampling, FLAG.json, FLAG.out, ...SCALE_OUT_FLAGS];

export const flags: readonly Flag[] = [
  ...RUN_FLAGS,
  FLAG.strategy,
  { name: 'precision', type: 'string', describe: 'stop once the 95% CI half-width of mean makespan is below this fraction of the mean (checked every 1,000 runs)' },
];

export function builder(y: Argv) {
  return withFlags(y.positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' }), flags)
    .example('$0 montecarlo scenarios/ecommerce-security.yaml', '10,000 runs of the default strategy')
    .example('$0 montecarlo scenarios/ecommerce-security.yaml --precision 0.002 --runs 100000 --out reports/', 'stop at 0.2% precision, write the report');
}

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
    const { scenario, model } = loadScenarioFile(argv.scenario);
    requireStrategies(model, [strategy]);
    if (part !== null) {
      return runShard(ctx, { command: 'montecarlo', scenario, model, strategies: [strategyOf(model, strategy).name], options, scale, part, json: argv.json });
    }
    const { result, written } = await withExecutor(ctx, scale, scenario, model, precision, (executor) =>
      withOutputSet(dest, (set) =>
        monteCarloWithOutputs(ctx, set, !argv.json, model.timeUnit, (hooks) => monteCarlo(scenario, { ...options, strategy, precision, executor, ...hooks }), (r) => monteCarloFiles(model, r, monteCarloRiskAnalysis(model, r))),
      ),
    );
    printResult(ctx, argv.json, result, () => formatMonteCarlo(model, result), written, dest?.dir);
  };
}
