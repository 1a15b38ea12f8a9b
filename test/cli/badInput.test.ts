import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BAD_SCENARIOS, VALID } from '../scenario/badScenarios.js';

// Runs the built CLI: `npm test` builds first (or run `npx tsc -p tsconfig.build.json`).
const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function coordsim(args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, [MAIN, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const slug = (title: string) => title.replace(/[^a-z0-9]+/gi, '-').toLowerCase();

let dir: string;
beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (npx tsc -p tsconfig.build.json)`);
  dir = mkdtempSync(join(tmpdir(), 'coordsim-bad-input-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('coordsim on malformed scenarios', () => {
  test.concurrent.each(BAD_SCENARIOS)('run --json and validate reject a $title with exit 2', async (bad) => {
    const file = join(dir, `${slug(bad.title)}.yaml`);
    const out = join(dir, `${slug(bad.title)}-out`);
    writeFileSync(file, bad.text);
    const where = `${file}:${bad.line}:`;

    const run = await coordsim(['run', file, '--out', out, '--json']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(where);
    if (bad.path) expect(run.stderr).toContain(`at ${bad.path}`);
    expect(existsSync(out)).toBe(false);

    const validate = await coordsim(['validate', file]);
    expect(validate.code, validate.stderr).toBe(2);
    expect(validate.stdout).toBe('');
    expect(validate.stderr).toContain(where);
    if (bad.path) expect(validate.stderr).toContain(`at ${bad.path}`);
  });

  test('validate accepts the valid fixture (exit 0)', async () => {
    const file = join(dir, 'valid.yaml');
    writeFileSync(file, VALID);
    const validate = await coordsim(['validate', file]);
    expect(validate.stderr).toBe('');
    expect(validate.code).toBe(0);
  });
});
