import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { readCsvPlan } from '../../src/import/csv/readCsvPlan.js';
import { readGan } from '../../src/import/gan/readGan.js';
import { readPsplib } from '../../src/import/psplib/readPsplib.js';
import { readPsplibSolutions } from '../../src/import/psplib/readPsplibSolutions.js';
import { CoordsimError } from '../../src/scenario/CoordsimError.js';

const READERS: [string, (text: string, file: string) => unknown][] = [
  ['small-house.gan', readGan],
  ['relaunch.csv', readCsvPlan],
  ['small12.sm', readPsplib],
  ['j12opt.sm', readPsplibSolutions],
];

it('every reader, on its fixture cut, with a span deleted or a character inserted, either reads it or throws a CoordsimError with file and line', () => {
  let seed = 12345; // a fixed linear congruential sequence: the same corruptions every run
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const failures: string[] = [];
  let thrown = 0;
  for (const [name, read] of READERS) {
    const text = readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
    for (let i = 0; i < 500; i++) {
      const kind = Math.floor(next() * 3);
      const pos = Math.floor(next() * text.length);
      const corrupt =
        kind === 0 ? text.slice(0, pos)
        : kind === 1 ? text.slice(0, pos) + text.slice(pos + 1 + Math.floor(next() * 20))
        : text.slice(0, pos) + '"<>&;,0-9x\n'[Math.floor(next() * 11)] + text.slice(pos);
      try {
        read(corrupt, name);
      } catch (err) {
        thrown++;
        if (!(err instanceof CoordsimError)) failures.push(`${name} (${kind} at ${pos}): ${String(err)}`);
        else if (err.context.file !== name || err.context.line === undefined) failures.push(`${name} (${kind} at ${pos}): unlocated ${err.message}`);
      }
    }
  }
  expect(failures).toEqual([]);
  expect(thrown).toBeGreaterThan(500); // the corruptions do hit
});
