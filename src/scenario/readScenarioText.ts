import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { CoordsimError } from './CoordsimError.js';
import { SCENARIO_LIMITS } from './limits.js';

/** Options of `readScenarioText`. */
export interface ReadScenarioTextOptions {
  /** Most bytes to read (default `SCENARIO_LIMITS.maxFileBytes`, 32 MiB): a larger input is refused. */
  maxBytes?: number;
}

/**
 * Reads a scenario file as UTF-8 text, reading at most `maxBytes` (+1, to tell that there is
 * more): a huge file or an endless device (`/dev/zero`) is refused promptly instead of filling
 * memory. Throws CoordsimError E_USAGE naming the file: "cannot read scenario: ENOENT", or that
 * it is larger than the limit.
 */
export function readScenarioText(file: string, options: ReadScenarioTextOptions = {}): string {
  return readScenarioBytes(file, options).toString('utf8');
}

/** `readScenarioText`'s bytes, undecoded (plan files in other encodings, e.g. P6's Windows-1252). */
export function readScenarioBytes(file: string, options: ReadScenarioTextOptions = {}): Buffer {
  const max = options.maxBytes ?? SCENARIO_LIMITS.maxFileBytes;
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw unreadable(file, e);
  }
  try {
    const size = fstatSync(fd).size;
    if (size > max) throw tooLarge(file, max, `${size.toLocaleString('en-US')} bytes`);
    // A file is read whole at once (one byte more, to see it did not grow); devices and pipes
    // report size 0: read in chunks, up to one byte past the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(total === 0 && size > 0 ? size + 1 : 1 << 20, max + 1 - total));
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        throw unreadable(file, e);
      }
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > max) throw tooLarge(file, max, 'more');
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

function unreadable(file: string, e: unknown): CoordsimError {
  if (e instanceof CoordsimError) return e;
  return new CoordsimError('E_USAGE', `cannot read scenario: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { file });
}

function tooLarge(file: string, max: number, found: string): CoordsimError {
  return new CoordsimError('E_USAGE', `scenario file too large: expected at most ${max.toLocaleString('en-US')} bytes, found ${found} (see Limits in docs/scenario-format.md)`, { file });
}
