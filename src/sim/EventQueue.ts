/**
 * A binary min-heap of events ordered by (time, insertion sequence).
 *
 * Events are plain numbers: a `kind` code and an integer `data` word chosen by the caller.
 * Records live in parallel typed arrays indexed by a slot (the event's handle), recycled
 * through a free list, so scheduling and popping allocate nothing once the arrays have grown
 * to the run's high-water mark. Equal times pop in the order they were scheduled (SimPy's
 * `(time, priority, eid)` rule with a plain counter), which makes a run reproducible.
 */
export class EventQueue {
  private time: Float64Array;
  private seq: Float64Array;
  private kinds: Int32Array;
  private datas: Int32Array;
  /** Heap position of each slot, or -1 when the slot is free. */
  private pos: Int32Array;
  /** heap[i] is the slot stored at heap position i. */
  private heap: Int32Array;
  private free: Int32Array;
  private freeCount = 0;
  private slotsUsed = 0;
  private count = 0;
  private nextSeq = 0;

  constructor(initialCapacity = 64) {
    const n = Math.max(4, initialCapacity | 0);
    this.time = new Float64Array(n);
    this.seq = new Float64Array(n);
    this.kinds = new Int32Array(n);
    this.datas = new Int32Array(n);
    this.pos = new Int32Array(n).fill(-1);
    this.heap = new Int32Array(n);
    this.free = new Int32Array(n);
  }

  /** Number of pending events. */
  get size(): number {
    return this.count;
  }

  /** Removes every event and restarts the sequence counter (arrays are kept for reuse). */
  clear(): void {
    this.count = 0;
    this.freeCount = 0;
    this.slotsUsed = 0;
    this.nextSeq = 0;
    this.pos.fill(-1);
  }

  /** Schedules an event and returns its handle (valid until the event pops or is cancelled). */
  schedule(time: number, kind: number, data: number): number {
    if (!(time === time) || time === Infinity || time === -Infinity) {
      throw new RangeError(`EventQueue.schedule: time must be a finite number, got ${time}`);
    }
    let slot: number;
    if (this.freeCount > 0) slot = this.free[--this.freeCount];
    else {
      if (this.slotsUsed === this.time.length) this.grow();
      slot = this.slotsUsed++;
    }
    this.time[slot] = time;
    this.seq[slot] = this.nextSeq++;
    this.kinds[slot] = kind;
    this.datas[slot] = data;
    const i = this.count++;
    this.heap[i] = slot;
    this.pos[slot] = i;
    this.siftUp(i);
    return slot;
  }

  /** Cancels a pending event; returns false when the handle is not pending. */
  cancel(handle: number): boolean {
    if (handle < 0 || handle >= this.slotsUsed) return false;
    const i = this.pos[handle];
    if (i < 0) return false;
    const last = --this.count;
    if (i !== last) {
      const moved = this.heap[last];
      this.heap[i] = moved;
      this.pos[moved] = i;
      if (i > 0 && this.less(moved, this.heap[(i - 1) >> 1])) this.siftUp(i);
      else this.siftDown(i);
    }
    this.release(handle);
    return true;
  }

  /** True when the handle refers to a pending event. */
  isPending(handle: number): boolean {
    return handle >= 0 && handle < this.slotsUsed && this.pos[handle] >= 0;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.count === 0 ? Infinity : this.time[this.heap[0]];
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
    if (this.count === 0) return -1;
    const top = this.heap[0];
    const last = --this.count;
    if (last > 0) {
      const moved = this.heap[last];
      this.heap[0] = moved;
      this.pos[moved] = 0;
      this.siftDown(0);
    }
    this.release(top);
    return top;
  }

  kindOf(handle: number): number {
    return this.kinds[handle];
  }

  dataOf(handle: number): number {
    return this.datas[handle];
  }

  private release(slot: number): void {
    this.pos[slot] = -1;
    this.free[this.freeCount++] = slot;
  }

  private less(a: number, b: number): boolean {
    const ta = this.time[a];
    const tb = this.time[b];
    return ta < tb || (ta === tb && this.seq[a] < this.seq[b]);
  }

  private siftUp(i: number): void {
    const heap = this.heap;
    const pos = this.pos;
    const slot = heap[i];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent];
      if (!this.less(slot, p)) break;
      heap[i] = p;
      pos[p] = i;
      i = parent;
    }
    heap[i] = slot;
    pos[slot] = i;
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    const pos = this.pos;
    const n = this.count;
    const slot = heap[i];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.less(heap[child + 1], heap[child])) child++;
      const c = heap[child];
      if (!this.less(c, slot)) break;
      heap[i] = c;
      pos[c] = i;
      i = child;
    }
    heap[i] = slot;
    pos[slot] = i;
  }

  private grow(): void {
    const n = this.time.length * 2;
    const growF = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    const growI = (a: Int32Array, fill = 0) => {
      const b = new Int32Array(n);
      if (fill !== 0) b.fill(fill);
      b.set(a);
      return b;
    };
    this.time = growF(this.time);
    this.seq = growF(this.seq);
    this.kinds = growI(this.kinds);
    this.datas = growI(this.datas);
    this.pos = growI(this.pos, -1);
    this.heap = growI(this.heap);
    this.free = growI(this.free);
  }
}
