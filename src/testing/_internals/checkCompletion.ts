import { fmt, parseOutcome, type CheckContext } from './CheckContext.js';

/**
 * `completion` (docs/semantics.md §8; docs/semantics.md §15): every start row has its finish row and vice versa; each task has
 * exactly one first execution and one rework per failed round below `max_rounds`, done by the
 * agent of its first execution; each gate is done exactly once after `rounds` rounds, with one
 * review per round (none under built-ins) by its reviewer; per-task and per-gate metrics agree
 * with the trace.
 */
export function checkCompletion(ctx: CheckContext): void {
  const { model, metrics, trace, strategy } = ctx;
  for (const { index, row } of ctx.reading.unmatched) {
    ctx.fail({ message: `row ${index}: ${row.kind} of ${row.task || row.gate} on ${row.agent} at ${fmt(row.time)} has no start`, task: row.task || undefined, time: row.time });
  }
  for (const e of ctx.reading.executions) {
    if (e.finishIndex < 0) ctx.fail({ message: `${e.kind} ${e.task || e.gate} on ${e.agent} started at ${fmt(e.start)} and never finished`, task: e.task || undefined, agent: e.agent, time: e.start });
  }
  const fails = new Map<string, number>();
  const remediates = new Map<string, number>();
  const perGate = new Map<string, { pass: number; remediate: number; fail: number; rounds: number; exhausted: boolean }>();
  for (const g of model.gates) perGate.set(g.id, { pass: 0, remediate: 0, fail: 0, rounds: 0, exhausted: false });
  for (const r of trace) {
    if (r.kind !== 'gate_outcome') continue;
    const o = parseOutcome(r.detail);
    const g = model.gates.find((x) => x.id === r.gate);
    const c = perGate.get(r.gate);
    if (!o || !g || !c) continue;
    c[o.outcome]++;
    c.rounds = Math.max(c.rounds, o.round);
    if (o.outcome === 'fail' && o.round < g.maxRounds) fails.set(`${r.task}|${r.gate}`, (fails.get(`${r.task}|${r.gate}`) ?? 0) + 1);
    if (o.outcome === 'fail' && o.round >= g.maxRounds) c.exhausted = true;
    if (o.outcome === 'remediate' && g.remediationEffort) remediates.set(r.task, (remediates.get(r.task) ?? 0) + 1);
  }
  let reworks = 0;
  let remediations = 0;
  for (const t of model.tasks) {
    const mine = ctx.reading.executions.filter((e) => e.task === t.id);
    const first = mine.filter((e) => e.kind === 'task');
    const rework = mine.filter((e) => e.kind === 'rework');
    const remed = mine.filter((e) => e.kind === 'remediation');
    reworks += rework.length;
    remediations += remed.length;
    const pass = ctx.passed.get(t.id);
    if (pass !== undefined) {
      // Skipped or absent: no execution at all, and passed at the time the metrics give.
      const runs = first.length + rework.length + remed.length;
      if (runs > 0) ctx.fail({ message: `task ${t.id} was ${pass.absent ? 'absent' : 'skipped'} at ${fmt(pass.time)}, yet has ${runs} execution(s)`, task: t.id });
      const m = metrics.tasks[t.id];
      if (m && (m.start !== pass.time || m.finish !== pass.time || m.agent !== '')) ctx.fail({ message: `metrics.tasks.${t.id} says ${m.agent} ${fmt(m.start)}–${fmt(m.finish)}; it was passed at ${fmt(pass.time)}`, task: t.id });
      continue;
    }
    if (first.length !== 1) ctx.fail({ message: `task ${t.id} has ${first.length} first executions, expected exactly 1`, task: t.id });
    const expectedReworks = model.gates.reduce((n, g) => n + (fails.get(`${t.id}|${g.id}`) ?? 0), 0);
    if (rework.length !== expectedReworks) ctx.fail({ message: `task ${t.id} is reworked ${rework.length} time(s); its failed review rounds ask for ${expectedReworks}`, task: t.id });
    if ((remediates.get(t.id) ?? 0) !== remed.length) ctx.fail({ message: `task ${t.id} has ${remed.length} remediation(s) for ${remediates.get(t.id) ?? 0} remediate outcome(s)`, task: t.id });
    const m = metrics.tasks[t.id];
    const e = first[0];
    if (!m || !e) continue;
    if (m.executions !== 1 + rework.length) ctx.fail({ message: `metrics.tasks.${t.id}.executions is ${m.executions}, the trace has ${1 + rework.length}`, task: t.id });
    if (m.start !== e.start || m.firstFinish !== e.finish || m.agent !== e.agent) {
      ctx.fail({ message: `metrics.tasks.${t.id} says ${m.agent} ${fmt(m.start)}–${fmt(m.firstFinish)} for the first execution, the trace ${e.agent} ${fmt(e.start)}–${fmt(e.finish)}`, task: t.id });
    }
    const last = rework.reduce((x, w) => Math.max(x, w.finish), e.finish);
    if (m.finish !== last) ctx.fail({ message: `metrics.tasks.${t.id}.finish is ${fmt(m.finish)}, the trace's last execution ends at ${fmt(last)}`, task: t.id });
    for (const x of [...rework, ...remed]) {
      if (x.agent !== e.agent) ctx.fail({ message: `${x.kind} of ${t.id} runs on ${x.agent}, its first execution on ${e.agent}`, task: t.id, agent: x.agent });
    }
  }
  if (reworks !== metrics.reworks) ctx.fail({ message: `the trace has ${reworks} reworks, metrics.reworks is ${metrics.reworks}` });
  if (remediations !== metrics.remediations) ctx.fail({ message: `the trace has ${remediations} remediations, metrics.remediations is ${metrics.remediations}` });
  for (const g of model.gates) {
    const done = trace.filter((r) => r.kind === 'gate_done' && r.gate === g.id).length;
    if (done !== 1) ctx.fail({ message: `gate ${g.id} is done ${done} time(s), expected exactly once`, gate: g.id });
    const c = perGate.get(g.id)!;
    // A done gate ran at least one round, also one with no task left to review (all skipped or absent).
    if (done > 0) c.rounds = Math.max(c.rounds, 1);
    const mine = ctx.reading.executions.filter((e) => e.kind === 'review' && e.gate === g.id);
    const reviews = mine.length;
    const reviewer = expectedReviewer(ctx, g.reviewer, g.assesses[0]);
    for (const e of mine) if (e.agent !== reviewer) ctx.fail({ message: `gate ${g.id} is reviewed by ${e.agent}, expected ${reviewer}`, gate: g.id, agent: e.agent });
    if (reviews !== (strategy.builtin ? 0 : c.rounds)) ctx.fail({ message: `gate ${g.id} has ${reviews} review(s) for ${c.rounds} round(s)${strategy.builtin ? ' (built-in strategies review in no time)' : ''}`, gate: g.id });
    if (c.rounds > g.maxRounds) ctx.fail({ message: `gate ${g.id} ran ${c.rounds} rounds, max_rounds is ${g.maxRounds}`, gate: g.id });
    const m = metrics.gates[g.id];
    const same = m && m.rounds === c.rounds && m.exhausted === c.exhausted && m.outcomes.pass === c.pass && m.outcomes.remediate === c.remediate && m.outcomes.fail === c.fail;
    if (!same) ctx.fail({ message: `metrics.gates.${g.id} is ${JSON.stringify(m)}; the trace has ${JSON.stringify(c)}`, gate: g.id });
  }
}

/** A gate's reviewer: the one named, else the orchestrator in a hub or hierarchy, else the agent of the first assessed task. */
function expectedReviewer(ctx: CheckContext, named: number, firstAssessed: number): string {
  const { model, strategy } = ctx;
  if (named === -2) return model.orchestrator.id;
  if (named >= 0) return model.agents[named].id;
  if (strategy.topology === 'hub' || strategy.topology === 'hierarchy') return model.orchestrator.id;
  const t = model.tasks[firstAssessed];
  return ctx.firstExec.get(t.id)?.agent ?? model.agents[t.eligible[0]].id;
}
