import type { ArgumentsCamelCase, Argv } from 'yargs';
import { CoordsimError } from '../../scenario/CoordsimError.js';
import { checkScenario, type CheckScenarioReport, type FoundViolation } from '../../testing/checkScenario.js';
import { meetsDeadline } from '../../testing/ScenarioProperty.js';
import { scenarioYaml } from '../../testing/scenarioYaml.js';
import type { CliContext } from '../CliContext.js';
import { loadScenarioFile, toJson } from '../io.js';
import { parsePositiveInt, parseSeed } from '../options.js';

export const command = 'check <scenario>';
export const describe = 'Check the scheduling invariants on runs of a scenario; shrink any violation to a minimal counterexample';

export function builder(y: Argv) {
  return y
    .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
    .option('runs', { alias: 'n', type: 'string', default: '100', describe: 'runs per strategy (run indices 0..N-1 of the seed)' })
    .option('seed', { type: 'string', default: '1', describe: 'random seed (integer or string)' })
    .option('strategy', { alias: 's', type: 'string', describe: 'strategies to check, comma-separated (default: every strategy of the scenario)' })
    .option('json', { type: 'boolean', default: false, describe: 'print the report as one JSON document on stdout' })
    .option('require-deadline', { type: 'boolean', default: false, describe: "also require every run to meet the scenario's deadline" })
    .example('$0 check scenarios/ecommerce-security.yaml', '100 runs of every strategy')
    .example('$0 check plan.yaml --strategy mesh --runs 1000 --seed 7', '1,000 runs of one strategy');
}

type CheckArgs = { scenario: string; runs: string; seed: string; strategy?: string; json: boolean; requireDeadline: boolean };

export function handler(ctx: CliContext) {
  return (argv: ArgumentsCamelCase<CheckArgs>) => {
    const runs = parsePositiveInt('runs', argv.runs);
    const seed = parseSeed(argv.seed);
    const { scenario } = loadScenarioFile(argv.scenario);
    const strategies = argv.strategy?.split(',').map((s) => s.trim()).filter(Boolean);
    const report = checkScenario(scenario, { runs, seed, strategies, properties: argv.requireDeadline ? [meetsDeadline()] : [] });
    if (argv.json) ctx.stdout(toJson(report));
    else ctx.stdout(formatReport(argv.scenario, report));
    if (!report.ok) {
      throw new CoordsimError('E_INVARIANT', `${report.violations.length} invariant violation(s) in ${argv.scenario}${argv.json ? '' : ' (see above)'}`);
    }
  };
}

/** The replay command of a violation. */
const replay = (file: string, v: FoundViolation) => `coordsim run ${file} --strategy ${v.strategy} --seed ${v.seed} --run ${v.run}`;

function formatReport(file: string, r: CheckScenarioReport): string {
  const head = `${file}: ${r.strategies.length} strateg${r.strategies.length === 1 ? 'y' : 'ies'} × ${r.runs} runs (seed ${r.seed})`;
  if (r.ok) return `${head}: every invariant holds\n`;
  const lines = [`${head}: ${r.violations.length} violation(s)`];
  for (const v of r.violations.slice(0, 20)) {
    lines.push(`  ✗ ${v.invariant} — ${v.strategy}, run ${v.run}: ${v.message}`, `      replay: ${replay(file, v)}`);
  }
  if (r.violations.length > 20) lines.push(`  … and ${r.violations.length - 20} more (--json lists them all)`);
  const c = r.counterexample;
  if (c) {
    lines.push(
      '',
      `Shrunk counterexample (${c.invariant} under ${c.strategy}, ${c.steps.length} simplification(s)): ${c.message}`,
      `Save it as counterexample.yaml and replay: ${replay('counterexample.yaml', c)}`,
      '---',
      scenarioYaml(c.scenario).trimEnd(),
    );
  }
  return lines.join('\n') + '\n';
}
