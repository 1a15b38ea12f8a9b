import { readFileSync } from 'node:fs';
import type { ArgumentsCamelCase, Argv } from 'yargs';
import { fitDistributions } from '../../fit/fitDistributions.js';
import { formatFitTable } from '../../fit/formatFitTable.js';
import { parseValuesCsv } from '../../fit/parseValuesCsv.js';
import { renderFitReport } from '../../report/fitReport.js';
import { CoordsimError } from '../../scenario/CoordsimError.js';
import type { CliContext } from '../CliContext.js';
import { toJson, writeOutputs } from '../io.js';

export const command = 'fit <file>';
export const describe = 'Fit duration distributions to observed values (CSV, one per row) by maximum likelihood';

export function builder(y: Argv) {
  return y
    .positional('file', { type: 'string', demandOption: true, describe: 'CSV file with a header row, one observed value per row' })
    .option('column', { alias: 'c', type: 'string', describe: "column to read (default: the file's only numeric column)" })
    .option('json', { type: 'boolean', default: false, describe: 'print best and candidates as one JSON document on stdout' })
    .option('out', { alias: 'o', type: 'string', describe: 'write fit.json and fit.html (histogram, fitted densities, Q–Q plot) to this folder' })
    .example('$0 fit history.csv', 'rank the families by AIC and print the best as a scenario line')
    .example('$0 fit history.csv --column review_days --json --out reports/', 'one column, JSON on stdout, and the report');
}

type FitArgs = { file: string; column?: string; json: boolean; out?: string };

export function handler(ctx: CliContext) {
  return (argv: ArgumentsCamelCase<FitArgs>) => {
    let text: string;
    try {
      text = readFileSync(argv.file, 'utf8');
    } catch (e) {
      throw new CoordsimError('E_USAGE', `cannot read data file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { file: argv.file });
    }
    const { column, values } = parseValuesCsv(text, argv.file, argv.column);
    const result = fitDistributions(values);
    const json = toJson({ file: argv.file, column, ...result });
    if (argv.out) {
      // Everything is computed before anything is written; writeOutputs renames temp files into place.
      const report = renderFitReport({ file: argv.file, column, values, result });
      const written = writeOutputs(argv.out, { 'fit.json': json, 'fit.html': report });
      if (!argv.json) ctx.stderr(`wrote ${written.join(', ')}\n`);
    }
    if (argv.json) ctx.stdout(json);
    else ctx.stdout(formatFitTable(result, `column ${JSON.stringify(column)} of ${argv.file}`));
  };
}
