import { describe, expect, test } from 'vitest';
import { CoordsimError } from '../../src/scenario/CoordsimError.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';

const head = `name: costs
time_unit: day
agents:
  - id: a
`;
const tasks = `tasks:
  - {id: t, agent: a, duration: 1}
`;

function error(text: string): CoordsimError {
  try {
    parseScenario(text, 'plan.yaml');
  } catch (e) {
    if (e instanceof CoordsimError) return e;
    throw e;
  }
  throw new Error('expected a CoordsimError');
}

describe('parseScenario: cost keys', () => {
  test('accepts every cost key', () => {
    const s = parseScenario(
      `${head}    rate: 100
    tokens: {work: {input: 1000}, handoff: {input_per_act: 10, output_per_act: 1}, status: {output: 2}, checkpoint: {input: 1}, review: {input: 1}, escalation: {input: 1}}
    token_prices: {input: 3, output: 15}
orchestrator: {rate: 50, tokens: {review: {input: 5}}}
currency: EUR
budget: 1000
token_prices: {input: 1}
tasks:
  - {id: t, agent: a, duration: 1, cost: {pert: [1, 2, 3]}}
risks:
  - {id: r, task: t, probability: 0.5, cost: 10}
`,
      'plan.yaml',
    );
    expect(s.budget).toBe(1000);
  });

  test('a negative rate is a schema error at its line', () => {
    const e = error(`${head}    rate: -5\n${tasks}`);
    expect(e.code).toBe('E_SCHEMA');
    expect(e.message).toBe('plan.yaml:5:5 at /agents/0/rate: expected a number >= 0, found -5');
  });

  test('an unknown token kind suggests the right one', () => {
    const e = error(`${head}    tokens: {handof: {input: 1}}\n    token_prices: {input: 1}\n${tasks}`);
    expect(e.code).toBe('E_SCHEMA');
    expect(e.message).toMatch(/^plan\.yaml:5:\d+ at \/agents\/0\/tokens\/handof: unknown key 'handof' \(did you mean 'handoff'\?\)/);
  });

  test('per-act tokens are for coordination: work has none', () => {
    const e = error(`${head}    tokens: {work: {input_per_act: 1}}\n    token_prices: {input: 1}\n${tasks}`);
    expect(e.message).toMatch(/at \/agents\/0\/tokens\/work\/input_per_act: unknown key 'input_per_act'/);
  });

  test('tokens without any price are refused, naming the agent', () => {
    const e = error(`${head}    tokens: {work: {input: 1}}\n${tasks}`);
    expect(e.code).toBe('E_PARAM');
    expect(e.message).toBe(
      "plan.yaml:5:5 at /agents/0/tokens: agent 'a' uses tokens but no price applies: expected 'token_prices' on the agent or at the top level (a price of 0 is allowed), found neither",
    );
    const o = error(`${head}orchestrator: {tokens: {handoff: {input: 1}}}\n${tasks}`);
    expect(o.message).toMatch(/at \/orchestrator\/tokens: the orchestrator uses tokens but no price applies/);
  });

  test('bad cost distribution parameters are E_PARAM at the distribution', () => {
    const e = error(`${head}tasks:\n  - {id: t, agent: a, duration: 1, cost: {pert: [5, 3, 8]}}\n`);
    expect(e.code).toBe('E_PARAM');
    expect(e.message).toMatch(/^plan\.yaml:6:\d+ at \/tasks\/0\/cost\/pert: pert: expected min <= mode <= max/);
  });

  test('a negative budget and an empty currency are schema errors', () => {
    expect(error(`${head}${tasks}budget: -1\n`).message).toMatch(/at \/budget: expected a number >= 0, found -1/);
    expect(error(`${head}${tasks}currency: ''\n`).message).toMatch(/at \/currency: expected a non-empty string/);
  });

  test('a risk needs delay, work or cost', () => {
    const e = error(`${head}${tasks}risks:\n  - {id: r, task: t, probability: 0.5}\n`);
    expect(e.message).toMatch(/risk 'r': expected 'delay', 'work', 'cost' or several \(what happens when it occurs\), found none/);
  });
});

describe('docs/scenario-format.md, "Cost and tokens"', () => {
  test('both examples are valid scenarios once named', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/scenario-format.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('## Cost and tokens'), doc.indexOf('## Validation'));
    const examples = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]).filter((y) => y.includes('time_unit'));
    expect(examples).toHaveLength(2);
    for (const y of examples) expect(parseScenario(`name: example\n${y}`, 'doc').currency).toBeDefined();
  });
});
