import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { scenarioSchema } from '../../src/scenario/scenarioSchema.js';
import { VALID } from './badScenarios.js';

const root = new URL('../../', import.meta.url);

/** Every subschema that lists `properties`, with its path, for the checks below. */
function objectSchemas(node: unknown, path = '#'): Array<{ path: string; schema: Record<string, unknown> }> {
  if (node === null || typeof node !== 'object') return [];
  const here = node as Record<string, unknown>;
  const found = 'properties' in here ? [{ path, schema: here }] : [];
  return found.concat(Object.entries(here).flatMap(([k, v]) => objectSchemas(v, `${path}/${k}`)));
}

describe('scenarioSchema', () => {
  test('docs/scenario.schema.json is scenarioSchema (regenerate with scripts/write-schema.mjs)', () => {
    const file = readFileSync(new URL('docs/scenario.schema.json', root), 'utf8');
    expect(file).toBe(JSON.stringify(scenarioSchema, null, 2) + '\n');
  });

  test('scenarioSchema compiles under strict Ajv and accepts the valid fixture', () => {
    const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(scenarioSchema);
    expect(validate(parse(VALID))).toBe(true);
  });

  test('scenarioSchema closes every object and describes every property (editor help)', () => {
    for (const { path, schema } of objectSchemas(scenarioSchema)) {
      if (path.endsWith('/properties')) continue; // a property named "properties" would land here
      expect(schema.additionalProperties, path).toBe(false);
      for (const [key, sub] of Object.entries(schema.properties as Record<string, { description?: string }>)) {
        expect(sub.description, `${path}/properties/${key}`).toBeTruthy();
      }
    }
  });

  test('scenarioSchema uses no oneOf/anyOf (one precise error per mistake)', () => {
    const text = JSON.stringify(scenarioSchema);
    expect(text).not.toMatch(/"(oneOf|anyOf)"/);
  });

  test('every scenario shipped in scenarios/ parses', () => {
    const dir = new URL('scenarios/', root);
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f));
    } catch {
      // no scenarios yet
    }
    for (const f of files) {
      expect(() => parseScenario(readFileSync(new URL(f, dir), 'utf8'), `scenarios/${f}`)).not.toThrow();
    }
  });
});
