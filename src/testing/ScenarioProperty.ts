import type { Model } from '../engine/Model.js';
import type { RunResult } from '../engine/simulate.js';

/**
 * A property of your own scenario, checked on every run by `checkScenario` (and shrunk like
 * an invariant when it fails): return a message saying what broke, or null when it holds.
 */
export interface ScenarioProperty {
  /** Short name, reported as the violated "invariant". */
  name: string;
  check(result: RunResult, model: Model): string | null;
}

/** "Every run meets the scenario's deadline" (`coordsim check --require-deadline`). */
export function meetsDeadline(): ScenarioProperty {
  return {
    name: 'deadline',
    check: ({ metrics }, model) =>
      model.deadline !== null && metrics.makespan > model.deadline
        ? `makespan ${metrics.makespan} is past the deadline ${model.deadline}`
        : null,
  };
}
