import type { ArgumentsCamelCase, Argv } from 'yargs';
import { loadScenarioFile } from '../io.js';
import type { CliContext } from '../CliContext.js';

export const command = 'validate <scenario>';
export const describe = 'Check a scenario file (schema, references, cycles, feasibility) without running it';

export function builder(y: Argv) {
  return y
    .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
    .option('json', { type: 'boolean', default: false, describe: 'print the result as JSON on stdout' });
}

export function handler(ctx: CliContext) {
  return (argv: ArgumentsCamelCase<{ scenario: string; json: boolean }>) => {
    const { model } = loadScenarioFile(argv.scenario);
    const summary = {
      valid: true,
      file: argv.scenario,
      name: model.name,
      agents: model.agents.length,
      tasks: model.tasks.length,
      gates: model.gates.length,
      risks: model.risks.length,
      strategies: model.strategyNames,
      defaultStrategy: model.defaultStrategy,
    };
    if (argv.json) ctx.stdout(JSON.stringify(summary, null, 2) + '\n');
    else
      ctx.stdout(
        `${argv.scenario}: valid — "${model.name}": ${summary.agents} agents, ${summary.tasks} tasks, ${summary.gates} gates, ` +
          `strategies ${summary.strategies.join(', ')} (default ${summary.defaultStrategy})\n`,
      );
  };
}
