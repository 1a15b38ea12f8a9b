import type { Argv } from 'yargs';
import { PLAN_EXTENSIONS } from '../../import/planFormat.js';
import { FLAG } from '../commonFlags.js';
import { withFlags, type Flag } from '../flags.js';

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

/** The handler, loaded when the command runs (so that `--help` and the other commands do not load its code). */
export const load = () => import('../handlers/import.js');
