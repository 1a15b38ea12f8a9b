import { CoordsimError } from '../CoordsimError.js';
import { describeValue, typeName } from './describeValue.js';

// Validation of the public functions' arguments: each failure is a CoordsimError E_ARGUMENT
// whose message starts with the function's name and shows the value it was given.

/** Throws E_ARGUMENT: `fn: expected <expected>, got <value>`. */
export function badArgument(fn: string, expected: string, got: unknown): never {
  throw new CoordsimError('E_ARGUMENT', `${fn}: expected ${expected}, got ${shown(got)}`);
}

function shown(x: unknown): string {
  if (x === undefined || x === null) return String(x);
  if (typeof x === 'function') return 'a function';
  if (Array.isArray(x) && x.length === 0) return 'an empty list';
  if (typeof x === 'number' && !Number.isFinite(x)) return describeValue(x);
  if (typeof x === 'object' || typeof x === 'number' || typeof x === 'string') return `${typeName(x)} ${describeValue(x)}`;
  return `${typeof x} ${String(x)}`;
}

/** A scenario (or model) argument: a non-null object that is not a list. YAML text gets a hint. */
export function checkScenarioArgument(fn: string, x: unknown, what = 'a scenario object (or a compiled model)'): void {
  if (typeof x === 'string') badArgument(fn, `${what}; to run YAML or JSON text, parse it first with parseScenario(text, file)`, x);
  if (typeof x !== 'object' || x === null || Array.isArray(x)) badArgument(fn, what, x);
}

/** An options argument: undefined or a mapping. */
export function checkOptionsArgument(fn: string, o: unknown): void {
  if (o !== undefined && (typeof o !== 'object' || o === null || Array.isArray(o))) badArgument(fn, 'an options object (or nothing)', o);
}

/** A seed: a finite number or a string. */
export function checkSeed(fn: string, seed: unknown): void {
  if (!(typeof seed === 'string' || (typeof seed === 'number' && Number.isFinite(seed)))) badArgument(fn, 'seed to be a finite number or a string', seed);
}

/** A whole number in [min, Number.MAX_SAFE_INTEGER]. */
export function checkInteger(fn: string, name: string, x: unknown, min: number): void {
  if (!(typeof x === 'number' && Number.isSafeInteger(x) && x >= min)) badArgument(fn, `${name} to be an integer >= ${min}`, x);
}

/** A strategy name: a string. */
export function checkName(fn: string, name: string, x: unknown): void {
  if (typeof x !== 'string') badArgument(fn, `${name} to be a string`, x);
}

/** A flag: true or false. */
export function checkBoolean(fn: string, name: string, x: unknown): void {
  if (typeof x !== 'boolean') badArgument(fn, `${name} to be true or false`, x);
}
