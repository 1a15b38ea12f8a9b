import type { Document, LineCounter, Node } from 'yaml';
import type { Path } from './pointer.js';
import { yamlLibrary } from './yamlLibrary.js';

/** A 1-based line and column in the source text. */
export interface Position {
  line: number;
  column: number;
}

/**
 * Finds where `path` is written in a parsed YAML (or JSON) document. A path ending in a
 * map key points at the key (the line a reader looks for: `duration:`), an array index at
 * the item. A path that leads nowhere (a missing key) falls back to its nearest ancestor.
 */
export function locate(doc: Document, lineCounter: LineCounter, path: Path): Position {
  const { isAlias, isMap, isSeq } = yamlLibrary();
  let node: unknown = doc.contents;
  let offset = startOf(node) ?? 0;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(segment));
      if (!pair) break;
      offset = startOf(pair.key) ?? offset;
      next = pair.value;
    } else if (isSeq(node)) {
      next = node.items[Number(segment)];
      if (next === undefined) break;
      offset = startOf(next) ?? offset;
    } else {
      break;
    }
    node = next;
  }
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function keyText(key: unknown): string | undefined {
  if (yamlLibrary().isScalar(key)) return String(key.value);
  return typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
}

function startOf(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}
