import { CoordsimError } from '../../scenario/CoordsimError.js';

/** An attribute value we read: OTLP's stringValue, intValue, doubleValue or boolValue. */
export type OtlpValue = string | number | boolean;

/** One span of an OTLP/JSON trace file, checked and with its location in the file. */
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  /** '' for a root span (OTLP writes an absent or empty parentSpanId). */
  parentSpanId: string;
  name: string;
  /** Unix nanoseconds (exact: int64 in OTLP, so a BigInt here). */
  start: bigint;
  end: bigint;
  /** Attributes by key (a null-prototype-free Map); arrays, maps and bytes are not kept. */
  attributes: Map<string, OtlpValue>;
  /** Index in the span's `attributes` array of each key read (the last one when a key is repeated). */
  attributeIndex: Map<string, number>;
  /** Where the span is in its document, e.g. `resourceSpans[0].scopeSpans[1].spans[4]`. */
  path: string;
  /** 1-based line of the document in a JSON Lines file, else undefined. */
  line?: number;
}

const UINT = /^\d+$/;
const INT = /^-?\d+$/;

/**
 * Reads an OTLP/JSON traces file (OpenTelemetry's `TracesData` encoding: `resourceSpans[]` →
 * `scopeSpans[]` → `spans[]`), or a JSON Lines file of such documents, one per line (what the
 * Collector's file exporter writes). Every problem is a CoordsimError 'E_PARSE' naming `file`,
 * the JSON path (e.g. `resourceSpans[0].scopeSpans[1].spans[4].endTimeUnixNano`) and what was
 * expected: not JSON, not OTLP, a missing or empty id, a bad timestamp, an end before the start,
 * a span id given twice in a trace.
 */
export function readOtlpTraces(text: string, file: string): OtlpSpan[] {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new CoordsimError('E_PARSE', 'empty file: expected OTLP/JSON traces (an object with a resourceSpans array)', { file });
  const docs: Array<{ value: unknown; line?: number }> = [];
  try {
    docs.push({ value: JSON.parse(body) });
  } catch (whole) {
    const lines = body.split(/\r?\n/);
    // JSON Lines only when the first non-blank line is a document by itself.
    const first = lines.findIndex((l) => l.trim() !== '');
    if (!isJson(lines[first])) throw new CoordsimError('E_PARSE', `not JSON: ${(whole as Error).message}`, { file });
    lines.forEach((l, i) => {
      if (l.trim() === '') return;
      try {
        docs.push({ value: JSON.parse(l), line: i + 1 });
      } catch (e) {
        throw new CoordsimError('E_PARSE', `not JSON (JSON Lines, one document per line): ${(e as Error).message}`, { file, line: i + 1 });
      }
    });
  }
  const spans: OtlpSpan[] = [];
  for (const doc of docs) readDocument(doc.value, file, doc.line, spans);
  checkUniqueIds(spans, file);
  return spans;
}

function isJson(s: string | undefined): boolean {
  if (s === undefined) return false;
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

function readDocument(doc: unknown, file: string, line: number | undefined, out: OtlpSpan[]): void {
  const fail = (path: string, message: string): never => {
    throw new CoordsimError('E_PARSE', message, line === undefined ? { file, path } : { file, line, path });
  };
  if (!isObject(doc) || !('resourceSpans' in (doc as object))) {
    fail('', `not OTLP traces: expected an object with a resourceSpans array (OTLP/JSON TracesData), found ${describe(doc)}`);
  }
  const rs = (doc as Record<string, unknown>).resourceSpans;
  if (!Array.isArray(rs)) fail('resourceSpans', `not OTLP traces: expected resourceSpans to be an array, found ${describe(rs)}`);
  (rs as unknown[]).forEach((r, i) => {
    const rPath = `resourceSpans[${i}]`;
    if (!isObject(r)) fail(rPath, `expected a ResourceSpans object, found ${describe(r)}`);
    const ss = (r as Record<string, unknown>).scopeSpans;
    if (ss === undefined) return;
    if (!Array.isArray(ss)) fail(`${rPath}.scopeSpans`, `expected an array of ScopeSpans, found ${describe(ss)}`);
    (ss as unknown[]).forEach((s, j) => {
      const sPath = `${rPath}.scopeSpans[${j}]`;
      if (!isObject(s)) fail(sPath, `expected a ScopeSpans object, found ${describe(s)}`);
      const list = (s as Record<string, unknown>).spans;
      if (list === undefined) return;
      if (!Array.isArray(list)) fail(`${sPath}.spans`, `expected an array of spans, found ${describe(list)}`);
      (list as unknown[]).forEach((span, k) => out.push(readSpan(span, `${sPath}.spans[${k}]`, line, fail)));
    });
  });
}

function readSpan(span: unknown, path: string, line: number | undefined, fail: (path: string, message: string) => never): OtlpSpan {
  if (!isObject(span)) fail(path, `expected a span object, found ${describe(span)}`);
  const o = span as Record<string, unknown>;
  const id = (key: string): string => {
    const v = o[key];
    if (v === undefined) fail(`${path}.${key}`, `missing ${key}: expected a non-empty hex string`);
    if (typeof v !== 'string' || v === '') fail(`${path}.${key}`, `expected ${key} to be a non-empty hex string, found ${describe(v)}`);
    return v as string;
  };
  const traceId = id('traceId');
  const spanId = id('spanId');
  const parent = o.parentSpanId;
  if (parent !== undefined && typeof parent !== 'string') fail(`${path}.parentSpanId`, `expected parentSpanId to be a hex string (or absent for a root span), found ${describe(parent)}`);
  const name = o.name === undefined ? '' : o.name;
  if (typeof name !== 'string') fail(`${path}.name`, `expected name to be a string, found ${describe(name)}`);
  const time = (key: string): bigint => {
    const v = o[key];
    if (v === undefined) fail(`${path}.${key}`, `missing ${key}: expected Unix nanoseconds (a string of digits)`);
    if (typeof v === 'string' && UINT.test(v)) return BigInt(v);
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return BigInt(v);
    return fail(`${path}.${key}`, `expected ${key} to be Unix nanoseconds (a string of digits), found ${describe(v)}`);
  };
  const start = time('startTimeUnixNano');
  const end = time('endTimeUnixNano');
  if (end < start) fail(`${path}.endTimeUnixNano`, `end before start: expected endTimeUnixNano >= startTimeUnixNano ${start}, found ${end}`);
  const attributeIndex = new Map<string, number>();
  const attributes = readAttributes(o.attributes, `${path}.attributes`, fail, attributeIndex);
  return { traceId, spanId, parentSpanId: (parent as string | undefined) ?? '', name: name as string, start, end, attributes, attributeIndex, path, line };
}

function readAttributes(list: unknown, path: string, fail: (path: string, message: string) => never, index: Map<string, number>): Map<string, OtlpValue> {
  const out = new Map<string, OtlpValue>();
  if (list === undefined) return out;
  if (!Array.isArray(list)) fail(path, `expected attributes to be an array of {key, value}, found ${describe(list)}`);
  (list as unknown[]).forEach((a, i) => {
    const p = `${path}[${i}]`;
    if (!isObject(a) || typeof (a as Record<string, unknown>).key !== 'string') fail(p, `expected an attribute {key, value}, found ${describe(a)}`);
    const { key, value } = a as { key: string; value: unknown };
    if (value === undefined) return;
    if (!isObject(value)) fail(`${p}.value`, `expected an AnyValue object ({stringValue} or {intValue} ...), found ${describe(value)}`);
    const v = value as Record<string, unknown>;
    index.set(key, i);
    if ('stringValue' in v) {
      if (typeof v.stringValue !== 'string') fail(`${p}.value.stringValue`, `expected a string, found ${describe(v.stringValue)}`);
      out.set(key, v.stringValue as string);
    } else if ('intValue' in v) {
      const x = v.intValue;
      if (typeof x === 'string' && INT.test(x) && Number.isSafeInteger(Number(x))) out.set(key, Number(x));
      else if (typeof x === 'number' && Number.isSafeInteger(x)) out.set(key, x);
      else fail(`${p}.value.intValue`, `expected an integer (a string of digits), found ${describe(x)}`);
    } else if ('doubleValue' in v) {
      if (typeof v.doubleValue !== 'number') fail(`${p}.value.doubleValue`, `expected a number, found ${describe(v.doubleValue)}`);
      out.set(key, v.doubleValue as number);
    } else if ('boolValue' in v) {
      if (typeof v.boolValue !== 'boolean') fail(`${p}.value.boolValue`, `expected true or false, found ${describe(v.boolValue)}`);
      out.set(key, v.boolValue as boolean);
    }
    // arrayValue, kvlistValue and bytesValue carry nothing we read.
  });
  return out;
}

function checkUniqueIds(spans: readonly OtlpSpan[], file: string): void {
  const seen = new Map<string, OtlpSpan>();
  for (const s of spans) {
    const key = `${s.traceId}\u0000${s.spanId}`;
    const before = seen.get(key);
    if (before) {
      throw new CoordsimError('E_PARSE', `duplicate spanId ${JSON.stringify(s.spanId)} in trace ${JSON.stringify(s.traceId)}: expected each span id once per trace (first at ${before.path})`, locate(s, file, 'spanId'));
    }
    seen.set(key, s);
  }
}

/** The error context of a span's field. */
export function locate(span: OtlpSpan, file: string, field?: string): { file: string; path: string; line?: number } {
  const path = span.path + (field === undefined ? '' : `.${field}`);
  return span.line === undefined ? { file, path } : { file, line: span.line, path };
}

function isObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v} ${String(v)}`;
}
