import type { Scenario } from '../Scenario.js';
import type { Fail } from './fail.js';

/**
 * Checks what the schema cannot about costs: an agent (or the orchestrator) that uses tokens
 * needs prices, its own `token_prices` or the scenario's, so that no token goes uncosted silently.
 */
export function checkCosts(s: Scenario, fail: Fail): void {
  if (s.token_prices !== undefined) return;
  s.agents.forEach((a, i) => {
    if (a.tokens !== undefined && a.token_prices === undefined) {
      fail('E_PARAM', `agent '${a.id}' uses tokens but no price applies: expected 'token_prices' on the agent or at the top level (a price of 0 is allowed), found neither`, ['agents', i, 'tokens']);
    }
  });
  const o = s.orchestrator;
  if (o?.tokens !== undefined && o.token_prices === undefined) {
    fail('E_PARAM', `the orchestrator uses tokens but no price applies: expected 'token_prices' on it or at the top level (a price of 0 is allowed), found neither`, ['orchestrator', 'tokens']);
  }
}
