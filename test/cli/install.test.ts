// Installing coordsim from source: a folder (`npm install ../coordsim`) and a git URL both
// build dist/ through the `prepare` script, and a build that fails says so plainly. These tests
// install for real (from the npm cache when it has the packages), so they take a while.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoPath } from '../helpers.js';

const version = (JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { version: string }).version;
const scratch = mkdtempSync(join(tmpdir(), 'coordsim-install-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the sources as a fresh clone has them: no node_modules, no dist. */
function sourceCopy(name: string): string {
  const dir = join(scratch, name);
  for (const f of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md']) cpSync(repoPath(f), join(dir, f));
  for (const d of ['src', 'scripts', 'scenarios', 'docs']) cpSync(repoPath(d), join(dir, d), { recursive: true });
  return dir;
}

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { cwd, env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('close', (code) => resolve({ code, out }));
  });
}

/** Installs `spec` into a new project and returns that project's folder. */
async function installInto(name: string, spec: string): Promise<string> {
  const project = join(scratch, name);
  cpSync(repoPath('test/cli/fixtures/install-project.json'), join(project, 'package.json'));
  const r = await run('npm', ['install', '--prefer-offline', spec], project);
  expect(r.code, r.out).toBe(0);
  return project;
}

function installedCli(project: string, args: string[]) {
  return spawnSync(join(project, 'node_modules', '.bin', 'coordsim'), args, { cwd: project, encoding: 'utf8' });
}

describe.concurrent('installing from source', () => {
  it('npm install FOLDER builds dist/ in a fresh folder and links a working coordsim', { timeout: 400_000 }, async () => {
    const src = sourceCopy('folder-src');
    const project = await installInto('folder-project', src);
    const v = installedCli(project, ['--version']);
    expect(v.stdout.trim()).toBe(version);
    const ok = installedCli(project, ['validate', join(src, 'scenarios', 'llm-team.yaml')]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('valid');
    const lib = spawnSync(process.execPath, ['--input-type=module', '-e', "const m = await import('coordsim'); console.log(typeof m.simulate, typeof m.parseScenario)"], { cwd: project, encoding: 'utf8' });
    expect(lib.stdout.trim(), lib.stderr).toBe('function function');
  });

  it('npm install git+file://… clones, builds and links a working coordsim', { timeout: 400_000 }, async () => {
    const src = sourceCopy('git-src');
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: src, encoding: 'utf8' });
    expect(git('init', '-q', '-b', 'main').status).toBe(0);
    expect(git('add', '.').status).toBe(0);
    expect(git('commit', '-qm', 'snapshot').status).toBe(0);
    const project = await installInto('git-project', `git+file://${src}#main`);
    const v = installedCli(project, ['--version']);
    expect(v.stdout.trim()).toBe(version);
    const ok = installedCli(project, ['run', join(src, 'scenarios', 'llm-team.yaml'), '--json']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).makespan).toBeGreaterThan(0);
  });

  it('a build that fails names the folder and says what to do', { timeout: 120_000 }, async () => {
    const src = sourceCopy('broken-src');
    symlinkSync(repoPath('node_modules'), join(src, 'node_modules'));
    writeFileSync(join(src, 'src', 'broken.ts'), 'export const x: number = "not a number";\n');
    const r = await run(process.execPath, ['scripts/prepare.mjs'], src);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`could not build dist/ in ${src}`);
    expect(r.out).toContain('`npm run build` exited with');
  });
});
