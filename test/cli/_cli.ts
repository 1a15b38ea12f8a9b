import { spawn, spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoPath } from '../helpers.js';

/** The built CLI (`npm test` builds dist/ first). */
export const MAIN = repoPath('dist/cli/main.js');
export const SEED = repoPath('scenarios/ecommerce-security.yaml');

/** Runs the CLI to completion; `ms` is how long it took. */
export function coordsim(args: string[], cwd = repoPath('.')) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - t0 };
}

/** Starts the CLI; resolves with how it ended. */
export function start(args: string[]) {
  const child = spawn(process.execPath, [MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.resume();
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, ended };
}

/** A fresh temporary folder. */
export const tempDir = (prefix = 'coordsim-cli-') => mkdtempSync(join(tmpdir(), prefix));

/** Every file and folder under `dir` (relative paths) with file contents: a folder's exact state. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      const r = rel === '' ? n : `${rel}/${n}`;
      const st = lstatSync(p);
      if (st.isSymbolicLink()) out[r] = `-> ${readlinkSync(p)}`;
      else if (st.isDirectory()) {
        out[`${r}/`] = '';
        walk(p, r);
      } else out[r] = readFileSync(p, 'latin1');
    }
  };
  walk(dir, '');
  return out;
}

/** Runs the CLI in this process (no Node start-up: for the many quick refusals), capturing both streams. */
export async function inProcess(args: string[], isTTY = false) {
  const { runCli } = await import('../../src/cli/runCli.js');
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY });
  return { code, stdout, stderr };
}
