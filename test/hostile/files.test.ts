import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CoordsimError } from '../../src/scenario/CoordsimError.js';
import { readScenarioText } from '../../src/scenario/readScenarioText.js';
import { parseScenarioWithWarnings } from '../../src/scenario/parseScenario.js';
import { formatWarning, scenarioWarnings } from '../../src/scenario/scenarioWarnings.js';
import { validateScenario } from '../../src/scenario/validateScenario.js';
import { repoPath } from '../helpers.js';
import { boundedCli, built, misbehaviour, tempDir } from './_hostile.js';

function readError(f: () => unknown): CoordsimError {
  try {
    f();
  } catch (e) {
    if (e instanceof CoordsimError) return e;
    throw e;
  }
  throw new Error('nothing was thrown');
}

describe('readScenarioText', () => {
  test('reads a file whole, as readFileSync would', () => {
    const file = repoPath('scenarios/ecommerce-security.yaml');
    expect(readScenarioText(file)).toBe(readFileSync(file, 'utf8'));
  });

  test('refuses a file one byte over maxBytes, accepts one at it', () => {
    const file = join(tempDir(), 'big.yaml');
    writeFileSync(file, 'x'.repeat(100));
    expect(readScenarioText(file, { maxBytes: 100 })).toHaveLength(100);
    const e = readError(() => readScenarioText(file, { maxBytes: 99 }));
    expect([e.code, e.message]).toEqual(['E_USAGE', `${file}: scenario file too large: expected at most 99 bytes, found 100 bytes (see Limits in docs/scenario-format.md)`]);
  });

  test.skipIf(!existsSync('/dev/zero'))('refuses /dev/zero after reading just past the limit, promptly', () => {
    const t0 = performance.now();
    const e = readError(() => readScenarioText('/dev/zero'));
    expect(e.message).toBe('/dev/zero: scenario file too large: expected at most 33,554,432 bytes, found more (see Limits in docs/scenario-format.md)');
    expect(performance.now() - t0).toBeLessThan(30_000); // a hang bound, not a speed figure
  });

  test('names the system error for a missing file and a folder', () => {
    const dir = tempDir();
    expect(readError(() => readScenarioText(join(dir, 'nope.yaml'))).message).toBe(`${join(dir, 'nope.yaml')}: cannot read scenario: ENOENT`);
    mkdirSync(join(dir, 'folder.yaml'));
    expect(readError(() => readScenarioText(join(dir, 'folder.yaml'))).message).toBe(`${join(dir, 'folder.yaml')}: cannot read scenario: EISDIR`);
  });
});

describe('scenarioWarnings', () => {
  const text = [
    'name: x',
    'time_unit: day',
    'agents: [{id: a}]',
    'tasks:',
    '  - {id: build, agent: a, duration: 1}',
    '  - {id: ship, agent: a, duration: 1, after: [build]}',
    'gates:',
    '  - {id: review, after: [build]}',
    '',
  ].join('\n');

  test('a gate no task or gate waits for is a warning, located at its id', () => {
    const { warnings } = parseScenarioWithWarnings(text, 'w.yaml');
    expect(warnings.map(formatWarning)).toEqual([
      "w.yaml:8:6 at /gates/0/id: warning: nothing waits for gate 'review': no task or gate lists it in 'after', so the work after the tasks it reviews starts before it signs off (list 'review' in the 'after' of the tasks that should wait)",
    ]);
  });

  test('a gate that a task or another gate waits for is no warning', () => {
    expect(parseScenarioWithWarnings(text.replace('after: [build]}\ngates', 'after: [review]}\ngates'), 'w.yaml').warnings).toEqual([]);
    const s = validateScenario({ name: 'x', time_unit: 'day', agents: [{ id: 'a' }], tasks: [{ id: 't', agent: 'a', duration: 1 }], gates: [{ id: 'g1', after: ['t'] }, { id: 'g2', after: ['g1'] }] });
    expect(scenarioWarnings(s).map((w) => w.context.path)).toEqual(['/gates/1/id']);
  });
});

describe.skipIf(!existsSync('/dev/zero'))('the built CLI reads scenarios through readScenarioText', () => {
  test('validate /dev/zero exits 2 promptly with a message', () => {
    const r = boundedCli(['validate', '/dev/zero'], { timeoutMs: 20_000 });
    expect(misbehaviour(r)).toBe('');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('scenario file too large');
  });
});
