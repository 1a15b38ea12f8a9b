import type { Distribution, DistributionSpec } from '../sim/distributions/Distribution.js';
import type { ResourceCostSpec, Scenario, TokenActSpec } from '../scenario/Scenario.js';
import { TOKEN_KINDS, TOKEN_USE_STRIDE, TU_INPUT, TU_INPUT_PER_ACT, TU_OUTPUT, TU_OUTPUT_PER_ACT, type CostModel } from './CostModel.js';

/** True when the scenario sets any cost key: then runs report a cost, else none at all. */
export function hasCostKeys(s: Scenario): boolean {
  const resource = (r: ResourceCostSpec | undefined) => r !== undefined && (r.rate !== undefined || r.tokens !== undefined || r.token_prices !== undefined);
  return (
    s.currency !== undefined ||
    s.budget !== undefined ||
    s.token_prices !== undefined ||
    resource(s.orchestrator) ||
    s.agents.some(resource) ||
    s.tasks.some((t) => t.cost !== undefined) ||
    (s.risks ?? []).some((r) => r.cost !== undefined)
  );
}

/**
 * Compiles the cost keys of a validated scenario, or returns null when it has none. `dist`
 * builds a distribution and names its path on bad parameters (as compileModel does).
 */
export function compileCost(s: Scenario, dist: (spec: DistributionSpec, path: string) => Distribution): CostModel | null {
  if (!hasCostKeys(s)) return null;
  const resources: Array<ResourceCostSpec | undefined> = [...s.agents, s.orchestrator];
  const R = resources.length;
  const rate = Float64Array.from(resources, (r) => r?.rate ?? 0);
  const taskCost = s.tasks.map((t, i) => (t.cost !== undefined ? dist(t.cost, `/tasks/${i}/cost`) : null));
  const riskCost = (s.risks ?? []).map((r, i) => (r.cost !== undefined ? dist(r.cost, `/risks/${i}/cost`) : null));
  let tokens: CostModel['tokens'] = null;
  if (resources.some((r) => r?.tokens !== undefined)) {
    const K = TOKEN_KINDS.length;
    const use = new Float64Array(TOKEN_USE_STRIDE * R * K);
    const price = new Float64Array(2 * R);
    resources.forEach((r, i) => {
      const prices = r?.token_prices ?? s.token_prices;
      price[2 * i] = prices?.input ?? 0;
      price[2 * i + 1] = prices?.output ?? 0;
      TOKEN_KINDS.forEach((kind, k) => {
        const u = r?.tokens?.[kind] as TokenActSpec | undefined;
        const o = TOKEN_USE_STRIDE * (i * K + k);
        use[o + TU_INPUT] = u?.input ?? 0;
        use[o + TU_OUTPUT] = u?.output ?? 0;
        use[o + TU_INPUT_PER_ACT] = u?.input_per_act ?? 0;
        use[o + TU_OUTPUT_PER_ACT] = u?.output_per_act ?? 0;
      });
    });
    tokens = { use, price };
  }
  return {
    currency: s.currency ?? null,
    budget: s.budget ?? null,
    rate,
    taskCost,
    riskCost,
    sampled: taskCost.some((d) => d !== null) || riskCost.some((d) => d !== null),
    tokens,
  };
}
