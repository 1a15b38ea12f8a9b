import type { ArgumentsCamelCase, Argv } from 'yargs';
import { applyUncertainty, parseUncertainty } from '../../import/applyUncertainty.js';
import { checkPlanDates } from '../../import/checkPlanDates.js';
import { scenarioYaml } from '../../import/_internals/scenarioYaml.js';
import type { DateAgreement } from '../../import/comparePlanDates.js';
import type { ImportWarning } from '../../import/ImportedPlan.js';
import { PLAN_EXTENSIONS, planFormatOf, readPlan } from '../../import/readPlan.js';
import { CoordsimError } from '../../scenario/CoordsimError.js';
import { validateScenario } from '../../scenario/validateScenario.js';
import type { CliContext } from '../CliContext.js';
import { FLAG } from '../commonFlags.js';
import { withFlags, type Flag } from '../flags.js';
import { readInputFile, toJson } from '../io.js';
import { checkScenarioOutFile, writeFileAtomic } from '../output/outputFile.js';
import { printResult } from '../print.js';

export const command = 'import <plan>';
export const describe = 'Convert a plan (MS Project XML, P6 XER, GanttProject, CSV, PSPLIB) into a scenario, checking its dates';

export const flags: readonly Flag[] = [
  { name: 'out', alias: 'o', type: 'string', describe: 'write the scenario (YAML) to this file (default: print it on stdout)' },
  { name: 'level', type: 'boolean', default: false, describe: 'resources limit work as agents do (capacity 1 each) instead of the unlevelled plan' },
  { name: 'uncertainty', type: 'string', describe: 'turn single-point durations into distributions: "pert:0.9,1,1.5[;wbs=PREFIX][;min=N][;max=N]"' },
  { ...FLAG.json, describe: 'print the import report (counts, date agreement, warnings) as JSON on stdout' },
];

export function builder(y: Argv) {
  return withFlags(y.positional('plan', { type: 'string', demandOption: true, describe: `plan file (${[...PLAN_EXTENSIONS.keys()].join(', ')})` }), flags)
    .example('$0 import schedule.xer -o plan.yaml', 'a P6 schedule as a scenario, with the dates P6 stored checked')
    .example('$0 import plan.xml -o plan.yaml --uncertainty "pert:0.9,1,1.5"', 'MS Project plan with a three-point template');
}

type ImportArgs = { plan: string; out?: string; level: boolean; uncertainty?: string; json: boolean };

export function handler(ctx: CliContext) {
  return async (argv: ArgumentsCamelCase<ImportArgs>) => {
    const template = argv.uncertainty === undefined ? null : parseUncertainty(argv.uncertainty);
    if (planFormatOf(argv.plan) === null) {
      throw new CoordsimError('E_USAGE', `not a plan file: expected one of ${[...PLAN_EXTENSIONS.keys()].join(', ')} (a YAML or JSON scenario needs no import)`, { file: argv.plan });
    }
    const target = argv.out === undefined ? null : checkScenarioOutFile(argv.out, argv.plan, 'plan.yaml');
    const plan = readPlan(readInputFile(argv.plan), argv.plan);
    const doc = plan.scenario;
    if (argv.level) for (const a of (doc.agents as Array<Record<string, unknown>> | undefined) ?? []) if (a.capacity === 'unlimited') a.capacity = 1;
    // The plan as the source scheduled it, checked against its stored dates before any template.
    const { scenario, run, agreement } = checkPlanDates(plan, doc, argv.plan);
    const varied = template === null ? 0 : applyUncertainty(doc, template);
    if (template !== null) validateScenario(doc, { file: argv.plan });
    const yaml = `# Imported by coordsim from ${argv.plan} (${plan.format})\n` + scenarioYaml(doc);
    if (target !== null) writeFileAtomic(target, yaml);
    const report = {
      file: argv.plan,
      format: plan.format,
      tasks: scenario.tasks.length,
      agents: scenario.agents.length,
      levelled: argv.level,
      uncertainty: template === null ? null : { template: argv.uncertainty, tasks: varied },
      makespan: run.metrics.makespan,
      startDate: run.metrics.startDate ?? null,
      finishDate: run.metrics.finishDate ?? null,
      dates: agreement,
      warnings: plan.warnings,
      out: target,
    };
    if (target === null && !argv.json) ctx.stdout(yaml);
    if (argv.json) ctx.stdout(toJson(report));
    else ctx.stderr(summary(argv.plan, plan.format, scenario.tasks.length, agreement, plan.warnings, target));
  };
}

function summary(file: string, format: string, tasks: number, a: DateAgreement, warnings: readonly ImportWarning[], target: string | null): string {
  const lines = [`${file} (${format}): ${tasks} tasks`];
  if (a.total > 0) {
    lines.push(`dates: ${a.agree} of ${a.total} activities start and finish on the days stored in the file${a.agree === a.total ? '' : ':'}`);
    for (const d of a.differ.slice(0, 20)) {
      lines.push(`  ${d.sourceId} ${d.name}: stored ${d.stored.start ?? '?'} – ${d.stored.finish ?? '?'}, simulated ${d.simulated.start ?? '?'} – ${d.simulated.finish ?? '?'}${d.reason === undefined ? '' : ` (${d.reason})`}`);
    }
    if (a.differ.length > 20) lines.push(`  … and ${a.differ.length - 20} more (--json lists them all)`);
  } else lines.push('dates: the file stores no dates to check against');
  if (warnings.length > 0) {
    lines.push(`${warnings.length} warning(s): what could not be carried over exactly`);
    for (const w of warnings.slice(0, 20)) lines.push(`  ${w.location}: ${w.message}`);
    if (warnings.length > 20) lines.push(`  … and ${warnings.length - 20} more (--json lists them all)`);
  }
  if (target !== null) lines.push(`wrote ${target}`);
  return lines.join('\n') + '\n';
}


