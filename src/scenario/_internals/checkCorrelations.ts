import type { Scenario } from '../Scenario.js';
import type { Fail } from './fail.js';

/**
 * Checks that correlation groups fit together: no pair of tasks given two rhos, and the
 * combined correlation matrix (unlisted pairs 0) positive definite, as sampling correlated
 * durations requires (Cholesky factorisation). Fails at the group that breaks it.
 */
export function checkCorrelations(s: Scenario, fail: Fail): void {
  const index = new Map<string, number>();
  const rho = new Map<string, { value: number; group: number }>();
  (s.correlations ?? []).forEach((c, i) => {
    c.tasks.forEach((a, k) => {
      if (!index.has(a)) index.set(a, index.size);
      for (const b of c.tasks.slice(0, k)) {
        const key = [a, b].sort().join('\u0000');
        const prior = rho.get(key);
        if (prior && prior.value !== c.rho) {
          fail('E_PARAM', `tasks '${b}' and '${a}' are correlated twice, with rho ${prior.value} (/correlations/${prior.group}) and ${c.rho}`, ['correlations', i, 'tasks', k]);
        }
        rho.set(key, { value: c.rho, group: i });
      }
    });
    if (!isPositiveDefinite(index, rho)) {
      const bound = c.tasks.length > 2 ? ` (for ${c.tasks.length} tasks in one group rho must exceed ${-(1 / (c.tasks.length - 1)).toFixed(3)})` : '';
      fail('E_PARAM', `correlations up to this group are inconsistent: no set of durations can have them${bound}`, ['correlations', i, 'rho']);
    }
  });
}

/**
 * Cholesky–Banachiewicz: true when the matrix factors with positive pivots. The matrix is
 * built dense first (row-major, unlisted pairs 0): a factorisation reads each entry many times.
 */
function isPositiveDefinite(index: Map<string, number>, rho: Map<string, { value: number }>): boolean {
  const ids = [...index.keys()];
  const n = ids.length;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    a[i * n + i] = 1;
    for (let j = 0; j < i; j++) a[i * n + j] = rho.get([ids[i], ids[j]].sort().join('\u0000'))?.value ?? 0;
  }
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j];
      for (let k = 0; k < j; k++) sum -= L[i * n + k] * L[j * n + k];
      if (i === j) {
        if (!(sum > 1e-12)) return false;
        L[i * n + i] = Math.sqrt(sum);
      } else {
        L[i * n + j] = sum / L[j * n + j];
      }
    }
  }
  return true;
}
