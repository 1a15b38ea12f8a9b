import { linkTarget, type LinkSpec } from '../../scenario/Scenario.js';
import type { Scenario, StrategySpec } from '../../scenario/Scenario.js';
import { distribution } from '../../sim/distributions/index.js';

/** One simplification of a scenario, described for people. */
export interface Edit {
  what: string;
  apply(s: Scenario): Scenario;
}

const edit = (what: string, change: (s: Scenario) => void): Edit => ({
  what,
  apply(s) {
    const c = structuredClone(s);
    change(c);
    return c;
  },
});

/** Removes a task or gate and every reference to it; gates left with nothing before them go too. */
export function removeNode(s: Scenario, id: string): void {
  const gone = new Set([id]);
  s.tasks = s.tasks.filter((t) => t.id !== id);
  for (let changed = true; changed; ) {
    changed = false;
    for (const t of s.tasks) if (t.after) t.after = t.after.filter((a) => !gone.has(linkTarget(a)));
    for (const g of s.gates ?? []) {
      g.after = g.after.filter((a) => !gone.has(a));
      if (g.assesses) g.assesses = g.assesses.filter((a) => !gone.has(a));
      if (g.after.length === 0 && !gone.has(g.id)) {
        gone.add(g.id);
        changed = true;
      }
    }
    s.gates = (s.gates ?? []).filter((g) => !gone.has(g.id));
  }
  for (const t of s.tasks) if (t.after?.length === 0) delete t.after;
  for (const g of s.gates ?? []) if (g.assesses?.length === 0) delete g.assesses;
  if (s.gates?.length === 0) delete s.gates;
  s.risks = (s.risks ?? []).filter((r) => !gone.has(r.task));
  if (s.risks.length === 0) delete s.risks;
  s.correlations = (s.correlations ?? []).map((c) => ({ ...c, tasks: c.tasks.filter((t) => !gone.has(t)) })).filter((c) => c.tasks.length >= 2);
  if (s.correlations.length === 0) delete s.correlations;
}

const MECHANISMS = ['handoff', 'status', 'checkpoint', 'escalation', 'remediation', 'orchestrator_capacity', 'leads', 'description'] as const;

/**
 * Every single simplification worth trying, biggest first: drop a task, gate, risk,
 * correlation, other strategy, mechanism of `keep`, agent or dependency; then make
 * distributions constant and drop optional settings. Invalid results are the caller's to skip.
 */
export function scenarioEdits(s: Scenario, keep: string): Edit[] {
  const out: Edit[] = [];
  for (const t of s.tasks) if (s.tasks.length > 1) out.push(edit(`drop task ${t.id}`, (c) => removeNode(c, t.id)));
  for (const g of s.gates ?? []) out.push(edit(`drop gate ${g.id}`, (c) => removeNode(c, g.id)));
  for (const r of s.risks ?? []) {
    out.push(edit(`drop risk ${r.id}`, (c) => {
      c.risks = c.risks!.filter((x) => x.id !== r.id);
      if (c.risks.length === 0) delete c.risks;
    }));
  }
  if (s.correlations) out.push(edit('drop correlations', (c) => delete c.correlations));
  for (const name of Object.keys(s.strategies ?? {})) {
    if (name === keep) continue;
    out.push(edit(`drop strategy ${name}`, (c) => {
      delete c.strategies![name];
      if (Object.keys(c.strategies!).length === 0) delete c.strategies;
      if (c.strategy === name) c.strategy = keep;
    }));
  }
  const st: StrategySpec | undefined = s.strategies?.[keep];
  for (const m of MECHANISMS) {
    if (st?.[m] === undefined) continue;
    out.push(edit(`drop ${m} of strategy ${keep}`, (c) => {
      const x = c.strategies![keep];
      delete x[m];
      if (m === 'checkpoint' && x.handoff?.batched) delete x.handoff.batched;
    }));
  }
  if (st?.status?.per_peer !== undefined) out.push(edit('drop status.per_peer', (c) => delete c.strategies![keep].status!.per_peer));
  if (st?.checkpoint?.offset !== undefined) out.push(edit('drop checkpoint.offset', (c) => delete c.strategies![keep].checkpoint!.offset));
  if (st?.handoff?.batched !== undefined) out.push(edit('drop handoff.batched', (c) => delete c.strategies![keep].handoff!.batched));
  for (const a of s.agents) if (s.agents.length > 1) out.push(edit(`drop agent ${a.id}`, (c) => (c.agents = c.agents.filter((x) => x.id !== a.id))));
  for (const t of s.tasks) for (const p of (t.after ?? []).map(linkTarget)) out.push(edit(`drop ${t.id} after ${p}`, (c) => dropAfter(c.tasks.find((x) => x.id === t.id)!, p)));
  for (const g of s.gates ?? []) for (const p of g.after) if (g.after.length > 1) out.push(edit(`drop ${g.id} after ${p}`, (c) => dropAfter(c.gates!.find((x) => x.id === g.id)!, p)));
  const constant = (spec: Parameters<typeof distribution>[0]) => Math.round(distribution(spec).mean * 64) / 64;
  for (const t of s.tasks) {
    if (t.duration !== undefined && typeof t.duration !== 'number') out.push(edit(`make ${t.id}'s duration constant`, (c) => (c.tasks.find((x) => x.id === t.id)!.duration = constant(t.duration!))));
    if (t.priority !== undefined) out.push(edit(`drop ${t.id}'s priority`, (c) => delete c.tasks.find((x) => x.id === t.id)!.priority));
  }
  for (const g of s.gates ?? []) {
    for (const key of ['review', 'rework', 'max_rounds', 'reviewer', 'assesses'] as const) {
      if (g[key] !== undefined) out.push(edit(`drop ${g.id}.${key}`, (c) => delete c.gates!.find((x) => x.id === g.id)![key]));
    }
  }
  for (const a of s.agents) {
    for (const key of ['capacity', 'team', 'skills'] as const) {
      if (a[key] !== undefined) out.push(edit(`drop ${a.id}.${key}`, (c) => delete c.agents.find((x) => x.id === a.id)![key]));
    }
  }
  for (const key of ['deadline', 'description', 'orchestrator'] as const) if (s[key] !== undefined) out.push(edit(`drop ${key}`, (c) => delete c[key]));
  return out;
}

function dropAfter(x: { after?: Array<string | LinkSpec> }, p: string): void {
  x.after = (x.after ?? []).filter((a) => linkTarget(a) !== p);
  if (x.after.length === 0) delete x.after;
}
