/** The columns of a CSV task list, by canonical name. */
export const CSV_COLUMNS = [
  'id', 'name', 'duration', 'predecessors', 'resources', 'optimistic', 'most_likely', 'pessimistic',
  'wbs', 'milestone', 'start_no_earlier_than', 'deadline', 'start', 'finish',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Header names accepted for each column, compared lower-case with `_`, `-` and runs of spaces as one space. */
const ALIASES: Record<CsvColumn, string[]> = {
  id: ['id', 'task id'],
  name: ['name', 'task name', 'task', 'title'],
  duration: ['duration'],
  predecessors: ['predecessors', 'after', 'depends on', 'dependencies'],
  resources: ['resources', 'resource names', 'resource', 'agent', 'agents'],
  optimistic: ['optimistic', 'optimistic duration'],
  most_likely: ['most likely', 'most likely duration', 'likely', 'expected duration'],
  pessimistic: ['pessimistic', 'pessimistic duration'],
  wbs: ['wbs', 'phase'],
  milestone: ['milestone'],
  start_no_earlier_than: ['start no earlier than', 'not before', 'snet'],
  deadline: ['deadline', 'finish no later than'],
  start: ['start', 'start date'],
  finish: ['finish', 'finish date', 'end', 'end date'],
};

/** Columns Microsoft Project's CSV export often holds that a plan does not use: ignored with a warning. */
export const IGNORED_COLUMNS = new Set(['% complete', 'percent complete', 'cost', 'work', 'notes', 'outline level', 'unique id', 'indicators']);

const BY_ALIAS = new Map<string, CsvColumn>();
for (const column of CSV_COLUMNS) for (const alias of ALIASES[column]) BY_ALIAS.set(alias, column);

/** A header cell in the form aliases are compared in. */
export function normalizeHeader(cell: string): string {
  return cell.trim().toLowerCase().replace(/[_-]/g, ' ').replace(/\s+/g, ' ');
}

/** The column a header cell names, or undefined. */
export function columnOf(cell: string): CsvColumn | undefined {
  return BY_ALIAS.get(normalizeHeader(cell));
}
