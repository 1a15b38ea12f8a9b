// `npm run prepare`: builds dist/ from src/ wherever coordsim is installed from source — this
// folder after `npm install`, a git URL (`npm install git+https://…`), or a folder
// (`npm install ../coordsim`, with or without --install-links). npm runs it in this folder.
//
// A git install brings the dev dependencies (TypeScript) before it runs this script; a folder
// install does not, so when TypeScript is missing here it is installed into this folder first.
// The build itself is `npm run build`, as everywhere. Any failure ends with a message that says what to do, not a bare "tsc: not found".
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];

function typescriptCompiler() {
  try {
    const pkg = createRequire(join(root, 'package.json')).resolve('typescript/package.json');
    const tsc = join(dirname(pkg), 'bin', 'tsc');
    return existsSync(tsc) ? tsc : null;
  } catch {
    return null;
  }
}

function fail(what) {
  process.stderr.write(
    `coordsim: could not build dist/ in ${root}: ${what}.\n` +
      `  Build it by hand there: \`npm install && npm run build\`, then install again.\n`,
  );
  process.exit(1);
}

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.error) fail(`${what} did not start (${r.error.message})`);
  if (r.status !== 0) fail(`${what} exited with ${r.status ?? r.signal}`);
}

if (typescriptCompiler() === null) {
  process.stderr.write('coordsim: TypeScript is not installed in this folder; installing the build tools to build dist/ …\n');
  run(npm[0], [...npm.slice(1), 'install', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--no-save'], '`npm install`');
  if (typescriptCompiler() === null) fail('TypeScript is still missing after `npm install`');
}
run(npm[0], [...npm.slice(1), 'run', 'build'], '`npm run build`');
