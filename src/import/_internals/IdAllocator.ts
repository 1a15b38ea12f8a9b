/**
 * Gives each imported object a scenario id: the source identifier itself when it is made of
 * letters, digits, `_` and `-`, else a sanitised form; always unique within one allocator, and
 * never the name of an `Object.prototype` member (`__proto__`, `constructor`, ...), so that ids
 * stay safe as keys of plain objects such as `progress`.
 */
export class IdAllocator {
  private readonly taken = new Set<string>();

  /** `fallback`: the id base when nothing usable is left after sanitising. */
  constructor(private readonly fallback = 'id') {}

  /** The id for `source`; repeats get `-2`, `-3`, ... */
  allocate(source: string, fallback = this.fallback): string {
    const base = sanitizeId(source) || fallback;
    let id = base;
    for (let n = 2; this.taken.has(id) || isBuiltinName(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}

/** Replaces every run of characters outside `[A-Za-z0-9_-]` by one `-` and trims `-` at the ends. */
export function sanitizeId(source: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(source)) return source;
  return source.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
}

function isBuiltinName(id: string): boolean {
  return id in Object.prototype;
}
