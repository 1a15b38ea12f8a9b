/** Settings of `nelderMead`; fixed numbers, so that a fit is a pure function of its data. */
export interface NelderMeadOptions {
  /** Initial simplex: the start plus one vertex per coordinate, moved by `steps[i]`. */
  steps: readonly number[];
  /** Largest number of iterations (default 1000). */
  maxIterations?: number;
  /** Stop when every vertex is within `xTolerance` of the best in every coordinate... (default 1e-7) */
  xTolerance?: number;
  /**
   * ...and every vertex's value is within `fTolerance` · (1 + |best value|) of the best (default
   * 1e-11: a log-likelihood of thousands is only known to about 1e-12 of itself in doubles).
   */
  fTolerance?: number;
}

/** The best point found and its value. */
export interface NelderMeadResult {
  x: number[];
  f: number;
  iterations: number;
}

/**
 * Minimises `f` by the Nelder–Mead simplex method with the standard coefficients (reflection 1,
 * expansion 2, contraction 1/2, shrink 1/2) as stated by Lagarias, Reeds, Wright & Wright,
 * "Convergence properties of the Nelder–Mead simplex method in low dimensions", SIAM J. Optim.
 * 9(1), 1998, with their tie-breaking (a stable order of the vertices), so the same input always
 * walks the same path. `f` may return Infinity for infeasible points; the start must be finite.
 */
export function nelderMead(f: (x: readonly number[]) => number, start: readonly number[], options: NelderMeadOptions): NelderMeadResult {
  const n = start.length;
  const maxIterations = options.maxIterations ?? 1000;
  const xTol = options.xTolerance ?? 1e-7;
  const fTol = options.fTolerance ?? 1e-11;
  let simplex: Array<{ x: number[]; f: number }> = [{ x: [...start], f: f(start) }];
  for (let i = 0; i < n; i++) {
    const x = [...start];
    x[i] += options.steps[i];
    simplex.push({ x, f: f(x) });
  }
  const order = () => {
    // Array.prototype.sort is stable: equal values keep their previous order (Lagarias et al. §2).
    simplex.sort((p, q) => (p.f < q.f ? -1 : p.f > q.f ? 1 : 0));
  };
  order();
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const best = simplex[0];
    let spreadX = 0;
    let spreadF = 0;
    for (let j = 1; j <= n; j++) {
      spreadF = Math.max(spreadF, Math.abs(simplex[j].f - best.f));
      for (let i = 0; i < n; i++) spreadX = Math.max(spreadX, Math.abs(simplex[j].x[i] - best.x[i]));
    }
    if (spreadX <= xTol && spreadF <= fTol * (1 + Math.abs(best.f))) break;

    const centroid = new Array<number>(n).fill(0);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) centroid[i] += simplex[j].x[i] / n;
    const worst = simplex[n];
    const along = (t: number) => centroid.map((c, i) => c + t * (c - worst.x[i]));
    const xr = along(1);
    const fr = f(xr);
    if (fr < best.f) {
      const xe = along(2);
      const fe = f(xe);
      simplex[n] = fe < fr ? { x: xe, f: fe } : { x: xr, f: fr };
    } else if (fr < simplex[n - 1].f) {
      simplex[n] = { x: xr, f: fr };
    } else {
      // Outside contraction when the reflected point beats the worst, inside contraction otherwise.
      const outside = fr < worst.f;
      const xc = along(outside ? 0.5 : -0.5);
      const fc = f(xc);
      if (outside ? fc <= fr : fc < worst.f) {
        simplex[n] = { x: xc, f: fc };
      } else {
        simplex = simplex.map((p, j) => {
          if (j === 0) return p;
          const x = p.x.map((v, i) => best.x[i] + 0.5 * (v - best.x[i]));
          return { x, f: f(x) };
        });
      }
    }
    order();
  }
  return { x: simplex[0].x, f: simplex[0].f, iterations };
}

/**
 * Nelder–Mead run twice: a second time from the first run's best point with a fresh simplex of
 * the same steps. A restart is the usual guard against the simplex collapsing early
 * (Lagarias et al. 1998 show it can stall on smooth functions); both runs are fixed.
 */
export function nelderMeadRestarted(f: (x: readonly number[]) => number, start: readonly number[], options: NelderMeadOptions): NelderMeadResult {
  const first = nelderMead(f, start, options);
  const second = nelderMead(f, first.x, options);
  return second.f <= first.f ? { ...second, iterations: first.iterations + second.iterations } : first;
}
