/** Every node's links as views into the grouped arrays (`Model.successors`, `successorType`, `successorLag`). */
export interface LinkViews {
  successors: Int32Array[];
  successorType: Int8Array[];
  successorLag: Float64Array[];
}

/**
 * Links grouped by predecessor (node n's in `[start[n], start[n + 1])` of `to`, `type` and
 * `lag`), cut into one view per node on first use: three views a node is much of what
 * compiling a large plan allocates, and checking one (`coordsim validate`) reads none.
 */
export function lazyLinkViews(start: Int32Array, to: Int32Array, type: Int8Array, lag: Float64Array): () => LinkViews {
  let views: LinkViews | null = null;
  return () => {
    if (views !== null) return views;
    const N = start.length - 1;
    views = { successors: new Array(N), successorType: new Array(N), successorLag: new Array(N) };
    for (let n = 0; n < N; n++) {
      views.successors[n] = to.subarray(start[n], start[n + 1]);
      views.successorType[n] = type.subarray(start[n], start[n + 1]);
      views.successorLag[n] = lag.subarray(start[n], start[n + 1]);
    }
    return views;
  };
}
