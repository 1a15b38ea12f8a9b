import { Engine } from '../engine/Engine.js';
import type { GateModel, Model, StrategyModel } from '../engine/Model.js';
import { createRunInputs } from '../engine/RunInputs.js';
import type { RunState } from '../engine/RunState.js';
import { constant } from '../sim/distributions/constant.js';
import type { Distribution } from '../sim/distributions/Distribution.js';

/**
 * The deterministic plan of a strategy, the single-number schedule merge bias is measured
 * against: every task duration, remediation effort, rework fraction, review length, handoff
 * effort and meeting length at its mean; no risk, existence risk or driver occurs, no
 * escalation is raised; each gate gives its first possible outcome (pass, when it can); each
 * branch takes its nominal path. Returns the run's state (a fresh engine's).
 */
export function deterministicRun(model: Model, strategy: StrategyModel): RunState {
  const at = (d: Distribution) => constant(d.mean);
  const gates: GateModel[] = model.gates.map((g) => ({ ...g, review: at(g.review) }));
  const s: StrategyModel = {
    ...strategy,
    handoff: strategy.handoff && { ...strategy.handoff, effort: at(strategy.handoff.effort) },
    status: strategy.status && { ...strategy.status, effort: at(strategy.status.effort), perPeer: strategy.status.perPeer && at(strategy.status.perPeer) },
    checkpoint: strategy.checkpoint && { ...strategy.checkpoint, duration: at(strategy.checkpoint.duration) },
    escalation: strategy.escalation && { ...strategy.escalation, probability: 0 },
  };
  const m: Model = { ...model, gates, strategies: { ...model.strategies, [strategy.name]: s } };
  const inputs = createRunInputs(m);
  m.tasks.forEach((t, i) => (inputs.durations[i] = t.duration.mean));
  m.gates.forEach((g, i) => {
    for (let k = 0, o = inputs.gateOffset[i]; k < g.maxRounds * g.assesses.length; k++, o += 3) {
      inputs.gateDraws[o] = 0; // the first outcome with a probability above 0
      inputs.gateDraws[o + 1] = g.remediationEffort?.mean ?? 0;
      inputs.gateDraws[o + 2] = g.reworkFraction.mean;
    }
  });
  for (const r of m.existenceRisks) inputs.taskAbsent[r.task] = 1;
  inputs.branchOff.fill(1);
  return new Engine(m, s).run(inputs, { seed: 0, run: 0 });
}
