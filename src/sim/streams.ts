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
  gen.seed(streamKey(seed, run, purpose));
  return gen.rng;
}

export { Alea };
