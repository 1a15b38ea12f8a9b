import { createHash } from 'node:crypto';
import { toLosslessJson } from './losslessJson.js';

/**
 * The canonical JSON text of plain data: object keys sorted (by UTF-16 code units), no
 * whitespace, numbers in their lossless form (`toLosslessJson`). Two documents with the same
 * content — a scenario written in YAML or in JSON, with keys in another order — have the same
 * canonical text.
 */
export function canonicalJson(value: unknown): string {
  const walk = (v: unknown): string => {
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    if (Array.isArray(v)) return `[${v.map(walk).join(',')}]`;
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${walk(o[k])}`)
      .join(',')}}`;
  };
  return walk(toLosslessJson(value));
}

/** `sha256:` and the hex SHA-256 of a scenario's canonical JSON: what tells shards of one scenario from another's. */
export function scenarioHash(scenario: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(scenario)).digest('hex')}`;
}
