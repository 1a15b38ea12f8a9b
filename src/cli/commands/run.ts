import type { ArgumentsCamelCase, Argv } from 'yargs';
import { simulate } from '../../engine/simulate.js';
import type { CliContext } from '../CliContext.js';
import { FLAG } from '../commonFlags.js';
import { flagValue, withFlags, type Flag } from '../flags.js';
import { formatRunSummary } from '../format/formatRun.js';
import { loadScenarioFile } from '../io.js';
import { BOUNDS, parseInteger, parseSeed, parseStrategy, requireStrategies } from '../options.js';
import { checkDestination } from '../output/checkDestination.js';
import { withOutputSet } from '../output/withOutputSet.js';
import { runFiles } from '../outputFiles.js';
import { printResult } from '../print.js';

export const command = 'run <scenario>';
export const describe = 'Simulate one run of a scenario under one strategy';

export const flags: readonly Flag[] = [
  FLAG.strategy,
  FLAG.seed,
  { name: 'run', type: 'string', default: '0', describe: 'run index, 0..999,999,999: run i of a Monte Carlo with this seed (as `coordsim check` reports)' },
  { ...FLAG.json, describe: 'print the run metrics as one JSON document on stdout' },
  { ...FLAG.out, describe: 'write run.json, trace.csv and report.html to this folder (created, or replaced as a whole)' },
];

export function builder(y: Argv) {
  return withFlags(y.positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' }), flags)
    .example('$0 run scenarios/ecommerce-security.yaml', 'one run of the default strategy')
    .example('$0 run scenarios/ecommerce-security.yaml --strategy mesh --seed 7 --out out/', 'a run of another strategy, with its trace');
}

type RunArgs = { scenario: string; seed: string; run: string; json: boolean; out?: string } & Record<string, unknown>;

export function handler(ctx: CliContext) {
  return async (argv: ArgumentsCamelCase<RunArgs>) => {
    const strategy = parseStrategy(flagValue(argv, FLAG.strategy));
    const seed = parseSeed(argv.seed);
    const run = parseInteger('run', argv.run, BOUNDS.run);
    const dest = argv.out === undefined ? null : checkDestination(argv.out);
    const { model } = loadScenarioFile(argv.scenario);
    requireStrategies(model, [strategy]);
    const { result, written } = await withOutputSet(dest, (set) => {
      const r = simulate(model, { strategy, seed, run, trace: true });
      if (set !== null) for (const [name, content] of Object.entries(runFiles(model, r))) set.write(name, content);
      return r;
    });
    printResult(ctx, argv.json, result.metrics, () => formatRunSummary(model, result.metrics), written);
  };
}
