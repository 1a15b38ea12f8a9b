import type { OutputDestination } from './checkDestination.js';
import { OutputSet } from './OutputSet.js';

/**
 * Runs `work` with an output set in DIR (or none when `dest` is null) and commits the set once
 * `work` succeeds; a failure aborts it, leaving DIR as it was. Returns the result and the
 * paths written.
 */
export async function withOutputSet<R>(dest: OutputDestination | null, work: (set: OutputSet | null) => R | Promise<R>): Promise<{ result: R; written: string[] }> {
  if (dest === null) return { result: await work(null), written: [] };
  const set = OutputSet.open(dest);
  try {
    const result = await work(set);
    // A signal that arrived while this thread was busy (a Monte Carlo in this thread) is handled
    // in the event loop's poll phase, before this check-phase callback: DIR is then never touched.
    await new Promise<void>((r) => setImmediate(r));
    return { result, written: set.commit() };
  } catch (e) {
    set.abort();
    throw e;
  }
}
