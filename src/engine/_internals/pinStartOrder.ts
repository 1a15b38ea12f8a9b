import type { TaskModel } from '../Model.js';

/**
 * A pinned start order (`dispatch: {order}`, task indices; empty: none) as the unit paths read
 * it: marks the listed tasks that hold resources in `listed` (cleared first) and returns them
 * in order. Tasks that hold nothing (milestones, elapsed time) never wait for their turn.
 */
export function pinStartOrder(tasks: readonly TaskModel[], order: ArrayLike<number>, listed: Uint8Array): Int32Array {
  listed.fill(0);
  const strict = Int32Array.from(Array.from(order).filter((t) => tasks[t].kind === 'work'));
  for (const t of strict) listed[t] = 1;
  return strict;
}
