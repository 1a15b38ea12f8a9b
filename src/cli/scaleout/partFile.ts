import { accessSync, constants, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CoordsimError } from '../../scenario/CoordsimError.js';
import { parseShardFile, SHARD_FORMAT, type ShardFile } from '../../scaleout/ShardFile.js';
import { onInterrupt } from '../output/interrupts.js';

/** A checked `--out PART` of `--shard`: the file to write (absolute) and how it was given. */
export interface PartDestination {
  given: string;
  file: string;
  gzip: boolean;
}

const refuse = (given: string, what: string) => new CoordsimError('E_USAGE', `--out ${JSON.stringify(given)}: ${what}`);
const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? String(e);
const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/**
 * Checks `--out PART` with `--shard` before any work: a file path (not a folder) in an existing,
 * writable folder; an existing file there is replaced only when it is a coordsim shard file.
 * A name ending in `.gz` is written gzip-compressed. E_USAGE naming the path otherwise.
 */
export function checkPartDestination(given: string, cwd = process.cwd()): PartDestination {
  if (given === '' || given.includes('\0')) throw refuse(given, 'expected the path of the part file to write');
  const file = resolve(cwd, given);
  const dir = dirname(file);
  try {
    if (!statSync(dir).isDirectory()) throw refuse(given, `${dir} is not a folder`);
  } catch (e) {
    if (e instanceof CoordsimError) throw e;
    throw refuse(given, `the folder ${dir} ${code(e) === 'ENOENT' ? 'does not exist' : `cannot be used (${code(e)})`}; with --shard, --out names the part file`);
  }
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (e) {
    throw refuse(given, `cannot write in ${dir} (${code(e)})`);
  }
  let st;
  try {
    st = statSync(file);
  } catch {
    st = null;
  }
  if (st !== null) {
    if (st.isDirectory()) throw refuse(given, 'is a folder; with --shard, --out names the part file to write (e.g. part-0.json)');
    if (!st.isFile()) throw refuse(given, 'is not a regular file');
    if (!looksLikePart(file)) throw refuse(given, 'exists and is not a coordsim shard file; coordsim replaces only an earlier part');
  }
  return { given, file, gzip: file.endsWith('.gz') };
}

function looksLikePart(file: string): boolean {
  try {
    let bytes: Uint8Array = readFileSync(file);
    if (isGzip(bytes)) bytes = gunzipSync(bytes);
    return Buffer.from(bytes.subarray(0, 64)).toString('utf8').startsWith(`{"format":"${SHARD_FORMAT.split('/')[0]}/`);
  } catch {
    return false;
  }
}

/** Writes the part whole or not at all: into a temporary file beside it, renamed into place (removed on interrupt). */
export function writePart(dest: PartDestination, text: string): void {
  const tmp = join(dirname(dest.file), `.${basename(dest.file)}.coordsim-${process.pid}`);
  const unregister = onInterrupt(() => rmSync(tmp, { force: true }));
  try {
    writeFileSync(tmp, dest.gzip ? gzipSync(text) : text);
    renameSync(tmp, dest.file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw refuse(dest.given, `cannot write the part (${code(e)})`);
  } finally {
    unregister();
  }
}

/** Reads and checks a part file (plain or gzip-compressed JSON); E_USAGE when it cannot be read, E_PARSE / E_SCHEMA when it is no part. */
export function readPart(file: string): ShardFile {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new CoordsimError('E_USAGE', `cannot read the part: ${code(e)}`, { file });
  }
  if (isGzip(bytes)) {
    try {
      bytes = gunzipSync(bytes);
    } catch (e) {
      throw new CoordsimError('E_PARSE', `not a coordsim shard file: damaged gzip data (${code(e)})`, { file });
    }
  }
  return parseShardFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), file);
}

