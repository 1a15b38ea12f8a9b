import { describe, expect, test } from 'vitest';
import { parseValuesCsv } from '../../src/fit/parseValuesCsv.js';
import { CoordsimError } from '../../src/scenario/CoordsimError.js';

const FILE = 'history.csv';

function failure(text: string, column?: string): CoordsimError {
  try {
    parseValuesCsv(text, FILE, column);
  } catch (e) {
    if (e instanceof CoordsimError) return e;
    throw e;
  }
  throw new Error('expected a CoordsimError');
}

describe('parseValuesCsv', () => {
  test('parseValuesCsv reads the only numeric column, skipping empty cells and blank lines, with lines', () => {
    const text = '\uFEFFtask,days,owner\nA,1.5,ann\nB, 2 ,bob\n\nC,,cy\n"D, the long one",3e0,dee\nE,.5,ed\nF,4,fay\n';
    expect(parseValuesCsv(text, FILE)).toEqual({ column: 'days', values: [1.5, 2, 3, 0.5, 4], lines: [2, 3, 6, 7, 8] });
  });

  test('parseValuesCsv reads a one-column file, and --column picks among several numeric ones', () => {
    expect(parseValuesCsv('d\n1\n2\n3\n4\n5\n', FILE).values).toEqual([1, 2, 3, 4, 5]);
    const text = 'id,days\n1,5\n2,6\n3,7\n4,8\n5,9\n';
    expect(parseValuesCsv(text, FILE, 'days').values).toEqual([5, 6, 7, 8, 9]);
  });

  test.each([
    ['an empty file', '', undefined, 'E_PARSE', `${FILE}: empty file`],
    ['a file of blank lines', '\n \n', undefined, 'E_PARSE', `${FILE}: empty file`],
    ['a header without rows', 'days\n', undefined, 'E_PARSE', `${FILE}:1: no values: the file has a header row ("days")`],
    ['no numeric column', 'a,b\nx,y\nz,w\n', undefined, 'E_PARSE', `${FILE}:1: no numeric column: expected a column of numbers among "a", "b"`],
    ['a non-numeric cell', 'days\n1\n2\nabout 3\n4\n5\n', undefined, 'E_PARSE', `${FILE}:4: column "days": expected a number, got "about 3"`],
    ['a hexadecimal cell', 'days\n1\n2\n0x10\n4\n5\n', undefined, 'E_PARSE', `${FILE}:4: column "days": expected a number, got "0x10"`],
    ['a negative value', 'days\n1\n2\n3\n-4\n5\n', undefined, 'E_PARSE', `${FILE}:5: column "days": expected a duration >= 0, got -4`],
    ['too few values', 'days\n1\n2\n\n3\n', undefined, 'E_PARSE', `${FILE}: too few values: expected at least 5 in column "days", got 3`],
    ['only empty cells', 'a,days\nx,\ny,\n', 'days', 'E_PARSE', `${FILE}: no values: column "days" has only empty cells`],
    ['an unknown column', 'days,hours\n1,2\n', 'weeks', 'E_USAGE', `${FILE}:1: --column: no column "weeks"; the columns are "days", "hours"`],
    ['two numeric columns', 'days,hours\n1,2\n3,4\n', undefined, 'E_USAGE', `${FILE}:1: several numeric columns ("days", "hours"): choose one with --column NAME`],
    ['a ragged row', 'days,who\n1,a\n2,b,c\n', undefined, 'E_PARSE', `${FILE}:3: malformed CSV`],
    ['an unclosed quote', 'days\n1\n"2\n', undefined, 'E_PARSE', `${FILE}:3: malformed CSV`],
  ])('parseValuesCsv rejects %s', (_title, text, column, code, message) => {
    const e = failure(text, column);
    expect(e.code).toBe(code);
    expect(e.message.startsWith(message), e.message).toBe(true);
  });
});
