import { compileModel } from '../engine/compileModel.js';
import type { Model } from '../engine/Model.js';
import type { Scenario } from '../scenario/Scenario.js';
import { simulate, strategyOf } from '../engine/simulate.js';
import { checkDeterminism } from './checkDeterminism.js';
import { checkInvariants } from './checkInvariants.js';
import { checkScaling } from './checkScaling.js';
import { shrinkScenario } from './shrinkScenario.js';
import type { ScenarioProperty } from './ScenarioProperty.js';
import type { Violation } from './Violation.js';

/** Options of `checkScenario`. */
export interface CheckScenarioOptions {
  /** Runs per strategy: run indices 0..runs-1 of `seed` (default 100). */
  runs?: number;
  /** Seed (default 1). */
  seed?: number | string;
  /** Strategies to check (default: every strategy of the scenario, built-ins included). */
  strategies?: readonly string[];
  /** Also check determinism and scaling (k = 2) on the first this many runs of each strategy (default 10). */
  propertyRuns?: number;
  /** Shrink the first violation to a minimal scenario (default true). */
  shrink?: boolean;
  /** Properties of your own, checked on every run beside the invariants. */
  properties?: readonly ScenarioProperty[];
}

/** A violation found in one run, with what it takes to replay it. */
export interface FoundViolation extends Violation {
  strategy: string;
  seed: number | string;
  run: number;
}

/** The result of `checkScenario`. */
export interface CheckScenarioReport {
  ok: boolean;
  scenario: string;
  seed: number | string;
  runs: number;
  strategies: string[];
  violations: FoundViolation[];
  /** The first violation, shrunk: a smaller scenario that still breaks the same invariant. */
  counterexample: (FoundViolation & { scenario: Scenario; steps: string[] }) | null;
}

/**
 * Runs the invariants (and determinism and scaling) on a user's scenario over `runs` run
 * indices of one seed, for every strategy; reports each violation with its (strategy, seed,
 * run) and shrinks the first one to a minimal counterexample.
 */
export function checkScenario(scenario: Scenario, options: CheckScenarioOptions = {}): CheckScenarioReport {
  const model = compileModel(scenario);
  const runs = options.runs ?? 100;
  const seed = options.seed ?? 1;
  const strategies = (options.strategies ?? model.strategyNames).map((n) => strategyOf(model, n).name);
  const user = options.properties ?? [];
  const violations: FoundViolation[] = [];
  for (const strategy of strategies) {
    for (let run = 0; run < runs; run++) {
      const found = checkRun(scenario, model, strategy, seed, run, run < (options.propertyRuns ?? 10), user);
      violations.push(...found.map((v) => ({ ...v, strategy, seed, run })));
    }
  }
  let counterexample: CheckScenarioReport['counterexample'] = null;
  const first = violations[0];
  if (first && options.shrink !== false) {
    const tries = [first.run, ...Array.from({ length: Math.min(runs, 10) }, (_, i) => i).filter((i) => i !== first.run)];
    let hit: FoundViolation = first;
    const stillFails = (s: Scenario) => {
      const m = compileModel(s);
      for (const run of tries) {
        const v = checkRun(s, m, first.strategy, seed, run, true, user).find((x) => x.invariant === first.invariant);
        if (v) {
          hit = { ...v, strategy: first.strategy, seed, run };
          return true;
        }
      }
      return false;
    };
    const shrunk = shrinkScenario(scenario, stillFails, { strategy: first.strategy });
    stillFails(shrunk.scenario); // re-establish `hit` for the final scenario
    counterexample = { ...hit, scenario: shrunk.scenario, steps: shrunk.steps };
  }
  return { ok: violations.length === 0, scenario: scenario.name, seed, runs, strategies, violations, counterexample };
}

/** The violations of one run: invariants, and optionally determinism and scaling; a run that throws is one too. */
function checkRun(
  scenario: Scenario,
  model: Model,
  strategy: string,
  seed: number | string,
  run: number,
  properties: boolean,
  user: readonly ScenarioProperty[],
): Violation[] {
  try {
    const result = simulate(model, { strategy, seed, run, trace: true });
    const out = checkInvariants(model, result);
    for (const p of user) {
      const message = p.check(result, model);
      if (message !== null) out.push({ invariant: p.name, message });
    }
    if (properties) out.push(...checkDeterminism(model, { strategy, seed, run }), ...checkScaling(scenario, { strategy, seed, run }));
    return out;
  } catch (e) {
    return [{ invariant: 'error', message: `the run failed: ${e instanceof Error ? e.message : String(e)}` }];
  }
}
