import type { Scenario } from './Scenario.js';
import { checkOptionsArgument } from './_internals/arguments.js';
import { checkBranches } from './_internals/checkBranches.js';
import { checkCorrelations } from './_internals/checkCorrelations.js';
import { checkLimits } from './_internals/checkLimits.js';
import { checkNames } from './_internals/checkNames.js';
import { checkCosts } from './_internals/checkCosts.js';
import { checkAssessedUpstream, checkCycles } from './_internals/checkCycles.js';
import { checkParameters, type BuiltDurations } from './_internals/checkParameters.js';
import type { Distribution, DistributionSpec } from '../sim/distributions/Distribution.js';
import { checkReferences } from './_internals/checkReferences.js';
import { checkStrategies } from './_internals/checkStrategies.js';
import { checkSchedule } from './_internals/checkSchedule.js';
import { checkUnits } from './_internals/checkUnits.js';
import { resolveSchedule } from './resolveSchedule.js';
import { failer, type Locator } from './_internals/fail.js';
import { indexScenario, type ScenarioIndex } from './_internals/scenarioIndex.js';
import { schemaProblem } from './_internals/schemaError.js';
import { expandPresets } from './presets/expandPresets.js';
import { scenarioValidator } from './_internals/schemaValidator.js';

/** Options of `validateScenario`. */
export interface ValidateScenarioOptions {
  /** Named in error messages (default: none). */
  file?: string;
  /** Maps a path inside the document to its line and column, when the source is known. */
  locate?: Locator;
}

/** Objects that passed `validateScenario` (compiling them again skips the checks), and the task durations built to check them. */
const validated = new WeakMap<object, { durations: BuiltDurations; index: ScenarioIndex }>();

/**
 * True for an object `validateScenario` (or `parseScenario`) accepted. A scenario changed after
 * that should be validated again. @internal
 */
export function isValidatedScenario(value: unknown): boolean {
  return typeof value === 'object' && value !== null && validated.has(value);
}

/**
 * The duration distribution of task `index` of a validated scenario, as validation built it
 * from `spec` — or undefined when it was built from another spec (the task changed since), or
 * the scenario was not validated. @internal
 */
export function validatedDuration(s: Scenario, index: number, spec: DistributionSpec): Distribution | undefined {
  const d = validated.get(s)?.durations;
  return d !== undefined && d.specs[index] === spec ? d.built[index] : undefined;
}

/** The ids and resolved `after` lists validation found in a validated scenario, or undefined. @internal */
export function validatedIndex(s: Scenario): ScenarioIndex | undefined {
  return validated.get(s)?.index;
}

/**
 * Checks a scenario given as plain data (already parsed, or built in code) and returns it
 * typed: the JSON Schema first (E_SCHEMA), then ids and references (E_REFERENCE), skills
 * (E_INFEASIBLE), dependency cycles (E_CYCLE), parameters (E_PARAM) and the limits of
 * `SCENARIO_LIMITS` (E_SCHEMA, E_PARAM). Throws the first
 * problem as a CoordsimError naming the file, the path inside the document and the line.
 */
export function validateScenario(value: unknown, options: ValidateScenarioOptions = {}): Scenario {
  checkOptionsArgument('validateScenario', options);
  const fail = failer(options.file, options.locate);
  expandPresets(value, fail); // strategy presets, in place (docs/presets.md)
  const compiled = scenarioValidator();
  if (!compiled(value)) {
    const problem = schemaProblem(compiled.errors ?? [], options.locate);
    fail('E_SCHEMA', problem.message, problem.path);
  }
  const s = value as Scenario;
  checkNames(s, fail);
  checkLimits(s, fail);
  const index = indexScenario(s, fail);
  checkReferences(s, index, fail);
  checkCycles(s, index, fail);
  checkUnits(s, index, fail);
  checkAssessedUpstream(s, fail);
  checkStrategies(s, index, fail);
  const durations = checkParameters(s, fail);
  checkCorrelations(s, fail);
  checkSchedule(s, index, (x) => resolveScheduleAll(x), fail);
  checkBranches(s, index, fail);
  checkCosts(s, fail);
  validated.set(s, { durations, index });
  return s;
}

/** Resolves the schedule of every task (for the errors it raises). */
function resolveScheduleAll(s: Scenario): void {
  const r = resolveSchedule(s);
  s.tasks.forEach((t, i) => r.task(t, i));
}
