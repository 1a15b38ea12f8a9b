import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, test } from 'vitest';
import { coordsim, SEED, snapshot, start, tempDir } from './_cli.js';

const CODE = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/** A long Monte Carlo into DIR (minutes at full speed), killed while it runs. */
const LONG = (dir: string) => ['montecarlo', SEED, '--runs', '2000000', '--out', dir];

/** The temporary folder beside DIR, once it holds runs.csv with rows streamed into it. */
async function streamingTemp(parent: string): Promise<string> {
  for (let i = 0; i < 400; i++) {
    const tmp = readdirSync(parent).find((n) => n.startsWith('.out.coordsim-'));
    if (tmp !== undefined && existsSync(join(parent, tmp, 'runs.csv')) && statSync(join(parent, tmp, 'runs.csv')).size > 1000) return tmp;
    await sleep(25);
  }
  throw new Error('no temporary folder with streamed rows appeared');
}

describe('an interrupted command leaves DIR exactly as it was', () => {
  const CASES = [
    { signal: 'SIGINT', after: 200, old: false },
    { signal: 'SIGTERM', after: 200, old: true },
    { signal: 'SIGHUP', after: 1000, old: false },
    { signal: 'SIGINT', after: 1000, old: true },
    { signal: 'SIGTERM', after: 2500, old: false },
    { signal: 'SIGHUP', after: 2500, old: true },
  ] as const;

  test.for(CASES)('$signal after $after ms (DIR holding an old set: $old): exit 128+n, DIR unchanged, no temporary folder', async ({ signal, after, old }) => {
    const parent = tempDir('coordsim-signal-');
    const dir = join(parent, 'out');
    if (old) expect(coordsim(['montecarlo', SEED, '--runs', '20', '--workers', '1', '--out', dir]).code).toBe(0);
    const before = snapshot(parent);
    const { child, ended } = start(LONG(dir));
    await sleep(after);
    child.kill(signal);
    const end = await ended;
    // The handler exits 128 + n. A signal that lands while Node is still starting (before
    // main.ts runs: possible at 200 ms on a loaded machine) kills it with the default action,
    // which a shell reports as the same status; nothing has been created by then.
    if (after < 1000 && end.signal === signal) expect(end.code).toBeNull();
    else expect(end, end.stderr).toMatchObject({ code: CODE[signal], signal: null });
    expect(snapshot(parent)).toEqual(before);
  });

  test('runs.csv streams into the temporary folder, never into DIR, and SIGINT removes it', async () => {
    const parent = tempDir('coordsim-signal-');
    const dir = join(parent, 'out');
    // With a precision target rows arrive every 1,000 runs (and 10^-7 is never reached).
    const { child, ended } = start([...LONG(dir), '--precision', '0.0000001']);
    const tmp = await streamingTemp(parent);
    expect(existsSync(dir)).toBe(false);
    child.kill('SIGINT');
    expect((await ended).code).toBe(130);
    expect(existsSync(join(parent, tmp))).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });
});
