import { SimError } from './SimError.js';
import { EventQueue } from './EventQueue.js';

/** Receives the events of a run. One object for the whole run: no closure per event. */
export interface EventHandler {
  /** Processes one event popped at `time`. */
  handle(kind: number, data: number, time: number): void;
  /**
   * Called after every event of the instant `time` has been processed (and before the clock
   * moves on). May schedule more events at `time`; they run, then this is called again.
   */
  endOfInstant?(time: number): void;
}

/** Options of `Simulation.run`. */
export interface RunOptions {
  /** Stop before processing events later than this time (default: run until the queue is empty). */
  until?: number;
  /** Throw once this many events have been processed (default 50,000,000): a stall guard. */
  maxEvents?: number;
}

/**
 * The simulation clock and loop: pops events in (time, sequence) order and hands them to a
 * handler. Knows nothing of what the events mean.
 */
export class Simulation {
  readonly queue: EventQueue;
  private clock = 0;
  private processed = 0;

  constructor(queue: EventQueue = new EventQueue()) {
    this.queue = queue;
  }

  /** Current simulation time. */
  get now(): number {
    return this.clock;
  }

  /** Events processed since the last reset. */
  get eventCount(): number {
    return this.processed;
  }

  /** Clears the queue and resets the clock to 0, keeping allocated storage. */
  reset(): void {
    this.queue.clear();
    this.clock = 0;
    this.processed = 0;
  }

  /** Schedules an event `delay` time units from now. */
  schedule(delay: number, kind: number, data: number): number {
    if (!(delay >= 0)) {
      badDelay(delay);
    }
    const time = this.clock + delay;
    if (!(time < Infinity)) badTime(time, this.clock);
    return this.queue.schedule(time, kind, data);
  }

  /**
   * Schedules an event at an absolute time, which must not lie in the past. A time that is not
   * finite (a sum of times overflowed) throws SimError E_RANGE: a run cannot go on from there.
   */
  scheduleAt(time: number, kind: number, data: number): number {
    if (!(time >= this.clock && time < Infinity)) {
      badTime(time, this.clock);
    }
    return this.queue.schedule(time, kind, data);
  }

  /** Runs until the queue is empty, `until` is reached or the event guard trips. Returns the clock. */
  run(handler: EventHandler, options: RunOptions = {}): number {
    const until = options.until ?? Infinity;
    const maxEvents = options.maxEvents ?? 50_000_000;
    const q = this.queue;
    const hasEnd = handler.endOfInstant !== undefined;
    for (;;) {
      const t = q.peekTime();
      if (t > until || t === Infinity) {
        if (t > until && until !== Infinity) this.clock = until;
        return this.clock;
      }
      const h = q.pop();
      this.clock = t;
      if (++this.processed > maxEvents) {
        guardTripped(maxEvents, t, this.processed - 1);
      }
      handler.handle(q.kindOf(h), q.dataOf(h), t);
      if (hasEnd && q.peekTime() !== t) {
        handler.endOfInstant!(t);
      }
    }
  }
}

// Cold paths: messages are built out of line, never in a method the engine inlines (TurboFan
// may compute a template literal's number-to-string conversions ahead of the throwing branch).
function badDelay(delay: number): never {
  throw new RangeError(`Simulation.schedule: delay must be >= 0, got ${delay}`);
}

function badTime(time: number, clock: number): never {
  if (!Number.isFinite(time)) {
    throw new SimError('E_RANGE', `an event time left the finite range (${time}) after time ${clock}: times added up beyond ${Number.MAX_VALUE}`, { time: clock });
  }
  throw new RangeError(`Simulation.scheduleAt: time ${time} is before now (${clock})`);
}

function guardTripped(maxEvents: number, t: number, events: number): never {
  throw new SimError(
    'E_GUARD',
    `simulation stopped after ${maxEvents} events at time ${t}: the run does not settle (raise maxEvents if the model is really this large)`,
    { time: t, events },
  );
}
