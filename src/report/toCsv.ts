import { stringify } from 'csv-stringify/sync';

/** A CSV cell value. Non-finite numbers and null become empty cells. */
export type CsvCell = string | number | boolean | null | undefined;

/** The one set of csv-stringify options every CSV of coordsim is written with. */
const OPTIONS = {
  cast: {
    number: (n: number) => (Number.isFinite(n) ? String(n) : ''),
    boolean: (b: boolean) => (b ? 'true' : 'false'),
  },
};

/**
 * Renders rows as CSV with a header line (csv-stringify, RFC 4180 quoting). Numbers are
 * written unformatted (shortest round-trip form) so they load exactly into a spreadsheet or pandas.
 */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return stringify(rows as CsvCell[][], { ...OPTIONS, header: true, columns: columns as string[] });
}

/** One cell exactly as `toCsv` writes it (for writers that stream rows, such as runs.csv). */
export function csvCell(value: CsvCell): string {
  return stringify([[value]], OPTIONS).slice(0, -1);
}
