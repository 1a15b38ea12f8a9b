/**
 * Baagøe's Alea generator (2010), exactly as seedrandom's `alea.js` computes it, in a form
 * that can be reseeded: hot loops (one stream per run and purpose, millions of runs) reuse
 * one object instead of building a closure and a Mash per stream. For any key, `seed(key)`
 * followed by `next()` gives the same numbers as `seedrandom.alea(key)()` (pinned by a test).
 */
export class Alea {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private c = 1;
  /** Mash state while seeding. */
  private n = 0;
  /** Decimal digits of a run index while seeding (`seedRun`). */
  private readonly digits = new Uint16Array(24);
  /** A bound `next`, for APIs that take an `Rng` function (allocated once per object). */
  readonly rng: () => number = () => this.next();

  constructor(key?: string) {
    if (key !== undefined) this.seed(key);
  }

  /** Reseeds from a key string (seedrandom's Alea seeding: Mash three times). */
  seed(key: string): this {
    const codes = new Uint16Array(key.length);
    for (let i = 0; i < key.length; i++) codes[i] = key.charCodeAt(i);
    return this.seedCodes(codes, 0, NO_CODES);
  }

  /**
   * Reseeds from the key `prefix + run + suffix` (run a non-negative safe integer, written in
   * decimal), as `seed` would, without building the string: the hot path of per-run streams.
   * `prefix` and `suffix` are the keys' UTF-16 code units.
   */
  seedRun(prefix: Uint16Array, run: number, suffix: Uint16Array): this {
    const digits = this.digits;
    let nd = 0;
    let x = run;
    do {
      const q = Math.floor(x / 10);
      digits[nd++] = 48 + (x - 10 * q); // '0' + last digit
      x = q;
    } while (x > 0);
    return this.seedCodes(prefix, nd, suffix);
  }

  /** Seeding from the key prefix, the `nd` digits in `digits`, suffix: after three Mashed spaces, the key three times. */
  private seedCodes(prefix: Uint16Array, nd: number, suffix: Uint16Array): this {
    this.n = SPACES_N;
    let s0 = SPACES_S0;
    let s1 = SPACES_S1;
    let s2 = SPACES_S2;
    s0 -= this.mashRun(prefix, nd, suffix);
    if (s0 < 0) s0 += 1;
    s1 -= this.mashRun(prefix, nd, suffix);
    if (s1 < 0) s1 += 1;
    s2 -= this.mashRun(prefix, nd, suffix);
    if (s2 < 0) s2 += 1;
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.c = 1;
    return this;
  }

  /** The next uniform number in [0, 1). */
  next(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    return (this.s2 = t - this.c);
  }

  /**
   * Baagøe's Mash hash of prefix, the `nd` digits in `digits` (last digit first) and suffix,
   * continuing from the current state; returns the hash as a fraction of 2^32.
   */
  private mashRun(prefix: Uint16Array, nd: number, suffix: Uint16Array): number {
    let n = this.n;
    for (let i = 0; i < prefix.length; i++) n = mashStep(n, prefix[i]);
    for (let i = nd - 1; i >= 0; i--) n = mashStep(n, this.digits[i]);
    for (let i = 0; i < suffix.length; i++) n = mashStep(n, suffix[i]);
    this.n = n;
    return (n >>> 0) * 2.3283064365386963e-10; // 2^-32
  }
}

/** One character of Baagøe's Mash (`Math.floor` for `>>> 0`: the operands lie in [0, 2^32)). */
function mashStep(n: number, code: number): number {
  n += code;
  let h = 0.02519603282416938 * n;
  let f = Math.floor(h);
  h -= f;
  h *= f;
  f = Math.floor(h);
  h -= f;
  return f + h * 0x100000000; // 2^32
}

// Every key is hashed after three spaces: that part of the state is the same for all keys.
const NO_CODES = new Uint16Array(0);
const [SPACES_N, SPACES_S0, SPACES_S1, SPACES_S2] = spaces();

function spaces(): [number, number, number, number] {
  // Mash's initial state, then three spaces: what seedrandom's Alea hashes before the key.
  let n = 0xefc8249d;
  const m = (): number => {
    n = mashStep(n, 32);
    return (n >>> 0) * 2.3283064365386963e-10;
  };
  const s0 = m();
  const s1 = m();
  const s2 = m();
  return [n, s0, s1, s2];
}
