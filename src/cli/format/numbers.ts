/** A percentage with one decimal; rounding noise around 0 prints as 0.0%, not -0.0%. */
export const pct = (x: number) => `${(100 * x).toFixed(1).replace(/^-(0\.0)$/, '$1')}%`;

/** A number with two decimals. */
export const num = (x: number) => x.toFixed(2);
