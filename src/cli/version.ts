import { readFileSync } from 'node:fs';

let cached: string | null = null;

/** This coordsim's version, from its package.json (src/ and dist/ sit at the same depth). */
export function coordsimVersion(): string {
  cached ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return cached;
}
