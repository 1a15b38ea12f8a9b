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
  /** A bound `next`, for APIs that take an `Rng` function (allocated once per object). */
  readonly rng: () => number = () => this.next();

  constructor(key?: string) {
    if (key !== undefined) this.seed(key);
  }

  /** Reseeds from a key string (seedrandom's Alea seeding: Mash three times). */
  seed(key: string): this {
    this.n = 0xefc8249d;
    let s0 = this.mash(' ');
    let s1 = this.mash(' ');
    let s2 = this.mash(' ');
    s0 -= this.mash(key);
    if (s0 < 0) s0 += 1;
    s1 -= this.mash(key);
    if (s1 < 0) s1 += 1;
    s2 -= this.mash(key);
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
   * Baagøe's Mash hash, continuing from the current state. `Math.floor` replaces `>>> 0`
   * where the operand is known to lie in [0, 2^32): same value, cheaper on doubles.
   */
  private mash(data: string): number {
    let n = this.n;
    for (let i = 0; i < data.length; i++) {
      n += data.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      let f = Math.floor(h);
      h -= f;
      h *= f;
      f = Math.floor(h);
      h -= f;
      n = f + h * 0x100000000; // 2^32
    }
    this.n = n;
    return (n >>> 0) * 2.3283064365386963e-10; // 2^-32
  }
}
