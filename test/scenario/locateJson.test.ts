import fc from 'fast-check';
import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, test } from 'vitest';
import { jsonLocator } from '../../src/scenario/_internals/locateJson.js';
import { locate } from '../../src/scenario/_internals/locate.js';
import type { Path } from '../../src/scenario/_internals/pointer.js';

/** Where the YAML library's tree of the same text puts `path` (the locator JSON used before). */
function viaYaml(text: string): (path: Path) => { line: number; column: number } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  return (p) => locate(doc, lc, p);
}

/** Every path in `value`, plus a missing key or index under each container. */
function pathsOf(value: unknown, prefix: Array<string | number> = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) {
    value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
    out.push([...prefix, value.length], [...prefix, String(value.length > 0 ? 0 : 1)]);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
    out.push([...prefix, 'no-such-key', 'deeper']);
  } else {
    out.push([...prefix, 'below-a-scalar']);
  }
  return out;
}

describe('jsonLocator', () => {
  test('jsonLocator puts every path where the YAML tree of the same JSON text does', () => {
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a', 'b', 'id', 'a"b', 'x\\', 'é', '\u2028', '/~'));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('arr'), tie('obj')),
      leaf: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.string({ maxLength: 8 }), fc.constant('quote " and \\ back\\')),
      arr: fc.array(tie('tree'), { maxLength: 4 }),
      obj: fc.dictionary(key, tie('tree'), { maxKeys: 4 }),
    }));
    const indent = fc.constantFrom(0, 1, 2, '\t', ' \r\n'.slice(0, 1));
    fc.assert(
      fc.property(fc.dictionary(key, tree, { maxKeys: 5 }), indent, fc.boolean(), (doc, ind, crlf) => {
        let text = JSON.stringify(doc, null, ind as number | string);
        if (crlf) text = text.replace(/\n/g, '\r\n');
        text = '\n ' + text + '\n';
        const ours = jsonLocator(text);
        const theirs = viaYaml(text);
        for (const p of pathsOf(doc)) expect(ours(p), JSON.stringify(p)).toEqual(theirs(p));
      }),
      { numRuns: 300, seed: 14 },
    );
  });

  test('jsonLocator finds the first of two equal keys, like the tree', () => {
    const text = '{\n  "a": 1,\n  "b": {"c": 2},\n  "a": [3, 4]\n}';
    expect(jsonLocator(text)(['a'])).toEqual({ line: 2, column: 3 });
    expect(jsonLocator(text)(['a', 1])).toEqual(viaYaml(text)(['a', 1]));
    expect(jsonLocator(text)(['b', 'c'])).toEqual({ line: 3, column: 9 });
  });

  test('jsonLocator locates an item deep in a large array (line of the key, its column)', () => {
    const tasks = Array.from({ length: 50_000 }, (_, i) => ({ id: `t${i}`, duration: i % 7 }));
    const text = JSON.stringify({ name: 'big', tasks }, null, 2);
    const at = jsonLocator(text);
    // `{`, `"name"`, `"tasks": [`, then 4 lines a task: `{`, id, duration, `}`.
    expect(at(['tasks', 40_000, 'duration'])).toEqual({ line: 4 + 40_000 * 4 + 2, column: 7 });
    expect(at(['tasks', 49_999])).toEqual({ line: 4 + 49_999 * 4, column: 5 });
    // No such task: the nearest ancestor, the key `tasks`.
    expect(at(['tasks', 50_000])).toEqual({ line: 3, column: 3 });
  });
});
