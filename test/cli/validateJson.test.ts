import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { coordsim, tempDir } from './_cli.js';

describe('validate --json', () => {
  test('an invalid file: exit 2 and one JSON error object on stdout naming the file, path and line', () => {
    const file = join(tempDir(), 'bad.yaml');
    writeFileSync(file, 'name: x\ntime_unit: day\nagents:\n  - id: a\ntasks:\n  - id: t\n    agent: nobody\n    duration: 1\n');
    const r = coordsim(['validate', file, '--json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ valid: false, file, error: { file, path: '/tasks/0/agent', line: 7 } });
    expect(doc.error.code).toMatch(/^E_/);
    expect(doc.error.message).toContain('nobody');
    expect(r.stderr).toContain(`${file}:7`);
  });

  test('an unreadable file and a YAML syntax error are JSON errors too', () => {
    const missing = coordsim(['validate', '/nonexistent/plan.yaml', '--json']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)).toMatchObject({ valid: false, error: { code: 'E_USAGE', file: '/nonexistent/plan.yaml' } });
    const file = join(tempDir(), 'syntax.yaml');
    writeFileSync(file, 'name: [unclosed\n');
    const syntax = coordsim(['validate', file, '--json']);
    expect(syntax.code).toBe(2);
    expect(JSON.parse(syntax.stdout)).toMatchObject({ valid: false, error: { code: 'E_PARSE' } });
  });

  test('shows each preset strategy as expanded, keys written beside the preset winning', () => {
    const file = join(tempDir(), 'presets.yaml');
    writeFileSync(
      file,
      'name: p\ntime_unit: hour\nagents: [{id: a}, {id: b}]\ntasks:\n  - {id: x, agent: a, duration: 2}\n  - {id: y, agent: b, duration: 4, after: [x]}\n' +
        'strategy: s\nstrategies:\n  s: {preset: swarm, topology: hub}\n  plain: {topology: mesh}\n',
    );
    const r = coordsim(['validate', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc.presets)).toEqual(['s']);
    expect(doc.presets.s.preset).toBe('swarm');
    expect(doc.presets.s.topology).toBe('hub'); // the written key wins over the preset's mesh
    expect(doc.presets.s.status.every).toBeGreaterThan(0); // filled in by the preset
    const text = coordsim(['validate', file]);
    expect(text.stdout).toContain('presets: s (swarm)');
  });

  test('without --json an invalid file prints nothing on stdout', () => {
    const r = coordsim(['validate', '/nonexistent/plan.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});
