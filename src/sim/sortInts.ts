/**
 * Sorts `a[0 .. n)` ascending in place: insertion sort for the few values of a typical call
 * (no call overhead), the typed-array sort (numeric) past 16.
 */
export function sortInts(a: Int32Array, n: number): void {
  if (n > 16) {
    a.subarray(0, n).sort();
    return;
  }
  for (let k = 1; k < n; k++) {
    const x = a[k];
    let i = k - 1;
    while (i >= 0 && a[i] > x) {
      a[i + 1] = a[i];
      i--;
    }
    a[i + 1] = x;
  }
}
