import { BRANCH_GATE_OUTCOMES, LINK_FS } from '../../engine/Model.js';
import { fmt, parseOutcome, type CheckContext } from './CheckContext.js';

/**
 * `branches` (docs/semantics.md §17): every branch decides once, when its branch point finishes
 * (none when the branch point was skipped), and the metrics name that path; the tasks of the
 * paths not taken are skipped, those of the path taken are not; a conditional branch takes the
 * first path whose condition the trace shows to hold; a skipped or absent task has no execution,
 * is never critical, and is passed no earlier than its dependencies (exactly at the last of them
 * when every link is a plain finish-to-start); only the tasks of existence risks can be absent,
 * exactly those whose risk did not occur.
 */
export function checkBranches(ctx: CheckContext): void {
  const { model, metrics, trace } = ctx;
  const T = model.tasks.length;
  const nodeId = (n: number) => (n < T ? model.tasks[n].id : model.gates[n - T].id);
  const gateDone = new Map<string, number>();
  trace.forEach((r) => {
    if (r.kind === 'gate_done' && !gateDone.has(r.gate)) gateDone.set(r.gate, r.time);
  });
  /** When node n was done for its successors (finish, sign-off or pass), undefined if never. */
  const doneAt = (n: number): number | undefined => (n < T ? (ctx.firstExec.get(nodeId(n))?.finish ?? ctx.passed.get(nodeId(n))?.time) : gateDone.get(nodeId(n)));
  const critical = new Set(metrics.criticalPath);
  const occurred = new Set(metrics.risksOccurred);
  const existence = new Map(model.existenceRisks.map((r) => [model.tasks[r.task].id, r.id]));

  for (const t of model.tasks) {
    const pass = ctx.passed.get(t.id);
    const m = metrics.tasks[t.id];
    const flagged = m?.skipped === true ? 'skipped' : m?.absent === true ? 'absent' : null;
    const traced = pass === undefined ? null : pass.absent ? 'absent' : 'skipped';
    if (flagged !== traced) ctx.fail({ message: `task ${t.id}: the metrics say ${flagged ?? 'ran'}, the trace ${traced ?? 'ran'}`, task: t.id });
    const risk = existence.get(t.id);
    if (traced === 'absent' && (risk === undefined || occurred.has(risk))) ctx.fail({ message: `task ${t.id} is absent, but ${risk === undefined ? 'it is no existence risk' : `its risk ${risk} occurred`}`, task: t.id });
    if (risk !== undefined && !occurred.has(risk) && traced !== 'absent') ctx.fail({ message: `existence risk ${risk} did not occur, yet its task ran or was skipped`, task: t.id });
    if (pass === undefined) continue;
    const runs = ctx.reading.executions.filter((e) => e.task === t.id && e.kind !== 'handoff' && e.kind !== 'escalation').length;
    if (runs > 0) ctx.fail({ message: `task ${t.id} was ${traced} at ${fmt(pass.time)} but has ${runs} execution(s)`, task: t.id });
    if (m?.critical || critical.has(t.id)) ctx.fail({ message: `task ${t.id} did not run (${traced}) but is on the critical path`, task: t.id });
    let last = -Infinity;
    let plain = !model.schedule.timed;
    for (const p of t.after) {
      if (p < T && ctx.passed.get(nodeId(p))?.absent === true) continue;
      const at = doneAt(p);
      if (at === undefined) continue;
      if (pass.time < at - ctx.tol(at)) ctx.fail({ message: `task ${t.id} is passed at ${fmt(pass.time)}, before ${nodeId(p)} is done at ${fmt(at)}`, task: t.id, time: pass.time });
      last = Math.max(last, at);
      const k = model.successors[p].indexOf(t.index);
      if (model.successorType[p][k] !== LINK_FS || model.successorLag[p][k] !== 0) plain = false;
    }
    if (t.notBefore > -Infinity) plain = false;
    // A handoff into it made before its branch skipped it still had to be delivered.
    if (trace.some((r) => (r.kind === 'handoff_start' || r.kind === 'handoff_batched') && r.task === t.id)) plain = false;
    if (plain && Math.abs(pass.time - Math.max(0, last)) > ctx.tol(pass.time)) {
      ctx.fail({ message: `task ${t.id} is passed at ${fmt(pass.time)}; it would have become ready at ${fmt(Math.max(0, last))}`, task: t.id, time: pass.time });
    }
  }

  model.branches.forEach((b) => {
    const rows = trace.map((r, i) => ({ r, i })).filter(({ r }) => r.kind === 'branch' && r.detail.startsWith(`${b.id}: `));
    const point = nodeId(b.node);
    if (rows.length !== 1) return ctx.fail({ message: `branch ${b.id} decided ${rows.length} time(s), expected once` });
    const { r, i } = rows[0];
    const name = r.detail.slice(b.id.length + 2);
    const k = b.paths.findIndex((p) => p.name === name);
    const want = metrics.branches?.[b.id];
    if ((k >= 0 ? name : null) !== want) ctx.fail({ message: `branch ${b.id} took '${name}' in the trace, the metrics say ${JSON.stringify(want)}` });
    const pointPassed = b.node < T && ctx.passed.has(point);
    if (pointPassed && k >= 0) ctx.fail({ message: `branch ${b.id} took path '${name}' although its branch point ${point} was skipped` });
    // A branch point that ran leaves no path only to a conditional branch without an otherwise path whose conditions all failed (checked below).
    if (!pointPassed && k < 0 && !(b.kind === 'condition' && b.nominal < 0)) ctx.fail({ message: `branch ${b.id} took no path although its branch point ${point} ran` });
    const at = doneAt(b.node);
    if (at === undefined || r.time !== at) ctx.fail({ message: `branch ${b.id} decided at ${fmt(r.time)}, its branch point ${point} finished at ${at === undefined ? 'no time' : fmt(at)}`, time: r.time });
    b.paths.forEach((p, j) => {
      for (const t of p.tasks) {
        const id = model.tasks[t].id;
        const skipped = ctx.passed.has(id);
        if (skipped === (j === k)) ctx.fail({ message: `task ${id} of path '${p.name}' of branch ${b.id} ${skipped ? 'was skipped although the path was taken' : 'ran although the branch took another path'}`, task: id });
        const e = ctx.firstExec.get(id);
        if (e && e.startIndex < i) ctx.fail({ message: `task ${id} of branch ${b.id} started before the branch was decided`, task: id });
      }
    });
    if (b.kind !== 'condition' || pointPassed) return;
    // The first path whose condition holds is the one taken (switching a branch off is not traced: runs of `simulate` never do).
    const holds = (j: number) => {
      const p = b.paths[j];
      if (!p.conditional) return true;
      if (p.finishAfter !== null && !(r.time > p.finishAfter)) return false;
      if (p.gateOutcome >= 0) return gateHolds(ctx, model.gates[b.node - T].id, BRANCH_GATE_OUTCOMES[p.gateOutcome], model.gates[b.node - T].maxRounds);
      return true;
    };
    const first = b.paths.findIndex((_, j) => holds(j));
    if (first !== k) ctx.fail({ message: `conditional branch ${b.id} took '${name}', but the first path whose condition holds is ${first < 0 ? 'none' : `'${b.paths[first].name}'`}` });
  });
}

/** A gate outcome condition, read from the gate's outcome rows. */
function gateHolds(ctx: CheckContext, gate: string, c: (typeof BRANCH_GATE_OUTCOMES)[number], maxRounds: number): boolean {
  const outcomes = ctx.trace.filter((r) => r.kind === 'gate_outcome' && r.gate === gate).map((r) => parseOutcome(r.detail)!);
  const remediated = outcomes.some((o) => o.outcome === 'remediate');
  const failed = outcomes.some((o) => o.outcome === 'fail');
  switch (c) {
    case 'passed':
      return !remediated && !failed;
    case 'remediated':
      return remediated;
    case 'reworked':
      return outcomes.some((o) => o.outcome === 'fail' && o.round < maxRounds);
    case 'failed':
      return failed;
    case 'exhausted':
      return outcomes.some((o) => o.outcome === 'fail' && o.round >= maxRounds);
  }
}
