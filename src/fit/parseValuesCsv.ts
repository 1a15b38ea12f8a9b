import { parse, CsvError } from 'csv-parse/sync';
import { CoordsimError } from '../scenario/CoordsimError.js';
import { MIN_FIT_VALUES } from './fitDistributions.js';

/** The values of one column of a CSV file, with the line each came from. */
export interface CsvValues {
  /** Header of the column read. */
  column: string;
  values: number[];
  /** 1-based line of each value in the file (the line a multi-line record ends on). */
  lines: number[];
}

/** A decimal number as people write it: 12, 1.5, .5, 3e2; no hex, no Infinity, no NaN. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

interface Row {
  record: string[];
  line: number;
}

/**
 * Reads observed durations from CSV text: a header row, then one record per row, comma
 * separated (RFC 4180 quoting, UTF-8 byte-order mark and blank lines allowed). `column` picks
 * the column by header; without it the file's only column, or else its only numeric column
 * (one where more than half of the non-empty cells are numbers), is read. Empty cells are
 * skipped. Every problem is a CoordsimError naming `file` and, for a cell, its line and column:
 * E_PARSE for the content (empty file, malformed CSV, no numeric column, a cell that is not a
 * number or is negative, fewer than MIN_FIT_VALUES values), E_USAGE for an unknown or
 * ambiguous column choice.
 */
export function parseValuesCsv(text: string, file: string, column?: string): CsvValues {
  const where = (line?: number) => (line === undefined ? { file } : { file, line });
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    throw new CoordsimError('E_PARSE', 'empty file: expected a header row, then one value per row', where());
  }
  let rows: Row[];
  try {
    const parsed = parse(text, { info: true, bom: true, skip_empty_lines: true }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    rows = parsed.map((r) => ({ record: r.record, line: r.info.lines }));
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const line = typeof e.lines === 'number' ? e.lines : undefined;
    throw new CoordsimError('E_PARSE', `malformed CSV: ${e.message}`, where(line));
  }
  const header = rows[0].record.map((h) => h.trim());
  const data = rows.slice(1);
  const listed = header.map((h) => JSON.stringify(h)).join(', ');
  if (data.length === 0) {
    throw new CoordsimError('E_PARSE', `no values: the file has a header row (${listed}) but no data rows`, where(rows[0].line));
  }

  let index: number;
  if (column !== undefined) {
    const matches = header.flatMap((h, i) => (h === column.trim() ? [i] : []));
    if (matches.length === 0) throw new CoordsimError('E_USAGE', `--column: no column ${JSON.stringify(column)}; the columns are ${listed}`, where(rows[0].line));
    if (matches.length > 1) throw new CoordsimError('E_USAGE', `--column: ${matches.length} columns are named ${JSON.stringify(column)}; rename one`, where(rows[0].line));
    index = matches[0];
  } else if (header.length === 1) {
    index = 0;
  } else {
    const numeric = header.flatMap((_, i) => (isMostlyNumeric(data, i) ? [i] : []));
    if (numeric.length === 0) throw new CoordsimError('E_PARSE', `no numeric column: expected a column of numbers among ${listed}`, where(rows[0].line));
    if (numeric.length > 1) {
      const names = numeric.map((i) => JSON.stringify(header[i])).join(', ');
      throw new CoordsimError('E_USAGE', `several numeric columns (${names}): choose one with --column NAME`, where(rows[0].line));
    }
    index = numeric[0];
  }

  const name = header[index];
  const label = `column ${JSON.stringify(name)}`;
  const values: number[] = [];
  const lines: number[] = [];
  for (const { record, line } of data) {
    const cell = (record[index] ?? '').trim();
    if (cell === '') continue;
    const x = Number(cell);
    if (!NUMBER.test(cell) || !Number.isFinite(x)) {
      throw new CoordsimError('E_PARSE', `${label}: expected a number, got ${JSON.stringify(cell.length > 40 ? cell.slice(0, 40) + '…' : cell)}`, where(line));
    }
    if (x < 0) throw new CoordsimError('E_PARSE', `${label}: expected a duration >= 0, got ${cell}`, where(line));
    values.push(x === 0 ? 0 : x);
    lines.push(line);
  }
  if (values.length === 0) throw new CoordsimError('E_PARSE', `no values: ${label} has only empty cells`, where());
  if (values.length < MIN_FIT_VALUES) {
    throw new CoordsimError('E_PARSE', `too few values: expected at least ${MIN_FIT_VALUES} in ${label}, got ${values.length}`, where());
  }
  return { column: name, values, lines };
}

/** More than half of the column's non-empty cells are numbers. */
function isMostlyNumeric(data: readonly Row[], index: number): boolean {
  let numbers = 0;
  let filled = 0;
  for (const { record } of data) {
    const cell = (record[index] ?? '').trim();
    if (cell === '') continue;
    filled++;
    if (NUMBER.test(cell)) numbers++;
  }
  return numbers > 0 && 2 * numbers > filled;
}
