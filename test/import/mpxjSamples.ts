import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Sample files of the public MPXJ project (joniles/mpxj, `junit/data`), read straight from a
 * fetched bare git copy; never committed here. Point COORDSIM_MPXJ_GIT at another copy;
 * tests that use them skip when it is absent.
 */
export const MPXJ_GIT = process.env.COORDSIM_MPXJ_GIT ?? '/work/.mirror/joniles+mpxj/repo';

export const mpxjAvailable: boolean = existsSync(MPXJ_GIT) && gitOk();

function gitOk(): boolean {
  try {
    execFileSync('git', ['--git-dir', MPXJ_GIT, 'rev-parse', 'HEAD'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** Paths under junit/data whose name ends with `suffix`. */
export function mpxjPaths(suffix: string): string[] {
  const out = execFileSync('git', ['--git-dir', MPXJ_GIT, 'ls-tree', '-r', '--name-only', 'HEAD', 'junit/data'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return out.split('\n').filter((p) => p.toLowerCase().endsWith(suffix));
}

/** The contents of several files, read with one `git cat-file --batch`. */
export function mpxjFiles(paths: string[]): Map<string, Buffer> {
  const buf = execFileSync('git', ['--git-dir', MPXJ_GIT, 'cat-file', '--batch'], { input: paths.map((p) => `HEAD:${p}\n`).join(''), maxBuffer: 512 << 20 });
  const files = new Map<string, Buffer>();
  let pos = 0;
  for (const p of paths) {
    const nl = buf.indexOf(10, pos);
    const header = buf.subarray(pos, nl).toString('utf8');
    const size = Number(header.split(' ')[2]);
    if (!Number.isFinite(size)) throw new Error(`git cat-file: ${header}`);
    files.set(p, buf.subarray(nl + 1, nl + 1 + size));
    pos = nl + 1 + size + 1;
  }
  return files;
}
