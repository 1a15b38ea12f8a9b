import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { fitDistributions } from '../../src/fit/fitDistributions.js';
import { formatFitTable } from '../../src/fit/formatFitTable.js';
import { parseValuesCsv } from '../../src/fit/parseValuesCsv.js';

const doc = readFileSync(new URL('../../docs/fitting.md', import.meta.url), 'utf8');
const csv = readFileSync(new URL('./fixtures/reviews.csv', import.meta.url), 'utf8');

describe('docs/fitting.md', () => {
  test('the reviews.csv example shows what coordsim fit prints for it', () => {
    const block = doc.split('For `reviews.csv`')[1].split('```')[1].replace(/^\n/, '');
    const { column, values } = parseValuesCsv(csv, 'reviews.csv');
    expect(formatFitTable(fitDistributions(values), `column ${JSON.stringify(column)} of reviews.csv`)).toBe(block);
  });
});
