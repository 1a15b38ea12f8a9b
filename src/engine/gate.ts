import { deliver, endOfWork } from './dependencies.js';
import { enqueue } from './dispatch.js';
import type { EngineState } from './EngineState.js';
import { REVIEWER_ORCHESTRATOR, type GateModel } from './Model.js';
import { O_FAIL, O_PASS, O_REMEDIATE } from './RunState.js';
import { traceGateDone, traceGateOutcome } from './trace.js';
import { followUpOrdered } from './units.js';
import { decideBranches } from './branches.js';
import { COORDINATION_KEY, J_REMEDIATION, J_REVIEW, J_TASK } from './_internals/JobStore.js';

/** Gate g's dependencies are all met: its first round reviews every task it assesses. */
export function startGate(st: EngineState, g: number, now: number): void {
  const list = st.gateRoundTasks[g];
  list.length = 0;
  const assesses = st.model.gates[g].assesses;
  // A skipped or absent task did no work: there is nothing of it to review.
  for (let k = 0; k < assesses.length; k++) if (!st.optional || st.skipped[assesses[k]] === 0) list.push(k);
  st.gateCause[g] = st.readyCause[st.T + g];
  startReview(st, g, now);
}

/** A review round of gate g begins: a coordination job of its reviewer (none under a built-in strategy). */
export function startReview(st: EngineState, g: number, now: number): void {
  const gate = st.model.gates[g];
  st.out.gateRounds[g]++;
  if (st.strategy.builtin) {
    reviewDone(st, g, now); // no coordination cost: the review takes no time and no one
    return;
  }
  const reviewer = gate.reviewer === REVIEWER_ORCHESTRATOR ? st.orch : gate.reviewer >= 0 ? gate.reviewer : defaultReviewer(st, gate.assesses[0]);
  const j = st.jobs.add(J_REVIEW, g, -1, reviewer, COORDINATION_KEY, gate.review.sample(st.rng), 0, 0, st.gateCause[g]);
  enqueue(st, j, now);
}

/** The reviewer when the gate names none: the orchestrator in a hub or hierarchy, else the agent of the first assessed task. */
function defaultReviewer(st: EngineState, firstTask: number | undefined): number {
  const topo = st.strategy.topology;
  if (topo === 'hub' || topo === 'hierarchy' || firstTask === undefined) return st.orch;
  return st.out.taskAgent[firstTask] >= 0 ? st.out.taskAgent[firstTask] : st.model.tasks[firstTask].eligible[0];
}

/**
 * Where a gate's uniform draw turns from pass to remediate and from remediate to fail, under a
 * strategy's `gate_failure.factor` f: remediate and fail probabilities times f (scaled to sum
 * to 1 when they exceed it), pass the rest. With f = 1 exactly the gate's own thresholds.
 */
export function outcomeThresholds(gate: GateModel, f: number): { pass: number; passOrRemediate: number } {
  if (f === 1) return { pass: gate.pPass, passOrRemediate: gate.pPass + gate.pRemediate };
  let remediate = gate.pRemediate * f;
  let fail = gate.pFail * f;
  const sum = remediate + fail;
  if (sum > 1) {
    remediate /= sum;
    fail /= sum;
  }
  const pass = Math.max(0, 1 - remediate - fail);
  return { pass, passOrRemediate: pass + remediate };
}

/**
 * A review round ended: each assessed task's outcome comes from the run's pre-sampled gate
 * draws (pass, remediate: extra work, blocking or parallel; fail: rework of a sampled share,
 * reviewed again next round while rounds remain).
 */
export function reviewDone(st: EngineState, g: number, now: number): void {
  const gate = st.model.gates[g];
  const out = st.out;
  const round = out.gateRounds[g] - 1;
  const draws = st.inputs.gateDraws;
  const base = st.inputs.gateOffset[g] + 3 * round * gate.assesses.length;
  const list = st.gateRoundTasks[g];
  const next = st.gateNextTasks[g];
  next.length = 0;
  const blocking = st.strategy.remediationBlocking ?? gate.remediationBlocking;
  const { pass, passOrRemediate } = outcomeThresholds(gate, st.strategy.gateFailureFactor);
  const cause = st.gateCause[g];
  const tasks = st.model.tasks;
  for (let i = 0; i < list.length; i++) {
    const k = list[i];
    const t = gate.assesses[k];
    const o = base + 3 * k;
    const u = draws[o];
    const agent = out.taskAgent[t] >= 0 ? out.taskAgent[t] : tasks[t].eligible[0];
    const outcome = u < pass ? O_PASS : u < passOrRemediate ? O_REMEDIATE : O_FAIL;
    if (outcome === O_FAIL && round + 1 >= gate.maxRounds) out.gateExhausted[g] = 1;
    out.gateOutcomes[3 * g + outcome]++;
    if (st.tracing) traceGateOutcome(st, now, t, agent, g, outcome, round);
    if (outcome === O_REMEDIATE && gate.remediationEffort) {
      out.remediations++;
      st.openRemediations++;
      if (st.u !== null) followUpOrdered(st, t);
      else st.remaining[agent]++;
      const j = st.jobs.add(J_REMEDIATION, t, blocking ? g : -1, agent, st.rank[t], 0, draws[o + 1], 0, cause);
      if (blocking) st.gateWait[g]++;
      enqueue(st, j, now);
    } else if (outcome === O_FAIL && round + 1 < gate.maxRounds) {
      out.reworks++;
      if (st.u !== null) followUpOrdered(st, t);
      else st.remaining[agent]++;
      const work = draws[o + 2] * st.inputs.durations[t];
      const j = st.jobs.add(J_TASK, t, g, agent, st.rank[t], 0, work, 0, cause);
      st.gateWait[g]++;
      next.push(k);
      enqueue(st, j, now);
    }
  }
  if (st.gateWait[g] === 0) gateDone(st, g, now);
}

/** A rework or blocking remediation of gate g finished: with none outstanding, review again or sign off. */
export function gateStep(st: EngineState, g: number, now: number): void {
  if (--st.gateWait[g] > 0) return;
  const next = st.gateNextTasks[g];
  if (next.length > 0) {
    const list = st.gateRoundTasks[g];
    list.length = 0;
    for (const k of next) list.push(k);
    next.length = 0;
    startReview(st, g, now);
  } else gateDone(st, g, now);
}

/** Gate g signs off: its successors' dependencies are delivered. */
function gateDone(st: EngineState, g: number, now: number): void {
  const gate = st.model.gates[g];
  st.nodeDone[gate.node] = 1;
  st.openNodes--;
  st.out.gateFinish[g] = now;
  endOfWork(st, st.gateCause[g], now);
  if (st.tracing) traceGateDone(st, now, g);
  if (st.optional && st.branchesAt[gate.node].length > 0) decideBranches(st, gate.node, now, true);
  for (let k = st.succOff[gate.node]; k < st.succOff[gate.node + 1]; k++) deliver(st, st.succList[k], st.gateCause[g], now);
}
