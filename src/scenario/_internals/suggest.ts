/**
 * A hint after a misspelt name: " (did you mean 'x'?)" for the closest candidate within
 * edit distance 2, else " (expected one of: a, b)" when there are few; '' otherwise.
 */
export function suggest(word: string, candidates: Iterable<string>): string {
  const all = [...new Set(candidates)];
  const best = closest(word, all);
  if (best !== undefined) return ` (did you mean '${best}'?)`;
  return all.length > 0 && all.length <= 8 ? ` (expected one of: ${all.join(', ')})` : '';
}

/** Only the " (did you mean 'x'?)" part of `suggest`, for messages that list candidates already. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const best = closest(word, [...candidates]);
  return best !== undefined ? ` (did you mean '${best}'?)` : '';
}

function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance && d < word.length) [best, bestDistance] = [c, d];
  }
  return best;
}

/** Levenshtein distance (Wagner–Fischer, one row). */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}
