import { expect } from 'vitest';
import { CoordsimError } from '../../src/scenario/CoordsimError.js';

/** Runs `fn` and checks it throws a CoordsimError with this code, location and message parts. */
export function expectCoordsimError(fn: () => unknown, code: string, where: { file?: string; line?: number; path?: string }, ...parts: string[]): CoordsimError {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(CoordsimError);
  const e = err as CoordsimError;
  expect(e.code).toBe(code);
  for (const [k, v] of Object.entries(where)) expect(e.context[k as keyof typeof e.context]).toBe(v);
  for (const p of parts) expect(e.message).toContain(p);
  return e;
}
