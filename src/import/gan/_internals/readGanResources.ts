import { CoordsimError } from '../../../scenario/CoordsimError.js';
import type { ImportWarning } from '../../ImportedPlan.js';
import { IdAllocator } from '../../_internals/IdAllocator.js';
import { childNamed, childrenNamed, type XmlElement } from '../../_internals/parseXmlTree.js';
import type { GanTask } from './readGanTasks.js';

/** One resource allocated to a task, with its load in percent. */
export interface Assignment {
  agent: string;
  load: number;
}

/**
 * `<resources>` as agents (id from the name, `capacity: unlimited`: GanttProject does not level)
 * and `<allocations>` per leaf task in file order. Vacations are warned about: GanttProject does
 * not move tasks for them, so neither does the imported plan.
 */
export function readGanResources(
  project: XmlElement,
  tasksById: Map<string, GanTask>,
  file: string,
  warnings: ImportWarning[],
): { agents: Record<string, unknown>[]; assignments: Map<GanTask, Assignment[]> } {
  const ids = new IdAllocator();
  const agentOf = new Map<string, string>();
  const agents: Record<string, unknown>[] = [];
  const resources = childNamed(project, 'resources');
  for (const r of resources ? childrenNamed(resources, 'resource') : []) {
    const sourceId = numberAttr(r, 'id', '<resource>', file);
    if (agentOf.has(sourceId)) throw new CoordsimError('E_SCHEMA', `duplicate resource id ${sourceId}`, { file, line: r.line });
    const name = r.attrs.get('name') ?? '';
    const id = ids.allocate(name, `resource-${sourceId}`);
    agentOf.set(sourceId, id);
    agents.push(name === '' ? { id, source_id: sourceId, capacity: 'unlimited' } : { id, name, source_id: sourceId, capacity: 'unlimited' });
  }

  const assignments = new Map<GanTask, Assignment[]>();
  const allocations = childNamed(project, 'allocations');
  for (const a of allocations ? childrenNamed(allocations, 'allocation') : []) {
    const where = { file, line: a.line };
    const taskId = numberAttr(a, 'task-id', '<allocation>', file);
    const resourceId = numberAttr(a, 'resource-id', '<allocation>', file);
    const task = tasksById.get(taskId);
    if (!task) throw new CoordsimError('E_REFERENCE', `<allocation task-id="${taskId}">: no task has id ${taskId}`, where);
    const agent = agentOf.get(resourceId);
    if (agent === undefined) throw new CoordsimError('E_REFERENCE', `<allocation resource-id="${resourceId}">: no resource has id ${resourceId}`, where);
    const loadText = a.attrs.get('load') ?? '100';
    const load = Number(loadText);
    if (loadText.trim() === '' || !Number.isFinite(load) || load < 0) {
      throw new CoordsimError('E_SCHEMA', `<allocation> attribute load: expected a percentage, found "${loadText}"`, where);
    }
    const location = `line ${a.line}, task ${taskId}`;
    if (task.children.length > 0) {
      warnings.push({ location, message: `resource ${resourceId} allocated to summary task ${taskId}: not imported (summary tasks are not tasks)` });
      continue;
    }
    if (load === 0) {
      warnings.push({ location, message: `resource ${resourceId} allocated at 0%: not imported` });
      continue;
    }
    let list = assignments.get(task);
    if (!list) assignments.set(task, (list = []));
    if (list.some((x) => x.agent === agent)) {
      warnings.push({ location, message: `resource ${resourceId} allocated twice to task ${taskId}: the first allocation is kept` });
      continue;
    }
    list.push({ agent, load });
  }

  const vacations = childNamed(project, 'vacations');
  for (const v of vacations ? childrenNamed(vacations, 'vacation') : []) {
    warnings.push({
      location: `line ${v.line}`,
      message: `vacation ${v.attrs.get('start') ?? '?'} to ${v.attrs.get('end') ?? '?'} of resource ${v.attrs.get('resourceid') ?? '?'}: not imported (GanttProject does not move tasks for it)`,
    });
  }
  return { agents, assignments };
}

function numberAttr(el: XmlElement, name: string, label: string, file: string): string {
  const text = el.attrs.get(name);
  if (text === undefined || !/^\d{1,10}$/.test(text)) {
    throw new CoordsimError('E_SCHEMA', `${label} attribute ${name}: expected a number, found ${text === undefined ? 'none' : `"${text}"`}`, { file, line: el.line });
  }
  return String(Number(text));
}
