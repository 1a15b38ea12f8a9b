import { createHash } from 'node:crypto';
import type { Sampling } from '../montecarlo/InputSampler.js';
import type { RangeSummaryState } from '../montecarlo/RangeSummary.js';
import { CoordsimError } from '../scenario/CoordsimError.js';
import type { Scenario } from '../scenario/Scenario.js';
import { fromLosslessJson, toLosslessJson } from './losslessJson.js';
import { canonicalJson } from './scenarioHash.js';

/** The version tag of shard files; a reader refuses any other. */
export const SHARD_FORMAT = 'coordsim-shard/1';

/**
 * The summary format this build reads and writes (typed against `RangeSummaryState`, so a
 * change of the summary's version tag shows up here at compile time).
 */
export const SUMMARY_FORMAT: RangeSummaryState['format'] = 'coordsim-range-summary/1';

/** The commands whose Monte Carlo can be split into shards. */
export type ShardCommand = 'montecarlo' | 'compare';

/**
 * One shard of a Monte Carlo (docs/scale-out.md): everything `coordsim merge` needs to rebuild
 * the one-process output without the scenario file — the set-up that must match across parts,
 * the scenario itself, the mergeable summary of the shard's runs and its runs.csv lines.
 */
export interface ShardFile {
  format: typeof SHARD_FORMAT;
  /** The coordsim version that wrote it (parts of different versions are not merged). */
  coordsim: string;
  command: ShardCommand;
  /** `sha256:` + hex SHA-256 of the scenario's canonical JSON (`scenarioHash`). */
  scenarioHash: string;
  /** The scenario's name (for messages). */
  scenarioName: string;
  /** Strategies in result order (compare: with sequential and ideal). */
  strategies: string[];
  seed: number | string;
  sampling: Sampling;
  /** Runs of the whole Monte Carlo (`--runs`). */
  runs: number;
  /** Runs per chunk: shards are whole chunks. */
  chunk: number;
  /** `--shard I/N` as given or resolved from the environment. */
  shard: { index: number; count: number };
  /** Runs [start, end) of this shard. */
  range: [number, number];
  /** `sha256:` + hex SHA-256 of the canonical JSON of `{summary, runsCsv}` (catches edited or damaged parts). */
  checksum: string;
  /** The validated scenario, as plain data. */
  scenario: Scenario;
  /** The mergeable summary of runs [start, end). */
  summary: RangeSummaryState;
  /** The lines of runs.csv for runs [start, end), in run order, without the header (each entry ends with a line break). */
  runsCsv: string[];
}

/** The checksum of a part's payload. */
export function shardChecksum(summary: RangeSummaryState, runsCsv: readonly string[]): string {
  return `sha256:${createHash('sha256').update(canonicalJson({ summary, runsCsv })).digest('hex')}`;
}

/** A shard file's text: one JSON document in the lossless form (`toLosslessJson`), header fields first. */
export function formatShardFile(f: ShardFile): string {
  return JSON.stringify(toLosslessJson(f)) + '\n';
}

const FIELDS: ReadonlyArray<keyof ShardFile> = [
  'format',
  'coordsim',
  'command',
  'scenarioHash',
  'scenarioName',
  'strategies',
  'seed',
  'sampling',
  'runs',
  'chunk',
  'shard',
  'range',
  'checksum',
  'scenario',
  'summary',
  'runsCsv',
];

/**
 * Reads a shard file's text, checking its form: the format tag, every field's type, the range
 * (whole chunks inside [0, runs)), the summary agreeing with the header, and the checksum.
 * E_PARSE / E_SCHEMA naming `file` and the field otherwise. The scenario is returned as found
 * (the caller validates it and checks its hash).
 */
export function parseShardFile(text: string, file: string): ShardFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CoordsimError('E_PARSE', `not a coordsim shard file: it is not JSON (${(e as Error).message})`, { file });
  }
  const fail = (path: string, what: string): never => {
    throw new CoordsimError('E_SCHEMA', what, { file, path });
  };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail('', `not a coordsim shard file: expected a JSON object, got ${Array.isArray(raw) ? 'an array' : typeof raw}`);
  const format = (raw as Record<string, unknown>).format;
  if (format !== SHARD_FORMAT) {
    const other = typeof format === 'string' && format.startsWith('coordsim-shard/');
    fail('/format', other ? `a shard file of format ${JSON.stringify(format)}, which this coordsim does not read (it reads ${SHARD_FORMAT}): merge with the coordsim version that wrote the parts` : `not a coordsim shard file: expected "format": "${SHARD_FORMAT}", got ${JSON.stringify(format) ?? 'nothing'}`);
  }
  let f: Record<string, unknown>;
  try {
    f = fromLosslessJson(raw) as Record<string, unknown>;
  } catch (e) {
    return fail('', `malformed lossless number or typed array: ${(e as Error).message}`);
  }
  for (const k of FIELDS) if (!(k in f)) fail(`/${k}`, `missing field "${k}"`);
  const str = (k: string) => typeof f[k] === 'string' || fail(`/${k}`, `expected a string, got ${JSON.stringify(f[k])}`);
  const int = (path: string, v: unknown, min = 0) => (Number.isSafeInteger(v) && (v as number) >= min) || fail(path, `expected a whole number >= ${min}, got ${JSON.stringify(v)}`);
  str('coordsim');
  str('scenarioHash');
  str('scenarioName');
  str('checksum');
  if (f.command !== 'montecarlo' && f.command !== 'compare') fail('/command', `expected "montecarlo" or "compare", got ${JSON.stringify(f.command)}`);
  const strategies = f.strategies as string[];
  if (!Array.isArray(strategies) || strategies.length === 0 || !strategies.every((s) => typeof s === 'string')) fail('/strategies', 'expected a non-empty list of strategy names');
  if (!(typeof f.seed === 'string' || (typeof f.seed === 'number' && Number.isFinite(f.seed)))) fail('/seed', `expected a number or a string, got ${JSON.stringify(f.seed)}`);
  if (f.sampling !== 'random' && f.sampling !== 'lhs') fail('/sampling', `expected "random" or "lhs", got ${JSON.stringify(f.sampling)}`);
  int('/runs', f.runs, 1);
  int('/chunk', f.chunk, 1);
  const shard = f.shard as Record<string, unknown>;
  if (shard === null || typeof shard !== 'object') fail('/shard', 'expected {"index", "count"}');
  int('/shard/index', shard.index);
  int('/shard/count', shard.count, 1);
  const range = f.range as unknown[];
  if (!Array.isArray(range) || range.length !== 2) fail('/range', `expected [start, end], got ${JSON.stringify(f.range)}`);
  int('/range/0', range[0]);
  int('/range/1', range[1]);
  const [start, end] = range as [number, number];
  const runs = f.runs as number;
  const chunk = f.chunk as number;
  if (!(start < end && end <= runs)) fail('/range', `expected runs [start, end) with start < end <= runs (${runs}), got [${start}, ${end})`);
  if (start % chunk !== 0 || (end % chunk !== 0 && end !== runs)) fail('/range', `expected whole chunks of ${chunk} runs, got [${start}, ${end})`);
  const s = f.summary as Record<string, unknown>;
  if (s === null || typeof s !== 'object') fail('/summary', 'expected a Monte Carlo range summary');
  if (s.format !== SUMMARY_FORMAT) fail('/summary/format', `expected "${SUMMARY_FORMAT}", got ${JSON.stringify(s.format)}: merge with the coordsim version that wrote the parts`);
  const agree = (k: string, v: unknown) => {
    const same = Array.isArray(v) ? JSON.stringify(s[k]) === JSON.stringify(v) : s[k] === v;
    if (!same) fail(`/summary/${k}`, `the summary says ${JSON.stringify(s[k])} where the header says ${JSON.stringify(v)}`);
  };
  agree('start', start);
  agree('end', end);
  agree('seed', f.seed);
  agree('sampling', f.sampling);
  agree('strategies', strategies);
  if (!Array.isArray(s.perStrategy) || s.perStrategy.length !== strategies.length) fail('/summary/perStrategy', `expected one summary per strategy (${strategies.length})`);
  const rows = f.runsCsv;
  if (!Array.isArray(rows) || !rows.every((r) => typeof r === 'string')) fail('/runsCsv', 'expected a list of runs.csv line blocks');
  if (f.checksum !== shardChecksum(s as unknown as RangeSummaryState, rows as string[])) {
    fail('/checksum', 'the summary or the runs.csv lines do not match the checksum: the part was edited or damaged; compute the shard again');
  }
  return f as unknown as ShardFile;
}
