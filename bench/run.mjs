// Runs every bench/*.mjs that exports `run` (in file-name order) and prints one JSON document:
// { "node": version, "results": { "<file name>": figures } }.
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { basename, join } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
const self = basename(fileURLToPath(import.meta.url));
const files = (await readdir(here)).filter((f) => f.endsWith('.mjs') && f !== self).sort();

const results = {};
for (const file of files) {
  const mod = await import(pathToFileURL(join(here, file)).href);
  if (typeof mod.run !== 'function') continue;
  results[basename(file, '.mjs')] = await mod.run();
}
process.stdout.write(JSON.stringify({ node: process.version, results }, null, 2) + '\n');
