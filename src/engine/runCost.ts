import { TOKEN_KINDS, TOKEN_USE_STRIDE, TU_INPUT, TU_INPUT_PER_ACT, TU_OUTPUT, TU_OUTPUT_PER_ACT, type TokenKind } from './CostModel.js';
import type { Model } from './Model.js';
import type { RunInputs } from './RunInputs.js';
import { COORD_KINDS, type RunState } from './RunState.js';

/** The cost of one run (docs/scenario-format.md, "Cost and tokens"), in `RunMetrics.cost`. */
export interface RunCost {
  /** work + coordination + fixed + risk. */
  total: number;
  /** Per agent, then the orchestrator (by id): rate × (work + coordination + held) + its token cost. */
  byAgent: Record<string, number>;
  /** `work`: rate × work + work tokens; `coordination`: rate × coordination + coordination tokens; `fixed`: task costs; `risk`: rate × held + costs of the risks that occurred. */
  byKind: { work: number; coordination: number; fixed: number; risk: number };
  /** Tokens, when some agent uses them: totals, their cost (inside work and coordination), per agent and per activity. */
  tokens?: {
    input: number;
    output: number;
    cost: number;
    byAgent: Record<string, { input: number; output: number }>;
    byKind: Record<TokenKind, { input: number; output: number }>;
  };
  /** The scenario's currency, when it names one. */
  currency?: string;
  /** The scenario's budget and whether this run stayed within it (`total <= budget`). */
  budget?: number;
  metBudget?: boolean;
}

/** Indices into the figures `readCost` writes. */
export const CF_TOTAL = 0;
export const CF_WORK = 1;
export const CF_COORDINATION = 2;
export const CF_FIXED = 3;
export const CF_RISK = 4;
export const CF_TOKENS_IN = 5;
export const CF_TOKENS_OUT = 6;
export const CF_TOKEN_COST = 7;
/** Cost of resource r at `CF_RESOURCES + r`; its input and output tokens at `CF_RESOURCES + R + 2r (+ 1)`; token kind k's at `CF_RESOURCES + 3R + 2k (+ 1)`. */
export const CF_RESOURCES = 8;

/** Length of the array `readCost` fills for this model. */
export function costFigureCount(model: Model): number {
  const R = model.agents.length + 1;
  return CF_RESOURCES + 3 * R + 2 * TOKEN_KINDS.length;
}

const K = COORD_KINDS.length;
const TK = TOKEN_KINDS.length;

/**
 * Reads the cost of a run into `out` (`costFigureCount` numbers, layout `CF_*`) without
 * allocating: what Monte Carlo summaries add up. `runCost` builds its object from these same
 * numbers, so the per-run JSON and the summaries agree to the bit. The model must have costs.
 */
export function readCost(state: RunState, inputs: RunInputs, out: Float64Array): void {
  const m = state.model;
  const c = m.cost!;
  const R = m.agents.length + 1;
  const t = c.tokens;
  const f = state.strategy.tokenFactor; // × 1 is exact: without the key every figure is as before
  out.fill(0);
  let work = 0;
  let coordination = 0;
  let risk = 0;
  let tokensIn = 0;
  let tokensOut = 0;
  let tokenCost = 0;
  const kindAt = CF_RESOURCES + 3 * R;
  for (let r = 0; r < R; r++) {
    const rate = c.rate[r];
    let tokenWork = 0;
    let tokenCoord = 0;
    if (t !== null) {
      const u = t.use;
      const w = state.work[r];
      const base = TOKEN_USE_STRIDE * r * TK;
      const wIn = w * u[base + TU_INPUT] * f;
      const wOut = w * u[base + TU_OUTPUT] * f;
      out[kindAt] += wIn;
      out[kindAt + 1] += wOut;
      let cIn = 0;
      let cOut = 0;
      for (let k = 0; k < K; k++) {
        const o = base + TOKEN_USE_STRIDE * (k + 1);
        const time = state.coordByResourceKind[r * K + k];
        const acts = state.actsByResourceKind[r * K + k];
        const kIn = (time * u[o + TU_INPUT] + acts * u[o + TU_INPUT_PER_ACT]) * f;
        const kOut = (time * u[o + TU_OUTPUT] + acts * u[o + TU_OUTPUT_PER_ACT]) * f;
        out[kindAt + 2 * (k + 1)] += kIn;
        out[kindAt + 2 * (k + 1) + 1] += kOut;
        cIn += kIn;
        cOut += kOut;
      }
      const pIn = t.price[2 * r];
      const pOut = t.price[2 * r + 1];
      tokenWork = (wIn * pIn + wOut * pOut) / 1e6;
      tokenCoord = (cIn * pIn + cOut * pOut) / 1e6;
      out[CF_RESOURCES + R + 2 * r] = wIn + cIn;
      out[CF_RESOURCES + R + 2 * r + 1] = wOut + cOut;
      tokensIn += wIn + cIn;
      tokensOut += wOut + cOut;
      tokenCost += tokenWork + tokenCoord;
    }
    const costWork = rate * state.work[r] + tokenWork;
    const costCoord = rate * state.coord[r] + tokenCoord;
    const costHeld = rate * state.held[r];
    out[CF_RESOURCES + r] = costWork + costCoord + costHeld;
    work += costWork;
    coordination += costCoord;
    risk += costHeld;
  }
  let fixed = 0;
  for (let i = 0; i < inputs.fixedCost.length; i++) fixed += inputs.fixedCost[i];
  for (let i = 0; i < inputs.riskCost.length; i++) if (inputs.riskHit[i] === 1) risk += inputs.riskCost[i];
  out[CF_TOTAL] = work + coordination + fixed + risk;
  out[CF_WORK] = work;
  out[CF_COORDINATION] = coordination;
  out[CF_FIXED] = fixed;
  out[CF_RISK] = risk;
  out[CF_TOKENS_IN] = tokensIn;
  out[CF_TOKENS_OUT] = tokensOut;
  out[CF_TOKEN_COST] = tokenCost;
}

/** The cost of a run as plain data (`RunMetrics.cost`), or undefined when the model has no cost keys. */
export function runCost(state: RunState, inputs: RunInputs): RunCost | undefined {
  const m = state.model;
  const c = m.cost;
  if (c === null) return undefined;
  const f = new Float64Array(costFigureCount(m));
  readCost(state, inputs, f);
  const R = m.agents.length + 1;
  const ids = [...m.agents.map((a) => a.id), m.orchestrator.id];
  const byAgent = record<number>();
  ids.forEach((id, r) => (byAgent[id] = f[CF_RESOURCES + r]));
  const out: RunCost = {
    total: f[CF_TOTAL],
    byAgent,
    byKind: { work: f[CF_WORK], coordination: f[CF_COORDINATION], fixed: f[CF_FIXED], risk: f[CF_RISK] },
  };
  if (c.tokens !== null) {
    const tokenByAgent = record<{ input: number; output: number }>();
    ids.forEach((id, r) => (tokenByAgent[id] = { input: f[CF_RESOURCES + R + 2 * r], output: f[CF_RESOURCES + R + 2 * r + 1] }));
    const byKind = {} as Record<TokenKind, { input: number; output: number }>;
    const at = CF_RESOURCES + 3 * R;
    TOKEN_KINDS.forEach((k, i) => (byKind[k] = { input: f[at + 2 * i], output: f[at + 2 * i + 1] }));
    out.tokens = { input: f[CF_TOKENS_IN], output: f[CF_TOKENS_OUT], cost: f[CF_TOKEN_COST], byAgent: tokenByAgent, byKind };
  }
  if (c.currency !== null) out.currency = c.currency;
  if (c.budget !== null) {
    out.budget = c.budget;
    out.metBudget = f[CF_TOTAL] <= c.budget;
  }
  return out;
}

/** A lookup by user-given ids: no prototype, so an id such as `__proto__` is an ordinary key. */
function record<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}
