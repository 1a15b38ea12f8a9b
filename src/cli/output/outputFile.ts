import { existsSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { planFormatOf } from '../../import/planFormat.js';
import { CoordsimError } from '../../scenario/CoordsimError.js';
import { onInterrupt } from './interrupts.js';

/**
 * Checks `--out FILE` for a command that writes one scenario file (`import`, `plan`) before any
 * work: not empty, no NUL, a scenario name (not a plan format), not a folder, its folder
 * exists, and not the input file. Returns the absolute path. E_USAGE naming the path.
 */
export function checkScenarioOutFile(given: string, input: string, example: string): string {
  if (given === '') throw new CoordsimError('E_USAGE', '--out: expected a file name, got ""');
  if (given.includes('\0')) throw new CoordsimError('E_USAGE', `--out ${JSON.stringify(given)}: the path holds a NUL character`);
  const file = resolve(given);
  if (planFormatOf(file) !== null) {
    throw new CoordsimError('E_USAGE', `--out ${given}: expected a scenario file name (.yaml, .yml or .json), got a ${extname(file)} name; the scenario written is YAML or JSON`);
  }
  if (existsSync(file) && statSync(file).isDirectory()) throw new CoordsimError('E_USAGE', `--out ${given}: is a folder; expected a file name such as ${example}`);
  const dir = dirname(file);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CoordsimError('E_USAGE', `--out ${given}: its folder ${dir} does not exist`);
  if (existsSync(file) && existsSync(input) && realpathSync(file) === realpathSync(input)) {
    throw new CoordsimError('E_USAGE', `--out ${given}: is the input file; name another file (the input is never overwritten)`);
  }
  return file;
}

/** Writes the file whole: a temporary file beside it, renamed into place (removed on failure or interrupt). */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = `${file}.coordsim-${process.pid}.tmp`;
  const off = onInterrupt(() => rmSync(tmp, { force: true }));
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new CoordsimError('E_USAGE', `cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  } finally {
    off();
  }
}
