import seedrandom from 'seedrandom';
import { Alea } from './_internals/Alea.js';

/** A source of uniform numbers in [0, 1). Anything that draws takes one as first argument. */
export type Rng = () => number;

/**
 * Derives the random stream for (seed, run index, purpose).
 *
 * Derivation: the stream is seedrandom's Alea generator (Baagøe 2010) seeded with the string
 * `coordsim:v1:<seed>:<run>:<purpose>`. Alea hashes that key with its Mash function into its
 * three-word state, so a stream depends on nothing but its key: not on which other streams
 * exist, in what order they were created, or how much was drawn from them. Changing this
 * string changes every result: bump `v1` only on purpose.
 */
export function stream(seed: number | string, run: number, purpose: string): Rng {
  return seedrandom.alea(streamKey(seed, run, purpose));
}

/** The key a stream is seeded with (exposed so reports can say how to replay a run). */
export function streamKey(seed: number | string, run: number, purpose: string): string {
  return `coordsim:v1:${seed}:${run}:${purpose}`;
}

/**
 * Hot-path form of `stream`: reseeds a reusable generator to (seed, run, purpose) and returns
 * its bound `Rng`, which draws exactly the numbers `stream(seed, run, purpose)` would. The
 * returned function is the generator's own: reseeding it again restarts it.
 * @internal used by the engine and the Monte Carlo samplers
 */
export function reseedStream(gen: Alea, seed: number | string, run: number, purpose: string): Rng {
  if (Number.isSafeInteger(run) && run >= 0) {
    // Same key, hashed straight from cached code units: no string is built per run.
    if (seed !== lastSeed) {
      lastSeed = seed;
      lastPrefix = codeUnits(`coordsim:v1:${seed}:`);
    }
    let suffix = suffixes.get(purpose);
    if (suffix === undefined) {
      suffix = codeUnits(`:${purpose}`);
      if (suffixes.size < 256) suffixes.set(purpose, suffix);
    }
    gen.seedRun(lastPrefix, run, suffix);
  } else gen.seed(streamKey(seed, run, purpose));
  return gen.rng;
}

// Code units of the last seed's key prefix and of each purpose's suffix (purposes are few and fixed).
let lastSeed: number | string | null = null;
let lastPrefix: Uint16Array = new Uint16Array(0);
const suffixes = new Map<string, Uint16Array>();

function codeUnits(s: string): Uint16Array {
  const a = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
  return a;
}

export { Alea };
