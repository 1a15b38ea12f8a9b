import { CoordsimError, type CoordsimErrorCode } from '../CoordsimError.js';
import { toPointer, type Path } from './pointer.js';
import type { Position } from './locate.js';

/** Maps a path inside the document to where it is written, when the source is known. */
export type Locator = (path: Path) => Position | undefined;

/** Throws a CoordsimError naming the file, the path and (when known) the line and column. */
export type Fail = (code: CoordsimErrorCode, message: string, path: Path) => never;

/** Builds the `Fail` of one document. */
export function failer(file: string | undefined, where: Locator | undefined): Fail {
  return (code, message, path) => {
    const at = where?.(path);
    throw new CoordsimError(code, message, {
      ...(file !== undefined ? { file } : {}),
      path: toPointer(path),
      ...(at ? { line: at.line, column: at.column } : {}),
    });
  };
}
