import type { ArgumentsCamelCase } from 'yargs';
import { CoordsimError } from '../../scenario/CoordsimError.js';
import type { CliContext } from '../CliContext.js';
import { loadScenarioFile, toJson } from '../io.js';
import { printResult } from '../print.js';
import { terminalText } from '../terminalText.js';
import { formatWarning } from '../../scenario/scenarioWarnings.js';

export function handler(ctx: CliContext) {
  return async (argv: ArgumentsCamelCase<{ scenario: string; json: boolean }>) => {
    let loaded: Awaited<ReturnType<typeof loadScenarioFile>>;
    try {
      loaded = await loadScenarioFile(argv.scenario);
    } catch (e) {
      // --json promises a document on stdout: the error as data, then the usual message and exit 2.
      if (argv.json && e instanceof CoordsimError) ctx.stdout(toJson({ valid: false, file: argv.scenario, error: { code: e.code, message: e.message, ...e.context } }));
      throw e;
    }
    const { model, warnings, scenario } = loaded;
    // Strategies written as `{preset: …}`, as they were expanded (keys written beside the preset included).
    const presets = Object.entries(scenario.strategies ?? {}).filter(([, spec]) => spec.preset !== undefined);
    if (!argv.json) for (const w of warnings) ctx.stderr(terminalText(formatWarning(w) + '\n'));
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
      warnings: warnings.map((w) => ({ message: w.message, ...w.context })),
      ...(presets.length > 0 ? { presets: Object.fromEntries(presets) } : {}),
    };
    const text = () =>
      `${argv.scenario}: valid — "${model.name}": ${summary.agents} agents, ${summary.tasks} tasks, ${summary.gates} gates, ` +
      `strategies ${summary.strategies.join(', ')} (default ${summary.defaultStrategy})\n` +
      (presets.length > 0 ? `  presets: ${presets.map(([name, spec]) => `${name} (${spec.preset})`).join(', ')}; --json shows each as expanded\n` : '');
    printResult(ctx, argv.json, summary, text, []);
  };
}
