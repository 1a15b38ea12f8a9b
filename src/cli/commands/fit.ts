import { readFileSync } from 'node:fs';
import type { ArgumentsCamelCase, Argv } from 'yargs';
import { fitDistributions } from '../../fit/fitDistributions.js';
import { formatFitTable } from '../../fit/formatFitTable.js';
import { parseValuesCsv } from '../../fit/parseValuesCsv.js';
import { renderFitReport } from '../../report/fitReport.js';
import { CoordsimError } from '../../scenario/CoordsimError.js';
import type { CliContext } from '../CliContext.js';
import { FLAG } from '../commonFlags.js';
import { withFlags, type Flag } from '../flags.js';
import { toJson } from '../io.js';
import { checkDestination } from '../output/checkDestination.js';
import { withOutputSet } from '../output/withOutputSet.js';
import { printResult } from '../print.js';

export const command = 'fit <file>';
export const describe = 'Fit duration distributions to observed values (CSV, one per row) by maximum likelihood';

export const flags: readonly Flag[] = [
  { name: 'column', alias: 'c', type: 'string', describe: "column to read (default: the file's only numeric column)" },
  { ...FLAG.json, describe: 'print best and candidates as one JSON document on stdout' },
  { ...FLAG.out, describe: 'write fit.json and fit.html (histogram, fitted densities, Q–Q plot) to this folder (created, or replaced as a whole)' },
];

export function builder(y: Argv) {
  return withFlags(y.positional('file', { type: 'string', demandOption: true, describe: 'CSV file with a header row, one observed value per row' }), flags)
    .example('$0 fit history.csv', 'rank the families by AIC and print the best as a scenario line')
    .example('$0 fit history.csv --column review_days --json --out reports/', 'one column, JSON on stdout, and the report');
}

type FitArgs = { file: string; column?: string; json: boolean; out?: string };

export function handler(ctx: CliContext) {
  return async (argv: ArgumentsCamelCase<FitArgs>) => {
    const dest = argv.out === undefined ? null : checkDestination(argv.out);
    let text: string;
    try {
      text = readFileSync(argv.file, 'utf8');
    } catch (e) {
      throw new CoordsimError('E_USAGE', `cannot read data file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { file: argv.file });
    }
    const { column, values } = parseValuesCsv(text, argv.file, argv.column);
    const { result, written } = await withOutputSet(dest, (set) => {
      const fitted = fitDistributions(values);
      set?.write('fit.json', toJson({ file: argv.file, column, ...fitted }));
      set?.write('fit.html', renderFitReport({ file: argv.file, column, values, result: fitted }));
      return fitted;
    });
    printResult(ctx, argv.json, { file: argv.file, column, ...result }, () => formatFitTable(result, `column ${JSON.stringify(column)} of ${argv.file}`), written);
  };
}
