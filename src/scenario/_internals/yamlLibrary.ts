import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');

let library: Yaml | undefined;

/**
 * The YAML library, loaded on first use: a JSON scenario never needs it, and loading it is a
 * good part of the CLI's start-up. (In Node the package is CommonJS whether it is imported or
 * required, so this is the same instance the rest of the code imports.)
 */
export function yamlLibrary(): Yaml {
  return (library ??= createRequire(import.meta.url)('yaml') as Yaml);
}
