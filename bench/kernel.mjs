// Kernel benchmark: the classic "hold" model (Vaucher & Duval 1975; Jones 1986) on the event
// queue and loop alone. 1,000 processes each hold for a random delay and reschedule, until
// 1,000,000 events have run. Delays are drawn beforehand into a Float64Array so that random
// number generation is not part of the figure. Reports events/s, best of 3 after a warm-up.
import { EventQueue } from '../dist/sim/EventQueue.js';
import { Simulation } from '../dist/sim/Simulation.js';
import { stream } from '../dist/sim/streams.js';

const PROCESSES = 1_000;
const EVENTS = 1_000_000;
const DELAYS = 1 << 16; // a power of two: indexed with a mask

/** Pre-generated delays with mean 1: exponential (inverse CDF) or uniform on [0, 2). */
function delays(kind) {
  const rng = stream(1, 0, `bench-${kind}`);
  const out = new Float64Array(DELAYS);
  for (let i = 0; i < DELAYS; i++) out[i] = kind === 'exponential' ? -Math.log(1 - rng()) : 2 * rng();
  return out;
}

/** One run of the hold model; returns events per second. */
function hold(table) {
  const sim = new Simulation(new EventQueue(PROCESSES));
  const mask = DELAYS - 1;
  let next = 0;
  let scheduled = 0;
  for (let p = 0; p < PROCESSES; p++, scheduled++) sim.schedule(table[next++ & mask], 0, p);
  const handler = {
    handle(kind, data) {
      if (scheduled < EVENTS) {
        scheduled++;
        sim.schedule(table[next++ & mask], kind, data);
      }
    },
  };
  const t0 = performance.now();
  sim.run(handler);
  const seconds = (performance.now() - t0) / 1000;
  if (sim.eventCount !== EVENTS) throw new Error(`hold model ran ${sim.eventCount} events, expected ${EVENTS}`);
  return EVENTS / seconds;
}

function best(table) {
  hold(table); // warm-up: let the JIT settle
  return Math.max(hold(table), hold(table), hold(table));
}

/** Runs the benchmark and returns its figures. */
export async function run() {
  const exponential = best(delays('exponential'));
  const uniform = best(delays('uniform'));
  return {
    processes: PROCESSES,
    events: EVENTS,
    eventsPerSecond: Math.round(exponential),
    eventsPerSecondUniform: Math.round(uniform),
  };
}
