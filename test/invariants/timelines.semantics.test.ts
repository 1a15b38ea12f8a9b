import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { simulate, type RunResult } from '../../src/engine/simulate.js';
import { TRACE_KINDS, type TraceRecord } from '../../src/engine/TraceRecord.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { stream } from '../../src/sim/streams.js';
import { checkInvariants } from '../../src/testing/index.js';

/**
 * docs/semantics.md, held to the engine: every example there is a scenario (a YAML block after
 * an ``Example `id`:`` line) followed by the whole trace of its run (seed 1) and figures
 * of the run (`path = value` lines). Each is run here and compared line for line, so neither the
 * page nor the engine can change without the other.
 */
const DOC = 'docs/semantics.md';
const doc = readFileSync(new URL(`../../${DOC}`, import.meta.url), 'utf8');

interface Example {
  scenario: Scenario;
  timeline: string[];
  figures: Array<[path: string, value: string]>;
}

const examples = new Map<string, Example>();
for (const m of doc.matchAll(/^Example `([\w-]+)`:\n\n```yaml\n([\s\S]*?)```[\s\S]*?```text\n([\s\S]*?)```/gm)) {
  const [, id, yaml, block] = m;
  const rows = block.split('\n').filter((l) => l !== '');
  examples.set(id, {
    scenario: parseScenario(yaml, `${DOC} (${id})`),
    timeline: rows.filter((l) => !l.includes(' = ')),
    figures: rows.filter((l) => l.includes(' = ')).map((l) => l.split(' = ') as [string, string]),
  });
}

/** One trace row as the page writes it: `time kind task gate agent [for d] [— detail]`. */
function row(r: TraceRecord): string {
  const parts = [String(r.time), r.kind, r.task, r.gate, r.agent].filter((x) => x !== '');
  if (r.duration !== 0) parts.push('for', String(r.duration));
  return parts.join(' ') + (r.detail !== '' ? ` — ${r.detail}` : '');
}

/** The value at a dotted path of the run's metrics. */
function figure(result: RunResult, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown>)[key], result.metrics);
}

/** The page's text for a figure, read as the type the metrics hold. */
function parsed(actual: unknown, text: string): unknown {
  if (Array.isArray(actual)) return text.split(', ');
  if (typeof actual === 'number') return Number(text);
  if (typeof actual === 'boolean') return text === 'true';
  return text;
}

/** Each example of the page and the rule it pins (the page says why). */
const RULES: Array<[id: string, rule: string]> = [
  ['tie-extends', 'a meeting at the instant a task ends extends it when the task started after the last meeting of the series'],
  ['tie-pushed', 'a task end rescheduled by the previous meeting of a series is handled before the next one'],
  ['meeting-order', 'a checkpoint scheduled before a status update of the same instant goes first; meetings queue'],
  ['same-period', 'with equal periods status updates go first; overlapping meetings are served one after the other'],
  ['dispatch-instant', 'dispatch at the end of the instant by priority, zero-length jobs and their successors within it'],
  ['pool-own-job', 'a pool task passes over an agent that took a better job in the same dispatch'],
  ['pool-first-agent', 'a pool task that comes first takes the first agent with the skill'],
  ['sequential', 'sequential runs one job at a time, a pool task on the first agent with the skill'],
  ['risk', 'risk delay is held time, risk work is work; a pool task has no agent in its ready and risk rows'],
  ['mesh-pool', 'a mesh handoff to a pool successor is paid by the sender'],
  ['hierarchy', 'hierarchy handoffs: the shared lead in a team, else the orchestrator, in creation order'],
  ['coordination-first', 'a handoff waits for a slot of its payer, then goes before all of its ready work'],
  ['escalation', 'an escalated successor waits for the delay and for the resolver\'s effort'],
  ['batched-instant', 'a batched handoff catches a checkpoint of its instant only when its end is handled first'],
  ['batched-extended', 'work extended by a checkpoint waits for the next one'],
  ['batched-queue', 'a released batched handoff goes by creation, before a review queued earlier'],
  ['zero-review', 'a zero-length review waits for a busy orchestrator'],
  ['remediation-rank', 'a remediation ranks as its task among ready tasks'],
  ['ideal-gate', 'under ideal reviews take no job and no time; the remediation override still applies'],
  ['engaged-by-handoff', 'an agent is engaged from its first job of any kind, a handoff included'],
  ['reviewer-engaged', 'reviewing engages a done agent; a done author is not engaged while its outcome is pending'],
  ['orchestrator-checkpoint', 'the orchestrator attends with the agents and its running jobs pause'],
  ['capacity-two', 'a meeting costs every slot of its agent'],
  ['meeting-cut', 'a meeting running at the makespan is cut there'],
  ['cp-resource', 'the critical path follows the job that freed the resource when a job waited for it'],
  ['cp-tie', 'of two chains ending together the critical path keeps the later-handled one'],
  ['sequential-sum', 'sequentialMakespan is workTime + heldTime, not the sequential run'],
  ['branch-skip', 'a path not taken is skipped: passed when it would be ready, its links delivered at once without handoff'],
  ['branch-condition', 'conditional branches: a gate outcome over all rounds, a finish after a time, no path when none holds'],
  ['branch-nested', 'a skipped branch point takes no path and skips all its paths'],
  ['existence', 'an existence risk that does not occur leaves its task absent, its links gone; one that occurs adds it'],
  ['driver', 'a risk driver multiplies the durations of its tasks'],
  ['joint', 'a joint task starts when all its agents are free, and pauses once for their overlapping meetings'],
  ['joint-handoff', 'handoffs into and out of joint work: none where an agent of the joint task did the other side'],
  ['shares', 'shares of an agent and a fractional capacity: a task that does not fit is passed over; figures in units'],
  ['pool-units', 'units shared by agents of a pool, in least-busy pick order'],
  ['dispatch-lft', 'the LFT rule orders ready tasks by latest finish time'],
  ['pinned-order', 'a pinned start order: listed tasks start in that order'],
];

describe(`${DOC}: every example timeline is the engine's`, () => {
  test('the page has exactly the examples listed here, each with a timeline', () => {
    expect([...examples.keys()].sort()).toEqual(RULES.map(([id]) => id).sort());
    for (const [id, e] of examples) expect(e.timeline.length, id).toBeGreaterThan(0);
  });

  for (const [id, rule] of RULES) {
    test(`${id}: ${rule}`, () => {
      const e = examples.get(id);
      expect(e, `example ${id} missing from ${DOC}`).toBeDefined();
      const result = simulate(e!.scenario, { seed: 1, trace: true });
      expect(result.trace.map(row)).toEqual(e!.timeline);
      for (const [path, text] of e!.figures) {
        const actual = figure(result, path);
        expect(actual, path).toEqual(parsed(actual, text));
      }
      expect(checkInvariants(e!.scenario, result)).toEqual([]);
    });
  }
});

describe(`${DOC}: rules without a timeline`, () => {
  test('streams: a duration, a handoff effort and a status update are draws of their (seed, run, purpose) streams', () => {
    const s: Scenario = {
      name: 'streams',
      time_unit: 'day',
      agents: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      tasks: [
        { id: 'a1', agent: 'a', duration: { uniform: [1, 3] } },
        { id: 'n', agent: 'b', duration: 1, after: ['a1'] },
        { id: 'long', agent: 'c', duration: 20 },
      ],
      strategy: 'm',
      strategies: { m: { topology: 'mesh', handoff: { effort: { uniform: [0, 2] } }, status: { every: 10, effort: { uniform: [0, 0.1] }, per_peer: { uniform: [0, 0.1] } } } },
    };
    const durations = stream(1, 0, 'durations');
    const coordination = stream(1, 0, 'coordination');
    const a1 = 1 + 2 * durations();
    const effort = 0 + 2 * coordination();
    const status = 0 + 0.1 * coordination() + 2 * (0 + 0.1 * coordination()); // effort + (n − 1) × one per_peer draw
    const trace = simulate(s, { seed: 1, trace: true }).trace;
    expect(trace.find((r) => r.kind === 'task_start' && r.task === 'a1')!.duration).toBe(a1);
    expect(trace.find((r) => r.kind === 'handoff_start')).toMatchObject({ time: a1, duration: effort, agent: 'b' });
    expect(trace.find((r) => r.kind === 'status_update')).toMatchObject({ time: 10, agent: 'c', duration: status, detail: '2 peers' });
  });

  test('guard: maxEvents N throws E_GUARD when event N + 1 comes, traced or not', () => {
    const s: Scenario = {
      name: 'guard',
      time_unit: 'day',
      agents: [{ id: 'a' }],
      tasks: [1, 2, 3].map((i) => ({ id: `t${i}`, agent: 'a', duration: 1 })),
      strategy: 'ideal',
    };
    for (const trace of [true, false]) {
      expect(() => simulate(s, { maxEvents: 3, trace })).toThrow(expect.objectContaining({ code: 'E_GUARD', context: { time: 3, events: 3 } }));
      expect(simulate(s, { maxEvents: 4, trace }).metrics.events).toBe(4);
    }
  });

  test('§15 lists every trace kind the engine writes, and only those', () => {
    const section = doc.slice(doc.indexOf('## 15. Trace kinds'), doc.indexOf('## 16.'));
    const kinds = [...section.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]);
    expect(kinds.sort()).toEqual([...TRACE_KINDS].sort());
  });

  test('§11 gives a formula for every figure of a run', () => {
    const section = doc.slice(doc.indexOf('## 11. Metrics'), doc.indexOf('## 12.'));
    const metrics = simulate(examples.get('meeting-cut')!.scenario, { seed: 1, trace: false }).metrics;
    const context = ['scenario', 'strategy', 'seed', 'run', 'timeUnit', 'deadline']; // the run's identity, copied from its inputs
    for (const key of Object.keys(metrics).filter((k) => !context.includes(k))) expect(section, key).toContain(`\`${key}`);
  });
});
