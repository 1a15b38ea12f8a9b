/**
 * The binary min-heap on (time, sequence) that orders every event in coordsim: the kernel's
 * `EventQueue` and the engine's work-only schedule keep their entries in three parallel typed
 * arrays (time, sequence number, payload) and move them with these two functions.
 *
 * Entries with equal times leave in sequence order (first scheduled, first out). Sifts move
 * entries into a hole instead of swapping (Knuth, TAOCP vol. 3, §5.2.3).
 */

/**
 * Places (time, seq, payload), whose `seq` is larger than any in the heap, at index j (the new
 * last cell) or above it: it stops below any parent of equal time.
 */
export function heapSiftUp(ht: Float64Array, hs: Float64Array, hp: Int32Array, j: number, time: number, seq: number, payload: number): void {
  while (j > 0) {
    const p = (j - 1) >> 1;
    if (ht[p] <= time) break;
    ht[j] = ht[p];
    hs[j] = hs[p];
    hp[j] = hp[p];
    j = p;
  }
  ht[j] = time;
  hs[j] = seq;
  hp[j] = payload;
}

/** Places (time, seq, payload) at the hole i of a heap of n entries, or below it. */
export function heapSiftDown(ht: Float64Array, hs: Float64Array, hp: Int32Array, n: number, i: number, time: number, seq: number, payload: number): void {
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    let ct = ht[c];
    if (c + 1 < n) {
      const rt = ht[c + 1];
      if (rt < ct || (rt === ct && hs[c + 1] < hs[c])) {
        c++;
        ct = rt;
      }
    }
    if (ct > time || (ct === time && hs[c] > seq)) break;
    ht[i] = ct;
    hs[i] = hs[c];
    hp[i] = hp[c];
    i = c;
  }
  ht[i] = time;
  hs[i] = seq;
  hp[i] = payload;
}
