import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { compileModel } from '../../src/engine/compileModel.js';
import { simulate } from '../../src/engine/simulate.js';
import { compare } from '../../src/montecarlo/compare.js';
import { CoordsimError } from '../../src/scenario/CoordsimError.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { validateScenario } from '../../src/scenario/validateScenario.js';
import { strategySchema } from '../../src/scenario/_internals/strategySchema.js';
import { PRESET_NAMES, presetStrategy, referenceLength, type PresetName } from '../../src/scenario/presets.js';
import type { Scenario, StrategySpec } from '../../src/scenario/Scenario.js';

type Obj = Record<string, unknown>;

// --- docs/presets.md, read as data ---------------------------------------------------------

const doc = readFileSync(new URL('../../docs/presets.md', import.meta.url), 'utf8');

/** The rows `| \`key\` | value | ... |` of the table under `### <preset>`. */
function tableOf(preset: string): Array<{ key: string; value: string }> {
  const section = doc.split(/^### /m).find((s) => s.startsWith(`${preset}\n`));
  if (section === undefined) throw new Error(`docs/presets.md has no section '### ${preset}'`);
  return [...section.matchAll(/^\| `([a-z_.]+)` \| (.*?) \|/gm)].map((m) => ({ key: m[1], value: m[2].trim() }));
}

/** A documented value at reference length `w`: `—` is unset, `` `x` `` is YAML, `` `x` × W `` scales x's numbers. */
function documentedValue(cell: string, w: number): unknown {
  if (cell === '—') return undefined;
  const m = /^`(.*)`( × W)?$/.exec(cell);
  if (m === null) throw new Error(`cannot read the documented value ${cell}`);
  const value: unknown = parse(m[1]);
  if (!m[2]) return value;
  const times = (x: unknown): unknown => (typeof x === 'number' ? Number((x * w).toPrecision(12)) : Array.isArray(x) ? x.map(times) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, times(v)])) : x);
  return times(value);
}

/** The strategy the table documents, built from its rows alone. */
function documentedStrategy(preset: string, w: number): Obj {
  const out: Obj = {};
  for (const { key, value } of tableOf(preset)) {
    const v = documentedValue(value, w);
    if (v === undefined) continue;
    const [head, field] = key.split('.');
    if (field === undefined) out[head] = v;
    else ((out[head] ??= {}) as Obj)[field] = v;
  }
  return out;
}

/** Every key and mechanism field of the strategy schema but `preset`, e.g. `handoff.effort`. */
function strategyKeys(): string[] {
  const props = strategySchema.properties as Record<string, { properties?: Record<string, unknown> }>;
  return Object.entries(props)
    .filter(([k]) => k !== 'preset')
    .flatMap(([k, sub]) => (sub.properties && k !== 'dispatch' ? Object.keys(sub.properties).map((f) => `${k}.${f}`) : [k]));
}

// --- scenarios -----------------------------------------------------------------------------

/** Two agents in one team, tasks of mean 2 and 4 hours: W = 3. */
function scenario(strategies: Record<string, Obj>): Obj {
  return {
    name: 'presets',
    time_unit: 'hour',
    agents: [
      { id: 'a', team: 't' },
      { id: 'b', team: 't' },
    ],
    tasks: [
      { id: 'x', agent: 'a', duration: 2 },
      { id: 'y', agent: 'b', duration: { pert: [2, 4, 6] }, after: ['x'] },
      { id: 'done', milestone: true, after: ['y'] },
    ],
    strategies,
  };
}

const expand = (entry: Obj): Obj => validateScenario(scenario({ s: entry })).strategies!.s as unknown as Obj;
const withoutMarker = ({ preset: _, ...rest }: Obj): Obj => rest;

describe('presets: docs/presets.md is the definition', () => {
  test.each(PRESET_NAMES)('{preset: %s} expands to exactly its documented table (W = 3)', (name) => {
    const got = expand({ preset: name });
    expect(got.preset).toBe(name);
    expect(withoutMarker(got)).toEqual(documentedStrategy(name, 3));
  });

  test.each(PRESET_NAMES)('the %s table lists every strategy key once, and nothing else', (name) => {
    expect(tableOf(name).map((r) => r.key).sort()).toEqual(strategyKeys().sort());
  });

  test('presetStrategy(name, w) scales every time of the table and nothing else', () => {
    for (const name of PRESET_NAMES) {
      expect(presetStrategy(name, 2.43)).toEqual(documentedStrategy(name, 2.43));
      expect(presetStrategy(name, 1)).toEqual(documentedStrategy(name, 1));
    }
    // by hand: 0.05 × 2.43 = 0.1215 exactly, not 0.12150000000000001
    expect(presetStrategy('supervisor', 2.43).handoff!.effort).toEqual({ pert: [0.0486, 0.1215, 0.243] });
    expect(presetStrategy('swarm', 2.43).escalation!.probability).toBe(0.518);
  });

  test('presetStrategy returns a fresh object each call', () => {
    const a = presetStrategy('swarm', 1);
    (a.status as { every: number }).every = 99;
    expect(presetStrategy('swarm', 1).status!.every).toBe(1);
  });
});

describe('referenceLength', () => {
  test('is the mean of the task means, to 3 significant digits; 1 when none is positive', () => {
    expect(referenceLength([2, 4])).toBe(3);
    expect(referenceLength([1, 1, 2])).toBe(1.33);
    expect(referenceLength([1000, 2000, 2002])).toBe(1670); // 1667.33 → 1670
    expect(referenceLength([])).toBe(1);
    expect(referenceLength([0, 0])).toBe(1);
  });

  test('a scenario uses its tasks with a duration (pert mean (a + 4m + b) / 6), milestones aside', () => {
    const s = scenario({ s: { preset: 'swarm' } });
    (s.tasks as Obj[])[1].duration = { pert: [1, 2, 6] }; // mean 2.5; with 2: W = 2.25 → 2.25
    expect((validateScenario(s).strategies!.s.status as { every: number }).every).toBe(2.25);
  });
});

// --- overrides -----------------------------------------------------------------------------

/** For each strategy key: a value differing from every preset's, valid beside any of them. */
const OVERRIDES: Record<string, unknown> = {
  description: 'mine',
  topology: 'hierarchy',
  orchestrator_capacity: 3,
  leads: { t: 'b' },
  'handoff.effort': { triangular: [1, 2, 4] },
  'handoff.batched': true,
  'status.every': 7,
  'status.effort': 0.5,
  'status.per_peer': 0.25,
  'checkpoint.every': 9,
  'checkpoint.offset': 2,
  'checkpoint.duration': 0.75,
  'checkpoint.orchestrator': false,
  'escalation.probability': 0.01,
  'escalation.delay': { uniform: [1, 2] },
  'escalation.effort': 0.7,
  'remediation.blocking': 'flip',
  'gate_failure.factor': 2.5,
  'tokens.factor': 2,
  dispatch: { order: ['x', 'y'] },
  pick: 'least-busy',
};

/** Whole mechanisms the override needs to be valid (a checkpoint for batched handoffs...). */
const COMPLETE: Record<string, Obj> = {
  status: { every: 7, effort: 0.5 },
  checkpoint: { every: 9, duration: 0.75 },
};

describe('presets: a key written beside preset wins', () => {
  test('the override list covers every strategy key', () => {
    expect(Object.keys(OVERRIDES).sort()).toEqual(strategyKeys().sort());
  });

  for (const name of PRESET_NAMES) {
    test.each(Object.keys(OVERRIDES))(`${name}: %s`, (key) => {
      const preset = documentedStrategy(name, 3);
      const [head, field] = key.split('.');
      let value = OVERRIDES[key];
      if (value === 'flip') value = !(preset.remediation as Obj).blocking;
      const entry: Obj = { preset: name };
      if (field === undefined) entry[head] = value;
      else entry[head] = { ...(preset[head] === undefined ? COMPLETE[head] : {}), [field]: value };
      if (key === 'handoff.batched') entry.checkpoint = COMPLETE.checkpoint;
      const got = expand(entry);
      if (field === undefined) expect(got[head]).toEqual(value);
      else {
        expect((got[head] as Obj)[field]).toEqual(value);
        // the preset's other fields of that mechanism stay
        for (const [f, v] of Object.entries((preset[head] as Obj | undefined) ?? {})) if (f !== field) expect((got[head] as Obj)[f], `${head}.${f}`).toEqual(v);
      }
      // every other key is the preset's
      for (const [k, v] of Object.entries(preset)) if (k !== head && entry[k] === undefined) expect(got[k], k).toEqual(v);
    });
  }

  test('a distribution replaces the preset distribution whole (no merging of families)', () => {
    const got = expand({ preset: 'supervisor', handoff: { effort: 0.5 } });
    expect(got.handoff).toEqual({ effort: 0.5, batched: false });
  });

  test('an override is checked like any strategy, at the line the user wrote', () => {
    const text = ['name: p', 'time_unit: hour', 'agents: [{id: a}]', 'tasks: [{id: x, agent: a, duration: 1}]', 'strategies:', '  s:', '    preset: supervisor', '    handoff: {batched: true}', ''].join('\n');
    const e = catchError(() => parseScenario(text, 'p.yaml'));
    expect(e.code).toBe('E_INFEASIBLE');
    expect(e.context).toMatchObject({ file: 'p.yaml', path: '/strategies/s/handoff/batched', line: 8 });
  });
});

// --- errors --------------------------------------------------------------------------------

function catchError(f: () => unknown): CoordsimError {
  try {
    f();
  } catch (e) {
    if (e instanceof CoordsimError) return e;
    throw e;
  }
  throw new Error('expected a CoordsimError');
}

describe('presets: errors', () => {
  const text = (preset: string) =>
    ['name: p', 'time_unit: hour', 'agents: [{id: a}]', 'tasks: [{id: x, agent: a, duration: 1}]', 'strategies:', '  ok: {topology: hub}', `  s: {preset: ${preset}}`, ''].join('\n');

  test('an unknown preset is E_SCHEMA at its line, with did-you-mean', () => {
    const e = catchError(() => parseScenario(text('supervsor'), 'p.yaml'));
    expect(e.code).toBe('E_SCHEMA');
    expect(e.context).toEqual({ file: 'p.yaml', path: '/strategies/s/preset', line: 7, column: 7 });
    expect(e.message).toBe("p.yaml:7:7 at /strategies/s/preset: unknown preset 'supervsor': expected one of supervisor, swarm, pipeline (did you mean 'supervisor'?)");
  });

  test('a preset that is not a name says what it found', () => {
    expect(catchError(() => parseScenario(text('3'), 'p.yaml')).message).toMatch(/unknown preset 3: expected one of supervisor, swarm, pipeline$/);
    expect(catchError(() => parseScenario(text('hierarchy'), 'p.yaml')).message).toMatch(/unknown preset 'hierarchy': expected one of supervisor, swarm, pipeline$/);
  });

  test('a strategy with neither topology nor preset is E_SCHEMA at the strategy', () => {
    const e = catchError(() => parseScenario(text('swarm').replace('{preset: swarm}', '{handoff: {effort: 1}}'), 'p.yaml'));
    expect(e.code).toBe('E_SCHEMA');
    expect(e.message).toBe("p.yaml:7:3 at /strategies/s: missing required key 'topology' (in strategy 's'), or a 'preset'");
  });

  test('a frozen strategy cannot be expanded in place: E_ARGUMENT, not a TypeError', () => {
    const s = scenario({ s: Object.freeze({ preset: 'swarm' }) });
    expect(catchError(() => validateScenario(s)).code).toBe('E_ARGUMENT');
  });
});

// --- running -------------------------------------------------------------------------------

describe('presets: determinism and running', () => {
  test('expansion is deterministic and idempotent (validating the expanded scenario changes nothing)', () => {
    const a = validateScenario(scenario({ s: { preset: 'swarm', escalation: { probability: 0.2 } } }));
    const b = validateScenario(scenario({ s: { preset: 'swarm', escalation: { probability: 0.2 } } }));
    expect(a).toEqual(b);
    const again = validateScenario(JSON.parse(JSON.stringify(a)));
    expect(again).toEqual(a);
  });

  test('a plain object given to simulate is expanded in place (compileModel validates it)', () => {
    const s = scenario({ sup: { preset: 'supervisor' } }) as unknown as Scenario;
    const r = simulate(s, { strategy: 'sup', seed: 1, run: 0 });
    expect((s.strategies!.sup as StrategySpec).topology).toBe('hub');
    expect(r.metrics.strategy).toBe('sup');
    // x (agent a) -> y (agent b) is a cross-agent handoff, paid by the orchestrator under a hub
    expect(r.metrics.handoffs).toBe(1);
    expect(r.metrics.orchestrator!.coordinationTime).toBeGreaterThan(0);
  });

  test('preset strategies compare side by side with hand-set ones', async () => {
    const model = compileModel(
      validateScenario(
        scenario({
          hand: { topology: 'mesh', handoff: { effort: 0.15 } },
          ...Object.fromEntries(PRESET_NAMES.map((n: PresetName) => [n, { preset: n }])),
        }),
      ),
    );
    const r = await compare(model, null, { runs: 400, seed: 2 });
    const names = r.strategies.map((s) => s.strategy);
    expect(names).toEqual(['hand', 'supervisor', 'swarm', 'pipeline', 'ideal', 'sequential']);
    const mean = new Map(r.strategies.map((s) => [s.strategy, s.makespan.mean]));
    // the same work, more coordination: every preset is slower than the ideal lower bound
    for (const n of PRESET_NAMES) expect(mean.get(n)!).toBeGreaterThan(mean.get('ideal')!);
    // swarm and pipeline differ only in status traffic and the conflict rate (0.518 vs 0.132)
    expect(mean.get('swarm')!).toBeGreaterThan(mean.get('pipeline')!);
  });
});
