import type { JobStore } from './JobStore.js';

/**
 * Ready jobs, one sorted list per resource (fixed assignment) and one per skill (pools).
 * Each list is kept in descending dispatch order so its best job is at the end: taking it
 * is a pop, and inserting is a binary search plus a short move.
 */
export class ReadyLists {
  private readonly lists: number[][];
  private readonly resources: number;

  constructor(resources: number, skills: number, private readonly jobs: JobStore) {
    this.resources = resources;
    this.lists = Array.from({ length: resources + skills }, () => []);
  }

  clear(): void {
    const lists = this.lists;
    // Most lists are already empty at the end of a run; setting `length` is a builtin call even then.
    for (let i = 0; i < lists.length; i++) if (lists[i].length !== 0) lists[i].length = 0;
  }

  /** Adds job j to resource r's list, or (r = -1) to skill s's list. */
  insert(j: number, r: number, s: number): void {
    const li = r >= 0 ? r : this.resources + s;
    const l = this.lists[li];
    const J = this.jobs;
    // Find the first position whose job sorts before j (list is descending).
    let lo = 0;
    let hi = l.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (J.less(j, l[mid])) lo = mid + 1;
      else hi = mid;
    }
    // Shift by hand: `splice` costs more than the few moves a short list needs.
    let i = l.length;
    l.push(j);
    while (i > lo) {
      l[i] = l[i - 1];
      i--;
    }
    l[lo] = j;
    J.list[j] = li;
  }

  /** The best job that resource r (with these skills; null for the orchestrator) could start, or -1. */
  bestFor(r: number, skillIds: readonly number[] | null): number {
    const J = this.jobs;
    let l = this.lists[r];
    let best = l.length > 0 ? l[l.length - 1] : -1;
    if (skillIds !== null) {
      for (let k = 0; k < skillIds.length; k++) {
        l = this.lists[this.resources + skillIds[k]];
        if (l.length === 0) continue;
        const h = l[l.length - 1];
        if (best < 0 || J.less(h, best)) best = h;
      }
    }
    return best;
  }

  /** The best ready job of all (sequential strategy), or -1. */
  bestOverall(): number {
    const J = this.jobs;
    let best = -1;
    for (const l of this.lists) {
      if (l.length === 0) continue;
      const h = l[l.length - 1];
      if (best < 0 || J.less(h, best)) best = h;
    }
    return best;
  }

  /** Removes j, which must be the best job of its list. */
  remove(j: number): void {
    const l = this.lists[this.jobs.list[j]];
    if (l[l.length - 1] !== j) notAtHead(j);
    l.pop();
    this.jobs.list[j] = -1;
  }
}

/** Cold path, out of line (see `Simulation`'s note on template literals in inlined code). */
function notAtHead(j: number): never {
  throw new Error(`ReadyLists.remove: job ${j} is not at the head of its list`);
}
