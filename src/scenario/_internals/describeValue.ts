const MAX = 60;

/**
 * Shows a value found in a document the way a reader wrote it, truncated to ~60
 * characters: `'5d'`, `-3`, `null`, `{"pert":[3,5]}`, `an empty list`.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return truncate(`'${value}'`);
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (Array.isArray(value) && value.length === 0) return 'an empty list';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return truncate(text);
}

/** The JSON type name of a value as a reader would say it: a string, a number, a list, ... */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return typeof value === 'string' ? 'a string' : typeof value;
}

function truncate(text: string): string {
  return text.length > MAX ? text.slice(0, MAX - 1) + '…' : text;
}
