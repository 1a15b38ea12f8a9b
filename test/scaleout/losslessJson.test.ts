import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fromLosslessJson, toLosslessJson } from '../../src/scaleout/losslessJson.js';
import { canonicalJson, scenarioHash } from '../../src/scaleout/scenarioHash.js';

const roundTrip = (x: unknown, base64 = false) => fromLosslessJson(JSON.parse(JSON.stringify(toLosslessJson(x, { base64 }))));

describe('toLosslessJson / fromLosslessJson', () => {
  test('keeps NaN, ±Infinity and -0, which JSON alone turns into null and 0', () => {
    const back = roundTrip({ a: NaN, b: Infinity, c: -Infinity, d: -0, e: 0, f: [1.5, -0] }) as Record<string, unknown>;
    expect(back.a).toBeNaN();
    expect(back.b).toBe(Infinity);
    expect(back.c).toBe(-Infinity);
    expect(Object.is(back.d, -0)).toBe(true);
    expect(Object.is(back.e, 0)).toBe(true);
    expect(Object.is((back.f as number[])[1], -0)).toBe(true);
    expect(JSON.stringify(toLosslessJson({ d: -0 }))).toBe('{"d":{"$num":"-0"}}');
  });

  test('keeps typed arrays as typed arrays, as number lists or as little-endian base64', () => {
    const x = { f: Float64Array.from([0.1, NaN, -0, 1e308, 5e-324]), u: Uint32Array.from([0, 2 ** 32 - 1]) };
    for (const base64 of [false, true]) {
      const back = roundTrip(x, base64) as typeof x;
      expect(back.f).toBeInstanceOf(Float64Array);
      expect(back.u).toBeInstanceOf(Uint32Array);
      expect(Array.from(back.f)).toEqual(Array.from(x.f));
      expect(Object.is(back.f[2], -0)).toBe(true);
      expect(Array.from(back.u)).toEqual([0, 2 ** 32 - 1]);
    }
    // 0.1 as IEEE-754 little-endian bytes: 9a 99 99 99 99 99 b9 3f.
    expect(toLosslessJson(Float64Array.from([0.1]), { base64: true })).toEqual({ $typed: 'Float64Array', base64: Buffer.from('9a9999999999b93f', 'hex').toString('base64') });
  });

  test('user keys starting with $ never read back as tags', () => {
    const x = { $num: 'NaN', $typed: { values: [1] }, $$x: 1, plain: { $num: 'Infinity' } };
    expect(roundTrip(x)).toEqual(x);
    const proto = roundTrip(JSON.parse('{"__proto__": {"polluted": 1}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.keys(proto)).toEqual(['__proto__']);
  });

  test('refuses what is not plain data, and malformed tags, naming the path', () => {
    expect(() => toLosslessJson({ a: [new Map()] })).toThrow('/a/0 is a Map');
    expect(() => fromLosslessJson({ a: { $num: 'nan' } })).toThrow('/a');
    expect(() => fromLosslessJson({ a: { $typed: 'BigInt64Array', values: [] } })).toThrow('unknown typed array');
    expect(() => fromLosslessJson({ a: { $other: 1 } })).toThrow('unknown tag');
  });

  test('round-trips any JSON-like value with doubles and Float64Arrays deep-equal (property)', () => {
    const leaf = fc.oneof(fc.double(), fc.string(), fc.boolean(), fc.constant(null), fc.float64Array({ maxLength: 8 }));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', '$num', '$typed', '$$')), tie('node'), { maxKeys: 4, noNullPrototype: true })),
    })).node;
    fc.assert(
      fc.property(value, fc.boolean(), (x, base64) => {
        expect(roundTrip(x, base64)).toStrictEqual(x);
      }),
      { numRuns: 300 },
    );
  });
});

describe('canonicalJson / scenarioHash', () => {
  test('do not depend on key order, and tell apart any change of content', () => {
    expect(canonicalJson({ b: 1, a: [{ d: -0, c: 'x' }] })).toBe('{"a":[{"c":"x","d":{"$num":"-0"}}],"b":1}');
    const h = scenarioHash({ name: 'x', tasks: [{ id: 't', duration: 2 }] });
    expect(h).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(scenarioHash({ tasks: [{ duration: 2, id: 't' }], name: 'x' })).toBe(h);
    expect(scenarioHash({ name: 'x', tasks: [{ id: 't', duration: 2.000001 }] })).not.toBe(h);
  });
});
