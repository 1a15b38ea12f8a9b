import { CoordsimError } from '../../scenario/CoordsimError.js';
import type { TimeUnit } from '../../scenario/Scenario.js';
import { fitDistributions, MIN_FIT_VALUES } from '../fitDistributions.js';
import type { FitCandidate, FitSpec } from '../FitResult.js';
import { roundDown, roundNearest, roundUp } from '../_internals/round.js';
import { locate, readOtlpTraces } from './readOtlpTraces.js';
import { traceWork, type Tokens, type TraceWork, type WorkUnit } from './traceWork.js';

/** Options of `fitTraces`. */
export interface TraceFitOptions {
  /** Unit of every time in the fragment (default `minute`): span lengths are divided by its length in nanoseconds. */
  timeUnit?: TimeUnit;
  /** Fewest observations of a kind of work (or of handoffs) accepted (default 2, at least 1); fewer is an error. */
  minSamples?: number;
}

/** Nanoseconds in one time unit (elapsed time: a day is 24 hours). */
export const NANOSECONDS_PER_UNIT: Readonly<Record<TimeUnit, number>> = Object.freeze({ minute: 6e10, hour: 3.6e12, day: 8.64e13, week: 6.048e14 });

/** A fitted duration: by AIC from `fitDistributions` with >= 5 values, else the documented fallback. */
export interface SampleFit {
  n: number;
  /** `aic`: the best of `fitDistributions`; `fallback`: fewer than 5 values, a constant or the uniform over [min, max]. */
  method: 'aic' | 'fallback';
  best: FitSpec;
  mean: number;
  /** The families ranked by AIC (empty for a fallback). */
  candidates: FitCandidate[];
}

/** The duration fit of one kind of work of one agent. */
export interface TaskFit extends SampleFit {
  /** Task id in the fragment: the kind when one agent alone does it (and it is not `work`), else the agent id (-kind when it has several). */
  task: string;
  agent: string;
  kind: string;
  /** Tasks that ended before this one started in every trace holding both (transitively reduced): its `after`. */
  after: string[];
}

/** One agent (or the orchestrator) of the fragment and what the traces say about it. */
export interface TraceAgent {
  /** `gen_ai.agent.name` (or id) as in the traces. */
  name: string;
  /** Its id in the fragment. */
  id: string;
  role: 'agent' | 'orchestrator';
  /** Invocations of the agent. */
  invocations: number;
  /** Own time of its invocations (time units): enclosed invocations of other agents left out. */
  ownTime: number;
  tokens: Tokens;
  /** Invocations of other agents it made (messages it sent). */
  messagesSent: number;
  models: Array<{ model: string; calls: number } & Tokens>;
  tools: Array<{ tool: string; calls: number; meanTime: number }>;
}

/** The result of `fitTraces`: the scenario fragment and the evidence behind it. */
export interface TraceFit {
  file: string;
  timeUnit: TimeUnit;
  traces: number;
  spans: number;
  genAiSpans: number;
  /** `hub` when exactly one agent only coordinates (every invocation of it invokes other agents), else `mesh`. */
  topology: 'hub' | 'mesh';
  agents: TraceAgent[];
  tasks: TaskFit[];
  /** Gaps between one agent's invocation ending and the next agent's starting; null when there is none. */
  handoff: (SampleFit & { pairs: Array<{ from: string; to: string; count: number }> }) | null;
  /** Invocations of one agent by another, by (caller, callee). */
  messages: Array<{ from: string; to: string; count: number }>;
  unattributed: { modelCalls: number; toolCalls: number } & Tokens;
  warnings: string[];
  /** A scenario (valid as it stands) to merge into yours: agents, tasks, the observed strategy. */
  scenario: Record<string, unknown>;
}

/**
 * Fits a scenario fragment to OTLP/JSON traces of an agent system (GenAI semantic conventions):
 * the agents, a duration per agent and kind of work, the handoff effort from the gaps between
 * agents, and token use per time unit of work and per message of a coordinator. Throws a
 * located CoordsimError 'E_PARSE' on malformed traces and on too few samples.
 */
export function fitTraces(text: string, file: string, options: TraceFitOptions = {}): TraceFit {
  const timeUnit = options.timeUnit ?? 'minute';
  const minSamples = options.minSamples ?? 2;
  if (!Number.isInteger(minSamples) || minSamples < 1) throw new CoordsimError('E_USAGE', `--min-samples: expected an integer >= 1, got ${minSamples}`);
  const ns = NANOSECONDS_PER_UNIT[timeUnit];
  if (ns === undefined) throw new CoordsimError('E_USAGE', `--time-unit: expected minute, hour, day or week, got ${JSON.stringify(timeUnit)}`);
  const work = traceWork(readOtlpTraces(text, file), file);
  const toUnits = (x: bigint) => Number(x) / ns;
  const warnings: string[] = [];

  const all = [...work.units.values()].flat();
  const byAgent = groupBy(all, (u) => u.agent);
  const coordinators = [...work.agents.keys()].filter((a) => byAgent.get(a)!.every((u) => u.messages > 0));
  const orchestrator = coordinators.length === 1 ? coordinators[0] : null;
  if (coordinators.length > 1) warnings.push(`several agents only coordinate (${coordinators.join(', ')}): topology mesh, each kept as an agent with its own work`);
  const ids = agentIds([...work.agents.keys()]);

  // Kinds of work: one task per (agent, kind) of the agents that do work.
  const isTask = (u: WorkUnit) => u.agent !== orchestrator;
  const keyOf = (u: WorkUnit) => `${u.agent}\u0000${u.kind}`;
  const taskUnits = groupBy(all.filter(isTask), keyOf);
  const taskIds = new Map<string, string>();
  const used = new Set<string>();
  // A named kind done by one agent only is the task id; else the agent's id (and the kind's, when it has several).
  const keys = [...taskUnits.keys()].sort(codeOrder);
  const agentsOfKind = groupBy(keys, (k) => k.split('\u0000')[1]);
  for (const key of keys) {
    const [agent, kind] = key.split('\u0000');
    const kinds = keys.filter((k) => k.startsWith(`${agent}\u0000`)).length;
    const id = kind !== 'work' && agentsOfKind.get(kind)!.length === 1 ? idOf(kind) : kinds === 1 ? ids.get(agent)! : `${ids.get(agent)!}-${idOf(kind)}`;
    taskIds.set(key, unique(id, used));
  }

  const tasks: TaskFit[] = [];
  for (const [key, units] of taskUnits) {
    const [agent, kind] = key.split('\u0000');
    const what = `invocations of agent ${JSON.stringify(agent)}, kind ${JSON.stringify(kind)}`;
    const fit = fitSamples(units.map((u) => toUnits(u.ownNs)), minSamples, what, file, units[0]);
    if (fit.method === 'fallback') warnings.push(`${taskIds.get(key)}: ${fit.n} observation(s), fewer than ${MIN_FIT_VALUES}: ${fit.n > 1 && typeof fit.best !== 'number' ? 'uniform over their range' : 'a constant'}`);
    tasks.push({ task: taskIds.get(key)!, agent, kind, after: [], ...fit });
  }
  const startOffset = meanStartOffsets(work, keyOf, isTask, toUnits);
  tasks.sort((a, b) => startOffset.get(`${a.agent}\u0000${a.kind}`)! - startOffset.get(`${b.agent}\u0000${b.kind}`)! || codeOrder(a.task, b.task));
  const after = precedence(work, isTask, keyOf, tasks.map((t) => `${t.agent}\u0000${t.kind}`), warnings, taskIds);
  for (const t of tasks) t.after = (after.get(`${t.agent}\u0000${t.kind}`) ?? []).map((k) => taskIds.get(k)!);

  // Handoffs: the gap before an invocation whose latest-ending predecessor is another agent's.
  const gaps: number[] = [];
  const pairs = new Map<string, number>();
  let firstGap: WorkUnit | null = null;
  for (const units of work.units.values()) {
    const list = units.filter(isTask);
    for (const b of list) {
      const a = predecessor(b, list);
      if (a === null || a.agent === b.agent) continue;
      gaps.push(toUnits(b.span.start - a.span.end));
      firstGap ??= b;
      const k = `${a.agent}\u0000${b.agent}`;
      pairs.set(k, (pairs.get(k) ?? 0) + 1);
    }
  }
  const handoff = gaps.length === 0 ? null : { ...fitSamples(gaps, minSamples, 'handoffs (gaps between one agent ending and the next agent starting)', file, firstGap!), pairs: counted(pairs) };
  if (handoff?.method === 'fallback') warnings.push(`handoff: ${handoff.n} observation(s), fewer than ${MIN_FIT_VALUES}`);

  const messages = new Map<string, number>();
  for (const u of all) if (u.caller !== null && u.caller.agent !== u.agent) messages.set(`${u.caller.agent}\u0000${u.agent}`, (messages.get(`${u.caller.agent}\u0000${u.agent}`) ?? 0) + 1);

  const agents: TraceAgent[] = [...work.agents].map(([name, activity]) => {
    const units = byAgent.get(name)!;
    const tokens = units.reduce((s, u) => ({ input: s.input + u.tokens.input, output: s.output + u.tokens.output }), { input: 0, output: 0 });
    return {
      name,
      id: ids.get(name)!,
      role: name === orchestrator ? 'orchestrator' : 'agent',
      invocations: units.length,
      ownTime: roundNearest(toUnits(units.reduce((s, u) => s + u.ownNs, 0n))),
      tokens,
      messagesSent: units.reduce((s, u) => s + u.messages, 0),
      models: [...activity.models].map(([model, m]) => ({ model, ...m })).sort((x, y) => codeOrder(x.model, y.model)),
      tools: [...activity.tools].map(([tool, t]) => ({ tool, calls: t.calls, meanTime: roundNearest(toUnits(t.ns) / t.calls) })).sort((x, y) => codeOrder(x.tool, y.tool)),
    };
  });
  const u = work.unattributed;
  const lead = agents.find((a) => a.role === 'orchestrator');
  if (lead && gaps.length === 0 && lead.tokens.input + lead.tokens.output > 0) warnings.push(`${lead.name}: its tokens are not in the fragment: no handoff was observed to charge them to`);
  if (u.modelCalls + u.toolCalls > 0) warnings.push(`${u.modelCalls} model call(s) and ${u.toolCalls} tool call(s) are outside every invoke_agent span: not counted`);

  const fit: Omit<TraceFit, 'scenario'> = {
    file,
    timeUnit,
    traces: work.traces.length,
    spans: work.spans,
    genAiSpans: work.genAiSpans,
    topology: orchestrator === null ? 'mesh' : 'hub',
    agents,
    tasks,
    handoff,
    messages: counted(messages),
    unattributed: u,
    warnings,
  };
  return { ...fit, scenario: scenarioFragment(fit) };
}

/** The fragment in scenario syntax; every key is one `parseScenario` accepts. */
function scenarioFragment(fit: Omit<TraceFit, 'scenario'>): Record<string, unknown> {
  const tokenKeys = (a: TraceAgent): Record<string, unknown> => {
    if (a.tokens.input === 0 && a.tokens.output === 0) return {};
    if (a.role === 'orchestrator') {
      // Per handoff observed: a run of the same work then spends the coordinator's tokens.
      const acts = fit.handoff?.n ?? 0;
      if (acts === 0) return {};
      return { tokens: { handoff: { input_per_act: roundNearest(a.tokens.input / acts), output_per_act: roundNearest(a.tokens.output / acts) } } };
    }
    if (a.ownTime === 0) return {};
    return { tokens: { work: { input: roundNearest(a.tokens.input / a.ownTime), output: roundNearest(a.tokens.output / a.ownTime) } } };
  };
  const named = (a: TraceAgent) => ({ id: a.id, ...(a.id === a.name ? {} : { role: a.name }), ...tokenKeys(a) });
  const orchestrator = fit.agents.find((a) => a.role === 'orchestrator');
  const agents = fit.agents.filter((a) => a.role === 'agent').map(named);
  const anyTokens = [orchestrator ? named(orchestrator) : {}, ...agents].some((a) => 'tokens' in a);
  const strategy: Record<string, unknown> = { topology: fit.topology };
  if (fit.handoff !== null) strategy.handoff = { effort: fit.handoff.best };
  return {
    name: `Fitted from ${fit.file}`,
    description: `coordsim fit: ${fit.traces} trace(s), ${fit.genAiSpans} GenAI span(s); times in ${fit.timeUnit}s`,
    time_unit: fit.timeUnit,
    ...(anyTokens ? { token_prices: { input: 0, output: 0 } } : {}),
    ...(orchestrator ? { orchestrator: named(orchestrator) } : {}),
    agents,
    tasks: fit.tasks.map((t) => ({ id: t.task, agent: fit.agents.find((a) => a.name === t.agent)!.id, duration: t.best, ...(t.after.length ? { after: t.after } : {}) })),
    strategy: 'observed',
    strategies: { observed: strategy },
  };
}

/** fitDistributions with at least MIN_FIT_VALUES values, else a constant or the uniform over [min, max]. */
function fitSamples(values: number[], minSamples: number, what: string, file: string, first: WorkUnit): SampleFit {
  const n = values.length;
  if (n < minSamples) {
    throw new CoordsimError('E_PARSE', `too few samples: expected at least ${minSamples} ${what}, found ${n} (more traces, or --min-samples ${n} to accept a constant)`, locate(first.span, file));
  }
  const mean = roundNearest(values.reduce((s, x) => s + x, 0) / n);
  if (n >= MIN_FIT_VALUES) {
    const r = fitDistributions(values);
    return { n, method: 'aic', best: r.best, mean, candidates: r.candidates };
  }
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const best: FitSpec = lo === hi ? roundNearest(lo) : { uniform: [Math.max(0, roundDown(lo)), roundUp(hi)] };
  return { n, method: 'fallback', best, mean, candidates: [] };
}

/** The latest-ending unit that ended by b's start and does not enclose b (ties: the later start, then the earlier in the list). */
function predecessor(b: WorkUnit, list: readonly WorkUnit[]): WorkUnit | null {
  let best: WorkUnit | null = null;
  for (const a of list) {
    if (a === b || a.span.end > b.span.start || encloses(a, b)) continue;
    if (best === null || a.span.end > best.span.end || (a.span.end === best.span.end && a.span.start > best.span.start)) best = a;
  }
  return best;
}

function encloses(a: WorkUnit, b: WorkUnit): boolean {
  for (let c = b.caller; c !== null; c = c.caller) if (c === a) return true;
  return false;
}

/**
 * `after` of each task: the tasks whose first invocation ended by its first invocation's start in
 * every trace holding both (and not the other way round), edges closing a cycle dropped (with a
 * warning), then transitively reduced.
 */
function precedence(work: TraceWork, isTask: (u: WorkUnit) => boolean, keyOf: (u: WorkUnit) => string, keys: readonly string[], warnings: string[], ids: Map<string, string>): Map<string, string[]> {
  const support = new Map<string, number>();
  const broken = new Set<string>();
  for (const units of work.units.values()) {
    const first = new Map<string, WorkUnit>();
    for (const u of units) if (isTask(u) && !first.has(keyOf(u))) first.set(keyOf(u), u);
    for (const [p, a] of first) {
      for (const [t, b] of first) {
        if (p === t) continue;
        const edge = `${p}\u0001${t}`;
        if (a.span.end <= b.span.start && !(b.span.end <= a.span.start)) support.set(edge, (support.get(edge) ?? 0) + 1);
        else broken.add(edge);
      }
    }
  }
  const index = new Map(keys.map((k, i) => [k, i] as const));
  const candidates = [...support].filter(([e]) => !broken.has(e)).map(([e, n]) => [...e.split('\u0001'), n] as [string, string, number]);
  candidates.sort((x, y) => y[2] - x[2] || index.get(x[0])! - index.get(y[0])! || index.get(x[1])! - index.get(y[1])!);
  const next = new Map<string, Set<string>>(keys.map((k) => [k, new Set<string>()] as const));
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>([from]);
    const stack = [from];
    while (stack.length) {
      const x = stack.pop()!;
      if (x === to) return true;
      for (const y of next.get(x)!) if (!seen.has(y)) (seen.add(y), stack.push(y));
    }
    return false;
  };
  for (const [p, t] of candidates) {
    if (reaches(t, p)) warnings.push(`order ${ids.get(p)} -> ${ids.get(t)} left out: it would close a cycle`);
    else next.get(p)!.add(t);
  }
  // Transitive reduction: drop p -> t when t is reachable from p another way.
  const after = new Map<string, string[]>();
  for (const p of keys) {
    for (const t of [...next.get(p)!]) {
      next.get(p)!.delete(t);
      const indirect = reaches(p, t);
      next.get(p)!.add(t);
      if (!indirect) after.set(t, [...(after.get(t) ?? []), p]);
    }
  }
  for (const [t, ps] of after) ps.sort((x, y) => index.get(x)! - index.get(y)!);
  return after;
}

/** Mean start of each task's invocations, from the start of their trace's first invocation. */
function meanStartOffsets(work: TraceWork, keyOf: (u: WorkUnit) => string, isTask: (u: WorkUnit) => boolean, toUnits: (x: bigint) => number): Map<string, number> {
  const sums = new Map<string, { s: number; n: number }>();
  for (const units of work.units.values()) {
    const t0 = units[0].span.start;
    for (const u of units) {
      if (!isTask(u)) continue;
      const e = sums.get(keyOf(u)) ?? { s: 0, n: 0 };
      sums.set(keyOf(u), { s: e.s + toUnits(u.span.start - t0), n: e.n + 1 });
    }
  }
  return new Map([...sums].map(([k, e]) => [k, e.s / e.n] as const));
}

/** Scenario ids for agent names: letters, digits, `_` and `-` kept, other runs become `-`; clashes get `-2`, `-3`... */
function agentIds(names: readonly string[]): Map<string, string> {
  const used = new Set<string>();
  return new Map(names.map((n) => [n, unique(idOf(n), used)] as const));
}

function idOf(name: string): string {
  const id = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  // `__proto__` is the one name a scenario refuses.
  return id === '' ? 'agent' : id === '__proto__' ? 'proto' : id;
}

function unique(id: string, used: Set<string>): string {
  let out = id;
  for (let i = 2; used.has(out); i++) out = `${id}-${i}`;
  used.add(out);
  return out;
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const l = m.get(k);
    if (l) l.push(x);
    else m.set(k, [x]);
  }
  return m;
}

function counted(m: Map<string, number>): Array<{ from: string; to: string; count: number }> {
  return [...m].map(([k, count]) => { const [from, to] = k.split('\u0000'); return { from, to, count }; }).sort((a, b) => codeOrder(a.from, b.from) || codeOrder(a.to, b.to));
}

function codeOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
