import { readFileSync } from 'node:fs';
import type { ArgumentsCamelCase } from 'yargs';
import { fitDistributions } from '../../fit/fitDistributions.js';
import { formatFitTable } from '../../fit/formatFitTable.js';
import { parseValuesCsv } from '../../fit/parseValuesCsv.js';
import { fitTraces } from '../../fit/traces/fitTraces.js';
import { formatTraceFit } from '../../fit/traces/formatTraceFit.js';
import type { TimeUnit } from '../../scenario/Scenario.js';
import { renderFitReport } from '../../report/fitReport.js';
import { CoordsimError } from '../../scenario/CoordsimError.js';
import type { CliContext } from '../CliContext.js';
import { toJson } from '../io.js';
import { checkDestination } from '../output/checkDestination.js';
import { withOutputSet } from '../output/withOutputSet.js';
import { printResult } from '../print.js';

/** Trace files (OTLP/JSON, or JSON Lines of it) are told from CSV files by their extension. */
const TRACE_FILE = /\.jsonl?$/i;

type FitArgs = { file: string; column?: string; json: boolean; out?: string; timeUnit?: string; minSamples?: string };

export function handler(ctx: CliContext) {
  return async (argv: ArgumentsCamelCase<FitArgs>) => {
    const dest = argv.out === undefined ? null : checkDestination(argv.out);
    let text: string;
    try {
      text = readFileSync(argv.file, 'utf8');
    } catch (e) {
      throw new CoordsimError('E_USAGE', `cannot read data file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { file: argv.file });
    }
    if (TRACE_FILE.test(argv.file)) return fitTraceFile(ctx, argv, text, dest);
    if (argv.timeUnit !== undefined || argv.minSamples !== undefined) {
      throw new CoordsimError('E_USAGE', `--${argv.timeUnit !== undefined ? 'time-unit' : 'min-samples'} is for trace files (.json); ${argv.file} is read as CSV`, { file: argv.file });
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

async function fitTraceFile(ctx: CliContext, argv: ArgumentsCamelCase<FitArgs>, text: string, dest: ReturnType<typeof checkDestination> | null) {
  if (argv.column !== undefined) throw new CoordsimError('E_USAGE', '--column is for CSV files; a trace file has no columns', { file: argv.file });
  let minSamples: number | undefined;
  if (argv.minSamples !== undefined) {
    minSamples = Number(argv.minSamples);
    if (!/^\d+$/.test(argv.minSamples.trim()) || minSamples < 1) throw new CoordsimError('E_USAGE', `--min-samples: expected an integer >= 1, got ${JSON.stringify(argv.minSamples)}`);
  }
  const { result, written } = await withOutputSet(dest, (set) => {
    const fitted = fitTraces(text, argv.file, { timeUnit: argv.timeUnit as TimeUnit | undefined, minSamples });
    set?.write('fit.json', toJson(fitted));
    set?.write('scenario.yaml', formatTraceFit(fitted));
    return fitted;
  });
  printResult(ctx, argv.json, result, () => formatTraceFit(result), written);
}
