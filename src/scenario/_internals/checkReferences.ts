import { linkTarget, type LinkSpec, type Scenario } from '../Scenario.js';
import type { Fail } from './fail.js';
import type { ScenarioIndex } from './scenarioIndex.js';
import { didYouMean, suggest } from './suggest.js';

/** The keys that say who does a task (at most one of them; none: elapsed time only). */
const ASSIGNMENT_KEYS = ['agent', 'skill', 'agents', 'needs'] as const;

/**
 * Checks that every id a scenario refers to exists and is of the right kind: task agents
 * and skills, `after` lists, gate `assesses` and `reviewer`, risk tasks, correlated tasks.
 */
export function checkReferences(s: Scenario, ix: ScenarioIndex, fail: Fail): void {
  // The candidates of a suggestion, only needed for an error.
  const nodeIds = () => [...ix.nodes].filter(([, n]) => n.kind === 'task' || n.kind === 'gate').map(([id]) => id);
  const taskIds = () => s.tasks.map((t) => t.id);
  const T = s.tasks.length;
  let E = 0;
  for (const t of s.tasks) E += t.after?.length ?? 0;
  for (const g of s.gates ?? []) E += g.after.length;
  const afterNodes = new Int32Array(E);
  let e = 0;
  const after = (entries: Array<string | LinkSpec> | undefined, path: () => Array<string | number>, owner: () => string) => {
    if (entries === undefined) return;
    for (let j = 0; j < entries.length; j++) {
      const entry = entries[j];
      const id = linkTarget(entry);
      const n = ix.nodes.get(id);
      if (n !== undefined && (n.kind === 'task' || (n.kind === 'gate' && (typeof entry === 'string' || (entry.type ?? 'FS') === 'FS')))) {
        afterNodes[e++] = n.kind === 'gate' ? T + n.index : n.index;
        continue;
      }
      const k: Array<string | number> = typeof entry === 'string' ? [j] : [j, 'task'];
      if (n !== undefined && n.kind !== 'task' && n.kind !== 'gate') fail('E_REFERENCE', `${owner()} is after '${id}', which is a ${n.kind}, not a task or gate`, [...path(), ...k]);
      if (!n) fail('E_REFERENCE', `${owner()} is after '${id}', which is no task or gate${suggest(id, nodeIds())}`, [...path(), ...k]);
      if (typeof entry !== 'string' && n.kind === 'gate' && (entry.type ?? 'FS') !== 'FS') fail('E_PARAM', `${owner()}: a gate's sign-off is a finish: expected type FS after gate '${id}', found ${entry.type}`, [...path(), j, 'type']);
    }
  };
  const task = (id: string, path: Array<string | number>, what: string) => {
    const n = ix.nodes.get(id);
    if (n?.kind !== 'task') {
      const kind = n ? `a ${n.kind}, not a task` : `no task${suggest(id, taskIds())}`;
      fail('E_REFERENCE', `${what} '${id}', which is ${kind}`, path);
    }
  };

  s.tasks.forEach((t, i) => {
    const owner = () => `task '${t.id}'`;
    let assignments = 0;
    for (const k of ASSIGNMENT_KEYS) if (t[k] !== undefined) assignments++;
    if (assignments > 1) {
      const assigned = ASSIGNMENT_KEYS.filter((k) => t[k] !== undefined);
      if (t.agents === undefined && t.needs === undefined) {
        fail('E_SCHEMA', `${owner()}: expected at most one of 'agent' and 'skill', found both (a task with neither takes elapsed time only)`, ['tasks', i]);
      }
      fail('E_SCHEMA', `${owner()}: expected at most one of 'agent', 'agents', 'skill' and 'needs', found ${assigned.map((k) => `'${k}'`).join(' and ')} (write several demands as needs: [{agent, units}, {skill, units}])`, ['tasks', i]);
    }
    if (t.milestone === true && assignments > 0) {
      const first = ASSIGNMENT_KEYS.find((k) => t[k] !== undefined)!;
      fail('E_SCHEMA', `${owner()}: a milestone needs no agent: remove '${first}'`, ['tasks', i, first]);
    }
    if (t.milestone !== true && t.duration === undefined) {
      fail('E_SCHEMA', `${owner()}: expected a 'duration' (only a milestone has none)`, ['tasks', i]);
    }
    if (t.milestone === true && t.duration !== undefined && t.duration !== 0) {
      fail('E_SCHEMA', `${owner()}: a milestone has zero duration, found duration ${JSON.stringify(t.duration)}`, ['tasks', i, 'duration']);
    }
    if (t.agent !== undefined && !ix.agents.has(t.agent)) {
      fail('E_REFERENCE', `${owner()} is assigned to agent '${t.agent}', which does not exist${suggest(t.agent, ix.agents.keys())}`, ['tasks', i, 'agent']);
    }
    if (t.skill !== undefined && !ix.skills.has(t.skill)) {
      fail('E_INFEASIBLE', `no agent has skill '${t.skill}' (${owner()} can never start)${didYouMean(t.skill, ix.skills)}`, ['tasks', i, 'skill']);
    }
    after(t.after, () => ['tasks', i, 'after'], owner);
  });

  (s.gates ?? []).forEach((g, i) => {
    const owner = `gate '${g.id}'`;
    after(g.after, () => ['gates', i, 'after'], () => owner);
    (g.assesses ?? []).forEach((id, k) => task(id, ['gates', i, 'assesses', k], `${owner} assesses`));
    if (g.reviewer !== undefined && g.reviewer !== ix.orchestratorId && !ix.agents.has(g.reviewer)) {
      const known = [...ix.agents.keys(), ix.orchestratorId];
      fail('E_REFERENCE', `${owner} is reviewed by '${g.reviewer}', which is neither an agent nor the orchestrator ('${ix.orchestratorId}')${suggest(g.reviewer, known)}`, ['gates', i, 'reviewer']);
    }
  });

  ix.afterNodes = afterNodes;
  (s.risks ?? []).forEach((r, i) => task(r.task, ['risks', i, 'task'], `risk '${r.id}' is about`));
  (s.correlations ?? []).forEach((c, i) => c.tasks.forEach((id, k) => task(id, ['correlations', i, 'tasks', k], 'a correlation lists')));
}
