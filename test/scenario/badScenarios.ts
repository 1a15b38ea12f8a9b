import type { CoordsimErrorCode } from '../../src/scenario/CoordsimError.js';

/**
 * A valid scenario using every section; the malformed ones below are each one edit of it.
 * Shared by test/scenario/parseScenario.test.ts and test/cli/badInput.test.ts.
 */
export const VALID = `# yaml-language-server: $schema=../docs/scenario.schema.json
name: Checkout hardening
time_unit: day
deadline: 30
agents:
  - id: architect
    role: Security Architecture
    skills: [architecture]
  - id: dev
    skills: [auth, payments]
    capacity: 2
tasks:
  - id: blueprint
    agent: architect
    duration: {pert: [3, 5, 8]}
  - id: login
    skill: auth
    duration: {triangular: [4, 6, 9]}
    after: [blueprint]
  - id: checkout
    agent: dev
    duration: 5
    after: [blueprint]
  - id: release
    agent: dev
    duration: {uniform: [1, 2]}
    after: [review]
gates:
  - id: review
    after: [login, checkout]
    review: 1
    outcomes: {pass: 0.7, remediate: 0.2, fail: 0.1}
    remediation: {effort: {lognormal: {median: 1, p90: 3}}, blocking: false}
risks:
  - id: vendor-delay
    task: checkout
    probability: 0.2
    delay: {discrete: [[1, 3], [5, 1]]}
correlations:
  - tasks: [login, checkout]
    rho: 0.4
strategy: hub
strategies:
  hub:
    topology: hub
    handoff: {effort: 0.25}
    checkpoint: {every: 5, duration: 0.5}
  mesh:
    topology: mesh
    status: {every: 1, effort: 0.1, per_peer: 0.05}
`;

/** A malformed scenario and the error a reader should get. */
export interface BadScenario {
  /** What is wrong, used as the test name and (slugged) as the file name. */
  title: string;
  text: string;
  code: CoordsimErrorCode;
  /** The path inside the document the message must name ('' for syntax errors). */
  path: string;
  /** The line the message must name: 1-based, computed from the text. */
  line: number;
  /** Further text the message must contain (what was expected or found). */
  says: string[];
}

/** `text` with the one occurrence of `from` replaced (throws if it is not exactly one). */
export function edit(text: string, from: string, to: string): string {
  const parts = text.split(from);
  if (parts.length !== 2) throw new Error(`edit: '${from}' occurs ${parts.length - 1} times`);
  return parts.join(to);
}

/** 1-based number of the line holding `marker` (which must occur once). */
export function lineOf(text: string, marker: string): number {
  const lines = text.split('\n');
  const hits = lines.flatMap((l, i) => (l.includes(marker) ? [i + 1] : []));
  if (hits.length !== 1) throw new Error(`lineOf: '${marker}' is on ${hits.length} lines`);
  return hits[0];
}

function bad(title: string, from: string, to: string, code: CoordsimErrorCode, path: string, marker: string, says: string[] = []): BadScenario {
  const text = edit(VALID, from, to);
  return { title, text, code, path, line: lineOf(text, marker), says };
}

const EMPTY_TASKS = 'name: Nothing to do\ntime_unit: day\nagents:\n  - id: solo\ntasks: []\n';

/** One malformed scenario per kind of mistake. */
export const BAD_SCENARIOS: BadScenario[] = [
  bad('syntax error', '{pert: [3, 5, 8]}', '{pert: [3, 5, 8}', 'E_PARSE', '', '{pert: [3, 5, 8}', ['syntax error']),
  bad('wrong type', 'duration: 5', 'duration: five days', 'E_SCHEMA', '/tasks/2/duration', 'five days', ['expected a distribution', "'five days'"]),
  bad('unknown key', 'capacity: 2', 'capcity: 2', 'E_SCHEMA', '/agents/1/capcity', 'capcity', ["unknown key 'capcity'", "did you mean 'capacity'"]),
  bad('unknown agent', 'agent: architect', 'agent: architekt', 'E_REFERENCE', '/tasks/0/agent', 'architekt', ["'architekt'", "did you mean 'architect'"]),
  bad('unknown task in after', 'after: [review]', 'after: [reveiw]', 'E_REFERENCE', '/tasks/3/after/0', 'reveiw', ["'reveiw'", 'no task or gate']),
  bad('dependency cycle', '    duration: {pert: [3, 5, 8]}\n', '    duration: {pert: [3, 5, 8]}\n    after: [release]\n', 'E_CYCLE', '/tasks/0/after/0', 'after: [release]', [
    'blueprint -> login -> review -> release -> blueprint',
  ]),
  bad('skill nobody has', 'skill: auth', 'skill: oauth', 'E_INFEASIBLE', '/tasks/1/skill', 'oauth', ["no agent has skill 'oauth' (task 'login' can never start)"]),
  bad('negative distribution parameter', 'uniform: [1, 2]', 'uniform: [-1, 2]', 'E_PARAM', '/tasks/3/duration/uniform', 'uniform: [-1, 2]', ['uniform', '[-1, 2]']),
  bad('inverted distribution parameters', 'pert: [3, 5, 8]', 'pert: [8, 5, 3]', 'E_PARAM', '/tasks/0/duration/pert', 'pert: [8, 5, 3]', ['pert', '[8, 5, 3]']),
  bad('negative constant duration', 'duration: 5', 'duration: -5', 'E_SCHEMA', '/tasks/2/duration', 'duration: -5', ['>= 0', '-5']),
  { title: 'empty task list', text: EMPTY_TASKS, code: 'E_SCHEMA', path: '/tasks', line: lineOf(EMPTY_TASKS, 'tasks: []'), says: ['at least one task', 'empty list'] },
  bad('duplicate task id', '- id: checkout', '- id: login # again', 'E_REFERENCE', '/tasks/2/id', '# again', ["duplicate id 'login'", '/tasks/1']),
  bad('duplicate agent id', '- id: dev', '- id: architect # again', 'E_REFERENCE', '/agents/1/id', '# again', ["duplicate agent id 'architect'"]),
  bad('outcomes not summing to 1', 'fail: 0.1', 'fail: 0.2', 'E_PARAM', '/gates/0/outcomes', 'fail: 0.2', ['summing to 1', '1.1']),
  bad('unknown default strategy', 'strategy: hub', 'strategy: hubb', 'E_REFERENCE', '/strategy', 'strategy: hubb', ["'hubb'", 'hub, mesh, ideal, sequential']),
  bad('zero capacity', 'capacity: 2', 'capacity: 0', 'E_SCHEMA', '/agents/1/capacity', 'capacity: 0', ['> 0', '0']),
  bad('negative deadline', 'deadline: 30', 'deadline: -1', 'E_SCHEMA', '/deadline', 'deadline: -1', ['>= 0', '-1']),
  bad('both agent and skill', 'skill: auth', 'skill: auth\n    agent: dev', 'E_SCHEMA', '/tasks/1', '- id: login', ["at most one of 'agent' and 'skill'", 'both']),
  bad('unknown reviewer', 'review: 1', 'review: 1\n    reviewer: boss', 'E_REFERENCE', '/gates/0/reviewer', 'reviewer: boss', ["'boss'", 'orchestrator']),
  bad('remediate without remediation', '    remediation: {effort: {lognormal: {median: 1, p90: 3}}, blocking: false}\n', '', 'E_PARAM', '/gates/0/outcomes/remediate', 'remediate: 0.2', ["no 'remediation'"]),
  bad('risk on an unknown task', 'task: checkout', 'task: chekout', 'E_REFERENCE', '/risks/0/task', 'chekout', ["'chekout'", 'no task']),
  bad('probability above 1', 'probability: 0.2', 'probability: 2', 'E_SCHEMA', '/risks/0/probability', 'probability: 2', ['<= 1', '2']),
  bad('correlation rho of 1', 'rho: 0.4', 'rho: 1', 'E_SCHEMA', '/correlations/0/rho', 'rho: 1', ['< 1']),
  bad('unknown distribution', 'duration: {uniform: [1, 2]}', 'duration: {beta: [1, 2]}', 'E_SCHEMA', '/tasks/3/duration/beta', 'beta', ["unknown distribution 'beta'"]),
  bad('batched handoffs without checkpoints', 'status: {every: 1,', 'handoff: {effort: 0.1, batched: true}\n    status: {every: 1,', 'E_INFEASIBLE', '/strategies/mesh/handoff/batched', 'batched: true', ['checkpoint']),
];
