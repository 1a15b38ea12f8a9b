/** A percentage with one decimal; rounding noise around 0 prints as 0.0%, not -0.0%. */
export const pct = (x: number) => `${(100 * x).toFixed(1).replace(/^-(0\.0)$/, '$1')}%`;

/** A number with two decimals. */
export const num = (x: number) => x.toFixed(2);

/** A number rounded to two decimals, without trailing zeros: 3 → "3", 2.5 → "2.5". */
export const round2 = (x: number) => (Math.round(x * 100) / 100).toString();
