/** Significant digits of fitted parameters: enough that rounding moves ln L by far less than 0.01. */
export const DIGITS = 6;

/** `x` to `DIGITS` significant digits, to nearest. */
export function roundNearest(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(DIGITS));
}

/** The largest number of `DIGITS` significant digits that is <= x. */
export function roundDown(x: number): number {
  let r = roundNearest(x);
  while (r > x) r = roundNearest(r - digitStep(r));
  return r;
}

/** The smallest number of `DIGITS` significant digits that is >= x. */
export function roundUp(x: number): number {
  let r = roundNearest(x);
  while (r < x) r = roundNearest(r + digitStep(r));
  return r;
}

/** One unit in the last of `DIGITS` significant digits of r (r ≠ 0). */
function digitStep(r: number): number {
  const exponent = Number(r.toExponential(DIGITS - 1).split('e')[1]);
  return Number(`1e${exponent - (DIGITS - 1)}`);
}
