/** Exact neighbours of doubles (IEEE 754 bit steps), without allocating. */

const F = new Float64Array(1);
const W = new Uint32Array(F.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = LITTLE ? 0 : 1;
const HI = LITTLE ? 1 : 0;

/** The next double after finite x toward +Infinity (`up`) or -Infinity. */
export function nextDouble(x: number, up: boolean): number {
  if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
  F[0] = x;
  if (x > 0 === up) {
    if (W[LO] === 0xffffffff) {
      W[LO] = 0;
      W[HI]++;
    } else W[LO]++;
  } else if (W[LO] === 0) {
    W[LO] = 0xffffffff;
    W[HI]--;
  } else W[LO]--;
  return F[0];
}

/**
 * The smallest double r with r × u >= x (u > 0): the elapsed time of a boundary x that is
 * surely at or after it once multiplied back, so that `isWorking(nextWorking(t))` holds.
 */
export function ceilQuotient(x: number, u: number): number {
  let r = x / u;
  if (u === 1) return r;
  while (r * u < x) r = nextDouble(r, true);
  for (let d = nextDouble(r, false); d * u >= x; d = nextDouble(r, false)) r = d;
  return r;
}
