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
