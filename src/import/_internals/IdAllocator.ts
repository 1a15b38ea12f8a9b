/** Names that would collide with Object built-ins if a later step keyed a plain object by id. */
const RESERVED = new Set<string>(Object.getOwnPropertyNames(Object.prototype));

/**
 * Hands out scenario ids made of `[A-Za-z0-9_-]`: a source identifier is kept when it
 * already fits, otherwise other characters become `-`; repeats get `-2`, `-3`, ...
 */
export class IdAllocator {
  private readonly taken = new Set<string>();

  constructor(private readonly fallback: string) {}

  /** A fresh id for `wanted` (sanitised, de-duplicated, never an Object built-in name). */
  allocate(wanted: string): string {
    let base = /^[A-Za-z0-9_-]+$/.test(wanted)
      ? wanted
      : wanted.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
    if (base === '') base = this.fallback;
    let id = base;
    for (let n = 2; this.taken.has(id) || RESERVED.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}
