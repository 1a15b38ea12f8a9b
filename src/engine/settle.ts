import { CoordsimError } from '../scenario/CoordsimError.js';
import type { SimError } from '../sim/SimError.js';
import type { EngineState } from './EngineState.js';
import { engaged } from './meetings.js';
import { stall } from './stall.js';

// Cold paths: why a run that tripped a guard does not settle, said for the scenario's author.

/** Below this share of an engaged agent's time left for work, meetings are named as the cause. */
const STARVED = 0.01;

/**
 * What keeps the run from settling, as far as its state tells: meetings (status updates and
 * checkpoints) that leave an engaged agent almost no time for work, or periodic events so
 * frequent that they (with the wake-ups they cause) are most of the events; '' when neither.
 */
export function unsettledBy(st: EngineState, events = st.sim.eventCount): string {
  const s = st.strategy;
  const now = st.sim.now;
  if (!s.status && !s.checkpoint) return '';
  // The agent with the least time left: coordination booked over its engaged span so far.
  let worst = -1;
  let worstLeft = 1;
  for (let r = 0; r < st.resourceCount; r++) {
    if (!engaged(st, r, now)) continue;
    const span = (Math.max(now, st.interruptedUntil[r]) - st.out.firstStart[r]) * st.capacity[r];
    if (!(span > 0)) continue;
    const left = Math.max(0, 1 - (st.meetingTime[r] * st.capacity[r]) / span);
    if (left < worstLeft) [worst, worstLeft] = [r, left];
  }
  if (worst >= 0 && worstLeft < STARVED) {
    return starving(st, worst, worstLeft);
  }
  let periodic = 0;
  const parts: string[] = [];
  if (s.status) {
    periodic += now / s.status.every;
    parts.push(`status updates every ${s.status.every}`);
  }
  if (s.checkpoint && now >= s.checkpoint.offset) {
    periodic += (now - s.checkpoint.offset) / s.checkpoint.every + 1;
    parts.push(`checkpoints every ${s.checkpoint.every}`);
  }
  // Each periodic event may cause a wake-up and moved job ends: a third of the events is "most".
  if (periodic > events / 3) {
    return `${parts.join(' and ')} of strategy '${s.name}' make about ${Math.round(periodic).toLocaleString('en-US')} of the ${events.toLocaleString('en-US')} events by time ${now}, with the wake-ups they cause (space them out)`;
  }
  return '';
}

/** Meetings took `share` of resource r's time over more than a thousand periods: no work can finish in reasonable time. */
export function stallStarved(st: EngineState, r: number, share: number): never {
  stall(st, starving(st, r, 1 - share, ' over more than 1,000 periods'));
}

function starving(st: EngineState, r: number, left: number, over = ''): string {
  const who = r === st.orch ? 'the orchestrator' : 'agent';
  return `meetings of strategy '${st.strategy.name}' leave ${who} ${st.resourceId(r)} ${percent(Math.max(0, left))} of its time for work${over} (status updates and checkpoints take the rest: shorten them or space them out)`;
}

function percent(x: number): string {
  return `${+(100 * x).toPrecision(2)}%`;
}

/** The trace of a run reached its bound: the run is stopped (E_GUARD), naming why it grew so long. */
export function traceFull(st: EngineState): never {
  const why = unsettledBy(st);
  throw new CoordsimError(
    'E_GUARD',
    `trace stopped after ${st.maxTraceRows.toLocaleString('en-US')} rows at time ${st.sim.now} (strategy '${st.strategy.name}'): ${why || 'the run does not settle'}; run it untraced, or raise maxTraceRows if the model is really this large`,
    { time: st.sim.now, events: st.sim.eventCount },
  );
}

/** A periodic event of strategy st.strategy falls on the instant it was scheduled from: the clock cannot advance. */
export function periodTooShort(st: EngineState, kind: string, every: number, now: number): never {
  throw new CoordsimError(
    'E_RANGE',
    `${kind} every ${every} of strategy '${st.strategy.name}' no longer advance the clock at time ${now} (the period is below the precision of times this large): space them out`,
    { time: now, events: st.sim.eventCount },
  );
}

/** The CoordsimError of a kernel error in a run: an event guard names what keeps the run from settling. */
export function runError(st: EngineState, e: SimError): CoordsimError {
  const at = { time: e.time, events: e.events };
  if (e.code === 'E_GUARD') {
    const why = unsettledBy(st, e.events);
    const generic = 'the run does not settle (raise maxEvents if the model is really this large)';
    return new CoordsimError('E_GUARD', why ? e.message.replace(generic, `${why}; raise maxEvents if the model is really this large`) : e.message, at);
  }
  if (e.code === 'E_RANGE') return new CoordsimError('E_RANGE', `run stopped under strategy '${st.strategy.name}': ${e.message}`, at);
  return new CoordsimError(e.code, e.message, at);
}
