/**
 * A lossless JSON form of plain data holding doubles and typed arrays (Monte Carlo summary
 * states, scenarios): JSON alone loses NaN, ±Infinity, −0 and the type of a Float64Array.
 *
 * - A finite number other than −0 is itself (JSON's shortest round-trip form is exact).
 * - NaN, Infinity, −Infinity and −0 are `{"$num": "NaN" | "Infinity" | "-Infinity" | "-0"}`.
 * - A typed array is `{"$typed": "Float64Array", "values": [...]}` (numbers as above), or with
 *   `base64: true` `{"$typed": "Float64Array", "base64": "..."}`: its bytes, little-endian.
 * - An object key starting with `$` is written with one more `$` in front, so user data
 *   (a strategy named `$num`) never reads back as a tag.
 *
 * `fromLosslessJson(toLosslessJson(x))` is deep-equal to x, typed arrays included.
 */
export interface LosslessJsonOptions {
  /** Typed arrays as base64 bytes (compact, for the wire) instead of arrays of numbers (default false). */
  base64?: boolean;
}

const TYPED = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
} as const;
type TypedName = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedName]>;

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Encodes `value` as JSON-safe data (see the module comment). */
export function toLosslessJson(value: unknown, options: LosslessJsonOptions = {}): unknown {
  const base64 = options.base64 === true;
  const enc = (v: unknown, at: string): unknown => {
    if (typeof v === 'number') return encodeNumber(v);
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (ArrayBuffer.isView(v)) return encodeTyped(v as Typed, base64, at);
    if (Array.isArray(v)) return v.map((x, i) => enc(x, `${at}/${i}`));
    if (typeof v === 'object') {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) throw new TypeError(`toLosslessJson: ${at || '/'} is a ${proto?.constructor?.name ?? 'non-plain object'}, not plain data`);
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (x === undefined) continue;
        setOwn(out, k.startsWith('$') ? `$${k}` : k, enc(x, `${at}/${k}`));
      }
      return out;
    }
    throw new TypeError(`toLosslessJson: ${at || '/'} is a ${typeof v}, not plain data`);
  };
  return enc(value, '');
}

/** Decodes what `toLosslessJson` made; throws a TypeError naming the path of a malformed tag. */
export function fromLosslessJson(value: unknown): unknown {
  const dec = (v: unknown, at: string): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((x, i) => dec(x, `${at}/${i}`));
    const o = v as Record<string, unknown>;
    if ('$num' in o) return decodeNumber(o, at);
    if ('$typed' in o) return decodeTyped(o, at);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) {
      if (k.startsWith('$') && !k.startsWith('$$')) throw new TypeError(`${at}/${k}: unknown tag ${JSON.stringify(k)}`);
      setOwn(out, k.startsWith('$') ? k.slice(1) : k, dec(x, `${at}/${k}`));
    }
    return out;
  };
  return dec(value, '');
}

/** `o[k] = v` as an own property, also for the key `__proto__` (which plain assignment would take as the prototype). */
function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

function encodeNumber(x: number): unknown {
  if (Number.isFinite(x) && !Object.is(x, -0)) return x;
  return { $num: Object.is(x, -0) ? '-0' : String(x) };
}

const SPECIAL: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 };

function decodeNumber(o: Record<string, unknown>, at: string): number {
  const s = o.$num;
  if (Object.keys(o).length !== 1 || typeof s !== 'string' || !Object.hasOwn(SPECIAL, s)) {
    throw new TypeError(`${at || '/'}: expected {"$num": "NaN" | "Infinity" | "-Infinity" | "-0"}, got ${JSON.stringify(o)}`);
  }
  return SPECIAL[s];
}

function encodeTyped(a: Typed, base64: boolean, at: string): unknown {
  const name = a.constructor.name as TypedName;
  if (!Object.hasOwn(TYPED, name)) throw new TypeError(`toLosslessJson: ${at || '/'} is a ${a.constructor.name}, which has no lossless form here`);
  if (!base64) return { $typed: name, values: Array.from(a as ArrayLike<number>, encodeNumber) };
  return { $typed: name, base64: bytesLE(a).toString('base64') };
}

function decodeTyped(o: Record<string, unknown>, at: string): Typed {
  const name = o.$typed;
  const bad = (what: string) => new TypeError(`${at || '/'}: ${what}`);
  if (typeof name !== 'string' || !Object.hasOwn(TYPED, name)) throw bad(`unknown typed array ${JSON.stringify(name)}`);
  const Ctor = TYPED[name as TypedName];
  if (typeof o.base64 === 'string' && Object.keys(o).length === 2) {
    const bytes = Buffer.from(o.base64, 'base64');
    if (bytes.length % Ctor.BYTES_PER_ELEMENT !== 0) throw bad(`${bytes.length} bytes do not make whole ${name} elements`);
    const copy = new Uint8Array(bytes); // aligned, own buffer
    if (!LITTLE_ENDIAN) swapBytes(copy, Ctor.BYTES_PER_ELEMENT);
    return new (Ctor as unknown as new (b: ArrayBuffer, at: number, n: number) => Typed)(copy.buffer, 0, copy.length / Ctor.BYTES_PER_ELEMENT);
  }
  if (Array.isArray(o.values) && Object.keys(o).length === 2) {
    const values = o.values.map((x: unknown, i: number) => {
      if (typeof x === 'number') return x;
      if (x !== null && typeof x === 'object') return decodeNumber(x as Record<string, unknown>, `${at}/values/${i}`);
      throw bad(`values/${i}: expected a number, got ${JSON.stringify(x)}`);
    });
    return new (Ctor as unknown as new (values: number[]) => Typed)(values);
  }
  throw bad(`expected {"$typed", "values"} or {"$typed", "base64"}, got the keys ${Object.keys(o).join(', ')}`);
}

function bytesLE(a: Typed): Buffer {
  const bytes = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  if (LITTLE_ENDIAN || a.BYTES_PER_ELEMENT === 1) return bytes;
  const copy = Buffer.from(bytes);
  swapBytes(copy, a.BYTES_PER_ELEMENT);
  return copy;
}

function swapBytes(b: Uint8Array, size: number): void {
  for (let i = 0; i < b.length; i += size) b.subarray(i, i + size).reverse();
}
