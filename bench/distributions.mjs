// Distribution benchmark: draws per second of `sample(rng)` for each family (1,000,000 draws,
// best of 3 after a warm-up), the stream's own cost included, and of the bare stream alone.
import { distribution } from '../dist/sim/distributions/index.js';
import { stream } from '../dist/sim/streams.js';

const DRAWS = 1_000_000;

const FAMILIES = {
  constant: 5,
  uniform: { uniform: [2, 10] },
  triangular: { triangular: [1, 3, 9] },
  pert: { pert: [3, 5, 8] },
  lognormal: { lognormal: { median: 5, p90: 8 } },
  normal: { normal: { mean: 5, sd: 2 } },
  discrete: { discrete: [[1, 1], [2, 3], [3, 2], [5, 1], [8, 1]] },
};

let sink = 0; // consumed below so that the loops cannot be optimised away

function timeDraws(draw, rng) {
  const t0 = performance.now();
  let s = 0;
  for (let i = 0; i < DRAWS; i++) s += draw(rng);
  const seconds = (performance.now() - t0) / 1000;
  sink += s;
  return DRAWS / seconds;
}

function best(draw, purpose) {
  const rng = stream(1, 0, purpose);
  timeDraws(draw, rng);
  return Math.round(Math.max(timeDraws(draw, rng), timeDraws(draw, rng), timeDraws(draw, rng)));
}

/** Runs the benchmark and returns draws per second by family. */
export async function run() {
  const drawsPerSecond = { rng: best((rng) => rng(), 'rng') };
  for (const [name, spec] of Object.entries(FAMILIES)) {
    const d = distribution(spec);
    drawsPerSecond[name] = best((rng) => d.sample(rng), name);
  }
  if (!Number.isFinite(sink)) throw new Error('non-finite draws');
  return { draws: DRAWS, drawsPerSecond };
}
