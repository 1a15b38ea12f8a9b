import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { scenarioSchema } from '../scenarioSchema.js';
import { SCHEMA_OPTIONS } from './schemaValidator.js';

/**
 * The scenario schema's validate function as the source of a CommonJS module (Ajv's
 * standalone code, with the options `scenarioValidator` compiles with), exporting it as
 * `default` and the schema it checks, as JSON text, as `schemaText`: `scenarioValidator`
 * uses the module only while that text is the current schema's. For `scripts/build-validator.mjs`.
 */
export function validatorSource(): string {
  const ajv = new Ajv({ ...SCHEMA_OPTIONS, code: { source: true } });
  // A CommonJS module: its exports are the function, and `default` the same function.
  const code = standalone.default(ajv, ajv.compile(scenarioSchema));
  return `${code}\nmodule.exports.schemaText = ${JSON.stringify(JSON.stringify(scenarioSchema))};\n`;
}
