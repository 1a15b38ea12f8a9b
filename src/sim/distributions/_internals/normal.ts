import type { Rng } from '../../streams.js';

/**
 * A standard normal deviate by the ziggurat method of Marsaglia & Tsang, "The Ziggurat Method
 * for Generating Random Variables", J. Stat. Softw. 5(8), 2000 (RNOR, 128 layers): one
 * uniform turned into a signed 32-bit integer picks a layer (low 7 bits) and a point in it,
 * and about 98.8% of draws are accepted there, with no logarithm; the rest go to `zigFix`
 * (the wedges and the tail beyond r, as in the paper). Exact up to the 32-bit resolution of
 * the uniforms; no state lives anywhere but in `rng`.
 */
export function standardNormal(rng: Rng): number {
  const hz = (rng() * 4294967296) | 0; // a uniform as a signed 32-bit integer
  const iz = hz & 127;
  return Math.abs(hz) < KN[iz] ? hz * WN[iz] : zigFix(rng, hz, iz);
}

/** Tail start of the 128-layer ziggurat. */
const ZIG_R = 3.442619855899;
const KN = new Float64Array(128);
const WN = new Float64Array(128);
const FN = new Float64Array(128);
{
  // Table set-up of the paper (zigset): layer edges for equal areas v = 9.91256303526217e-3.
  const m1 = 2147483648; // 2^31
  let dn = ZIG_R;
  let tn = dn;
  const vn = 9.91256303526217e-3;
  const q = vn / Math.exp(-0.5 * dn * dn);
  KN[0] = (dn / q) * m1;
  KN[1] = 0;
  WN[0] = q / m1;
  WN[127] = dn / m1;
  FN[0] = 1;
  FN[127] = Math.exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(vn / dn + Math.exp(-0.5 * dn * dn)));
    KN[i + 1] = (dn / tn) * m1;
    tn = dn;
    FN[i] = Math.exp(-0.5 * dn * dn);
    WN[i] = dn / m1;
  }
}

/** The rare rest of `standardNormal` (the paper's nfix): the tail of layer 0 and the wedges. */
function zigFix(rng: Rng, hz: number, iz: number): number {
  for (;;) {
    const x = hz * WN[iz];
    if (iz === 0) {
      // Beyond r: Marsaglia's tail method (1964).
      let t: number;
      let y: number;
      do {
        t = -Math.log(1 - rng()) / ZIG_R;
        y = -Math.log(1 - rng());
      } while (y + y < t * t);
      return hz > 0 ? ZIG_R + t : -ZIG_R - t;
    }
    if (FN[iz] + rng() * (FN[iz - 1] - FN[iz]) < Math.exp(-0.5 * x * x)) return x;
    hz = (rng() * 4294967296) | 0;
    iz = hz & 127;
    if (Math.abs(hz) < KN[iz]) return hz * WN[iz];
  }
}

/** Density of the standard normal. */
export function normalPdf(x: number): number {
  return 0.3989422804014327 * Math.exp(-0.5 * x * x);
}

/**
 * Complementary error function, about 16 significant digits everywhere: W. J. Cody, "Rational
 * Chebyshev approximations for the error function", Math. Comp. 23 (1969), as in SPECFUN's
 * CALERF (three intervals split at 0.46875 and 4).
 */
export function erfc(x: number): number {
  const y = Math.abs(x);
  let r: number;
  if (y <= 0.46875) {
    const z = y * y;
    const num = (((1.85777706184603153e-1 * z + 3.16112374387056560) * z + 1.13864154151050156e2) * z +
      3.77485237685302021e2) * z + 3.20937758913846947e3;
    const den = (((z + 2.36012909523441209e1) * z + 2.44024637934444173e2) * z + 1.28261652607737228e3) * z +
      2.84423683343917062e3;
    return 1 - (x * num) / den;
  }
  if (y <= 4) {
    const num = (((((((2.15311535474403846e-8 * y + 5.64188496988670089e-1) * y + 8.88314979438837594) * y +
      6.61191906371416295e1) * y + 2.98635138197400131e2) * y + 8.81952221241769090e2) * y +
      1.71204761263407058e3) * y + 2.05107837782607147e3) * y + 1.23033935479799725e3;
    const den = (((((((y + 1.57449261107098347e1) * y + 1.17693950891312499e2) * y + 5.37181101862009858e2) * y +
      1.62138957456669019e3) * y + 3.29079923573345963e3) * y + 4.36261909014324716e3) * y +
      3.43936767414372164e3) * y + 1.23033935480374942e3;
    r = num / den;
  } else if (y >= 26.543) {
    r = 0;
  } else {
    const z = 1 / (y * y);
    const num = ((((1.63153871373020978e-2 * z + 3.05326634961232344e-1) * z + 3.60344899949804439e-1) * z +
      1.25781726111229246e-1) * z + 1.60837851487422766e-2) * z + 6.58749161529837803e-4;
    const den = ((((z + 2.56852019228982242) * z + 1.87295284992346047) * z + 5.27905102951428412e-1) * z +
      6.05183413124413191e-2) * z + 2.33520497626869185e-3;
    r = (0.5641895835477563 - (z * num) / den) / y; // 0.564… = 1/√π
  }
  if (r !== 0) {
    // exp(−y²) split as exp(−t²)·exp(−(y − t)(y + t)) with t = y rounded down to 1/16, so
    // that the rounding error of y² is not amplified (Cody's trick).
    const t = Math.floor(y * 16) / 16;
    r *= Math.exp(-t * t) * Math.exp(-(y - t) * (y + t));
  }
  return x < 0 ? 2 - r : r;
}

/** Standard normal CDF Φ(x) = erfc(−x/√2) / 2, accurate in relative terms in the lower tail. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x * Math.SQRT1_2);
}

/**
 * Inverse standard normal CDF Φ⁻¹(p), about 16 significant digits: Wichura, "Algorithm AS 241:
 * The percentage points of the normal distribution", Applied Statistics 37(3), 1988 (PPND16).
 * Returns -Infinity at p = 0 and Infinity at p = 1.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    return NaN;
  }
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2.5090809287301226727e3 * r + 3.3430575583588128105e4) * r + 6.7265770927008700853e4) * r +
          4.5921953931549871457e4) * r + 1.3731693765509461125e4) * r + 1.9715909503065514427e3) * r +
          1.3314166789178437745e2) * r + 3.387132872796366608)) /
      (((((((5.226495278852854561e3 * r + 2.8729085735721942674e4) * r + 3.930789580009271061e4) * r +
        2.1213794301586595867e4) * r + 5.3941960214247511077e3) * r + 6.871870074920579083e2) * r +
        4.2313330701600911252e1) * r + 1)
    );
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x =
      (((((((7.7454501427834140764e-4 * r + 2.27238449892691845833e-2) * r + 2.4178072517745061177e-1) * r +
        1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r +
        4.6303378461565452959) * r + 1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 1.5198666563616457197e-2) * r +
        1.4810397642748007459e-1) * r + 6.8976733498510000455e-1) * r + 1.6763848301838038494) * r +
        2.05319162663775882187) * r + 1);
  } else {
    r -= 5;
    x =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 1.2426609473880784386e-3) * r +
        2.6532189526576123093e-2) * r + 2.9656057182850489123e-1) * r + 1.784826539917291335800) * r +
        5.4637849111641143699) * r + 6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) * r + 1.4875361290850614852e-2) * r + 1.3692988092273580531e-1) * r +
        5.9983220655588793769e-1) * r + 1);
  }
  return q < 0 ? -x : x;
}
