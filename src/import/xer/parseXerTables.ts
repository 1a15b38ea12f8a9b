import { fail } from '../_internals/PlanDraft.js';

/** One `%R` record: its values by lower-case field name, and where it is. */
export interface XerRow {
  /** 1-based row number inside its table. */
  index: number;
  line: number;
  get(field: string): string | undefined;
}

/** One `%T` table: its fields (lower case) and rows, in file order. */
export interface XerTable {
  name: string;
  line: number;
  /** Line of the %F field list. */
  fieldsLine: number;
  fields: string[];
  rows: XerRow[];
}

/** Upper bound on the text read, so hostile input cannot exhaust memory (P6 exports are far smaller). */
export const MAX_XER_CHARS = 256 * 1024 * 1024;

/**
 * Splits an XER export into tables. The format is line based and tab separated:
 * `ERMHDR` header, then per table `%T name`, one `%F` line of field names and `%R` rows,
 * and `%E` at the end. A value that starts with `"` is quoted (may hold tabs, `""` is a
 * quote), as P6 writes it. Windows and Unix line endings are accepted; rows shorter than the
 * field list (P6 drops trailing empty values) read the missing values as empty.
 */
export function parseXerTables(text: string, file: string): Map<string, XerTable> {
  if (text.length > MAX_XER_CHARS) fail('E_PARSE', file, undefined, `file is larger than ${MAX_XER_CHARS} characters`);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const tables = new Map<string, XerTable>();
  let table: XerTable | undefined;
  let fieldIndex: Map<string, number> | undefined;
  let ended = false;
  let sawHeader = false;
  let lineNo = 0;
  let pos = 0;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    let line = text.slice(pos, eol);
    pos = eol + 1;
    lineNo++;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() === '') continue;
    if (ended) fail('E_PARSE', file, { location: `line ${lineNo}`, line: lineNo }, 'text after the %E end record');
    const values = splitRecord(line);
    const tag = values[0];
    const at = { location: `line ${lineNo}`, line: lineNo };
    if (!sawHeader) {
      sawHeader = true;
      if (tag !== 'ERMHDR') fail('E_PARSE', file, at, `not a Primavera P6 XER file: expected the ERMHDR header line, found ${JSON.stringify(line.slice(0, 40))}`);
      continue;
    }
    switch (tag) {
      case '%T': {
        const name = (values[1] ?? '').trim();
        if (name === '') fail('E_PARSE', file, at, '%T record without a table name');
        if (tables.has(name)) fail('E_PARSE', file, at, `table ${name} appears twice (first at line ${(tables.get(name) as XerTable).line})`);
        table = { name, line: lineNo, fieldsLine: lineNo, fields: [], rows: [] };
        fieldIndex = undefined;
        tables.set(name, table);
        break;
      }
      case '%F': {
        if (!table) fail('E_PARSE', file, at, '%F field list before any %T table');
        if (fieldIndex) fail('E_PARSE', file, at, `table ${table.name} has a second %F field list`);
        table.fieldsLine = lineNo;
        table.fields = values.slice(1).map((f) => f.trim().toLowerCase());
        fieldIndex = new Map(table.fields.map((f, i) => [f, i + 1]));
        break;
      }
      case '%R': {
        if (!table) fail('E_PARSE', file, at, '%R row before any %T table');
        if (!fieldIndex) fail('E_PARSE', file, at, `table ${table.name}: %R row before the %F field list`);
        if (values.length - 1 > table.fields.length) {
          fail('E_PARSE', file, { location: `${table.name} row ${table.rows.length + 1}`, line: lineNo }, `${values.length - 1} values for ${table.fields.length} fields`);
        }
        table.rows.push(new Row(table.rows.length + 1, lineNo, values, fieldIndex));
        break;
      }
      case '%E':
        ended = true;
        break;
      default:
        fail('E_PARSE', file, at, `expected a %T, %F, %R or %E record, found ${JSON.stringify(tag.slice(0, 20))}`);
    }
  }
  if (!sawHeader) fail('E_PARSE', file, undefined, 'empty file: expected the ERMHDR header line');
  if (!ended) {
    const where = table ? `table ${table.name}` : 'the file';
    fail('E_PARSE', file, { location: `line ${lineNo}`, line: lineNo }, `${where} is cut short: the file ends without the %E end record`);
  }
  return tables;
}

/** A row as read: one shared method instead of a closure per row (20,000 rows for a big plan). */
class Row implements XerRow {
  constructor(
    readonly index: number,
    readonly line: number,
    private readonly values: string[],
    private readonly fieldIndex: Map<string, number>,
  ) {}

  get(field: string): string | undefined {
    const i = this.fieldIndex.get(field);
    if (i === undefined) return undefined;
    return this.values[i] ?? '';
  }
}

/** Splits one line at tabs, honouring P6's double-quoted values. */
function splitRecord(line: string): string[] {
  if (line.indexOf('"') < 0) return line.split('\t');
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) {
          value += line.slice(i);
          i = line.length;
          break;
        }
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    }
    const tab = line.indexOf('\t', i);
    const end = tab < 0 ? line.length : tab;
    value += line.slice(i, end);
    out.push(value);
    if (tab < 0) return out;
    i = tab + 1;
  }
}
