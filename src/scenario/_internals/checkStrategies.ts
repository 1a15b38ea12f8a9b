import type { Scenario } from '../Scenario.js';
import type { Fail } from './fail.js';
import type { ScenarioIndex } from './scenarioIndex.js';
import { didYouMean, suggest } from './suggest.js';

const BUILT_INS = ['ideal', 'sequential'];

/**
 * Checks the strategies: the default names one, a built-in's name is not reused for
 * something else, hierarchy leads are agents of existing teams, and batched handoffs have
 * a checkpoint to wait for (else they would wait forever).
 */
export function checkStrategies(s: Scenario, ix: ScenarioIndex, fail: Fail): void {
  const strategies = s.strategies ?? {};
  const names = [...Object.keys(strategies), ...BUILT_INS.filter((b) => !(b in strategies))];
  if (s.strategy !== undefined && !names.includes(s.strategy)) {
    fail('E_REFERENCE', `default strategy '${s.strategy}' is not defined: expected one of ${names.join(', ')}${didYouMean(s.strategy, names)}`, ['strategy']);
  }
  for (const [name, st] of Object.entries(strategies)) {
    const at = (...rest: string[]) => ['strategies', name, ...rest];
    if (name === '__proto__') fail('E_SCHEMA', `invalid strategy name '__proto__' (reserved by JavaScript)`, at());
    if (BUILT_INS.includes(name) && st.topology !== name) {
      fail('E_PARAM', `strategy '${name}' is the built-in baseline: expected topology '${name}', found '${st.topology}' (choose another name)`, at('topology'));
    }
    for (const [team, lead] of Object.entries(st.leads ?? {})) {
      if (!ix.teams.has(team)) {
        fail('E_REFERENCE', `strategy '${name}' names a lead for team '${team}', but no agent is in that team${suggest(team, ix.teams)}`, at('leads', team));
      }
      const agent = ix.agents.get(lead);
      if (agent === undefined) {
        fail('E_REFERENCE', `strategy '${name}': the lead of team '${team}' is '${lead}', which is no agent${suggest(lead, ix.agents.keys())}`, at('leads', team));
      }
      const leadTeam = s.agents[agent].team;
      if (leadTeam !== team) {
        fail('E_REFERENCE', `strategy '${name}': the lead of team '${team}' must be in it, but agent '${lead}' is ${leadTeam === undefined ? 'in no team' : `in team '${leadTeam}'`}`, at('leads', team));
      }
    }
    if (st.handoff?.batched && !st.checkpoint && !BUILT_INS.includes(st.topology)) {
      fail('E_INFEASIBLE', `strategy '${name}' batches handoffs to checkpoints but has no 'checkpoint': handoffs would wait forever`, at('handoff', 'batched'));
    }
  }
}
