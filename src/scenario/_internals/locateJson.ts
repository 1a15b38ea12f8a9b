import type { Position } from './locate.js';
import type { Path } from './pointer.js';

/** Where each entry of one object or array starts: item offsets, or each key's first offsets. */
interface Container {
  /** Array: the offset of each item. */
  items?: number[];
  /** Object: key -> [offset of the key's opening quote, offset of its value] (the first such key). */
  keys?: Map<string, [number, number]>;
}

/**
 * A locator for a JSON text that `JSON.parse` accepted: maps a path to the line and column
 * where it is written, as `locate` does on the YAML library's tree of the same text (a path
 * ending in a key points at the key's opening quote, an array index at the item; a path that
 * leads nowhere falls back to its nearest ancestor; of a repeated key, the first). It reads
 * the text itself instead of building a tree: each object or array a path goes through is
 * scanned once, on first use, and remembered, so that locating many errors stays cheap.
 */
export function jsonLocator(text: string): (path: Path) => Position {
  const containers = new Map<number, Container | null>();
  let lineStarts: Int32Array | null = null;
  const position = (offset: number): Position => {
    lineStarts ??= newlineTable(text);
    // The last line that starts at or before `offset`.
    let lo = 0;
    let hi = lineStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lineStarts[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return { line: lo, column: offset - lineStarts[lo - 1] + 1 };
  };
  const container = (at: number): Container | null => {
    let c = containers.get(at);
    if (c === undefined) {
      c = scanContainer(text, at);
      containers.set(at, c);
    }
    return c;
  };
  return (path) => {
    let value = skipSpace(text, 0);
    let offset = value;
    for (const segment of path) {
      const c = container(value);
      if (c === null) break;
      if (c.keys) {
        const entry = c.keys.get(String(segment));
        if (!entry) break;
        [offset, value] = entry;
      } else {
        const item = c.items![Number(segment)];
        if (item === undefined) break;
        offset = value = item;
      }
    }
    return position(offset);
  };
}

/** Offsets where lines start: 0, then the one after each line feed. */
function newlineTable(text: string): Int32Array {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  const starts = new Int32Array(n);
  let k = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
  return starts;
}

/** The entries of the object or array opening at `at`; null for a scalar. */
function scanContainer(text: string, at: number): Container | null {
  const open = text.charCodeAt(at);
  if (open === 0x5b /* [ */) {
    const items: number[] = [];
    let i = skipSpace(text, at + 1);
    if (text.charCodeAt(i) === 0x5d /* ] */) return { items };
    for (;;) {
      items.push(i);
      i = skipSpace(text, skipValue(text, i));
      if (text.charCodeAt(i) !== 0x2c /* , */) return { items };
      i = skipSpace(text, i + 1);
    }
  }
  if (open === 0x7b /* { */) {
    const keys = new Map<string, [number, number]>();
    let i = skipSpace(text, at + 1);
    if (text.charCodeAt(i) === 0x7d /* } */) return { keys };
    for (;;) {
      const keyEnd = skipString(text, i);
      const key = JSON.parse(text.slice(i, keyEnd)) as string;
      const valueAt = skipSpace(text, skipSpace(text, keyEnd) + 1); // past the ':'
      if (!keys.has(key)) keys.set(key, [i, valueAt]);
      i = skipSpace(text, skipValue(text, valueAt));
      if (text.charCodeAt(i) !== 0x2c /* , */) return { keys };
      i = skipSpace(text, i + 1);
    }
  }
  return null;
}

function skipSpace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
    else return i;
  }
}

/** The offset just past the string whose opening quote is at `i`. */
function skipString(text: string, i: number): number {
  for (let j = i + 1; ; ) {
    const q = text.indexOf('"', j);
    if (q < 0) return text.length;
    // An odd number of backslashes before it escapes the quote.
    let b = q - 1;
    while (text.charCodeAt(b) === 0x5c /* \ */) b--;
    if ((q - 1 - b) % 2 === 0) return q + 1;
    j = q + 1;
  }
}

/** The offset just past the value starting at `i` (the text is valid JSON). */
function skipValue(text: string, i: number): number {
  const first = text.charCodeAt(i);
  if (first === 0x22 /* " */) return skipString(text, i);
  if (first !== 0x7b /* { */ && first !== 0x5b /* [ */) {
    // A number, true, false or null: up to the next delimiter.
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x2c || c === 0x7d || c === 0x5d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) break;
      i++;
    }
    return i;
  }
  let depth = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i = skipString(text, i);
      continue;
    }
    i++;
    if (c === 0x7b || c === 0x5b) depth++;
    else if ((c === 0x7d || c === 0x5d) && --depth === 0) return i;
  }
  return i;
}
