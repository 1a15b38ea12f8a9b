import { accessSync, constants, lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';
import { CoordsimError } from '../../scenario/CoordsimError.js';

/** Every file name an output set of any command holds (an existing DIR may hold only these). */
export const OUTPUT_FILE_NAMES: ReadonlySet<string> = new Set([
  'run.json',
  'montecarlo.json',
  'compare.json',
  'report.html',
  'trace.csv',
  'runs.csv',
  'tasks.csv',
  'agents.csv',
  'pairs.csv',
  'compare.csv',
  'risks.csv',
  'fit.json',
  'fit.html',
]);

/** A checked `--out` folder: where the set goes and what is there now. */
export interface OutputDestination {
  /** The path as the user gave it (for messages). */
  given: string;
  /** Absolute path the set is renamed to (symbolic links of an existing folder resolved). */
  dir: string;
  /** Whether `dir` exists now (an empty folder or an earlier output set, replaced as a whole). */
  exists: boolean;
  /** The nearest existing folder on the way to `dir`: missing folders below it are created. */
  base: string;
  /** The folders between `base` and `dir` (exclusive) that do not exist yet, outermost first. */
  missing: string[];
}

const refuse = (given: string, what: string) => new CoordsimError('E_USAGE', `--out ${JSON.stringify(given)}: ${what}`);
const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? String(e);

/**
 * Checks an `--out` folder before any work, creating nothing: the path is not empty, every
 * existing part of it is a folder (no file, device or dangling symbolic link), DIR itself is
 * absent, empty or an earlier output set (coordsim replaces it whole, so it never takes a
 * folder holding anything else but hidden files such as `.gitkeep`, which are carried over,
 * nor the working folder or one above it), and the folder the
 * set is built in is writable. Throws E_USAGE naming the path (exit 2).
 */
export function checkDestination(given: string, cwd = process.cwd()): OutputDestination {
  if (given === '') throw new CoordsimError('E_USAGE', '--out: expected a folder path, got an empty value');
  if (given.includes('\0')) throw refuse(given, 'the path holds a NUL character');
  const abs = resolve(cwd, given);
  const root = parse(abs).root;
  if (abs === root) throw refuse(given, 'is the root folder; name a folder to create or replace');
  const parts = abs.slice(root.length).split(sep).filter((p) => p !== '');
  let existing = parts.length; // how many leading parts exist
  for (let i = 0; i < parts.length; i++) {
    const p = join(root, ...parts.slice(0, i + 1));
    const last = i === parts.length - 1;
    let link: Stats;
    try {
      link = lstatSync(p);
    } catch (e) {
      if (code(e) !== 'ENOENT') throw refuse(given, `cannot inspect ${p} (${code(e)})`);
      existing = i;
      break;
    }
    let target = link;
    if (link.isSymbolicLink()) {
      try {
        target = statSync(p);
      } catch (e) {
        throw refuse(given, `${p} is a ${code(e) === 'ENOENT' ? 'dangling symbolic link' : `symbolic link that cannot be followed (${code(e)})`}`);
      }
    }
    if (!target.isDirectory()) {
      const kind = target.isFile() ? 'a file' : target.isCharacterDevice() || target.isBlockDevice() ? 'a device' : 'not a folder';
      throw refuse(given, last ? `is ${kind}, not a folder` : `${p} is ${kind}, so no folder can be made under it`);
    }
  }
  const base = realpathSync(join(root, ...parts.slice(0, existing)));
  const exists = existing === parts.length;
  const dir = exists ? base : join(base, ...parts.slice(existing));
  if (exists) checkReplaceable(given, dir, realpathSync(cwd));
  const writable = exists ? dirname(dir) : base;
  try {
    accessSync(writable, constants.W_OK | constants.X_OK);
  } catch (e) {
    throw refuse(given, `cannot write in ${writable} (${code(e)})`);
  }
  const missing = parts.slice(existing, -1).map((_, k) => join(base, ...parts.slice(existing, existing + k + 1)));
  return { given, dir, exists, base, missing };
}

/** Hidden files (`.gitkeep`) of an existing DIR are no command's output: they are carried over into the new set. */
export const isKeptName = (name: string) => name.startsWith('.');

/** An existing DIR is replaced whole: it must hold nothing but files of an earlier output set. */
export function checkReplaceable(given: string, dir: string, cwd: string): void {
  const rel = relative(dir, cwd);
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
    throw refuse(given, 'is the working folder or holds it; coordsim replaces the --out folder as a whole, so name a folder of its own');
  }
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw refuse(given, `cannot list the folder (${code(e)})`);
  }
  const foreign = names.filter((n) => !(OUTPUT_FILE_NAMES.has(n) || isKeptName(n)) || !lstatSync(join(dir, n)).isFile()).sort();
  if (foreign.length > 0) {
    const shown = foreign.slice(0, 3).map((n) => JSON.stringify(n)).join(', ') + (foreign.length > 3 ? `, … (${foreign.length} in all)` : '');
    throw refuse(given, `the folder holds ${shown}, which no coordsim command writes; coordsim replaces the --out folder as a whole, so it takes only a new folder, an empty one or an earlier output set`);
  }
}
