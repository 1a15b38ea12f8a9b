#!/usr/bin/env node
// Writes the scenario schema's validate function as code beside the built schemaValidator.js
// (run by `npm run build`, after tsc): the CLI then compiles no JSON Schema when it starts.
// Without the file, or with one made from another schema, validation compiles the schema at
// run time instead (slower start, same results).
import { writeFileSync } from 'node:fs';
import { GENERATED_VALIDATOR } from '../dist/scenario/_internals/schemaValidator.js';
import { validatorSource } from '../dist/scenario/_internals/validatorSource.js';

const target = new URL(`../dist/scenario/_internals/${GENERATED_VALIDATOR}`, import.meta.url);
writeFileSync(target, validatorSource());
