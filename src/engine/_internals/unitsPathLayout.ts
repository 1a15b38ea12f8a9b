import { LINK_FS, type Model, type StrategyModel } from '../Model.js';

/** Can runs of this (model, strategy) take the work-only units path? (The caller has found them to be in units.) */
export function unitsPathApplies(model: Model, s: StrategyModel): boolean {
  // Branches and existence risks skip tasks (the general engine's branches.ts); drivers only scale durations.
  if (model.gates.length > 0 || model.branches.length > 0 || model.existenceRisks.length > 0 || s.handoff !== null || s.status !== null || s.checkpoint !== null) return false;
  const sch = model.schedule;
  if (sch.statusDate !== null) return false;
  if (!model.tasks.every((t) => (t.kind === 'work' || t.kind === 'milestone') && t.notBefore === -Infinity && t.actualStart === null)) return false;
  if (model.risks.some((r) => model.tasks[r.task].kind !== 'work')) return false;
  return model.successorType.every((types, n) => types.every((type, k) => type === LINK_FS && model.successorLag[n][k] === 0));
}

/**
 * How each task waits on the units path: `shape` 0 milestone, 1 simple (one unit of the fixed
 * agent `simpleAgent`, not in a pinned order, not one at a time: it waits in that agent's ready
 * list), 2 anything else. `base[r + 1]` gets agent r's count of simple tasks, then `base` is
 * summed into the start of each agent's list segment.
 */
export function layOutTasks(model: Model, oneAtATime: boolean, listed: Uint8Array, shape: Int8Array, simpleAgent: Int32Array, base: Int32Array): void {
  const tasks = model.tasks;
  base.fill(0);
  for (let i = 0; i < tasks.length; i++) {
    simpleAgent[i] = -1;
    shape[i] = 0;
    if (tasks[i].kind === 'milestone') continue;
    const d = tasks[i].demands;
    const simple = !oneAtATime && listed[i] === 0 && d.length === 1 && d[0].agent >= 0 && d[0].units === 1;
    shape[i] = simple ? 1 : 2;
    if (simple) {
      simpleAgent[i] = d[0].agent;
      base[d[0].agent + 1]++;
    }
  }
  for (let r = 0; r < model.agents.length; r++) base[r + 1] += base[r];
}
