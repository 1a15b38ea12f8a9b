import { stringify } from 'csv-stringify/sync';

/** A CSV cell value. Non-finite numbers and null become empty cells. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * Renders rows as CSV with a header line (csv-stringify, RFC 4180 quoting). Numbers are
 * written unformatted (shortest round-trip form) so they load exactly into a spreadsheet or pandas.
 */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return stringify(rows as CsvCell[][], {
    header: true,
    columns: columns as string[],
    cast: {
      number: (n: number) => (Number.isFinite(n) ? String(n) : ''),
      boolean: (b: boolean) => (b ? 'true' : 'false'),
    },
  });
}
