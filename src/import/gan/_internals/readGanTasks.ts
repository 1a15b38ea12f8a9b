import { CoordsimError } from '../../../scenario/CoordsimError.js';
import { parseIsoDay } from '../../_internals/calendarDays.js';
import { childrenNamed, type XmlElement } from '../../_internals/parseXmlTree.js';

/** GanttProject's dependency types by their stored number (its `ConstraintType` order). */
const DEPEND_TYPES = ['SS', 'FS', 'FF', 'SF'] as const;
export type LinkType = (typeof DEPEND_TYPES)[number];

/** A `<depend>`: written inside the predecessor, naming the successor. */
export interface GanDepend {
  successor: string;
  type: LinkType;
  /** `difference`: working days. */
  lag: number;
  /** Hardness `Rubber`: the successor may also start later than the link requires. */
  rubber: boolean;
  line: number;
}

/** A `<task>` as stored. Summary tasks are those with children. */
export interface GanTask {
  sourceId: string;
  name: string;
  line: number;
  parent?: GanTask;
  children: GanTask[];
  /** Day number of `start` (required for leaf tasks). */
  start?: number;
  duration: number;
  milestone: boolean;
  complete: number;
  /** `thirdDate` when `thirdDate-constraint="1"` (earliest begin). */
  earliestStart?: number;
  depends: GanDepend[];
}

/** The tasks of `<tasks>`, depth first in document order, and a lookup by GanttProject id. */
export function readGanTasks(tasksEl: XmlElement, file: string): { tasks: GanTask[]; byId: Map<string, GanTask> } {
  const tasks: GanTask[] = [];
  const byId = new Map<string, GanTask>();
  const visit = (el: XmlElement, parent: GanTask | undefined): void => {
    const task = readTask(el, parent, file);
    const dup = byId.get(task.sourceId);
    if (dup) {
      throw new CoordsimError('E_SCHEMA', `duplicate task id ${task.sourceId}: already used by "${dup.name}" on line ${dup.line}`, { file, line: el.line });
    }
    byId.set(task.sourceId, task);
    tasks.push(task);
    parent?.children.push(task);
    for (const child of childrenNamed(el, 'task')) visit(child, task);
  };
  for (const el of childrenNamed(tasksEl, 'task')) visit(el, undefined);
  for (const t of tasks) {
    if (t.children.length > 0) continue;
    const where = { file, line: t.line };
    if (t.start === undefined) throw new CoordsimError('E_SCHEMA', `<task id="${t.sourceId}">: attribute start missing: expected a date YYYY-MM-DD`, where);
  }
  return { tasks, byId };
}

function readTask(el: XmlElement, parent: GanTask | undefined, file: string): GanTask {
  const where = { file, line: el.line };
  const rawId = el.attrs.get('id');
  if (rawId === undefined || !/^\d{1,10}$/.test(rawId)) {
    throw new CoordsimError('E_SCHEMA', `<task> attribute id: expected a task number, found ${rawId === undefined ? 'none' : `"${rawId}"`}`, where);
  }
  const sourceId = String(Number(rawId));
  const label = `<task id="${sourceId}">`;
  const startText = el.attrs.get('start');
  let start: number | undefined;
  if (startText !== undefined && startText !== '') {
    start = parseIsoDay(startText);
    if (start === undefined) throw new CoordsimError('E_SCHEMA', `${label} attribute start: expected a date YYYY-MM-DD, found "${startText}"`, where);
  }
  const isLeaf = childrenNamed(el, 'task').length === 0;
  const duration = intAttr(el, 'duration', label, where, isLeaf ? undefined : 0);
  const complete = intAttr(el, 'complete', label, where, 0);
  if (complete > 100) throw new CoordsimError('E_SCHEMA', `${label} attribute complete: expected a percentage 0-100, found ${complete}`, where);
  const milestone = el.attrs.get('meeting') === 'true';
  let earliestStart: number | undefined;
  if (el.attrs.get('thirdDate-constraint') === '1') {
    const text = el.attrs.get('thirdDate') ?? '';
    earliestStart = parseIsoDay(text);
    if (earliestStart === undefined) throw new CoordsimError('E_SCHEMA', `${label} attribute thirdDate: expected a date YYYY-MM-DD, found "${text}"`, where);
  }
  const depends = childrenNamed(el, 'depend').map((d) => readDepend(d, label, file));
  return { sourceId, name: el.attrs.get('name') ?? '', line: el.line, parent, children: [], start, duration, milestone, complete, earliestStart, depends };
}

function readDepend(d: XmlElement, label: string, file: string): GanDepend {
  const where = { file, line: d.line };
  const id = d.attrs.get('id');
  if (id === undefined || !/^\d{1,10}$/.test(id)) {
    throw new CoordsimError('E_SCHEMA', `${label} <depend> attribute id: expected a task number, found ${id === undefined ? 'none' : `"${id}"`}`, where);
  }
  const typeText = d.attrs.get('type') ?? '';
  const type = typeText === '' ? 'FS' : /^[1-4]$/.test(typeText) ? DEPEND_TYPES[Number(typeText) - 1] : undefined;
  if (type === undefined) {
    throw new CoordsimError('E_SCHEMA', `${label} <depend id="${id}"> attribute type: expected 1 (SS), 2 (FS), 3 (FF) or 4 (SF), found "${typeText}"`, where);
  }
  const lagText = d.attrs.get('difference') ?? '';
  if (lagText !== '' && !/^-?\d{1,7}$/.test(lagText)) {
    throw new CoordsimError('E_SCHEMA', `${label} <depend id="${id}"> attribute difference: expected a whole number of days, found "${lagText}"`, where);
  }
  const hardness = d.attrs.get('hardness') ?? '';
  if (hardness !== '' && hardness !== 'Strong' && hardness !== 'Rubber') {
    throw new CoordsimError('E_SCHEMA', `${label} <depend id="${id}"> attribute hardness: expected Strong or Rubber, found "${hardness}"`, where);
  }
  return { successor: String(Number(id)), type, lag: lagText === '' ? 0 : Number(lagText), rubber: hardness === 'Rubber', line: d.line };
}

function intAttr(el: XmlElement, name: string, label: string, where: { file: string; line: number }, fallback: number | undefined): number {
  const text = el.attrs.get(name);
  if (text === undefined || text === '') {
    if (fallback !== undefined) return fallback;
    throw new CoordsimError('E_SCHEMA', `${label} attribute ${name} missing: expected a non-negative whole number`, where);
  }
  if (!/^\d{1,7}$/.test(text)) throw new CoordsimError('E_SCHEMA', `${label} attribute ${name}: expected a non-negative whole number, found "${text}"`, where);
  return Number(text);
}
