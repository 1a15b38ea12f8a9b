import type { AgentStats, CompareResult, MonteCarloResult } from '../montecarlo/MonteCarloResult.js';
import { toCsv } from './toCsv.js';

/** Columns of `agents.csv`; `kind` is `agent` or `orchestrator`, times are in `time_unit`. */
export const AGENT_COLUMNS = ['strategy', 'agent', 'role', 'capacity', 'utilization', 'work_time', 'coordination_time', 'idle_time', 'kind', 'time_unit'] as const;

/** The orchestrator as the model names it (`Model['orchestrator']`). */
export interface OrchestratorIdentity {
  id: string;
  role: string;
  capacity: number;
}

/**
 * Per-agent Monte Carlo statistics (means over runs) as CSV: per strategy, a row per agent,
 * then the orchestrator's row. Its means come from the result's `orchestrator` statistics when
 * the result carries them; without them its statistic cells are empty. Numbers unformatted.
 * With costs, a `cost` column before `time_unit`: the mean cost per run of the agent (or the orchestrator).
 */
export function agentsCsv(result: MonteCarloResult | CompareResult, orchestrator: OrchestratorIdentity): string {
  const results: Array<MonteCarloResult & { orchestrator?: AgentStats }> = 'strategies' in result ? result.strategies : [result];
  const cost = results[0]?.cost !== undefined;
  const costOf = (r: MonteCarloResult, id: string) => (cost ? [r.costByAgent?.[id]] : []);
  return toCsv(
    cost ? [...AGENT_COLUMNS.slice(0, -1), 'cost', 'time_unit'] : AGENT_COLUMNS,
    results.flatMap((r) => {
      const o = r.orchestrator;
      return [
        ...r.agents.map((a) => [r.strategy, a.id, a.role, a.capacity, a.utilization, a.workTime, a.coordinationTime, a.idleTime, 'agent', ...costOf(r, a.id), r.timeUnit]),
        [r.strategy, orchestrator.id, orchestrator.role, orchestrator.capacity, o?.utilization, o?.workTime, o?.coordinationTime, o?.idleTime, 'orchestrator', ...costOf(r, orchestrator.id), r.timeUnit],
      ];
    }),
  );
}
