import { chmodSync, closeSync, copyFileSync, readdirSync, mkdirSync, statSync, openSync, renameSync, rmdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CoordsimError } from '../../scenario/CoordsimError.js';
import { checkReplaceable, isKeptName, type OutputDestination } from './checkDestination.js';
import { onInterrupt } from './interrupts.js';

/** A file of the set written piece by piece (runs.csv while a Monte Carlo runs). */
export interface OutputStream {
  write(text: string): void;
}

/**
 * An output set being built: every file goes into a temporary folder beside DIR (same parent,
 * so the final rename is atomic), and `commit` moves the folder into place — an existing DIR
 * is renamed aside, the new one renamed in, the old one removed — so DIR always holds one
 * whole set. `abort` (also run on SIGINT/SIGTERM/SIGHUP) removes the temporary folder and any
 * folders it created on the way, leaving everything as it was.
 */
export class OutputSet {
  /** The temporary folder (null once committed or aborted). */
  private tmp: string | null;
  private readonly fds = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly unregister: () => void;

  private constructor(
    private readonly dest: OutputDestination,
    tmp: string,
    private readonly created: string[],
  ) {
    this.tmp = tmp;
    this.unregister = onInterrupt(() => this.abort());
  }

  /** Creates the temporary folder (and missing folders above DIR); E_USAGE naming the path when it cannot. */
  static open(dest: OutputDestination): OutputSet {
    const created: string[] = [];
    try {
      for (const m of dest.missing) {
        mkdirSync(m);
        created.push(m);
      }
      return new OutputSet(dest, makeTemp(dest.dir), created);
    } catch (e) {
      for (const c of created.reverse()) rmdirSync(c);
      const err = e as NodeJS.ErrnoException;
      throw new CoordsimError('E_USAGE', `--out ${JSON.stringify(dest.given)}: cannot create a folder in ${dirname(err.path ?? dest.dir)} (${err.code ?? err.message})`);
    }
  }

  /** The folder the set ends up in. */
  get dir(): string {
    return this.dest.dir;
  }

  /** Writes a whole file of the set. */
  write(name: string, content: string | Uint8Array): void {
    writeFileSync(join(this.live(), name), content);
    this.names.push(name);
  }

  /** Opens a file of the set for writing piece by piece; it is closed by `commit` or `abort`. */
  stream(name: string): OutputStream {
    const fd = openSync(join(this.live(), name), 'w');
    this.fds.set(name, fd);
    this.names.push(name);
    return { write: (text) => void writeSync(fd, text) };
  }

  /** Moves the set into place; returns the absolute paths of its files, in writing order. */
  commit(): string[] {
    const tmp = this.live();
    this.closeAll();
    const { dir } = this.dest;
    const aside = `${tmp}.old`;
    let present = false;
    let mode = 0;
    try {
      mode = statSync(dir).mode & 0o7777;
      present = true;
    } catch {
      present = false;
    }
    try {
      if (present) {
        checkReplaceable(this.dest.given, dir, process.cwd()); // it may have changed while we worked
        for (const n of readdirSync(dir)) if (isKeptName(n)) copyFileSync(join(dir, n), join(tmp, n));
        chmodSync(tmp, mode); // the replaced folder keeps its permissions
        renameSync(dir, aside);
        try {
          renameSync(tmp, dir);
        } catch (e) {
          renameSync(aside, dir);
          throw e;
        }
        rmSync(aside, { recursive: true, force: true });
      } else {
        renameSync(tmp, dir);
      }
    } catch (e) {
      this.abort();
      if (e instanceof CoordsimError) throw e;
      const err = e as NodeJS.ErrnoException;
      throw new CoordsimError('E_USAGE', `--out ${JSON.stringify(this.dest.given)}: cannot move the output set into ${dir} (${err.code ?? err.message})`);
    }
    this.tmp = null;
    this.unregister();
    return this.names.map((n) => join(dir, n));
  }

  /** Removes the temporary folder and the folders `open` created; DIR is untouched. */
  abort(): void {
    this.closeAll();
    if (this.tmp !== null) rmSync(this.tmp, { recursive: true, force: true });
    this.tmp = null;
    for (const c of this.created.reverse()) {
      try {
        rmdirSync(c);
      } catch {
        // Not empty any more: something else wrote there meanwhile; leave it.
      }
    }
    this.created.length = 0;
    this.unregister();
  }

  private live(): string {
    if (this.tmp === null) throw new Error('OutputSet: the set is already committed or aborted');
    return this.tmp;
  }

  private closeAll(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }
}

/**
 * Creates `.NAME.coordsim-PID-K` beside DIR with the usual permissions (mkdir applies the
 * umask; mkdtemp would make it private): K counts up past names left by a killed process.
 */
function makeTemp(dir: string): string {
  for (let k = 0; ; k++) {
    const tmp = join(dirname(dir), `.${basename(dir)}.coordsim-${process.pid}-${k}`);
    try {
      mkdirSync(tmp);
      return tmp;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || k >= 1000) throw e;
    }
  }
}
