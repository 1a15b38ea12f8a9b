import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cli } from '../helpers.js';

const SEED = 'scenarios/ecommerce-security.yaml';

describe('bad flags leave no output behind', () => {
  test.each([
    ['montecarlo', '--strategy', 'nope'],
    ['compare', '--strategies', 'orchestrator,nope'],
    ['montecarlo', '--runs', '0'],
    ['compare', '--workers', 'two'],
  ])('coordsim %s %s %s: exit 2, a message naming the flag or name, no output folder', (command, flag, value) => {
    const out = join(mkdtempSync(join(tmpdir(), 'coordsim-bad-')), 'out');
    const r = cli([command, SEED, flag, value, '--runs', flag === '--runs' ? value : '20', '--out', out, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(value === 'nope' || value === 'orchestrator,nope' ? /unknown strategy 'nope'/ : new RegExp(`--${flag.slice(2)}`));
    expect(existsSync(out)).toBe(false);
  });
});
