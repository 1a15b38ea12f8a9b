import type { ArgumentsCamelCase } from 'yargs';
import { applyUncertainty, parseUncertainty } from '../../import/applyUncertainty.js';
import { checkPlanDates } from '../../import/checkPlanDates.js';
import { scenarioYaml } from '../../import/_internals/scenarioYaml.js';
import type { DateAgreement } from '../../import/comparePlanDates.js';
import type { ImportWarning } from '../../import/ImportedPlan.js';
import { PLAN_EXTENSIONS, planFormatOf, readPlan } from '../../import/readPlan.js';
import { CoordsimError } from '../../scenario/CoordsimError.js';
import { validateScenario } from '../../scenario/validateScenario.js';
import type { CliContext } from '../CliContext.js';
import { readInputFile, toJson } from '../io.js';
import { checkScenarioOutFile, writeFileAtomic } from '../output/outputFile.js';

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
