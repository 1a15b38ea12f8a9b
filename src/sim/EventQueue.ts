import { heapSiftDown, heapSiftUp } from './heap.js';

/** Slot states. A cancelled event stays in the heap (as garbage) until it reaches the top. */
const FREE = 0;
const PENDING = 1;
const CANCELLED = 2;

/**
 * A binary min-heap of events ordered by (time, insertion sequence).
 *
 * Events are plain numbers: a `kind` code and an integer `data` word chosen by the caller.
 * Records live in parallel typed arrays indexed by a slot (the event's handle), recycled
 * through a free list, so scheduling and popping allocate nothing once the arrays have grown
 * to the run's high-water mark. Equal times pop in the order they were scheduled (SimPy's
 * `(time, priority, eid)` rule with a plain counter), which makes a run reproducible.
 *
 * Layout, for speed: the heap holds (time, sequence, slot) inline in three parallel arrays and
 * is moved by the shared `heapSiftUp` / `heapSiftDown` (the engine's work-only schedule uses
 * the same two). Cells past the last entry hold +Infinity, so an empty queue peeks at
 * +Infinity. Cancellation is lazy (as in
 * Python's `heapq` recipe): the entry is marked and dropped when it surfaces, so the heap keeps
 * no positions; it is compacted when garbage outnumbers the pending events.
 */
export class EventQueue {
  private hTime: Float64Array;
  private hSeq: Float64Array;
  private hSlot: Int32Array;
  private time: Float64Array;
  private kinds: Int32Array;
  private datas: Int32Array;
  private state: Uint8Array;
  private free: Int32Array;
  private freeCount = 0;
  private slotsUsed = 0;
  /** Heap entries, cancelled ones included. */
  private heapCount = 0;
  private cancelled = 0;
  private nextSeq = 0;

  constructor(initialCapacity = 64) {
    const n = Math.max(4, initialCapacity | 0);
    this.hTime = new Float64Array(n + 1).fill(Infinity);
    this.hSeq = new Float64Array(n + 1);
    this.hSlot = new Int32Array(n + 1);
    this.time = new Float64Array(n);
    this.kinds = new Int32Array(n);
    this.datas = new Int32Array(n);
    this.state = new Uint8Array(n);
    this.free = new Int32Array(n);
  }

  /** Number of pending events. */
  get size(): number {
    return this.heapCount - this.cancelled;
  }

  /** Removes every event and restarts the sequence counter (arrays are kept for reuse). */
  clear(): void {
    // Only the used prefixes can be dirty: cells past the last heap entry already hold the
    // +Infinity sentinel and slots never handed out are FREE, so clearing costs O(used), not
    // O(capacity) (it runs once per simulated run).
    this.state.fill(FREE, 0, this.slotsUsed);
    this.hTime.fill(Infinity, 0, this.heapCount);
    this.freeCount = 0;
    this.slotsUsed = 0;
    this.heapCount = 0;
    this.cancelled = 0;
    this.nextSeq = 0;
  }

  /** Schedules an event and returns its handle (valid until the event pops or is cancelled). */
  schedule(time: number, kind: number, data: number): number {
    if (time - time !== 0) {
      // NaN and ±Infinity are the numbers for which x − x is not 0.
      notFinite(time);
    }
    let slot: number;
    if (this.freeCount > 0) slot = this.free[--this.freeCount];
    else {
      if (this.slotsUsed === this.time.length) this.grow();
      slot = this.slotsUsed++;
    }
    const seq = this.nextSeq++;
    this.time[slot] = time;
    this.kinds[slot] = kind;
    this.datas[slot] = data;
    this.state[slot] = PENDING;
    // The new entry has the largest sequence number, so it stops at an equal time.
    heapSiftUp(this.hTime, this.hSeq, this.hSlot, this.heapCount++, time, seq, slot);
    return slot;
  }

  /** Cancels a pending event; returns false when the handle is not pending. */
  cancel(handle: number): boolean {
    if (!this.isPending(handle)) return false;
    this.state[handle] = CANCELLED;
    this.cancelled++;
    if (this.cancelled > 16 && 2 * this.cancelled > this.heapCount) this.compact();
    return true;
  }

  /** True when the handle refers to a pending event. */
  isPending(handle: number): boolean {
    return handle >= 0 && handle < this.slotsUsed && this.state[handle] === PENDING;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    while (this.state[this.hSlot[0]] === CANCELLED && this.heapCount > 0) this.dropTop();
    return this.hTime[0]; // the +Infinity sentinel when empty
  }

  /** Time of a pending event. */
  timeOf(handle: number): number {
    return this.time[handle];
  }

  /**
   * Removes the earliest event and returns its handle; read it with `timeOf`, `kindOf`,
   * `dataOf` before the next `schedule` (the slot is recycled). Returns -1 when empty.
   */
  pop(): number {
    if (this.heapCount === this.cancelled) return -1;
    let top = this.hSlot[0];
    while (this.state[top] === CANCELLED) {
      this.dropTop();
      top = this.hSlot[0];
    }
    this.removeTop();
    this.release(top);
    return top;
  }

  /** Kind code of a pending (or just popped) event. */
  kindOf(handle: number): number {
    return this.kinds[handle];
  }

  /** Data word of a pending (or just popped) event. */
  dataOf(handle: number): number {
    return this.datas[handle];
  }

  private release(slot: number): void {
    this.state[slot] = FREE;
    this.free[this.freeCount++] = slot;
  }

  /** Removes a cancelled entry that has reached the top. */
  private dropTop(): void {
    const slot = this.hSlot[0];
    this.removeTop();
    this.cancelled--;
    this.release(slot);
  }

  /** Removes the root entry: the last entry fills the hole and sinks. */
  private removeTop(): void {
    const last = --this.heapCount;
    const t = this.hTime[last];
    this.hTime[last] = Infinity;
    if (last > 0) heapSiftDown(this.hTime, this.hSeq, this.hSlot, last, 0, t, this.hSeq[last], this.hSlot[last]);
  }

  /** Drops every cancelled entry and rebuilds the heap bottom-up (Floyd 1964): O(n). */
  private compact(): void {
    const hTime = this.hTime;
    const hSeq = this.hSeq;
    const hSlot = this.hSlot;
    let n = 0;
    for (let i = 0; i < this.heapCount; i++) {
      const slot = hSlot[i];
      if (this.state[slot] === CANCELLED) this.release(slot);
      else {
        hTime[n] = hTime[i];
        hSeq[n] = hSeq[i];
        hSlot[n++] = slot;
      }
    }
    hTime.fill(Infinity, n, this.heapCount);
    this.heapCount = n;
    this.cancelled = 0;
    for (let i = (n >> 1) - 1; i >= 0; i--) heapSiftDown(hTime, hSeq, hSlot, n, i, hTime[i], hSeq[i], hSlot[i]);
  }

  private grow(): void {
    const n = this.time.length * 2;
    const copy = <T extends Float64Array | Int32Array | Uint8Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    const hTime = new Float64Array(n + 1).fill(Infinity);
    this.hTime = copy(this.hTime, hTime);
    this.hSeq = copy(this.hSeq, new Float64Array(n + 1));
    this.hSlot = copy(this.hSlot, new Int32Array(n + 1));
    this.time = copy(this.time, new Float64Array(n));
    this.kinds = copy(this.kinds, new Int32Array(n));
    this.datas = copy(this.datas, new Int32Array(n));
    this.state = copy(this.state, new Uint8Array(n));
    this.free = copy(this.free, new Int32Array(n));
  }
}

/** Cold path, out of line so that callers inlining `schedule` stay lean. */
function notFinite(time: number): never {
  throw new RangeError(`EventQueue.schedule: time must be a finite number, got ${time}`);
}
