import { CoordsimError } from '../scenario/CoordsimError.js';
import type { ShardFile } from './ShardFile.js';

/** A part as read from disk: its file name and its content. */
export interface NamedShard {
  file: string;
  shard: ShardFile;
}

const grouped = (n: number) => n.toLocaleString('en-US');
const runsText = (a: number, b: number) => (b - a === 1 ? `run ${grouped(a)}` : `runs ${grouped(a)}–${grouped(b - 1)}`);

/**
 * Checks that the parts belong to one Monte Carlo — the same coordsim version, command,
 * scenario (by hash), strategies, seed, sampling, run count and chunk size — and that their
 * ranges tile [0, runs) exactly, none missing and none doubled; returns them in run order.
 * Parts of different splits (`--shard 0/2` with `2/4` and `3/4`) are fine when they tile.
 * E_USAGE naming the parts and the runs otherwise.
 */
export function planMerge(parts: readonly NamedShard[]): NamedShard[] {
  if (parts.length === 0) throw new CoordsimError('E_USAGE', 'merge: name the shard files to merge');
  const first = parts[0];
  const refuse = (what: string) => new CoordsimError('E_USAGE', `merge: ${what}`);
  const checks: Array<[string, (s: ShardFile) => unknown, (v: unknown, s: ShardFile) => string]> = [
    ['coordsim version', (s) => s.coordsim, (v) => `coordsim ${v}`],
    ['command', (s) => s.command, (v) => `\`coordsim ${v}\``],
    ['scenario', (s) => s.scenarioHash, (v, s) => `scenario ${JSON.stringify(s.scenarioName)} (${String(v).slice(0, 19)}…)`],
    ['strategy set', (s) => JSON.stringify(s.strategies), (_v, s) => `strategies ${s.strategies.join(',')}`],
    ['seed', (s) => JSON.stringify(s.seed), (_v, s) => `seed ${JSON.stringify(s.seed)}${typeof s.seed === 'string' ? ' (a string seed)' : ''}`],
    ['sampling', (s) => s.sampling, (v) => `--sampling ${v}`],
    ['run count', (s) => s.runs, (v) => `--runs ${v}`],
    ['chunk size', (s) => s.chunk, (v) => `chunks of ${v} runs`],
  ];
  for (const [what, get, show] of checks) {
    const want = get(first.shard);
    const other = parts.find((p) => get(p.shard) !== want);
    if (other !== undefined) {
      const hint = what === 'coordsim version' ? '; compute every shard with the same coordsim' : '; every part must come from the same command, scenario, strategies, seed, sampling and --runs';
      throw refuse(`the parts do not belong together: ${first.file} has ${show(want, first.shard)} but ${other.file} has ${show(get(other.shard), other.shard)} (another ${what})${hint}`);
    }
  }
  const runs = first.shard.runs;
  const sorted = parts.slice().sort((a, b) => a.shard.range[0] - b.shard.range[0] || a.shard.range[1] - b.shard.range[1]);
  const problems: string[] = [];
  let covered = 0;
  let coveredBy: NamedShard | null = null;
  for (const p of sorted) {
    const [a, b] = p.shard.range;
    if (a > covered) problems.push(`${runsText(covered, a)} missing`);
    else if (a < covered) problems.push(`${runsText(a, Math.min(b, covered))} doubled (in ${coveredBy!.file} and ${p.file})`);
    if (b > covered) {
      covered = b;
      coveredBy = p;
    }
  }
  if (covered < runs) problems.push(`${runsText(covered, runs)} missing`);
  if (problems.length > 0) {
    const have = sorted.map((p) => `${p.file} [${grouped(p.shard.range[0])}, ${grouped(p.shard.range[1])}) (shard ${p.shard.shard.index}/${p.shard.shard.count})`).join(', ');
    throw refuse(`the parts do not cover runs 0–${grouped(runs - 1)} exactly once: ${problems.join('; ')}. Parts given: ${have}`);
  }
  return sorted;
}
