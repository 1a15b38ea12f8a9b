import type { Scenario } from '../Scenario.js';
import type { Fail } from './fail.js';
import type { Path } from './pointer.js';

/**
 * The one name refused everywhere: `__proto__`, which JavaScript objects (and so JSON readers
 * and writers built on them) treat as their prototype rather than as a key. Every other name,
 * `constructor` and `toString` included, works like any other: lookups by name use `Map`s or
 * null-prototype objects.
 */
const RESERVED = '__proto__';

/** Refuses the reserved name as an id, team, skill or strategy name (E_SCHEMA at the name). */
export function checkNames(s: Scenario, fail: Fail): void {
  const refuse = (name: unknown, path: Path, what: string) => {
    if (name === RESERVED) fail('E_SCHEMA', `invalid ${what} '${RESERVED}': JavaScript reserves this name (choose another)`, path);
  };
  s.agents.forEach((a, i) => {
    refuse(a.id, ['agents', i, 'id'], 'agent id');
    refuse(a.team, ['agents', i, 'team'], 'team name');
    (a.skills ?? []).forEach((k, j) => refuse(k, ['agents', i, 'skills', j], 'skill name'));
  });
  refuse(s.orchestrator?.id, ['orchestrator', 'id'], 'orchestrator id');
  s.tasks.forEach((t, i) => {
    if (t.id === RESERVED) refuse(t.id, ['tasks', i, 'id'], 'task id');
    if (t.skill === RESERVED) refuse(t.skill, ['tasks', i, 'skill'], 'skill name');
  });
  (s.gates ?? []).forEach((g, i) => refuse(g.id, ['gates', i, 'id'], 'gate id'));
  (s.risks ?? []).forEach((r, i) => refuse(r.id, ['risks', i, 'id'], 'risk id'));
  for (const [name, st] of Object.entries(s.strategies ?? {})) {
    refuse(name, ['strategies', name], 'strategy name');
    for (const team of Object.keys(st.leads ?? {})) refuse(team, ['strategies', name, 'leads', team], 'team name');
  }
}
