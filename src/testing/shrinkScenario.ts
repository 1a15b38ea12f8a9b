import { compileModel } from '../engine/compileModel.js';
import type { Scenario } from '../scenario/Scenario.js';
import { validateScenario } from '../scenario/validateScenario.js';
import { scenarioEdits } from './_internals/scenarioEdits.js';

/** Options of `shrinkScenario`. */
export interface ShrinkOptions {
  /** The strategy the failure is about: it and its name are kept (default: the scenario's default strategy). */
  strategy?: string;
  /** Most candidate scenarios to try (default 400). */
  maxAttempts?: number;
}

/** A shrunk scenario and the simplifications that got there. */
export interface ShrinkResult {
  scenario: Scenario;
  steps: string[];
  attempts: number;
}

/**
 * Greedy delta debugging over a scenario's lists (Zeller & Hildebrandt, "Simplifying and
 * isolating failure-inducing input", 2002, one element at a time): repeatedly applies the
 * first simplification — drop a task, gate, risk, strategy, mechanism, agent or dependency,
 * make a duration constant… — after which the scenario is still valid and `stillFails`
 * holds, until none does or the attempt budget is spent.
 */
export function shrinkScenario(scenario: Scenario, stillFails: (candidate: Scenario) => boolean, options: ShrinkOptions = {}): ShrinkResult {
  const keep = options.strategy ?? scenario.strategy ?? Object.keys(scenario.strategies ?? {})[0] ?? 'ideal';
  const budget = options.maxAttempts ?? 400;
  let current = scenario;
  const steps: string[] = [];
  let attempts = 0;
  for (let progress = true; progress && attempts < budget; ) {
    progress = false;
    for (const e of scenarioEdits(current, keep)) {
      if (attempts >= budget) break;
      const candidate = e.apply(current);
      if (!isValid(candidate)) continue;
      attempts++;
      if (stillFails(candidate)) {
        current = candidate;
        steps.push(e.what);
        progress = true;
        break;
      }
    }
  }
  return { scenario: current, steps, attempts };
}

function isValid(s: Scenario): boolean {
  try {
    validateScenario(JSON.parse(JSON.stringify(s)));
    compileModel(s);
    return true;
  } catch {
    return false;
  }
}
