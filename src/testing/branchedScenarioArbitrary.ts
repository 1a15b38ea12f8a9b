import fc from 'fast-check';
import type { BranchSpec, ExistenceRiskSpec, RiskDriverSpec, Scenario } from '../scenario/Scenario.js';
import { linkTarget } from '../scenario/Scenario.js';
import { distributionArbitrary, gridValue } from './distributionArbitrary.js';
import { scenarioArbitrary } from './arbitraries.js';
import type { ScenarioConstraints } from './ScenarioConstraints.js';

/** Draws that `addBranches` turns into branches, an existence risk and a risk driver. */
interface BranchGenes {
  point: number;
  conditional: boolean;
  paths: number;
  assign: number[];
  probabilities: number[];
  finishAfter: number;
  outcome: number;
  existence: { from: number; to: number; probability: number; pick: number } | undefined;
  driver: { tasks: number[]; probability: number; factor: number } | undefined;
}

const OUTCOMES = ['passed', 'remediated', 'reworked', 'failed', 'exhausted'] as const;

/**
 * Valid scenarios of `scenarioArbitrary` with a branch (probabilistic or conditional, after a
 * task or a gate, its paths made of tasks downstream of it), an existence risk between two tasks
 * and a risk driver, each optional (docs/scenario-format.md, "Branches and risk drivers"). Kept
 * apart from `scenarioArbitrary` so that its scenarios stay what they were.
 */
export function branchedScenarioArbitrary(constraints: ScenarioConstraints = {}): fc.Arbitrary<Scenario> {
  const genes: fc.Arbitrary<BranchGenes> = fc.record({
    point: fc.nat(),
    conditional: fc.boolean(),
    paths: fc.integer({ min: 1, max: 3 }),
    assign: fc.array(fc.nat(3), { maxLength: 12 }),
    probabilities: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 3, maxLength: 3 }),
    finishAfter: gridValue(0, 20),
    outcome: fc.nat(4),
    existence: fc.option(fc.record({ from: fc.nat(), to: fc.nat(), probability: fc.oneof(fc.constantFrom(0, 1), gridValue(0, 1)), pick: fc.nat() }), { nil: undefined }),
    driver: fc.option(fc.record({ tasks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), probability: fc.oneof(fc.constantFrom(0, 1), gridValue(0, 1)), factor: fc.nat(2) }), { nil: undefined }),
  });
  const factors: RiskDriverSpec['factor'][] = [1.5, { uniform: [0.5, 2] }, { triangular: [1, 1.2, 2] }];
  return fc.tuple(scenarioArbitrary(constraints), genes, distributionArbitrary({ max: 3 })).map(([s, g, duration]) => addBranches(s, g, duration, factors[g.driver?.factor ?? 0]));
}

function addBranches(s: Scenario, g: BranchGenes, duration: Scenario['tasks'][number]['duration'], factor: RiskDriverSpec['factor']): Scenario {
  const out: Scenario = structuredClone(s);
  const nodes = [...out.tasks.map((t) => t.id), ...(out.gates ?? []).map((x) => x.id)];
  const preds = new Map<string, string[]>([...out.tasks.map((t) => [t.id, (t.after ?? []).map(linkTarget)] as const), ...(out.gates ?? []).map((x) => [x.id, x.after] as const)]);
  const point = nodes[g.point % nodes.length];
  const isGate = !out.tasks.some((t) => t.id === point);
  const downstream = out.tasks.map((t) => t.id).filter((id) => reaches(preds, id, point));
  if (downstream.length > 0) {
    const n = g.paths;
    const paths = Array.from({ length: n }, () => [] as string[]);
    downstream.forEach((id, k) => {
      const a = g.assign[k % Math.max(1, g.assign.length)] ?? 0;
      if (a < n) paths[a].push(id);
    });
    let branch: BranchSpec;
    if (g.conditional) {
      const when = isGate ? { gate_outcome: OUTCOMES[g.outcome] } : { finish_after: g.finishAfter };
      branch = { id: 'br0', after: point, paths: paths.map((tasks, k) => ({ ...(k < n - 1 || n === 1 ? { when } : {}), ...(tasks.length ? { tasks } : {}) })) };
    } else {
      const w = g.probabilities.slice(0, n).map((x) => x + (x === 0 && n === 1 ? 1 : 0));
      const total = w.reduce((a, b) => a + b, 0) || 1;
      const ps = w.map((x) => (w.every((y) => y === 0) ? 1 / n : x / total));
      ps[n - 1] = 1 - ps.slice(0, n - 1).reduce((a, b) => a + b, 0);
      branch = { id: 'br0', after: point, paths: paths.map((tasks, k) => ({ probability: Math.max(0, ps[k]), ...(tasks.length ? { tasks } : {}) })) };
    }
    out.branches = [branch];
  }
  const T = out.tasks.length;
  if (g.existence && T >= 2) {
    const i = g.existence.from % (T - 1);
    const j = i + 1 + (g.existence.to % (T - 1 - i));
    const e: ExistenceRiskSpec = { id: 'ex0', probability: g.existence.probability, agent: out.agents[g.existence.pick % out.agents.length].id, duration: duration ?? 1, after: [out.tasks[i].id], before: [out.tasks[j].id] };
    out.existence_risks = [e];
  }
  if (g.driver) {
    const ids = [...new Set(g.driver.tasks.map((k) => out.tasks[k % T].id))];
    out.risk_drivers = [{ id: 'dr0', probability: g.driver.probability, factor, tasks: ids }];
  }
  return out;
}

/** Is `from` reachable backwards from `id` (is `id` downstream of `from`)? */
function reaches(preds: Map<string, string[]>, id: string, from: string): boolean {
  const stack = [...(preds.get(id) ?? [])];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (p === from) return true;
    if (seen.has(p)) continue;
    seen.add(p);
    stack.push(...(preds.get(p) ?? []));
  }
  return false;
}
