import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inlineScript } from './escape.js';

let cached: string | undefined;

/**
 * The minified d3 bundle (UMD, defines the global `d3`), read once from the installed
 * package and made safe to inline. d3's `exports` map hides `dist/d3.min.js`, so it is
 * found beside the entry point the map does export (`dist/d3.mjs`).
 */
export function d3Source(): string {
  if (cached === undefined) {
    const entry = createRequire(import.meta.url).resolve('d3');
    cached = inlineScript(readFileSync(join(dirname(entry), 'd3.min.js'), 'utf8'));
  }
  return cached;
}
