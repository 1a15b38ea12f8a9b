// The bundled scenarios that run the strategy presets beside their hand-set strategies.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { PRESET_NAMES, presetStrategy } from '../../src/scenario/presets.js';
import { simulate } from '../../src/engine/simulate.js';

const FILES = ['scenarios/ecommerce-security.yaml', 'scenarios/llm-team.yaml'];

describe.each(FILES)('%s', (file) => {
  const text = readFileSync(file, 'utf8');
  const s = parseScenario(text, file);

  test('has a <name>-preset strategy per preset, equal to presetStrategy(name, W)', () => {
    // W as the file's comment states it; the swarm's status period is 1 × W.
    const w = Number(/\(W = ([0-9.]+)/.exec(text)![1]);
    expect(s.strategies!['swarm-preset'].status!.every).toBe(w);
    for (const name of PRESET_NAMES) expect(s.strategies![`${name}-preset`]).toEqual({ preset: name, ...presetStrategy(name, w) });
  });

  test('its hand-set default strategy is unchanged by the presets beside it', () => {
    expect(s.strategy).not.toMatch(/-preset$/);
  });

  test('every preset strategy runs: more coordination than ideal; the same work unless its gates fail more often', () => {
    for (const name of PRESET_NAMES) {
      const run = simulate(s, { strategy: `${name}-preset`, seed: 7, run: 3, trace: false }).metrics;
      const ideal = simulate(s, { strategy: 'ideal', seed: 7, run: 3, trace: false }).metrics;
      // A gate_failure factor above 1 moves outcomes from pass towards remediation and rework.
      if (name === 'swarm') expect(run.workTime).toBeGreaterThanOrEqual(ideal.workTime);
      else expect(run.workTime).toBeCloseTo(ideal.workTime, 9);
      expect(run.coordinationTime).toBeGreaterThan(0);
      expect(run.makespan).toBeGreaterThanOrEqual(ideal.makespan);
    }
  });
});
