import { compileModel, isModel } from '../engine/compileModel.js';
import { Engine } from '../engine/Engine.js';
import type { Model } from '../engine/Model.js';
import { createRunInputs, sampleRunInputs } from '../engine/RunInputs.js';
import { runMetrics } from '../engine/runMetrics.js';
import type { Scenario } from '../scenario/Scenario.js';
import { simulate, strategyOf } from '../engine/simulate.js';
import type { Violation } from './Violation.js';

/** Which run to replay: strategy (default: the scenario's), seed (default 1) and run index (default 0). */
export interface RunSelector {
  strategy?: string;
  seed?: number | string;
  run?: number;
}

/**
 * Determinism (docs/semantics.md §12): the same (scenario, strategy, seed, run) gives the same trace and
 * metrics — simulated twice, from a freshly compiled model, and on an engine that ran other
 * runs first (as a Monte Carlo worker reuses one). Returns the differences found.
 */
export function checkDeterminism(scenario: Scenario | Model, selector: RunSelector = {}): Violation[] {
  const model = isModel(scenario) ? scenario : compileModel(scenario);
  const seed = selector.seed ?? 1;
  const run = selector.run ?? 0;
  const strategy = strategyOf(model, selector.strategy);
  const opts = { strategy: strategy.name, seed, run, trace: true };
  const reference = JSON.stringify(simulate(model, opts));
  const out: Violation[] = [];
  const compare = (how: string, text: string) => {
    if (text !== reference) out.push({ invariant: 'determinism', message: `run ${run} of seed ${seed} under ${strategy.name} differs ${how}: ${firstDifference(reference, text)}` });
  };
  compare('when simulated again', JSON.stringify(simulate(model, opts)));
  if (!isModel(scenario)) compare('from a freshly compiled model', JSON.stringify(simulate(compileModel(scenario), opts)));
  // A reused engine and inputs buffer, after two other runs (typed arrays are reset, not reallocated).
  const engine = new Engine(model, strategy);
  const inputs = createRunInputs(model);
  for (const other of [run + 1, run + 7]) engine.run(sampleRunInputs(model, seed, other, inputs), { seed, run: other, trace: true });
  const state = engine.run(sampleRunInputs(model, seed, run, inputs), { seed, run, trace: true });
  compare('on an engine that ran other runs first', JSON.stringify({ metrics: runMetrics(state, inputs), trace: state.trace }));
  return out;
}

/** Where two JSON texts first differ, with a little context. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at character ${i}: …${a.slice(Math.max(0, i - 40), i + 40)}… vs …${b.slice(Math.max(0, i - 40), i + 40)}…`;
}
