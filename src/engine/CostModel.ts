import type { Distribution } from '../sim/distributions/Distribution.js';
import { COORD_KINDS } from './RunState.js';

/** Activities whose tokens are counted: work, then the coordination mechanisms in `COORD_KINDS` order. */
export const TOKEN_KINDS = ['work', ...COORD_KINDS] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];
/** Index of work in `TOKEN_KINDS`; coordination kind c (a `C_*` index) is at `c + 1`. */
export const TK_WORK = 0;
/** Numbers per (resource, token kind) in `TokenModel.use`: input and output per time unit, input and output per act. */
export const TOKEN_USE_STRIDE = 4;
export const TU_INPUT = 0;
export const TU_OUTPUT = 1;
export const TU_INPUT_PER_ACT = 2;
export const TU_OUTPUT_PER_ACT = 3;

/**
 * The cost keys of a scenario, compiled (docs/scenario-format.md, "Cost and tokens"): null on a
 * model whose scenario has none, so that such a model's outputs carry no cost at all.
 */
export interface CostModel {
  /** The scenario's `currency`, or null. */
  currency: string | null;
  /** The scenario's `budget`, or null. */
  budget: number | null;
  /** Cost per time unit busy (work + coordination + held, per slot) of each resource: agents, then the orchestrator. */
  rate: Float64Array;
  /** Fixed cost of each task (null: none). */
  taskCost: Array<Distribution | null>;
  /** Cost of each risk when it occurs (null: none). */
  riskCost: Array<Distribution | null>;
  /** True when some task or risk has a cost: only then is the run's 'costs' stream derived. */
  sampled: boolean;
  /** Token use and prices, or null when no agent uses tokens. */
  tokens: TokenModel | null;
}

/** Token use and prices per resource (agents, then the orchestrator). */
export interface TokenModel {
  /** Resource r, token kind k: `TOKEN_USE_STRIDE` numbers at `TOKEN_USE_STRIDE * (r * TOKEN_KINDS.length + k)`. */
  use: Float64Array;
  /** Resource r: price per million input tokens at `2r`, output tokens at `2r + 1`. */
  price: Float64Array;
}
