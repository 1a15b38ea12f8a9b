import { linkTarget, type DispatchSpec, type Scenario } from '../Scenario.js';
import type { Fail } from './fail.js';
import type { ScenarioIndex } from './scenarioIndex.js';
import { didYouMean, suggest } from './suggest.js';

/** Slack of unit comparisons: 0.1 + 0.2 units fit in 0.3. */
export const UNIT_EPSILON = 1e-9;

/**
 * Checks joint work and units (docs/scenario-format.md, "Joint work and units"): the agents of
 * `agents` and `needs` exist, each `needs` entry names one agent or one skill, `units` goes
 * with `agent`, `agents` or `skill`, every task's demands fit in the capacities when all is
 * free (else it could never start), and a pinned dispatch order names tasks and lists none
 * before a task it waits for.
 */
export function checkUnits(s: Scenario, ix: ScenarioIndex, fail: Fail): void {
  const capacity = s.agents.map((a) => (a.capacity === 'unlimited' ? Infinity : (a.capacity ?? 1)));
  const withSkill = new Map<string, number[]>();
  s.agents.forEach((a, i) =>
    (a.skills ?? []).forEach((k) => {
      const list = withSkill.get(k);
      if (list) list.push(i);
      else withSkill.set(k, [i]);
    }),
  );
  s.tasks.forEach((t, i) => {
    // The common task, one agent or one skill at one unit, fits when some such agent has a unit.
    if (t.units === undefined && t.agents === undefined && t.needs === undefined) {
      if (t.agent !== undefined && ix.agents.has(t.agent) && capacity[ix.agents.get(t.agent)!] >= 1) return;
      if (t.skill !== undefined && withSkill.get(t.skill)?.some((a) => capacity[a] >= 1)) return;
      if (t.agent === undefined && t.skill === undefined) return;
    }
    const owner = `task '${t.id}'`;
    const agent = (id: string, path: Array<string | number>): number => {
      const a = ix.agents.get(id);
      if (a === undefined) fail('E_REFERENCE', `${owner} needs agent '${id}', which does not exist${suggest(id, ix.agents.keys())}`, path);
      return a;
    };
    const skill = (name: string, path: Array<string | number>): number[] => {
      const agents = withSkill.get(name);
      if (agents === undefined) fail('E_INFEASIBLE', `no agent has skill '${name}' (${owner} can never start)${didYouMean(name, ix.skills)}`, path);
      return agents;
    };
    if (t.units !== undefined && t.agent === undefined && t.agents === undefined && t.skill === undefined) {
      const why = t.needs !== undefined ? 'in needs, give each entry its own units' : 'a task without an agent holds no units';
      fail('E_SCHEMA', `${owner}: 'units' goes with 'agent', 'agents' or 'skill' (${why})`, ['tasks', i, 'units']);
    }
    // Units taken so far when everything is free: the engine's greedy fit at full capacity.
    const used = new Float64Array(s.agents.length);
    const take = (a: number, u: number): boolean => {
      if (used[a] + u > capacity[a] + UNIT_EPSILON * Math.max(1, capacity[a])) return false;
      used[a] += u;
      return true;
    };
    const infeasible = (what: string, path: Array<string | number>): never =>
      fail('E_INFEASIBLE', `${owner} needs ${what}, more than there is even when everything is free: it can never start`, path);
    const units = t.units ?? 1;
    (t.agents ?? []).forEach((id, k) => {
      const a = agent(id, ['tasks', i, 'agents', k]);
      if (!take(a, units)) infeasible(`${units} unit(s) of '${id}', which has ${capacity[a]}`, ['tasks', i, 'agents', k]);
    });
    if (t.agent !== undefined && ix.agents.has(t.agent)) {
      const a = ix.agents.get(t.agent)!;
      if (!take(a, units)) infeasible(`${units} unit(s) of '${t.agent}', which has ${capacity[a]}`, ['tasks', i, t.units !== undefined ? 'units' : 'agent']);
    }
    if (t.skill !== undefined && withSkill.has(t.skill)) {
      if (!withSkill.get(t.skill)!.some((a) => take(a, units))) infeasible(`${units} unit(s) of one agent with skill '${t.skill}', and none has that many`, ['tasks', i, t.units !== undefined ? 'units' : 'skill']);
    }
    (t.needs ?? []).forEach((n, k) => {
      const at = ['tasks', i, 'needs', k];
      if ((n.agent === undefined) === (n.skill === undefined)) {
        fail('E_SCHEMA', `${owner}: each entry of 'needs' names one 'agent' or one 'skill', found ${n.agent === undefined ? 'neither' : 'both'}`, at);
      }
      const u = n.units ?? 1;
      if (n.agent !== undefined) {
        const a = agent(n.agent, [...at, 'agent']);
        if (!take(a, u)) infeasible(`${u} unit(s) of '${n.agent}' (with its other needs), which has ${capacity[a]}`, at);
        return;
      }
      let left = u;
      for (const a of skill(n.skill!, [...at, 'skill'])) {
        const give = Math.min(left, capacity[a] - used[a]);
        if (give > 0) {
          used[a] += give;
          left -= give;
        }
      }
      if (left > UNIT_EPSILON * Math.max(1, u)) infeasible(`${u} unit(s) of agents with skill '${n.skill}', which have ${u - left} between them`, at);
    });
  });
  checkOrder(s, s.dispatch, ['dispatch'], ix, fail);
  for (const [name, st] of Object.entries(s.strategies ?? {})) checkOrder(s, st.dispatch, ['strategies', name, 'dispatch'], ix, fail);
}

/**
 * A pinned start order names tasks, and lists no task before one it depends on (through any
 * chain of tasks, gates and links): that task could never start, nor the one waiting for it.
 */
function checkOrder(s: Scenario, spec: DispatchSpec | undefined, path: Array<string | number>, ix: ScenarioIndex, fail: Fail): void {
  if (spec === undefined || typeof spec === 'string') return;
  const taskIds = s.tasks.map((t) => t.id);
  const position = new Map<string, number>();
  spec.order.forEach((id, k) => {
    const n = ix.nodes.get(id);
    if (n?.kind !== 'task') fail('E_REFERENCE', `dispatch order lists '${id}', which is ${n ? `a ${n.kind}, not a task` : `no task${suggest(id, taskIds)}`}`, [...path, 'order', k]);
    position.set(id, k);
  });
  // Latest listed ancestor of every node, in dependency order (Kahn; cycles were refused before).
  const preds = new Map<string, string[]>();
  for (const t of s.tasks) preds.set(t.id, (t.after ?? []).map(linkTarget));
  for (const g of s.gates ?? []) preds.set(g.id, g.after);
  const succs = new Map<string, string[]>();
  const waiting = new Map<string, number>();
  for (const [id, ps] of preds) {
    waiting.set(id, ps.length);
    for (const p of ps) succs.set(p, [...(succs.get(p) ?? []), id]);
  }
  const latest = new Map<string, { pos: number; id: string } | null>();
  const queue = [...preds.keys()].filter((id) => waiting.get(id) === 0);
  for (let q = 0; q < queue.length; q++) {
    const id = queue[q];
    let best: { pos: number; id: string } | null = null;
    for (const p of preds.get(id)!) {
      const own = position.has(p) ? { pos: position.get(p)!, id: p } : null;
      for (const c of [latest.get(p) ?? null, own]) if (c !== null && (best === null || c.pos > best.pos)) best = c;
    }
    latest.set(id, best);
    for (const n of succs.get(id) ?? []) if (waiting.set(n, waiting.get(n)! - 1).get(n) === 0) queue.push(n);
  }
  spec.order.forEach((id, k) => {
    const up = latest.get(id) ?? null;
    if (up !== null && up.pos > k) {
      fail('E_PARAM', `dispatch order lists '${id}' before '${up.id}', which it waits for: listed tasks start in order, so neither could ever start`, [...path, 'order', k]);
    }
  });
}
