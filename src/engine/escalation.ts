import { deliver } from './dependencies.js';
import { enqueue } from './dispatch.js';
import type { EngineState } from './EngineState.js';
import { EV_ESCALATION_DELAY } from './events.js';
import { C_ESCALATION, COORD_KINDS } from './RunState.js';
import { traceFrom } from './trace.js';
import { COORDINATION_KEY, J_ESCALATION } from './_internals/JobStore.js';

/**
 * A handoff that just ended raises a conflict with the strategy's probability. The successor
 * then waits for both parts: the sampled delay (an event) and, when the strategy gives one,
 * the resolver's effort (a coordination job of the orchestrator, or in a mesh of the agent
 * that paid the handoff). Returns false when no escalation happens.
 */
export function escalate(st: EngineState, hj: number, now: number): boolean {
  const e = st.strategy.escalation;
  if (e === null || !(st.rng() < e.probability)) return false;
  st.out.escalations++;
  const J = st.jobs;
  const delay = e.delay.sample(st.rng);
  const effort = e.effort ? e.effort.sample(st.rng) : 0;
  const resolver = st.strategy.topology === 'mesh' ? J.res[hj] : st.orch;
  st.out.actsByResourceKind[resolver * COORD_KINDS.length + C_ESCALATION]++;
  if (st.tracing) traceFrom(st, now, 'escalation', J.node[hj], resolver, J.fromTask[hj], delay);
  J.wait[hj] = effort > 0 ? 2 : 1;
  st.sim.scheduleAt(now + delay, EV_ESCALATION_DELAY, hj);
  st.activeEvents++;
  if (effort > 0) {
    const ej = J.add(J_ESCALATION, J.node[hj], -1, resolver, COORDINATION_KEY, effort, 0, 0, hj);
    J.handoffJob[ej] = hj;
    enqueue(st, ej, now);
  }
  return true;
}

/** One part (delay or effort) of handoff hj's escalation is over; with both, the successor's dependency is delivered. */
export function escalationPartDone(st: EngineState, hj: number, now: number): void {
  if (--st.jobs.wait[hj] === 0) deliver(st, st.jobs.node[hj], hj, now);
}
