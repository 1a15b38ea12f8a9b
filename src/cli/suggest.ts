/** Levenshtein distance (two-row dynamic programme). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/**
 * The known name nearest to `given` (case-insensitive edit distance at most a third of its
 * length, at least 1; prefixes count), or null: the "did you mean" of unknown names.
 */
export function closest(given: string, known: readonly string[]): string | null {
  const g = given.toLowerCase();
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const kl = k.toLowerCase();
    const d = kl.startsWith(g) && g.length >= 2 ? 0.5 : distance(g, kl);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return bestD <= Math.max(1, Math.floor(given.length / 3)) ? best : null;
}

/** ` (did you mean 'x'?)` or nothing. */
export function didYouMean(given: string, known: readonly string[]): string {
  const c = closest(given, known);
  return c === null ? '' : ` (did you mean '${c}'?)`;
}
