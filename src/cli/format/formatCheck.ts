import type { CheckScenarioReport, FoundViolation } from '../../testing/checkScenario.js';
import { scenarioYaml } from '../../testing/scenarioYaml.js';

/** The replay command of a violation. */
const replay = (file: string, v: FoundViolation) => `coordsim run ${file} --strategy ${v.strategy} --seed ${v.seed} --run ${v.run}`;

/** A check report for people: each violation with its replay command, and the shrunk counterexample. */
export function formatCheck(file: string, r: CheckScenarioReport): string {
  const head = `${file}: ${r.strategies.length} strateg${r.strategies.length === 1 ? 'y' : 'ies'} × ${r.runs} runs (seed ${r.seed})`;
  if (r.ok) return `${head}: every invariant holds\n`;
  const lines = [`${head}: ${r.violations.length} violation(s)`];
  for (const v of r.violations.slice(0, 20)) {
    lines.push(`  ✗ ${v.invariant} — ${v.strategy}, run ${v.run}: ${v.message}`, `      replay: ${replay(file, v)}`);
  }
  if (r.violations.length > 20) lines.push(`  … and ${r.violations.length - 20} more (--json lists them all)`);
  const c = r.counterexample;
  if (c) {
    lines.push(
      '',
      `Shrunk counterexample (${c.invariant} under ${c.strategy}, ${c.steps.length} simplification(s)): ${c.message}`,
      `Save it as counterexample.yaml and replay: ${replay('counterexample.yaml', c)}`,
      '---',
      scenarioYaml(c.scenario).trimEnd(),
    );
  }
  return lines.join('\n') + '\n';
}
