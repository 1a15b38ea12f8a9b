import type { ArgumentsCamelCase, Argv } from 'yargs';
import { simulate } from '../../engine/simulate.js';
import { CoordsimError } from '../../scenario/CoordsimError.js';
import { renderReport } from '../../report/renderReport.js';
import { traceCsv } from '../../report/traceCsv.js';
import type { CliContext } from '../CliContext.js';
import { loadScenarioFile, toJson, writeOutputs } from '../io.js';
import { formatRunSummary } from '../format.js';
import { parseSeed } from '../options.js';

export const command = 'run <scenario>';
export const describe = 'Simulate one run of a scenario under one strategy';

export function builder(y: Argv) {
  return y
    .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
    .option('strategy', { alias: 's', type: 'string', describe: "strategy name (default: the scenario's `strategy`)" })
    .option('seed', { type: 'string', default: '1', describe: 'random seed (integer or string)' })
    .option('run', { type: 'string', default: '0', describe: 'run index: run i of a Monte Carlo with this seed (as `coordsim check` reports)' })
    .option('json', { type: 'boolean', default: false, describe: 'print the run metrics as one JSON document on stdout' })
    .option('out', { alias: 'o', type: 'string', describe: 'write run.json, trace.csv and report.html to this folder' })
    .example('$0 run scenarios/ecommerce-security.yaml', 'one run of the default strategy')
    .example('$0 run scenarios/ecommerce-security.yaml --strategy mesh --seed 7 --out out/', 'a run of another strategy, with its trace');
}

type RunArgs = { scenario: string; strategy?: string; seed: string; run: string; json: boolean; out?: string };

export function handler(ctx: CliContext) {
  return async (argv: ArgumentsCamelCase<RunArgs>) => {
    const seed = parseSeed(argv.seed);
    const { model } = loadScenarioFile(argv.scenario);
    const run = Number(argv.run);
    if (!Number.isInteger(run) || run < 0) throw new CoordsimError('E_USAGE', `--run: expected an integer >= 0, got ${JSON.stringify(argv.run)}`);
    const result = simulate(model, { strategy: argv.strategy, seed, run, trace: true });
    if (argv.out) {
      const files: Record<string, string> = {
        'run.json': toJson(result.metrics),
        'trace.csv': traceCsv(result.trace),
      };
      files['report.html'] = renderReport({ kind: 'run', model, metrics: result.metrics, trace: result.trace });
      const written = writeOutputs(argv.out, files);
      if (!argv.json) ctx.stderr(`wrote ${written.join(', ')}\n`);
    }
    if (argv.json) ctx.stdout(toJson(result.metrics));
    else ctx.stdout(formatRunSummary(model, result.metrics));
  };
}

