import type { Scenario } from '../scenario/Scenario.js';
import { checkScenario, type CheckScenarioOptions, type CheckScenarioReport } from '../testing/checkScenario.js';

/**
 * `checkScenario` with progress: one strategy at a time (the library reports no progress and
 * runs in this thread), `onStrategy(done, total)` between them. Strategies are checked
 * independently, so the report is the one a single call returns: violations in strategy order,
 * and the counterexample shrunk from the first one (its strategy checked again with shrinking).
 */
export function checkWithProgress(
  scenario: Scenario,
  options: CheckScenarioOptions & { strategies: readonly string[] },
  onStrategy: (done: number, total: number) => void,
): CheckScenarioReport {
  const parts: CheckScenarioReport[] = [];
  const total = options.strategies.length;
  onStrategy(0, total);
  for (const s of options.strategies) {
    parts.push(checkScenario(scenario, { ...options, strategies: [s], shrink: false }));
    onStrategy(parts.length, total);
  }
  const violations = parts.flatMap((p) => p.violations);
  const first = violations[0];
  const counterexample = first && options.shrink !== false ? checkScenario(scenario, { ...options, strategies: [first.strategy] }).counterexample : null;
  return { ...parts[0], ok: violations.length === 0, strategies: parts.flatMap((p) => p.strategies), violations, counterexample };
}
