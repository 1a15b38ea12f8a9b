import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { EventQueue } from '../../src/sim/EventQueue.js';
import { stream } from '../../src/sim/streams.js';

/** One step of a random session against the queue. */
type Op =
  | { op: 'schedule'; time: number; kind: number; data: number }
  | { op: 'cancel'; pick: number }
  | { op: 'pop' }
  | { op: 'clear' };

/** The obvious model: a list of live events, the earliest found by a scan on (time, seq). */
interface ModelEvent {
  handle: number;
  time: number;
  seq: number;
  kind: number;
  data: number;
}

/**
 * Random sessions. Times come from a small set so that ties are frequent and FIFO order among
 * them is exercised; `deep` favours scheduling over popping, so that the heap grows deep enough
 * for a cancel to move the last event up as well as down.
 */
function opsArb(deep: boolean): fc.Arbitrary<Op[]> {
  const time = deep ? fc.integer({ min: 0, max: 40 }).map((t) => t / 4) : fc.constantFrom(0, 1, 1.5, 2, 7);
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: deep ? 8 : 5, arbitrary: fc.record({ op: fc.constant('schedule' as const), time, kind: fc.integer({ min: 0, max: 9 }), data: fc.integer() }) },
    { weight: deep ? 4 : 2, arbitrary: fc.record({ op: fc.constant('cancel' as const), pick: fc.nat() }) },
    { weight: deep ? 1 : 4, arbitrary: fc.record({ op: fc.constant('pop' as const) }) },
    { weight: deep ? 0 : 1, arbitrary: fc.constant({ op: 'clear' as const }) },
  );
  return fc.array(op, { maxLength: 300, size: 'max' }); // 'max': the default size stays near 10 ops
}

/**
 * Plays `ops` on a queue and on the model, then drains both; returns the first difference, or
 * null. Plain comparisons, not `expect`, keep the (long) sessions and their shrinking fast.
 */
function replay(ops: Op[]): string | null {
  const q = new EventQueue(4); // small, so that growth happens mid-session
  let model: ModelEvent[] = [];
  const issued: number[] = []; // every handle ever returned, stale ones included
  let seq = 0;
  const popBoth = (): string | null => {
    const h = q.pop();
    if (model.length === 0) return h === -1 ? null : `pop() gave ${h} from an empty queue`;
    let best = 0;
    for (let i = 1; i < model.length; i++) {
      const e = model[i];
      const b = model[best];
      if (e.time < b.time || (e.time === b.time && e.seq < b.seq)) best = i;
    }
    const e = model.splice(best, 1)[0];
    const got = [h, q.timeOf(h), q.kindOf(h), q.dataOf(h)].join();
    const want = [e.handle, e.time, e.kind, e.data].join();
    return got === want ? null : `pop() gave ${got}, expected ${want}`;
  };
  for (const [step, o] of ops.entries()) {
    if (o.op === 'schedule') {
      const handle = q.schedule(o.time, o.kind, o.data);
      if (model.some((e) => e.handle === handle)) return `step ${step}: handle ${handle} is already live`;
      model.push({ handle, time: o.time, seq: seq++, kind: o.kind, data: o.data });
      issued.push(handle);
    } else if (o.op === 'cancel') {
      // A stale handle may have been recycled by a later event: then it names that event.
      const handle = issued.length ? issued[o.pick % issued.length] : o.pick;
      const live = model.findIndex((e) => e.handle === handle);
      if (q.cancel(handle) !== live >= 0) return `step ${step}: cancel(${handle}) should be ${live >= 0}`;
      if (live >= 0) model.splice(live, 1);
    } else if (o.op === 'pop') {
      const diff = popBoth();
      if (diff) return `step ${step}: ${diff}`;
    } else {
      q.clear();
      model = [];
      seq = 0;
    }
    if (q.size !== model.length) return `step ${step}: size ${q.size}, expected ${model.length}`;
    let earliest = Infinity;
    for (const e of model) earliest = Math.min(earliest, e.time);
    if (q.peekTime() !== earliest) return `step ${step}: peekTime ${q.peekTime()}, expected ${earliest}`;
    for (const e of model) if (!q.isPending(e.handle)) return `step ${step}: ${e.handle} should be pending`;
  }
  while (model.length || q.size) {
    const diff = popBoth();
    if (diff) return `drain: ${diff}`;
  }
  return null;
}

describe('EventQueue', () => {
  test.each([false, true])('matches a sorted-list model on random schedule / cancel / pop / clear sessions (deep: %s)', (deep) => {
    fc.assert(
      fc.property(opsArb(deep), (ops) => {
        expect(replay(ops)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  test('equal times pop in the order they were scheduled', () => {
    const q = new EventQueue();
    for (let i = 0; i < 50; i++) q.schedule(i % 2 === 0 ? 3 : 1, 0, i);
    const out: number[] = [];
    while (q.size) out.push(q.dataOf(q.pop()));
    const odd = Array.from({ length: 25 }, (_, i) => 2 * i + 1);
    const even = Array.from({ length: 25 }, (_, i) => 2 * i);
    expect(out).toEqual([...odd, ...even]);
  });

  test('cancel(handle) returns false for a handle that is not pending', () => {
    const q = new EventQueue();
    const a = q.schedule(1, 0, 0);
    const b = q.schedule(2, 0, 0);
    expect(q.cancel(a)).toBe(true);
    expect(q.cancel(a)).toBe(false); // already cancelled
    expect(q.pop()).toBe(b);
    expect(q.cancel(b)).toBe(false); // already popped
    expect(q.cancel(-1)).toBe(false);
    expect(q.cancel(12345)).toBe(false);
    expect(q.isPending(b)).toBe(false);
    expect(q.size).toBe(0);
  });

  test('clear() empties the queue and restarts the tie order', () => {
    const q = new EventQueue();
    for (let i = 0; i < 10; i++) q.schedule(i, 0, i);
    q.clear();
    expect([q.size, q.peekTime(), q.pop()]).toEqual([0, Infinity, -1]);
    q.schedule(5, 1, 100);
    q.schedule(5, 1, 200);
    expect([q.dataOf(q.pop()), q.dataOf(q.pop())]).toEqual([100, 200]);
  });

  test('grows beyond its initial capacity and still pops in (time, seq) order', () => {
    const q = new EventQueue(4);
    const rng = stream(1, 0, 'queue-growth');
    const n = 10_000;
    const times = Array.from({ length: n }, () => Math.floor(rng() * 100));
    times.forEach((t, i) => q.schedule(t, i % 7, i));
    expect(q.size).toBe(n);
    const expected = times.map((t, i) => [t, i]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const got: number[][] = [];
    while (q.size) {
      const h = q.pop();
      got.push([q.timeOf(h), q.dataOf(h)]);
    }
    expect(got).toEqual(expected);
  });

  test('cancelling most events (in random order) leaves the rest in (time, seq) order', () => {
    const q = new EventQueue(4);
    const rng = stream(2, 0, 'queue-cancel');
    const n = 5_000;
    const handles: number[] = [];
    for (let i = 0; i < n; i++) handles.push(q.schedule(Math.floor(rng() * 50), 0, i));
    const kept = new Set<number>();
    for (let i = 0; i < n; i++) {
      if (rng() < 0.8) expect(q.cancel(handles[i])).toBe(true);
      else kept.add(i);
    }
    expect(q.size).toBe(kept.size);
    for (let i = 0; i < 10; i++) q.schedule(25, 1, n + i); // interleave new work after the cancels
    const got: Array<[number, number]> = [];
    while (q.size) {
      const h = q.pop();
      got.push([q.timeOf(h), q.dataOf(h)]);
    }
    const expected = got.slice().sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    expect(got).toEqual(expected);
    expect(got.map(([, d]) => d).filter((d) => d < n).sort((x, y) => x - y)).toEqual([...kept].sort((x, y) => x - y));
    expect(q.pop()).toBe(-1);
  });

  test('schedule(time) refuses NaN and infinite times', () => {
    const q = new EventQueue();
    expect(() => q.schedule(NaN, 0, 0)).toThrow(RangeError);
    expect(() => q.schedule(Infinity, 0, 0)).toThrow('time must be a finite number, got Infinity');
    expect(q.size).toBe(0);
  });
});
