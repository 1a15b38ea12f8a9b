import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';
import { SEED } from './_cli.js';

/** Runs the CLI in this process with a fake terminal (or not), capturing both streams. */
async function inProcess(args: string[], isTTY: boolean) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), isTTY });
  return { code, stdout, stderr };
}

describe('coordsim check progress', () => {
  test('on a terminal: a progress line per strategy on stderr, the same report on stdout as without one', async () => {
    const args = ['check', SEED, '--runs', '3', '--strategies', 'mesh,ideal,orchestrator', '--require-deadline'];
    const plain = await inProcess(args, false);
    const tty = await inProcess(args, true);
    expect(plain.stderr).not.toContain('strategies');
    expect(tty.stdout).toBe(plain.stdout);
    expect(tty.code).toBe(plain.code);
    expect(tty.stderr).toContain('0/3 strategies');
    expect(tty.stderr).toContain('3/3 strategies');
    expect(tty.stderr).toContain('\r\x1b[2K'); // cleared before the report
  });

  test('--json never shows progress', async () => {
    const r = await inProcess(['check', SEED, '--runs', '2', '--strategies', 'mesh', '--json'], true);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).ok).toBe(true);
  });
});
