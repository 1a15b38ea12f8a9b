import type { ErrorContext } from './CoordsimError.js';
import type { Scenario } from './Scenario.js';
import type { ValidateScenarioOptions } from './validateScenario.js';
import { toPointer, type Path } from './_internals/pointer.js';

/** Something legal but probably unintended in a valid scenario, and where it is. */
export interface ScenarioWarning {
  message: string;
  /** `file`, `path` (a JSON pointer) and, when the source is known, `line` and `column`. */
  context: ErrorContext;
}

/**
 * The warnings of a valid scenario (it must have passed `validateScenario`): a gate that no
 * task or gate waits for (its `after` tasks' successors start before it signs off). Empty
 * when there is nothing to say. The same options as `validateScenario` locate each warning.
 */
export function scenarioWarnings(s: Scenario, options: ValidateScenarioOptions = {}): ScenarioWarning[] {
  const out: ScenarioWarning[] = [];
  const warn = (message: string, path: Path) => {
    const at = options.locate?.(path);
    out.push({
      message,
      context: { ...(options.file !== undefined ? { file: options.file } : {}), path: toPointer(path), ...(at ? { line: at.line, column: at.column } : {}) },
    });
  };
  const gates = s.gates ?? [];
  if (gates.length === 0) return out;
  // Gates something lists in its `after` (only gate ids are collected: the only ones asked about).
  const gateIds = new Set(gates.map((g) => g.id));
  const awaited = new Set<string>();
  const see = (id: string) => {
    if (gateIds.has(id)) awaited.add(id);
  };
  for (const t of s.tasks) {
    if (t.after === undefined) continue;
    for (const e of t.after) see(typeof e === 'string' ? e : e.task);
  }
  for (const g of gates) for (const id of g.after) see(id);
  gates.forEach((g, i) => {
    if (awaited.has(g.id)) return;
    warn(
      `nothing waits for gate '${g.id}': no task or gate lists it in 'after', so the work after the tasks it reviews starts before it signs off (list '${g.id}' in the 'after' of the tasks that should wait)`,
      ['gates', i, 'id'],
    );
  });
  return out;
}

/** A warning as one line: `file:line:col at /path: warning: message`. */
export function formatWarning(w: ScenarioWarning): string {
  const c = w.context;
  const where: string[] = [];
  if (c.file) where.push(c.file + (c.line !== undefined ? `:${c.line}${c.column !== undefined ? `:${c.column}` : ''}` : ''));
  if (c.path !== undefined) where.push(`at ${c.path === '' ? '/' : c.path}`);
  return `${where.length ? where.join(' ') + ': ' : ''}warning: ${w.message}`;
}
