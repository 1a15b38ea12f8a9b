import { extname } from 'node:path';
import type { ArgumentsCamelCase } from 'yargs';
import { planFormatOf, readPlan } from '../../import/readPlan.js';
import { planSearch } from '../../plan/planSearch.js';
import type { CliContext } from '../CliContext.js';
import { PASSES } from '../commands/plan.js';
import { FLAG } from '../commonFlags.js';
import { flagValue } from '../flags.js';
import { formatPlanSummary, planReport } from '../format/formatPlan.js';
import { round2 } from '../format/numbers.js';
import { pinnedScenarioText, type PlanSource } from '../format/pinnedScenario.js';
import { loadScenarioFile, readInputFile } from '../io.js';
import { parseInteger, parseSeed, parseStrategy, requireStrategies } from '../options.js';
import { checkScenarioOutFile, writeFileAtomic } from '../output/outputFile.js';
import { printResult } from '../print.js';
import { progressBar } from '../progressBar.js';

/** Schedules generated between two looks at the event loop (signals, progress). */
const STEP = 100;

type PlanArgs = { scenario: string; passes: string; seed: string; json: boolean; out?: string } & Record<string, unknown>;

export function handler(ctx: CliContext) {
  return async (argv: ArgumentsCamelCase<PlanArgs>) => {
    const strategy = parseStrategy(flagValue(argv, FLAG.strategy));
    const passes = parseInteger('passes', argv.passes, PASSES);
    const seed = parseSeed(argv.seed);
    const target = argv.out === undefined ? null : checkScenarioOutFile(argv.out, argv.scenario, 'planned.yaml');
    const { model } = await loadScenarioFile(argv.scenario);
    requireStrategies(model, [strategy]);
    const source = target === null ? null : planSource(argv.scenario);

    const search = planSearch(model, { strategy, passes, seed });
    const bar = ctx.isTTY && !argv.json ? progressBar(ctx, 'schedules') : null;
    bar?.(search.done, search.total);
    while (!search.step(STEP)) {
      bar?.(search.done, search.total);
      // Lets a signal's handler run (exit 130, nothing written) during a long search.
      await new Promise<void>((r) => setImmediate(r));
    }
    if (bar !== null) {
      bar(search.done, search.total);
      bar(-1, -1);
    }
    const plan = search.result();

    const written: string[] = [];
    if (target !== null && source !== null) {
      const note = `Planned by coordsim plan from ${argv.scenario}: makespan ${round2(plan.makespan)} ${model.timeUnit}${round2(plan.makespan) === '1' ? '' : 's'} with this start order (strategy ${plan.strategy}, ${plan.passes} schedules, seed ${JSON.stringify(seed)})`;
      const text = pinnedScenarioText(source, { order: plan.order, strategy: plan.strategy, defaultStrategy: model.defaultStrategy, note }, extname(target).toLowerCase() === '.json', argv.out!);
      writeFileAtomic(target, text);
      written.push(target);
    }
    const report = planReport(argv.scenario, model, plan, seed, target);
    printResult(ctx, argv.json, report, () => formatPlanSummary(report), written);
  };
}

/** The input as a document to pin the order in: YAML text as it is, JSON and plan files as data. */
function planSource(file: string): PlanSource {
  const bytes = readInputFile(file);
  if (planFormatOf(file) !== null) return { kind: 'data', value: readPlan(bytes, file).scenario as Record<string, unknown>, from: file };
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (/^\s*\{/.test(text)) return { kind: 'data', value: JSON.parse(text) as Record<string, unknown>, from: file };
  return { kind: 'yaml', text };
}
