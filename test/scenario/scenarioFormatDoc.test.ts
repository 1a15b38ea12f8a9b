import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/scenario/parseScenario.js';

const doc = readFileSync(new URL('../../docs/scenario-format.md', import.meta.url), 'utf8');
const yamlBlocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('docs/scenario-format.md', () => {
  test('its first example is a valid scenario', () => {
    const s = parseScenario(yamlBlocks[0], 'docs/scenario-format.md');
    expect(s.tasks.length).toBeGreaterThan(0);
  });

  test('it documents every key of the schema', async () => {
    const { scenarioSchema } = await import('../../src/scenario/scenarioSchema.js');
    const keys = new Set<string>();
    const walk = (node: unknown): void => {
      if (node === null || typeof node !== 'object') return;
      const props = (node as { properties?: Record<string, unknown> }).properties;
      if (props) Object.keys(props).forEach((k) => keys.add(k));
      Object.values(node).forEach(walk);
    };
    walk(scenarioSchema);
    for (const key of keys) expect(doc, key).toContain(key);
  });
});
