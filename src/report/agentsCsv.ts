import type { CompareResult, MonteCarloResult } from '../montecarlo/MonteCarloResult.js';
import { toCsv } from './toCsv.js';

/** Columns of `agents.csv`. */
export const AGENT_COLUMNS = ['strategy', 'agent', 'role', 'capacity', 'utilization', 'work_time', 'coordination_time', 'idle_time'] as const;

/**
 * Per-agent Monte Carlo statistics (means over runs) as CSV, one row per agent — per
 * strategy for a comparison; numbers unformatted.
 */
export function agentsCsv(result: MonteCarloResult | CompareResult): string {
  const results = 'strategies' in result ? result.strategies : [result];
  return toCsv(
    AGENT_COLUMNS,
    results.flatMap((r) => r.agents.map((a) => [r.strategy, a.id, a.role, a.capacity, a.utilization, a.workTime, a.coordinationTime, a.idleTime])),
  );
}
