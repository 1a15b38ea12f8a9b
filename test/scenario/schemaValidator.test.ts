import fc from 'fast-check';
import { Ajv, type ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { scenarioSchema } from '../../src/scenario/scenarioSchema.js';
import { SCHEMA_OPTIONS, scenarioValidator } from '../../src/scenario/_internals/schemaValidator.js';
import { validatorSource } from '../../src/scenario/_internals/validatorSource.js';
import { scenarioArbitrary } from '../../src/testing/arbitraries.js';
import { BAD_SCENARIOS, VALID } from './badScenarios.js';

/** The module `scripts/build-validator.mjs` writes, loaded from its source. */
function loadSource(source: string): { default: ValidateFunction; schemaText: string } {
  const module = { exports: {} as { default: ValidateFunction; schemaText: string } };
  new Function('module', 'exports', 'require', source)(module, module.exports, createRequire(import.meta.url));
  return module.exports;
}

/** Values to validate: the valid scenario, each malformed one, generated ones and random edits of them. */
function inputs(): unknown[] {
  const out: unknown[] = [parse(VALID), ...BAD_SCENARIOS.filter((b) => b.code !== 'E_PARSE').map((b) => parse(b.text) as unknown)];
  const scenarios = fc.sample(scenarioArbitrary({ maxTasks: 8 }), { seed: 14, numRuns: 30 });
  const junk = fc.sample(fc.oneof(fc.string(), fc.integer({ min: -3, max: 3 }), fc.constant(null), fc.array(fc.integer(), { maxLength: 4 }), fc.object({ maxDepth: 1 })), { seed: 15, numRuns: 300 });
  scenarios.forEach((s, i) => {
    out.push(s);
    // Put junk at a few places of a copy: a task's duration, an agent's key, the top level.
    for (let k = 0; k < 10; k++) {
      const copy = JSON.parse(JSON.stringify(s)) as Record<string, any>;
      const j = junk[(i * 10 + k) % junk.length];
      const t = copy.tasks[k % copy.tasks.length];
      if (k % 3 === 0) t.duration = j;
      else if (k % 3 === 1) copy.agents[0][k % 2 ? 'capacity' : 'skils'] = j;
      else copy[k % 2 ? 'strategies' : 'deadline'] = j;
      out.push(copy);
    }
  });
  return out;
}

describe('scenarioValidator', () => {
  test('the prebuilt (standalone) validator gives the errors Ajv compiling the schema gives', () => {
    const prebuilt = loadSource(validatorSource());
    expect(prebuilt.schemaText).toBe(JSON.stringify(scenarioSchema));
    const compiled = new Ajv(SCHEMA_OPTIONS).compile(scenarioSchema);
    let invalid = 0;
    for (const value of inputs()) {
      const ok = compiled(value);
      expect(prebuilt.default(value)).toBe(ok);
      if (!ok) invalid++;
      expect(prebuilt.default.errors ?? null).toEqual(compiled.errors ?? null);
    }
    expect(invalid).toBeGreaterThan(100);
  });

  test('scenarioValidator compiles the schema where no prebuilt validator is (the sources), once', () => {
    const v = scenarioValidator();
    expect(scenarioValidator()).toBe(v);
    expect(v(parse(VALID))).toBe(true);
    expect(v({ name: 'x' })).toBe(false);
  });
});
