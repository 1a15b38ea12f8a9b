import { describe, expect, test } from 'vitest';
import { SimError } from '../../src/sim/SimError.js';
import { type EventHandler, Simulation } from '../../src/sim/Simulation.js';

type Log = Array<[string, number]>;

const NAMES = ['car', 'bus', 'bike'];
const PERIOD = [3, 5, 2];

/** Three processes: each logs, then schedules its next step after its period, four steps in all. */
function traffic(sim: Simulation, log: Log): EventHandler {
  for (let k = 0; k < NAMES.length; k++) sim.schedule(0, k, 0);
  return {
    handle(kind, step) {
      log.push([`${NAMES[kind]}#${step}`, sim.now]);
      if (step < 3) sim.schedule(PERIOD[kind], kind, step + 1);
    },
  };
}

const TRAFFIC: Log = [
  ['car#0', 0], ['bus#0', 0], ['bike#0', 0],
  ['bike#1', 2], ['car#1', 3], ['bike#2', 4], ['bus#1', 5],
  ['car#2', 6], ['bike#3', 6], // tie at 6: car#2 was scheduled first (at 3, bike#3 at 4)
  ['car#3', 9], ['bus#2', 10], ['bus#3', 15],
];

describe('Simulation', () => {
  test('run(handler) processes a timeline in (time, insertion) order', () => {
    const sim = new Simulation();
    const log: Log = [];
    expect(sim.run(traffic(sim, log))).toBe(15);
    expect(log).toEqual(TRAFFIC);
    expect(sim.now).toBe(15);
    expect(sim.eventCount).toBe(12);
  });

  test('run(handler, {until}) stops after the events at `until` and can resume', () => {
    const sim = new Simulation();
    const log: Log = [];
    const handler = traffic(sim, log);
    expect(sim.run(handler, { until: 6 })).toBe(6);
    expect(log).toEqual(TRAFFIC.slice(0, 9));
    expect(sim.run(handler, { until: 7.5 })).toBe(7.5); // nothing between 6 and 7.5: the clock moves to until
    expect(sim.now).toBe(7.5);
    expect(log).toHaveLength(9);
    expect(sim.run(handler)).toBe(15);
    expect(log).toEqual(TRAFFIC);
  });

  test('endOfInstant runs once per instant, after all its events, and again if it schedules more', () => {
    const sim = new Simulation();
    const log: Log = [];
    const NAMES2 = ['a', 'b', 'c', 'a-echo', 'late'];
    sim.schedule(0, 0, 0);
    sim.schedule(0, 1, 0);
    sim.schedule(1, 2, 0);
    let lateDone = false;
    sim.run({
      handle(kind) {
        log.push([NAMES2[kind], sim.now]);
        if (kind === 0) sim.schedule(0, 3, 0); // same instant: runs before endOfInstant
      },
      endOfInstant(time) {
        log.push(['end', time]);
        if (time === 1 && !lateDone) {
          lateDone = true;
          sim.schedule(0, 4, 0); // more work at the same instant: runs, then endOfInstant again
        }
      },
    });
    expect(log).toEqual([
      ['a', 0], ['b', 0], ['a-echo', 0], ['end', 0],
      ['c', 1], ['end', 1],
      ['late', 1], ['end', 1],
    ]);
  });

  test('the max-event guard throws E_GUARD naming the time and the event count', () => {
    const sim = new Simulation();
    sim.schedule(0, 0, 0);
    const forever: EventHandler = { handle: () => void sim.schedule(1, 0, 0) };
    let err: unknown;
    try {
      sim.run(forever, { maxEvents: 100 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SimError);
    const ce = err as SimError;
    expect(ce.code).toBe('E_GUARD');
    expect(ce.message).toContain('after 100 events');
    expect(ce.message).toContain('at time 100');
    expect({ time: ce.time, events: ce.events }).toEqual({ time: 100, events: 100 });
  });

  test('the guard also stops a loop that never leaves one instant', () => {
    const sim = new Simulation();
    sim.schedule(2, 0, 0);
    const stuck: EventHandler = { handle: () => void sim.schedule(0, 0, 0) };
    expect(() => sim.run(stuck, { maxEvents: 50 })).toThrow(/after 50 events at time 2/);
  });

  test('schedule refuses negative delays and scheduleAt refuses the past', () => {
    const sim = new Simulation();
    sim.schedule(4, 0, 0);
    sim.run({ handle() {} });
    expect(() => sim.schedule(-1, 0, 0)).toThrow(RangeError);
    expect(() => sim.schedule(NaN, 0, 0)).toThrow(RangeError);
    expect(() => sim.scheduleAt(3, 0, 0)).toThrow('time 3 is before now (4)');
    expect(sim.queue.size).toBe(0);
  });

  test('reset() empties the queue and rewinds the clock', () => {
    const sim = new Simulation();
    const log: Log = [];
    sim.run(traffic(sim, log));
    sim.schedule(1, 0, 0);
    sim.reset();
    expect([sim.now, sim.eventCount, sim.queue.size]).toEqual([0, 0, 0]);
    const again: Log = [];
    sim.run(traffic(sim, again));
    expect(again).toEqual(TRAFFIC);
  });
});
