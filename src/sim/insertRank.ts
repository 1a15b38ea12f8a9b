/**
 * Inserts `rank` into the ascending list segment `h`, `list[head[h] .. tail[h])`, and extends the
 * segment by one: binary search, then a short move. Ready lists grow mostly at their end (work
 * mostly becomes ready in about rank order), so the move is mostly none. Ranks are distinct.
 */
export function insertRank(list: Int32Array, head: Int32Array, tail: Int32Array, h: number, rank: number): void {
  const first = head[h];
  let i = tail[h]++;
  if (i > first && list[i - 1] > rank) {
    const lo = rankPosition(list, first, i - 1, rank);
    for (; i > lo; i--) list[i] = list[i - 1];
  }
  list[i] = rank;
}

/** The first index of the ascending `list[lo .. hi)` whose entry is not below `rank` (hi if none): binary search. */
export function rankPosition(list: Int32Array, lo: number, hi: number, rank: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < rank) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts `rank` into the ascending list `list[from .. n)` (a short one: a linear scan from the end) and returns the new length `n + 1`. */
export function insertSorted(list: Int32Array, n: number, rank: number, from = 0): number {
  let i = n;
  while (i > from && list[i - 1] > rank) {
    list[i] = list[i - 1];
    i--;
  }
  list[i] = rank;
  return n + 1;
}
