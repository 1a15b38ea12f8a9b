import { stringify } from 'csv-stringify/sync';

/** A CSV cell value. Non-finite numbers and null become empty cells. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * The one set of csv-stringify options every CSV of coordsim is written with. `escape_formulas`
 * is OWASP's rule against CSV (formula) injection: a text cell starting with `=`, `+`, `-`,
 * `@`, tab or carriage return (or a full-width `＝＋－＠`) gets a leading `'`, so a spreadsheet
 * shows it as text instead of evaluating it; number cells are never changed (`-3` stays `-3`).
 */
const OPTIONS = {
  escape_formulas: true,
  cast: {
    number: (n: number) => (Number.isFinite(n) ? String(n) : ''),
    boolean: (b: boolean) => (b ? 'true' : 'false'),
  },
};

/**
 * Renders rows as CSV with a header line (csv-stringify, RFC 4180 quoting). Numbers are
 * written unformatted (shortest round-trip form) so they load exactly into a spreadsheet or
 * pandas; text that a spreadsheet would run as a formula gets a leading `'`.
 */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return stringify(rows as CsvCell[][], { ...OPTIONS, header: true, columns: columns as string[] });
}

/** One cell exactly as `toCsv` writes it (for writers that stream rows, such as runs.csv). */
export function csvCell(value: CsvCell): string {
  return stringify([[value]], OPTIONS).slice(0, -1);
}
