/** A location inside a document: object keys and array indices, outermost first. */
export type Path = ReadonlyArray<string | number>;

/** Formats a path as a JSON Pointer (RFC 6901), e.g. `/tasks/3/duration`; the root is ``. */
export function toPointer(path: Path): string {
  return path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Parses a JSON Pointer (as Ajv's `instancePath`) back into segments; indices stay strings. */
export function fromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
