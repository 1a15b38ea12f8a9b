import { isUtf8 } from 'node:buffer';
import { CoordsimError } from '../scenario/CoordsimError.js';
import { readCsvPlan } from './csv/readCsvPlan.js';
import { readGan } from './gan/readGan.js';
import type { ImportedPlan, PlanFormat } from './ImportedPlan.js';
import { PLAN_EXTENSIONS, planFormatOf } from './planFormat.js';
import { readMspdi } from './mspdi/readMspdi.js';
import { readPsplib } from './psplib/readPsplib.js';
import { readXer } from './xer/readXer.js';

export { PLAN_EXTENSIONS, planFormatOf };

/**
 * Reads a plan file's bytes in its format: Microsoft Project XML, Primavera P6 XER (decoded as
 * UTF-8 when the bytes are valid UTF-8, else as Latin-1, as older P6 versions write it), GanttProject, a CSV task list or PSPLIB. Pure: `file`
 * only names the format and appears in messages.
 */
export function readPlan(bytes: Uint8Array, file: string, format: PlanFormat | null = planFormatOf(file)): ImportedPlan {
  const text = (encoding: 'utf8' | 'latin1') => {
    const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(encoding);
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s; // a byte-order mark
  };
  switch (format) {
    case 'mspdi':
      return readMspdi(text('utf8'), file);
    case 'xer':
      // P6 writes Windows-1252, newer versions UTF-8: bytes that are valid UTF-8 are read as such.
      return readXer(text(isUtf8(bytes) ? 'utf8' : 'latin1'), file);
    case 'gan':
      return readGan(text('utf8'), file);
    case 'csv':
      return readCsvPlan(text('utf8'), file);
    case 'psplib':
      return readPsplib(text('utf8'), file);
    default:
      throw new CoordsimError('E_USAGE', `not a plan file: expected one of ${[...PLAN_EXTENSIONS.keys()].join(', ')}`, { file });
  }
}
