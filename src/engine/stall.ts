import { CoordsimError } from '../scenario/CoordsimError.js';
import type { EngineState } from './EngineState.js';

// Cold paths. Messages are built here, never inline in a hot function: TurboFan, inlining a
// hot function, may compute a template literal's number-to-string conversions ahead of the
// branch that needs them (measured: a run of 20 tasks took twice as long).

/** A job that needs a resource was queued without one: an engine bug, never an input error. */
export function noResource(st: EngineState, j: number): never {
  throw new CoordsimError('E_STALL', `internal: job ${j} of kind ${st.jobs.kind[j]} has no resource`);
}

/** Meetings of resource r are booked more than 50 periods ahead: they take more time than there is. */
export function stallMeetings(st: EngineState, r: number): never {
  stall(st, `meetings saturate ${st.resourceId(r)}: booked until ${st.interruptedUntil[r]}, more than 50 periods ahead (status updates or checkpoints take longer than their period)`);
}

/** Only periodic events are left and nothing else can happen. */
export function stallStill(st: EngineState, now: number): never {
  stall(st, `nothing can move at time ${now}`);
}

/** Stops the run with E_STALL, naming why and the first unfinished tasks and gates. */
export function stall(st: EngineState, why: string): never {
  const m = st.model;
  const open: string[] = [];
  for (let n = 0; n < st.nodeDone.length && open.length < 10; n++) {
    if (st.nodeDone[n]) continue;
    const id = n < st.T ? m.tasks[n].id : m.gates[n - st.T].id;
    open.push(`${id} (waiting on ${st.pending[n]} dependenc${st.pending[n] === 1 ? 'y' : 'ies'})`);
  }
  throw new CoordsimError('E_STALL', `run stalled under strategy '${st.strategy.name}': ${why}; unfinished: ${open.join(', ')}`, {
    time: st.sim.now,
    events: st.sim.eventCount,
  });
}
