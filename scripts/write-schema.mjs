#!/usr/bin/env node
// Regenerates docs/scenario.schema.json from the built schema (run `npm run build` first).
// test/scenario/scenarioSchema.test.ts fails when the file and the source disagree.
import { writeFileSync } from 'node:fs';
import { scenarioSchema } from '../dist/scenario/scenarioSchema.js';

const target = new URL('../docs/scenario.schema.json', import.meta.url);
writeFileSync(target, JSON.stringify(scenarioSchema, null, 2) + '\n');
console.log(`wrote ${target.pathname}`);
