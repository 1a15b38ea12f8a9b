import { deliver } from './dependencies.js';
import { enqueue } from './dispatch.js';
import type { EngineState } from './EngineState.js';
import { escalate } from './escalation.js';
import { TASK_WORK } from './EngineState.js';
import { EV_LAG } from './events.js';
import { finishSide, releaseLater } from './links.js';
import { traceFrom } from './trace.js';
import { sharesAgent } from './units.js';
import { COORDINATION_KEY, J_HANDOFF } from './_internals/JobStore.js';

/**
 * Task `t` finished its first execution (job j): each successor's dependency is delivered, at
 * once when no handoff is needed (no handoff mechanism, a gate, or the same agent), else by a
 * handoff job of sampled effort paid as the topology says (queued now, or held for the next
 * checkpoint when handoffs are batched).
 */
export function release(st: EngineState, t: number, j: number, now: number): void {
  const end = st.succOff[t + 1];
  for (let k = st.succOff[t]; k < end; k++) {
    if (st.timed) {
      if (!finishSide(st, k)) continue; // released at t's start
      const lag = st.succLag[k];
      if (lag > 0) {
        releaseLater(st, EV_LAG, k, j, st.projectTime.advance(now, lag));
        continue;
      }
    }
    handOver(st, t, k, j, now);
  }
}

/**
 * The result of task t (job j) goes along edge k: delivered at once, or by a handoff job when
 * a strategy hands work over between agents (never from or to a task without an agent).
 */
export function handOver(st: EngineState, t: number, k: number, j: number, now: number): void {
  const h = st.strategy.handoff;
  const s = st.succList[k];
  // A skipped or absent successor takes no handoff (docs/semantics.md §17).
  if (h === null || s >= st.T || (st.u !== null ? sharesAgent(st, t, s) : st.fixedAgent[s] === st.out.taskAgent[t]) || (st.timed && (st.out.taskAgent[t] < 0 || st.taskKind[s] !== TASK_WORK)) || (st.optional && st.skipped[s] !== 0)) {
    deliver(st, s, j, now);
    return;
  }
  const payer = handoffPayer(st, t, s);
  const hj = st.jobs.add(J_HANDOFF, s, -1, payer, COORDINATION_KEY, h.effort.sample(st.rng), 0, 0, j);
  st.jobs.fromTask[hj] = t;
  st.out.handoffs++;
  if (h.batched) {
    st.batched.push(hj);
    if (st.tracing) traceFrom(st, now, 'handoff_batched', s, payer, t, 0);
  } else enqueue(st, hj, now);
}

/**
 * Who pays the handoff from task `from` to task `to`: the orchestrator in a hub; in a
 * hierarchy the team lead when sender and (fixed) receiver share one, else the orchestrator;
 * in a mesh the receiver, or the sender when the receiver is a skill pool.
 */
export function handoffPayer(st: EngineState, from: number, to: number): number {
  const sender = st.out.taskAgent[from];
  const receiver = st.model.tasks[to].agent;
  switch (st.strategy.topology) {
    case 'hub':
      return st.orch;
    case 'hierarchy': {
      const lead = st.strategy.leadOf;
      return receiver >= 0 && lead[sender] >= 0 && lead[sender] === lead[receiver] ? lead[sender] : st.orch;
    }
    default:
      return receiver >= 0 ? receiver : sender;
  }
}

/** Handoff job hj ended: it may raise an escalation, else the successor's dependency is delivered. */
export function handoffDone(st: EngineState, hj: number, now: number): void {
  if (escalate(st, hj, now)) return;
  deliver(st, st.jobs.node[hj], hj, now);
}
