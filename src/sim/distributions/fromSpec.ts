import type { Distribution, DistributionSpec } from './Distribution.js';
import { fail, isFiniteNumber } from './_internals/check.js';
import { constant } from './constant.js';
import { discrete } from './discrete.js';
import { lognormal } from './lognormal.js';
import { normal } from './normal.js';
import { pert } from './pert.js';
import { triangular } from './triangular.js';
import { uniform } from './uniform.js';

/** The keyed forms of a `DistributionSpec`, in the order docs/scenario-format.md lists them. */
export const DISTRIBUTION_FAMILIES = ['uniform', 'triangular', 'pert', 'lognormal', 'normal', 'discrete'] as const;

const EXPECTED = `a number or an object with exactly one key of ${DISTRIBUTION_FAMILIES.join(', ')}`;

/**
 * Builds a distribution from its scenario form (docs/scenario-format.md): a plain number is a constant,
 * otherwise an object with exactly one recognised key. Throws `SimError` 'E_PARAM' with a
 * message naming the family, what was expected and the value found.
 */
export function distribution(spec: DistributionSpec): Distribution {
  if (typeof spec === 'number') return constant(spec);
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) fail('distribution', EXPECTED, spec);
  const keys = Object.keys(spec);
  if (keys.length !== 1) fail('distribution', EXPECTED, spec);
  const key = keys[0];
  const args: unknown = (spec as Record<string, unknown>)[key];
  switch (key) {
    case 'uniform': {
      const [a, b] = tuple('uniform', '[a, b]', args, 2);
      return uniform(a, b);
    }
    case 'triangular': {
      const [min, mode, max] = tuple('triangular', '[min, mode, max]', args, 3);
      return triangular(min, mode, max);
    }
    case 'pert': {
      const [min, mode, max] = tuple('pert', '[min, mode, max]', args, 3);
      return pert(min, mode, max);
    }
    case 'lognormal': {
      const { median, p90 } = record('lognormal', ['median', 'p90'], args);
      return lognormal(median, p90);
    }
    case 'normal': {
      const { mean, sd } = record('normal', ['mean', 'sd'], args);
      return normal(mean, sd);
    }
    case 'discrete':
      if (!Array.isArray(args)) fail('discrete', 'a non-empty list of [value, weight] pairs', args);
      return discrete(args as Array<[number, number]>);
    default:
      return fail('distribution', `one of ${DISTRIBUTION_FAMILIES.join(', ')} (or a plain number)`, key);
  }
}

/** An array of exactly `n` finite numbers, or an E_PARAM error naming the family. */
function tuple(family: string, shape: string, args: unknown, n: number): number[] {
  if (!Array.isArray(args) || args.length !== n || !args.every(isFiniteNumber)) {
    fail(family, `${shape} of finite numbers`, args);
  }
  return args as number[];
}

/** An object with exactly the given keys, each a finite number, or an E_PARAM error. */
function record<K extends string>(family: string, keys: readonly K[], args: unknown): Record<K, number> {
  const shape = `{${keys.join(', ')}} of finite numbers`;
  if (args === null || typeof args !== 'object' || Array.isArray(args)) fail(family, shape, args);
  const obj = args as Record<string, unknown>;
  const found = Object.keys(obj);
  if (found.length !== keys.length || !keys.every((k) => isFiniteNumber(obj[k]))) fail(family, shape, args);
  return obj as Record<K, number>;
}
