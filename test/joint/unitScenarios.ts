import fc from 'fast-check';
import type { RunState } from '../../src/engine/RunState.js';
import type { NeedSpec, Scenario, StrategySpec, TaskSpec } from '../../src/scenario/Scenario.js';

/** Options of `unitScenarioArbitrary`. */
export interface UnitScenarioOptions {
  minTasks?: number;
  maxTasks?: number;
  /** Add strategies with handoffs, status updates and checkpoints (the general engine only). */
  coordination?: boolean;
  /** Allow milestones (tasks that hold nothing). */
  milestones?: boolean;
  /** The capacities agents are drawn from (default 0.5, 1, 1, 1.5, 2, 3; with `whole`, 1, 1, 2, 3). */
  capacities?: readonly number[];
  /**
   * Only whole units of named agents (the path of `WorkOnlyFixed`): each task one unit of one
   * agent, two units of one agent, a joint pair holding one or two units of each, or (unless
   * `milestones` is false) a milestone.
   */
  whole?: boolean;
  /** Only named agents (the path of `WorkOnlyFixed` with shares): no pool demands. */
  named?: boolean;
}

const DISPATCH = ['file-order', 'lft', 'mts', 'grpw', 'spt'] as const;

/**
 * Scenarios with joint tasks, shares, unit capacities and pool demands: 2-5 agents of capacity
 * 0.5, 1, 1.5, 2 or 3 with skills `s0`/`s1`, tasks of whole durations up to 4 (ends tie often)
 * after up to two earlier tasks, each task one of: one agent (1 unit or a share), a joint pair,
 * one pool agent, pool units shared, a mix of an agent and pool units, or a milestone. Every
 * demand fits when everything is free, so every scenario is valid. Strategies: `ideal`,
 * `sequential`, one with a dispatch rule and `pick: least-busy`, one with a pinned order (a
 * topological order), and with `coordination` a mesh with handoffs, status updates and
 * checkpoints.
 */
export function unitScenarioArbitrary(o: UnitScenarioOptions = {}): fc.Arbitrary<Scenario> {
  const minTasks = o.minTasks ?? 3;
  const maxTasks = o.maxTasks ?? 14;
  return fc
    .record({
      caps: fc.array(fc.constantFrom(...(o.capacities ?? (o.whole ? [1, 1, 2, 3] : [0.5, 1, 1, 1.5, 2, 3]))), { minLength: 2, maxLength: 5 }),
      skills: fc.array(fc.subarray(['s0', 's1'], { minLength: 0 }), { minLength: 5, maxLength: 5 }),
      tasks: fc.array(
        fc.record({
          shape: fc.nat(9),
          a: fc.nat(4),
          b: fc.nat(4),
          share: fc.constantFrom(0.25, 0.5, 1),
          units: fc.constantFrom(0.5, 1, 1.5, 2),
          skill: fc.constantFrom('s0', 's1'),
          duration: fc.constantFrom(0, 1, 1, 2, 2, 3, 4),
          after: fc.array(fc.nat(1000), { maxLength: 2 }),
          priority: fc.constantFrom(0, 0, 0, 1),
        }),
        { minLength: minTasks, maxLength: maxTasks },
      ),
      rule: fc.constantFrom(...DISPATCH),
      shuffle: fc.array(fc.nat(1000), { minLength: maxTasks, maxLength: maxTasks }),
    })
    .map(({ caps, skills, tasks, rule, shuffle }) => {
      const A = caps.length;
      // Every skill somewhere: s0 on agent 0, s1 on the last agent.
      const agents = caps.map((c, i) => {
        const sk = new Set(skills[i]);
        if (i === 0) sk.add('s0');
        if (i === A - 1) sk.add('s1');
        return { id: `a${i}`, capacity: c, skills: [...sk].sort() };
      });
      const skillCap = (k: string) => agents.filter((a) => a.skills.includes(k)).reduce((n, a) => n + a.capacity, 0);
      const maxCap = (k: string) => Math.max(...agents.filter((a) => a.skills.includes(k)).map((a) => a.capacity));
      const out: TaskSpec[] = tasks.map((t, i) => {
        const a = agents[t.a % A];
        const b = agents[t.b % A];
        const after = [...new Set(t.after.filter(() => i > 0).map((x) => `t${x % i}`))];
        const base: TaskSpec = { id: `t${i}`, duration: t.duration, ...(after.length > 0 ? { after } : {}), ...(t.priority !== 0 ? { priority: t.priority } : {}) };
        const share = Math.min(t.share, a.capacity);
        const one: TaskSpec = { ...base, agent: a.id, ...(a.capacity < 1 ? { units: a.capacity } : {}) };
        if (o.whole) {
          if (t.shape === 7 && o.milestones !== false) return { id: base.id, ...(after.length > 0 ? { after } : {}), milestone: true };
          const two = t.units >= 1.5 ? 2 : 1; // one or two units, where capacities allow
          if (t.shape % 3 === 1) return a.capacity >= 2 && two === 2 ? { ...base, agent: a.id, units: 2 } : one;
          if (t.shape % 3 === 2 && a.id !== b.id) return { ...base, agents: [a.id, b.id], ...(Math.min(a.capacity, b.capacity) >= two && two === 2 ? { units: 2 } : {}) };
          return one;
        }
        switch (o.named && t.shape >= 3 && t.shape <= 6 ? 0 : t.shape) {
          case 0:
            return one;
          case 1:
            return { ...base, agent: a.id, units: share };
          case 2:
            if (a.id === b.id) return one;
            return { ...base, agents: [a.id, b.id], ...(Math.min(share, b.capacity) !== 1 ? { units: Math.min(share, b.capacity) } : {}) };
          case 3:
            return { ...base, skill: t.skill, ...(maxCap(t.skill) >= 1 ? {} : { units: 0.5 }) };
          case 4:
          case 5: {
            const u = Math.min(t.units, skillCap(t.skill));
            return { ...base, needs: [{ skill: t.skill, units: u }] };
          }
          case 6: {
            const needs: NeedSpec[] = [{ agent: a.id, units: share }];
            const left = skillCap(t.skill) - (a.skills.includes(t.skill) ? share : 0);
            if (left >= 0.5) needs.push({ skill: t.skill, units: Math.min(t.units, left) });
            return { ...base, needs };
          }
          case 7:
            if (o.milestones !== false) return { id: base.id, ...(after.length > 0 ? { after } : {}), milestone: true };
            return one;
          default:
            return one;
        }
      });
      // A pinned order: a topological order of the tasks, shuffled where dependencies allow.
      const placed = new Set<string>();
      const order: string[] = [];
      const left = out.map((t) => t.id);
      for (let k = 0; left.length > 0; k++) {
        const free = left.filter((id) => (out[Number(id.slice(1))].after ?? []).every((p) => placed.has(p as string)));
        const pick = free[shuffle[k % shuffle.length] % free.length];
        order.push(pick);
        placed.add(pick);
        left.splice(left.indexOf(pick), 1);
      }
      const strategies: Record<string, StrategySpec> = {
        ruled: { topology: 'ideal', dispatch: rule, pick: 'least-busy' },
        pinned: { topology: 'ideal', dispatch: { order } },
        seqrule: { topology: 'sequential', dispatch: rule },
      };
      if (o.coordination) {
        strategies.mesh = { topology: 'mesh', handoff: { effort: 0.5 }, status: { every: 3, effort: 0.25 }, checkpoint: { every: 5, duration: 0.5 } };
        strategies.hub = { topology: 'hub', handoff: { effort: 0.25 }, checkpoint: { every: 4, duration: 0.5 }, dispatch: rule };
      }
      const s: Scenario = { name: 'units', time_unit: 'day', agents, tasks: out, strategy: 'ideal', strategies };
      return s;
    });
}

/** Every result a run leaves behind: what the fast path must agree on (shared with the slot path's tests). */
export { runResults as unitResults } from '../engine/runResults.js';
