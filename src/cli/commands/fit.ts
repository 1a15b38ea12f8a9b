import type { Argv } from 'yargs';
import { FLAG } from '../commonFlags.js';
import { withFlags, type Flag } from '../flags.js';

export const command = 'fit <file>';
export const describe = 'Fit duration distributions to observed values (CSV, one per row) by maximum likelihood, or a scenario fragment to agent traces (OTLP JSON)';

export const flags: readonly Flag[] = [
  { name: 'column', alias: 'c', type: 'string', describe: "column to read (default: the file's only numeric column)" },
  { ...FLAG.json, describe: 'print best and candidates as one JSON document on stdout' },
  { ...FLAG.out, describe: 'write fit.json and fit.html (histogram, fitted densities, Q–Q plot) to this folder (created, or replaced as a whole); for traces fit.json and scenario.yaml' },
  { name: 'time-unit', type: 'string', choices: ['minute', 'hour', 'day', 'week'], describe: 'traces: the time unit of the fragment (default minute); span lengths in ns are divided by its length' },
  { name: 'min-samples', type: 'string', describe: 'traces: fewest observations of a kind of work or of handoffs (default 2); fewer is an error' },
];

export function builder(y: Argv) {
  return withFlags(y.positional('file', { type: 'string', demandOption: true, describe: 'CSV file with a header row, one observed value per row; or OTLP/JSON traces (.json, .jsonl)' }), flags)
    .example('$0 fit history.csv', 'rank the families by AIC and print the best as a scenario line')
    .example('$0 fit history.csv --column review_days --json --out reports/', 'one column, JSON on stdout, and the report')
    .example('$0 fit traces.json --time-unit hour', 'agents, durations, handoff effort and tokens from OTLP traces, as scenario YAML');
}

/** The handler, loaded when the command runs (so that `--help` and the other commands do not load its code). */
export const load = () => import('../handlers/fit.js');
