import type { DistributionSpec } from '../sim/distributions/Distribution.js';

/**
 * Token prices of a model, in the scenario's `currency` per million tokens (docs/scenario-format.md,
 * "Cost and tokens").
 */
export interface TokenPricesSpec {
  /** Price of a million input (prompt) tokens (default 0). */
  input?: number;
  /** Price of a million output (completion) tokens (default 0). */
  output?: number;
}

/** Tokens of one kind of activity per time unit spent in it. */
export interface TokenRateSpec {
  /** Input tokens per time unit (default 0). */
  input?: number;
  /** Output tokens per time unit (default 0). */
  output?: number;
}

/** Tokens of one coordination mechanism: per time unit spent in it, and per act. */
export interface TokenActSpec extends TokenRateSpec {
  /** Input tokens per act: per handoff paid, status update given, checkpoint attended, review done, escalation resolved (default 0). */
  input_per_act?: number;
  /** Output tokens per act (default 0). */
  output_per_act?: number;
}

/** What an agent (or the orchestrator) reads and writes, by activity. */
export interface TokenUseSpec {
  /** Per time unit of work (tasks, rework, remediation). */
  work?: TokenRateSpec;
  handoff?: TokenActSpec;
  status?: TokenActSpec;
  checkpoint?: TokenActSpec;
  review?: TokenActSpec;
  escalation?: TokenActSpec;
}

/** The cost keys of an agent or of the orchestrator. */
export interface ResourceCostSpec {
  /** Cost per time unit busy (work + coordination + held), per slot, in `currency` (default 0). */
  rate?: number;
  /** Tokens used (for AI agents). */
  tokens?: TokenUseSpec;
  /** This agent's model prices, overriding the scenario's `token_prices`. */
  token_prices?: TokenPricesSpec;
}

/** A fixed cost: a number or a distribution, in `currency`. */
export type CostSpec = DistributionSpec;
