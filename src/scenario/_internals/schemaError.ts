import type { ErrorObject } from 'ajv';
import { describeValue, typeName } from './describeValue.js';
import { fromPointer, type Path } from './pointer.js';
import { didYouMean, suggest } from './suggest.js';
import type { Locator } from './fail.js';

/** One schema violation, said for a reader: where it is and what was expected and found. */
export interface SchemaProblem {
  path: Path;
  message: string;
}

const DISTRIBUTIONS = ['uniform', 'triangular', 'pert', 'lognormal', 'normal', 'discrete'];
const DISTRIBUTION_FORMS =
  'a number >= 0, or one of {uniform: [a, b]}, {triangular: [min, mode, max]}, {pert: [min, mode, max]}, ' +
  '{lognormal: {median, p90}}, {normal: {mean, sd}}, {discrete: [[value, weight], ...]}';
const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  integer: 'an integer',
  string: 'a string',
  object: 'a mapping',
  array: 'a list',
  boolean: 'true or false',
  null: 'null',
};
const ITEM_NOUNS: Record<string, string> = { agents: 'agent', tasks: 'task', after: 'task or gate id', assesses: 'task id', discrete: '[value, weight] pair' };

/**
 * Picks the violation a reader should fix first (the earliest in the document, the most
 * specific on ties) and says it in words. Ajv must run with `allErrors` and `verbose`.
 */
export function schemaProblem(errors: readonly ErrorObject[], where: Locator | undefined): SchemaProblem {
  const unknownKeyAt = new Set(errors.filter((e) => e.keyword === 'additionalProperties').map((e) => e.instancePath));
  // A misspelt key also makes the right one "missing": report the misspelling.
  const relevant = errors.filter((e) => !(e.keyword === 'required' && unknownKeyAt.has(e.instancePath)) && e.propertyName === undefined);
  const problems = (relevant.length ? relevant : errors).map(describeError);
  const rank = (p: SchemaProblem) => {
    const at = where?.(p.path);
    return at ? at.line * 1e6 + at.column : Number.MAX_SAFE_INTEGER;
  };
  // Stable sort keeps Ajv's (schema) order when positions are unknown or equal.
  const ranked = problems.map((p, i) => ({ p, i, r: rank(p) }));
  ranked.sort((a, b) => a.r - b.r || b.p.path.length - a.p.path.length || a.i - b.i);
  return ranked[0].p;
}

function describeError(e: ErrorObject): SchemaProblem {
  const path = fromPointer(e.instancePath);
  const data: unknown = e.data;
  const p = e.params as Record<string, unknown>;
  const inDistribution = e.schemaPath.startsWith('#/definitions/distribution/');
  const found = `found ${describeValue(data)}`;
  switch (e.keyword) {
    case 'type': {
      if (inDistribution && !e.schemaPath.includes('/properties/')) {
        return { path, message: `expected a distribution: ${DISTRIBUTION_FORMS}; found ${typeName(data)} ${describeValue(data)}` };
      }
      const types = ([] as string[]).concat(p.type as string | string[]).map((t) => TYPE_NAMES[t] ?? t);
      // Ajv's numbers are finite: YAML's .inf and .nan are numbers of another kind.
      if (typeof data === 'number') return { path, message: `expected ${types.map((t) => t.replace(/^a number$/, 'a finite number')).join(' or ')}, found ${describeValue(data)}` };
      const shown = data === null || typeof data === 'object' ? typeName(data) : `${typeName(data)} ${describeValue(data)}`;
      return { path, message: `expected ${types.join(' or ')}, found ${shown}` };
    }
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const what = inDistribution && known.includes('uniform') ? 'distribution' : 'key';
      return { path: [...path, key], message: `unknown ${what} '${key}'${suggest(key, known)}` };
    }
    case 'required':
      return { path, message: `missing required key '${String(p.missingProperty)}'${owner(path, data)}` };
    case 'minProperties':
    case 'maxProperties':
      if (inDistribution) {
        const keys = data && typeof data === 'object' ? Object.keys(data) : [];
        const shown = keys.length ? `${keys.length} keys: ${keys.join(', ')}` : 'an empty mapping';
        return { path, message: `expected exactly one of ${DISTRIBUTIONS.join(', ')}, found ${shown}` };
      }
      return { path, message: `expected ${e.keyword === 'minProperties' ? 'at least' : 'at most'} ${String(p.limit)} keys, ${found}` };
    case 'minItems':
    case 'maxItems':
      return { path, message: itemCount(e, path, data) };
    case 'uniqueItems':
      // Ajv scans from the end: j is the later copy, i the earlier.
      return { path: [...path, Number(p.j)], message: `duplicate item ${describeValue((data as unknown[])[Number(p.j)])} (also item ${String(p.i)})` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, message: `expected ${e.parentSchema?.type === 'integer' ? 'an integer' : 'a number'} ${String(p.comparison)} ${String(p.limit)}, ${found}` };
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      return { path, message: `expected one of ${allowed.join(', ')}, ${found}${typeof data === 'string' ? didYouMean(data, allowed) : ''}` };
    }
    case 'pattern':
      return { path, message: `expected an id of letters, digits, '_' and '-', ${found}` };
    case 'propertyNames':
      return { path: [...path, String(p.propertyName)], message: `invalid name '${String(p.propertyName)}': expected letters, digits, '_' and '-'` };
    case 'minLength':
      return { path, message: `expected a non-empty string, ${found}` };
    default:
      return { path, message: `${e.message ?? 'invalid'}, ${found}` };
  }
}

function itemCount(e: ErrorObject, path: Path, data: unknown): string {
  const { minItems, maxItems } = (e.parentSchema ?? {}) as { minItems?: number; maxItems?: number };
  const n = Array.isArray(data) ? data.length : 0;
  const found = n === 0 ? 'an empty list' : `${n}: ${describeValue(data)}`;
  if (minItems !== undefined && minItems === maxItems) {
    // Every fixed-length list of the schema is a list of numbers (distribution parameters).
    return `expected exactly ${minItems} numbers, found ${found}`;
  }
  const noun = ITEM_NOUNS[String(path[path.length - 1])] ?? 'item';
  const limit = e.keyword === 'minItems' ? `at least ${minItems === 1 ? 'one' : minItems} ${noun}${minItems === 1 ? '' : 's'}` : `at most ${maxItems}`;
  return `expected ${limit}, found ${found}`;
}

const OWNERS: Record<string, string> = { agents: 'agent', tasks: 'task', gates: 'gate', risks: 'risk', strategies: 'strategy' };

/** " (in task 'x')" for an item of a top-level collection. */
function owner(path: Path, data: unknown): string {
  const noun = path.length === 2 ? OWNERS[String(path[0])] : undefined;
  const id = path[0] === 'strategies' ? path[1] : (data as { id?: unknown } | null)?.id;
  return noun && (typeof id === 'string' || typeof id === 'number') ? ` (in ${noun} '${id}')` : '';
}
