import { describe, expect, test } from 'vitest';
import { CompactHistogram } from '../../src/montecarlo/CompactHistogram.js';
import { binOrdinal, LogHistogram, ordinalBin, type LogHistogramState } from '../../src/montecarlo/LogHistogram.js';
import { packQuantiles, QuantileSummary, unpackQuantiles } from '../../src/montecarlo/QuantileSummary.js';
import { stream } from '../../src/sim/streams.js';

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** The double with high word `hi` and low word `lo`. */
function fromBits(hi: number, lo: number): number {
  U32[HI] = hi >>> 0;
  U32[1 - HI] = lo >>> 0;
  return F64[0];
}

/** The doubles one unit in the last place below and above x (finite x). */
function neighbours(x: number): number[] {
  F64[0] = x;
  const [hi, lo] = [U32[HI], U32[1 - HI]];
  const up = lo === 0xffffffff ? fromBits(hi + 1, 0) : fromBits(hi, lo + 1);
  const down = lo === 0 ? fromBits(hi - 1, 0xffffffff) : fromBits(hi, lo - 1);
  return [down, up];
}

/** Edge cases: zeros, subnormals, the ends of the range, infinities, NaNs of both signs, bin edges and their neighbours. */
function edgeValues(): number[] {
  const xs = [0, -0, 5e-324, -5e-324, 2 ** -1074 * 1023, 2 ** -1074 * 1024, 2 ** -1074 * 1025, 2 ** -1022, -(2 ** -1022), Number.MAX_VALUE, -Number.MAX_VALUE];
  xs.push(Infinity, -Infinity, NaN, fromBits(0xfff80000, 0), fromBits(0x7ff00000, 1), 1, -1, 0.1, 1 / 3, 1e300, -1e-300);
  const edges: number[] = [];
  for (const exp of [1, 2, 1000, 1022, 1023, 1024, 1030, 2046]) {
    for (const sub of [0, 1, 511, 1023]) edges.push(fromBits((exp << 20) | (sub << 10), 0));
  }
  for (const e of edges) {
    xs.push(e, -e);
    for (const n of neighbours(e)) xs.push(n, -n);
  }
  return xs;
}

/** Doubles with uniformly random bits (every magnitude, NaNs included). */
function randomBits(n: number, seed: number): number[] {
  const rng = stream(seed, 0, 'compact-histogram-test');
  return Array.from({ length: n }, () => fromBits(Math.floor(rng() * 2 ** 32), Math.floor(rng() * 2 ** 32)));
}

/** Values like one task's finish over runs: a narrow cluster, sometimes with zeros and far outliers. */
function clustered(n: number, seed: number, centre: number, spread: number, extras: number[]): number[] {
  const rng = stream(seed, 0, 'compact-histogram-cluster');
  const xs = Array.from({ length: n }, () => centre * (1 + spread * (rng() + rng() - 1)));
  extras.forEach((x, i) => xs.splice(Math.floor(rng() * xs.length), 0, x, x + i));
  return xs;
}

/** Asserts two histogram states equal: the same binades on each side, each page the same bytes (fast on thousands of pages). */
function expectSameState(a: LogHistogramState, b: LogHistogramState): void {
  for (const side of ['pos', 'neg'] as const) {
    expect(a[side].map(([e]) => e)).toEqual(b[side].map(([e]) => e));
    a[side].forEach(([e, page], k) => {
      const other = b[side][k][1];
      if (!Buffer.from(page.buffer, page.byteOffset, page.byteLength).equals(Buffer.from(other.buffer, other.byteOffset, other.byteLength))) {
        expect.fail(`${side} page ${e} differs`);
      }
    });
  }
}

const DATA: Array<[string, number[]]> = [
  ['edge cases', edgeValues()],
  ['random bit patterns', randomBits(1500, 1)],
  ['a narrow cluster', clustered(5000, 2, 300, 0.1, [])],
  ['a cluster with zeros and outliers beyond four binades', clustered(5000, 3, 40, 0.3, [0, -0, 0, 1.2, 900, 1e6, -3, 7e-310])],
  ['a wide spread (1.2 to 50 days)', clustered(5000, 4, 25, 0.95, [0])],
  ['negative values', clustered(3000, 5, -12, 0.2, [-0.001, 0])],
];

describe('CompactHistogram', () => {
  test.each(DATA)('bins() and toState() equal LogHistogram\'s for %s', (_, xs) => {
    const ref = new LogHistogram();
    const h = new CompactHistogram();
    for (const x of xs) {
      ref.add(x);
      h.add(x);
    }
    expect(h.bins().length).toBeGreaterThan(0);
    expect(h.bins()).toEqual(ref.bins());
    expectSameState(h.toState(), ref.toState());
    expect(CompactHistogram.fromState(ref.toState()).bins()).toEqual(ref.bins());
  });

  test.each(DATA)('merge(...) of parts in any order gives the whole, for %s', (_, xs) => {
    const whole = new LogHistogram();
    xs.forEach((x) => whole.add(x));
    const parts = [new CompactHistogram(), new CompactHistogram(), new CompactHistogram()];
    xs.forEach((x, i) => parts[(i * 7) % 3].add(x));
    parts[2].merge(parts[0]);
    parts[1].merge(parts[2]);
    expectSameState(parts[1].toState(), whole.toState());
  });

  test('binOrdinal(x) increases with x and ordinalBin gives the bin holding x', () => {
    const xs = [...edgeValues(), ...randomBits(20000, 6)].filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
    let last = -Infinity;
    for (const x of xs) {
      const o = binOrdinal(x);
      expect(o).toBeGreaterThanOrEqual(last);
      last = o;
      const b = ordinalBin(o, 1);
      if (x >= 0) expect(b.lo <= x && (x < b.hi || b.hi === Infinity || Number.isNaN(b.hi))).toBe(true);
      else expect((b.lo < x || x === -Infinity) && x <= b.hi).toBe(true);
    }
    expect(binOrdinal(-0)).toBe(0);
    expect(binOrdinal(1)).toBe(1023 << 10);
    expect(binOrdinal(-1)).toBe(~(1023 << 10));
  });
});

describe('QuantileSummary', () => {
  test.each(DATA)('addColumn(...) over a block of runs equals add(...) of each value, for %s', (_, xs) => {
    // Lay the values out as column 1 of a run-major block of 3 tasks, added in blocks of 37 runs.
    const T = 3;
    const block = new Float64Array(37 * T);
    const words = new Uint32Array(block.buffer);
    const one = new QuantileSummary();
    const cols = new QuantileSummary();
    for (let at = 0; at < xs.length; at += 37) {
      const runs = Math.min(37, xs.length - at);
      for (let r = 0; r < runs; r++) {
        block[r * T + 1] = xs[at + r];
        one.add(xs[at + r]);
      }
      cols.addColumn(block, words, 1, T, runs);
    }
    expect(cols.n).toBe(xs.length);
    expect(Object.is(cols.min, one.min) && Object.is(cols.max, one.max)).toBe(true);
    const ref = new LogHistogram();
    xs.forEach((x) => ref.add(x));
    expectSameState(cols.toState().histogram, ref.toState());
    expect(cols.percentiles()).toEqual(one.percentiles());
  });

  test('packQuantiles / unpackQuantiles keep every count, the zero bin and the bins outside the windows', () => {
    const qs = DATA.map(([, xs]) => {
      const q = new QuantileSummary();
      xs.forEach((x) => q.add(x));
      return q;
    });
    qs.push(new QuantileSummary()); // an empty one
    const back = unpackQuantiles(structuredClone(packQuantiles(qs)));
    back.forEach((q, k) => {
      expect([q.n, q.min, q.max]).toEqual([qs[k].n, qs[k].min, qs[k].max]);
      expectSameState(q.histogram.toState(), qs[k].histogram.toState());
    });
    expect(qs.some((q) => q.histogram.pages !== null)).toBe(true);
  });
});
