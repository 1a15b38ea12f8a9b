import { expect, test } from 'vitest';
import { Alea, reseedStream, stream } from '../../src/sim/streams.js';

test('reseedStream(gen, seed, run, purpose) draws exactly what stream(seed, run, purpose) draws, however often it is reseeded', () => {
  const gen = new Alea();
  for (const [seed, run, purpose] of [[1, 0, 'durations'], ['abc', 123456, 'gates'], [-7, 2 ** 40, 'lhs:t-1'], [0, 5, '']] as const) {
    const want = stream(seed, run, purpose);
    const got = reseedStream(gen, seed, run, purpose);
    for (let i = 0; i < 2000; i++) expect(got()).toBe(want());
  }
  // Reseeding restarts the stream.
  const a = reseedStream(gen, 3, 3, 'x');
  const first = [a(), a(), a()];
  reseedStream(gen, 9, 9, 'y')();
  const b = reseedStream(gen, 3, 3, 'x');
  expect([b(), b(), b()]).toEqual(first);
});

test('reseedStream(...) hashes the key without building it: same draws for every run index form and seed kind', () => {
  const gen = new Alea();
  const runs = [0, 1, 9, 10, 99, 100, 1234567, 2 ** 31, 2 ** 53 - 1, 1.5, -3];
  for (const seed of [1, 0.25, -2, 'é-ü', 'a:b', 1e21]) {
    for (const run of runs) {
      for (const purpose of ['durations', 'coordination', 'ü:x']) {
        const want = stream(seed, run, purpose);
        const got = reseedStream(gen, seed, run, purpose);
        for (let i = 0; i < 5; i++) expect(got(), `${seed} ${run} ${purpose}`).toBe(want());
      }
    }
  }
  // Alea.seedRun(prefix, run, suffix) is seed(prefix + run + suffix).
  const codes = (s: string) => Uint16Array.from(Array.from({ length: s.length }, (_, i) => s.charCodeAt(i)));
  const a = new Alea().seedRun(codes('p\u{1F600}:'), 4711, codes(':q'));
  const b = new Alea(`p\u{1F600}:4711:q`);
  for (let i = 0; i < 100; i++) expect(a.next()).toBe(b.next());
});
