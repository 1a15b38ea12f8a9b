import type { CompareResult, MonteCarloResult } from '../montecarlo/MonteCarloResult.js';
import { toCsv } from './toCsv.js';

/** Columns of `agents.csv`. */
export const AGENT_COLUMNS = ['strategy', 'id', 'role', 'capacity', 'utilization', 'work_time', 'coordination_time', 'idle_time'] as const;

/**
 * Per-agent Monte Carlo statistics (means over runs) as CSV, one row per agent — per
 * strategy for a comparison; numbers unformatted. With costs, a `cost` column: the agent's mean cost per run.
 */
export function agentsCsv(result: MonteCarloResult | CompareResult): string {
  const results = 'strategies' in result ? result.strategies : [result];
  const cost = results[0]?.cost !== undefined;
  return toCsv(
    cost ? [...AGENT_COLUMNS, 'cost'] : AGENT_COLUMNS,
    results.flatMap((r) => r.agents.map((a) => [r.strategy, a.id, a.role, a.capacity, a.utilization, a.workTime, a.coordinationTime, a.idleTime, ...(cost ? [r.costByAgent?.[a.id]] : [])])),
  );
}
