import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { compileModel } from '../../src/engine/compileModel.js';
import { compareStrategyNames } from '../../src/montecarlo/compare.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { computeShard } from '../../src/scaleout/computeShard.js';
import { formatShardFile, type ShardFile } from '../../src/scaleout/ShardFile.js';
import { coordsimVersion } from '../../src/cli/version.js';
import { snapshot } from '../cli/_cli.js';
import { inProcess, SMALL, tempDir } from './_scaleout.js';

let dir: string;
const part = (name: string) => join(dir, `${name}.json`);
const text = readFileSync(SMALL, 'utf8');

/** Writes shard `index/count` of a compare (or montecarlo) of the small scenario, 3,000 runs unless told. */
async function write(name: string, index: number, count: number, o: { seed?: number; sampling?: 'random' | 'lhs'; runs?: number; strategies?: string[]; command?: 'montecarlo' | 'compare'; yaml?: string } = {}) {
  const scenario = parseScenario(o.yaml ?? text, SMALL);
  const model = compileModel(scenario);
  const command = o.command ?? 'compare';
  const strategies = command === 'montecarlo' ? ['mesh'] : compareStrategyNames(model, o.strategies ?? null);
  const f = await computeShard({ command, scenario, model, strategies, runs: o.runs ?? 3000, seed: o.seed ?? 1, sampling: o.sampling ?? 'random', workers: 1, shard: { index, count }, coordsim: coordsimVersion() });
  writeFileSync(part(name), formatShardFile(f));
}

/** A part file with its JSON edited. */
function edited(from: string, name: string, edit: (f: Record<string, any>) => void) {
  const f = JSON.parse(readFileSync(part(from), 'utf8'));
  edit(f);
  writeFileSync(part(name), JSON.stringify(f));
}

beforeAll(async () => {
  dir = tempDir('coordsim-refusals-');
  for (const i of [0, 1, 2]) await write(`p${i}`, i, 3);
  await write('half1', 1, 2);
  await write('seed2', 1, 3, { seed: 2 });
  await write('lhs', 1, 3, { sampling: 'lhs' });
  await write('runs4000', 1, 4, { runs: 4000 });
  await write('mesh-only', 1, 3, { strategies: ['mesh'] });
  await write('montecarlo', 1, 3, { command: 'montecarlo' });
  await write('other-scenario', 1, 3, { yaml: text.replace('duration: {pert: [0.5, 1, 2]}}', 'duration: {pert: [0.5, 1, 2.5]}}') });
  edited('p1', 'newer-coordsim', (f) => (f.coordsim = '9.9.9'));
  edited('p1', 'damaged', (f) => (f.summary.perStrategy[0].counts.values[0] += 1));
  edited('p0', 'edited-scenario', (f) => (f.scenario.name = 'Another name'));
  edited('p1', 'format2', (f) => (f.format = 'coordsim-shard/2'));
  writeFileSync(part('not-a-part'), '{"runs": 3000}');
  writeFileSync(part('not-json'), 'runs,makespan\n0,1\n');
}, 300_000);

describe('coordsim merge refuses parts that do not make one Monte Carlo: exit 2, a message naming them, nothing written', () => {
  test.each([
    ['another seed', ['p0', 'seed2', 'p2'], /p0\.json has seed 1 but .*seed2\.json has seed 2 \(another seed\)/],
    ['another sampling', ['p0', 'lhs', 'p2'], /has --sampling random but .*lhs\.json has --sampling lhs \(another sampling\)/],
    ['another run count', ['p0', 'runs4000', 'p2'], /has --runs 3000 but .*runs4000\.json has --runs 4000 \(another run count\)/],
    ['another strategy set', ['p0', 'mesh-only', 'p2'], /has strategies mesh,hub,ideal,sequential but .*mesh-only\.json has strategies mesh,sequential,ideal \(another strategy set\)/],
    ['another command', ['p0', 'montecarlo', 'p2'], /has `coordsim compare` but .*montecarlo\.json has `coordsim montecarlo` \(another command\)/],
    ['another scenario (by the hash of its content)', ['p0', 'other-scenario', 'p2'], /has scenario "Shard test team" \(sha256:.{12}…\) but .*other-scenario\.json has scenario "Shard test team" \(sha256:.{12}…\) \(another scenario\)/],
    ['another coordsim version', ['p0', 'newer-coordsim', 'p2'], /has coordsim \d+\.\d+\.\d+ but .*newer-coordsim\.json has coordsim 9\.9\.9 \(another coordsim version\); compute every shard with the same coordsim/],
    ['a missing range', ['p2', 'p0'], /do not cover runs 0–2,999 exactly once: runs 1,000–1,999 missing/],
    ['a missing end', ['p0', 'p1'], /runs 2,000–2,999 missing/],
    ['a doubled part', ['p0', 'p1', 'p1', 'p2'], /runs 1,000–1,999 doubled \(in .*p1\.json and .*p1\.json\)/],
    ['overlapping splits', ['p0', 'half1', 'p2'], /runs 2,000–2,999 doubled \(in .*half1\.json and .*p2\.json\)/],
    ['a damaged summary (checksum)', ['p0', 'damaged', 'p2'], /damaged\.json at \/checksum: the summary or the runs\.csv lines do not match the checksum/],
    ['an edited scenario (hash)', ['edited-scenario', 'p1', 'p2'], /edited-scenario\.json at \/scenario: the scenario does not match the part's scenarioHash/],
    ['a newer shard format', ['p0', 'format2', 'p2'], /format2\.json at \/format: a shard file of format "coordsim-shard\/2", which this coordsim does not read \(it reads coordsim-shard\/1\)/],
    ['a JSON file that is no part', ['p0', 'not-a-part'], /not-a-part\.json at \/format: not a coordsim shard file: expected "format": "coordsim-shard\/1", got nothing/],
    ['a CSV file', ['not-json'], /not-json\.json: not a coordsim shard file: it is not JSON/],
    ['a missing file', ['p0', 'nope'], /nope\.json: cannot read the part: ENOENT/],
  ])('%s', async (_what, names, message) => {
    const out = join(dir, 'out-' + names.join('-'));
    const r = await inProcess(['merge', ...names.map(part), '--out', out]);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  test('an earlier output set in DIR is left byte for byte as it was', async () => {
    const out = join(dir, 'earlier');
    const ok = await inProcess(['merge', part('p0'), part('p1'), part('p2'), '--out', out]);
    expect(ok.code).toBe(0);
    const before = snapshot(out);
    const r = await inProcess(['merge', part('p0'), part('p2'), '--out', out]);
    expect(r.code).toBe(2);
    expect(snapshot(out)).toEqual(before);
    expect(readFileSync(join(out, 'runs.csv'), 'utf8').split('\n').length - 2).toBe(3000 * 4);
  });
});

describe('--shard, --queue and worker flags are checked before any work: exit 2 naming the flag', () => {
  test.each([
    [['montecarlo', SMALL, '--shard', '0/3'], /--shard needs --out PART/],
    [['montecarlo', SMALL, '--shard', '0/3', '--precision', '0.01', '--out', 'x.json'], /--precision cannot be used with --shard/],
    [['compare', SMALL, '--shard', '3/3', '--out', 'x.json'], /--shard "3\/3": the index 3 is not below the count 3/],
    [['compare', SMALL, '--shard', '1/2/3', '--out', 'x.json'], /--shard "1\/2\/3": expected I\/N/],
    [['montecarlo', SMALL, '--runs', '3000', '--shard', '0/4', '--out', 'x.json'], /3,000 runs make 3 chunks of 1,000 runs, and a shard takes whole chunks: use at most 3 shards/],
    [['compare', SMALL, '--queue', 'redis://127.0.0.1:1', '--workers', '2'], /--workers counts threads of this machine and cannot be used with --queue/],
    [['compare', SMALL, '--queue-timeout', '5'], /--queue-timeout applies only with --queue/],
    [['compare', SMALL, '--queue', 'http://127.0.0.1:6379'], /--queue "http:\/\/127\.0\.0\.1:6379": the scheme http is not redis or rediss; expected redis:\/\/HOST:PORT/],
    [['compare', SMALL, '--queue', 'redis://127.0.0.1:6379/x'], /the path \/x is not a database number/],
    [['compare', SMALL, '--queue', 'redis://127.0.0.1:6379', '--queue-timeout', '0'], /--queue-timeout: expected a positive integer, got "0"/],
    [['worker'], /worker: --queue is required/],
    [['worker', '--queue', 'redis://h:1', '--concurrency', '0'], /--concurrency: expected a positive integer/],
    [['worker', '--queue', 'redis://h:1', '--lock-ms', '10'], /--lock-ms: expected an integer >= 1000/],
    [['merge', '--out', 'x'], /Not enough non-option arguments|parts/],
  ])('coordsim %j', async (args, message) => {
    const r = await inProcess(args.map((a) => (a === 'x.json' ? join(dir, 'flags.json') : a)));
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'flags.json'))).toBe(false);
  });

  test('--shard --out names a file: a folder, a missing folder or a file that is no part are refused and kept', async () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'keep me');
    for (const [out, message] of [
      [folder, /is a folder; with --shard, --out names the part file to write/],
      [join(dir, 'missing', 'p.json'), /the folder .*missing does not exist/],
      [notes, /exists and is not a coordsim shard file; coordsim replaces only an earlier part/],
    ] as const) {
      const r = await inProcess(['montecarlo', SMALL, '--runs', '3000', '--shard', '0/3', '--out', out]);
      expect(r.stderr).toMatch(message);
      expect(r.code).toBe(2);
    }
    expect(readFileSync(notes, 'utf8')).toBe('keep me');
    // An earlier part is replaced.
    const again = await inProcess(['montecarlo', SMALL, '--runs', '3000', '--workers', '1', '--shard', '0/3', '--out', part('montecarlo')]);
    expect(again.code).toBe(0);
    expect((JSON.parse(readFileSync(part('montecarlo'), 'utf8')) as ShardFile).range).toEqual([0, 1000]);
  });
});
