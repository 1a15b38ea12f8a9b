import { CalendarSystem } from '../../calendar/CalendarSystem.js';
import { CoordsimError } from '../CoordsimError.js';
import { linkTarget, type Scenario } from '../Scenario.js';
import type { Fail } from './fail.js';
import type { Path } from './pointer.js';
import type { ScenarioIndex } from './scenarioIndex.js';
import { didYouMean, suggest } from './suggest.js';

/** Tolerance of "the path probabilities sum to 1". */
const SUM_TOLERANCE = 1e-9;

/**
 * Checks `branches`, `existence_risks` and `risk_drivers` (docs/scenario-format.md, "Branches and
 * risk drivers"): references (E_REFERENCE), assignments (E_INFEASIBLE), the shape of each
 * branch (probabilities summing to 1, or conditions with at most one last `otherwise` path),
 * that each path task comes after its branch point and lies on one path only, and that added
 * tasks close no dependency cycle (E_CYCLE). Runs after the other reference and cycle checks.
 */
export function checkBranches(s: Scenario, ix: ScenarioIndex, fail: Fail): void {
  if (s.branches === undefined && s.existence_risks === undefined && s.risk_drivers === undefined) return;
  const taskIds = s.tasks.map((t) => t.id);
  const nodeIds = [...taskIds, ...(s.gates ?? []).map((g) => g.id)];
  const isNode = (id: string) => {
    const n = ix.nodes.get(id);
    return n !== undefined && (n.kind === 'task' || n.kind === 'gate');
  };
  const node = (id: string, path: Path, what: string) => {
    if (!isNode(id)) {
      const n = ix.nodes.get(id);
      fail('E_REFERENCE', `${what} '${id}', which is ${n ? `a ${n.kind}, not a task or gate` : `no task or gate${suggest(id, nodeIds)}`}`, path);
    }
  };
  const task = (id: string, path: Path, what: string) => {
    if (ix.nodes.get(id)?.kind !== 'task') {
      const n = ix.nodes.get(id);
      fail('E_REFERENCE', `${what} '${id}', which is ${n ? `a ${n.kind}, not a task` : `no task${suggest(id, taskIds)}`}`, path);
    }
  };

  // Predecessors of every file node, for "downstream of the branch point".
  const preds = new Map<string, string[]>();
  s.tasks.forEach((t) => preds.set(t.id, (t.after ?? []).map(linkTarget)));
  (s.gates ?? []).forEach((g) => preds.set(g.id, g.after.slice()));
  const upstream = (id: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [...(preds.get(id) ?? [])];
    while (stack.length > 0) {
      const p = stack.pop()!;
      if (seen.has(p)) continue;
      seen.add(p);
      stack.push(...(preds.get(p) ?? []));
    }
    return seen;
  };

  const onPath = new Map<string, string>();
  (s.branches ?? []).forEach((b, i) => {
    const owner = `branch '${b.id}'`;
    node(b.after, ['branches', i, 'after'], `${owner} is after`);
    const isGate = ix.nodes.get(b.after)?.kind === 'gate';
    // The path is chosen when the branch point finishes: nothing may start off it earlier.
    s.tasks.forEach((t, ti) =>
      (t.after ?? []).forEach((e, k) => {
        if (typeof e === 'string' || linkTarget(e) !== b.after) return;
        if ((e.type ?? 'FS') !== 'FS' || (e.lag ?? 0) < 0) {
          fail('E_PARAM', `task '${t.id}' is linked ${e.type ?? 'FS'}${(e.lag ?? 0) < 0 ? ` with a lead` : ''} to '${b.after}', the branch point of ${owner}: links out of a branch point are finish-to-start (a lag >= 0 is allowed)`, ['tasks', ti, 'after', k]);
        }
      }),
    );
    const withP = b.paths.filter((p) => p.probability !== undefined).length;
    if (withP > 0 && withP < b.paths.length) {
      const k = b.paths.findIndex((p) => p.probability === undefined);
      fail('E_SCHEMA', `${owner}: expected a probability on every path (a probabilistic branch) or on none (a conditional one), found ${withP} of ${b.paths.length}`, ['branches', i, 'paths', k]);
    }
    if (withP > 0) {
      const sum = b.paths.reduce((a, p) => a + p.probability!, 0);
      if (Math.abs(sum - 1) > SUM_TOLERANCE) {
        fail('E_PARAM', `${owner}: expected path probabilities summing to 1, found ${b.paths.map((p) => p.probability).join(' + ')} = ${+sum.toFixed(12)}`, ['branches', i, 'paths']);
      }
    }
    const names = new Map<string, number>();
    b.paths.forEach((p, k) => {
      const at: Path = ['branches', i, 'paths', k];
      const name = p.name ?? `path-${k + 1}`;
      if (names.has(name)) fail('E_REFERENCE', `${owner}: two paths are named '${name}' (paths ${names.get(name)! + 1} and ${k + 1}); outputs name the path taken, so names must differ`, [...at, 'name']);
      names.set(name, k);
      if (withP > 0 && p.when !== undefined) fail('E_SCHEMA', `${owner}: a probabilistic branch's paths take no 'when' (path ${k + 1})`, [...at, 'when']);
      if (withP === 0 && p.when === undefined && k < b.paths.length - 1) {
        fail('E_SCHEMA', `${owner}: expected a 'when' on path ${k + 1} (only the last path of a conditional branch may go without one: it is taken when no condition holds)`, at);
      }
      if (p.when !== undefined && p.when.finish_after === undefined && p.when.gate_outcome === undefined) {
        fail('E_SCHEMA', `${owner}: expected 'finish_after' or 'gate_outcome' in the 'when' of path ${k + 1}, found neither`, [...at, 'when']);
      }
      if (p.when?.gate_outcome !== undefined && !isGate) {
        fail('E_PARAM', `${owner}: 'gate_outcome' needs a gate as the branch point; '${b.after}' is a task (use 'finish_after')`, [...at, 'when', 'gate_outcome']);
      }
      const fa = p.when?.finish_after;
      if (typeof fa === 'string') {
        if (s.start === undefined) fail('E_PARAM', `${owner}: 'finish_after' is the date ${fa}, but the scenario has no 'start' (give a time, or set start)`, [...at, 'when', 'finish_after']);
        try {
          CalendarSystem.fromScenario({ start: s.start, time_unit: s.time_unit, calendars: s.calendars, calendar: s.calendar }).clock.parseTime(fa, 'end', '');
        } catch (e) {
          if (e instanceof CoordsimError) fail('E_PARAM', `${owner}: 'finish_after' ${fa} is not a date of the project: ${e.message}`, [...at, 'when', 'finish_after']);
          throw e;
        }
      }
      const before = upstream;
      (p.tasks ?? []).forEach((id, j) => {
        const tp: Path = [...at, 'tasks', j];
        task(id, tp, `${owner} lists`);
        const other = onPath.get(id);
        if (other !== undefined) fail('E_REFERENCE', `${owner}: task '${id}' is already on a path (${other}); a task lies on at most one path`, tp);
        onPath.set(id, `branch '${b.id}', path ${k + 1}`);
        if (!before(id).has(b.after)) {
          fail('E_REFERENCE', `${owner}: task '${id}' of path ${k + 1} must come after the branch point '${b.after}' (directly or through other tasks), so that the path is chosen before it can start`, tp);
        }
      });
    });
  });

  const agents = new Set(ix.agents.keys());
  (s.existence_risks ?? []).forEach((r, i) => {
    const owner = `existence risk '${r.id}'`;
    if (r.agent !== undefined && r.skill !== undefined) fail('E_SCHEMA', `${owner}: expected at most one of 'agent' and 'skill', found both`, ['existence_risks', i]);
    if (r.agent !== undefined && !ix.agents.has(r.agent)) {
      fail('E_REFERENCE', `${owner} is assigned to agent '${r.agent}', which does not exist${suggest(r.agent, agents)}`, ['existence_risks', i, 'agent']);
    }
    if (r.skill !== undefined && !ix.skills.has(r.skill)) {
      fail('E_INFEASIBLE', `no agent has skill '${r.skill}' (the task of ${owner} could never start)${didYouMean(r.skill, ix.skills)}`, ['existence_risks', i, 'skill']);
    }
    (r.after ?? []).forEach((id, k) => node(id, ['existence_risks', i, 'after', k], `${owner} is after`));
    (r.before ?? []).forEach((id, k) => node(id, ['existence_risks', i, 'before', k], `${owner} is before`));
    if (onPath.has(r.id)) fail('E_REFERENCE', `${owner}: its task cannot be on a branch path`, ['existence_risks', i]);
  });
  checkAddedCycles(s, fail);

  const driven = new Set([...taskIds, ...(s.existence_risks ?? []).map((r) => r.id)]);
  (s.risk_drivers ?? []).forEach((d, i) => {
    d.tasks.forEach((id, k) => {
      if (!driven.has(id)) {
        const n = ix.nodes.get(id);
        fail('E_REFERENCE', `risk driver '${d.id}' scales '${id}', which is ${n ? `a ${n.kind}, not a task` : `no task${suggest(id, [...driven])}`}`, ['risk_drivers', i, 'tasks', k]);
      }
    });
  });
}

/** Added tasks with their `after` and `before` links must close no cycle with the file's links. */
function checkAddedCycles(s: Scenario, fail: Fail): void {
  const added = s.existence_risks ?? [];
  if (added.length === 0) return;
  const succ = new Map<string, string[]>();
  const edge = (a: string, b: string) => {
    const l = succ.get(a);
    if (l) l.push(b);
    else succ.set(a, [b]);
  };
  s.tasks.forEach((t) => (t.after ?? []).forEach((e) => edge(linkTarget(e), t.id)));
  (s.gates ?? []).forEach((g) => g.after.forEach((p) => edge(p, g.id)));
  added.forEach((r) => {
    (r.after ?? []).forEach((p) => edge(p, r.id));
    (r.before ?? []).forEach((b) => edge(r.id, b));
  });
  // Every cycle through the new links passes an added task: search from each one.
  added.forEach((r, i) => {
    const parent = new Map<string, string>();
    const stack = [r.id];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const n = stack.pop()!;
      for (const m of succ.get(n) ?? []) {
        if (m === r.id) {
          const loop = [n];
          for (let x = n; x !== r.id; ) loop.push((x = parent.get(x)!));
          fail('E_CYCLE', `dependency cycle through the task of existence risk '${r.id}': ${[...loop.reverse(), r.id].join(' -> ')}`, ['existence_risks', i, 'before']);
        }
        if (seen.has(m)) continue;
        seen.add(m);
        parent.set(m, n);
        stack.push(m);
      }
    }
  });
}
