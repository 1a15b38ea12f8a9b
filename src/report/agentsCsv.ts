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
 */
export function agentsCsv(result: MonteCarloResult | CompareResult, orchestrator: OrchestratorIdentity): string {
  const results: Array<MonteCarloResult & { orchestrator?: AgentStats }> = 'strategies' in result ? result.strategies : [result];
  return toCsv(
    AGENT_COLUMNS,
    results.flatMap((r) => {
      const o = r.orchestrator;
      return [
        ...r.agents.map((a) => [r.strategy, a.id, a.role, a.capacity, a.utilization, a.workTime, a.coordinationTime, a.idleTime, 'agent', r.timeUnit]),
        [r.strategy, orchestrator.id, orchestrator.role, orchestrator.capacity, o?.utilization, o?.workTime, o?.coordinationTime, o?.idleTime, 'orchestrator', r.timeUnit],
      ];
    }),
  );
}
