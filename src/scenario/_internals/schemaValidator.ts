import type { Ajv as AjvClass, Options, ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';
import { scenarioSchema } from '../scenarioSchema.js';

/** The options the scenario schema is compiled with (`schemaProblem` needs `allErrors` and `verbose`). */
export const SCHEMA_OPTIONS: Options = { allErrors: true, verbose: true, allowUnionTypes: true, strict: true };

/** File name of the validator `scripts/build-validator.mjs` writes beside this module's build. */
export const GENERATED_VALIDATOR = 'scenarioValidator.generated.cjs';

let validator: ValidateFunction | undefined;

/**
 * The scenario schema's validate function. The build writes it out as code ahead of time
 * (`scripts/build-validator.mjs`, Ajv's standalone output), so that the CLI compiles no
 * schema at start-up; where that file is missing (tests run from the sources) or was made
 * from another schema, Ajv compiles the schema here, once, to the same function.
 */
export function scenarioValidator(): ValidateFunction {
  return (validator ??= prebuilt() ?? compiled());
}

function prebuilt(): ValidateFunction | undefined {
  let mod: { default: ValidateFunction; schemaText: string };
  try {
    mod = createRequire(import.meta.url)(`./${GENERATED_VALIDATOR}`) as typeof mod;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw e;
  }
  return mod.schemaText === JSON.stringify(scenarioSchema) ? mod.default : undefined;
}

/** Ajv itself, loaded only here: the built validator needs none of it. */
function compiled(): ValidateFunction {
  const { Ajv } = createRequire(import.meta.url)('ajv') as { Ajv: typeof AjvClass };
  return new Ajv(SCHEMA_OPTIONS).compile(scenarioSchema);
}
