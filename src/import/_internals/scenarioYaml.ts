import { stringify } from 'yaml';

// Scalars the YAML core schema would read as something other than a string: yaml quotes them.
const NOT_A_STRING = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[Tt]rue|TRUE|[Ff]alse|FALSE|~|[Nn]ull|NULL)$/;
// Plain (unquoted) in block context: printable ASCII without flow or comment indicators, not
// starting with an indicator, no ': ' and no trailing ':' or space.
const PLAIN = /^[A-Za-z0-9_(/$^=+<;.][A-Za-z0-9 _()/$^=+<>;.:'"&@!%*?-]*$/;

const scalars = new Map<string, string>();

/** A string as yaml's `stringify` writes it in block context (plain when safe, else yaml's own form). */
function str(s: string): string {
  let out = scalars.get(s);
  if (out !== undefined) return out;
  if (PLAIN.test(s) && !NOT_A_STRING.test(s) && !/: |:$| $/.test(s)) out = s;
  else if (/[\n\r]/.test(s)) out = JSON.stringify(s); // JSON strings are YAML double-quoted scalars
  else out = stringify(s, { lineWidth: 0 }).slice(0, -1);
  if (scalars.size < 100_000) scalars.set(s, out);
  return out;
}

function scalar(v: unknown): string {
  if (typeof v === 'string') return str(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : Number.isNaN(v) ? '.nan' : v > 0 ? '.inf' : '-.inf';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null) return 'null';
  throw new TypeError(`scenarioYaml: not JSON data: ${typeof v}`);
}

function isScalar(v: unknown): boolean {
  return v === null || typeof v !== 'object';
}

function pushMap(o: Record<string, unknown>, ind: string, out: string[]): void {
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (v === undefined) continue;
    if (isScalar(v)) out.push(`${ind}${str(k)}: ${scalar(v)}\n`);
    else if (Array.isArray(v)) {
      if (v.length === 0) out.push(`${ind}${str(k)}: []\n`);
      else {
        out.push(`${ind}${str(k)}:\n`);
        pushSeq(v, `${ind}  `, out);
      }
    } else if (Object.keys(v as object).length === 0) out.push(`${ind}${str(k)}: {}\n`);
    else {
      out.push(`${ind}${str(k)}:\n`);
      pushMap(v as Record<string, unknown>, `${ind}  `, out);
    }
  }
}

function pushSeq(a: unknown[], ind: string, out: string[]): void {
  for (const v of a) {
    if (isScalar(v)) out.push(`${ind}- ${scalar(v)}\n`);
    else if (Array.isArray(v) ? v.length === 0 : Object.keys(v as object).length === 0) out.push(`${ind}- ${Array.isArray(v) ? '[]' : '{}'}\n`);
    else {
      // The item's first line follows the dash; the rest is indented under it.
      const at = out.length;
      if (Array.isArray(v)) pushSeq(v, `${ind}  `, out);
      else pushMap(v as Record<string, unknown>, `${ind}  `, out);
      out[at] = `${ind}- ${out[at].slice(ind.length + 2)}`;
    }
  }
}

/**
 * A scenario document (plain JSON data) as block YAML, as `stringify(doc, { lineWidth: 0 })`
 * of the yaml package writes it, about ten times faster: strings that are safely plain are
 * written directly, the others through yaml itself (multi-line strings double-quoted).
 */
export function scenarioYaml(doc: Record<string, unknown>): string {
  const out: string[] = [];
  pushMap(doc, '', out);
  return out.length === 0 ? '{}\n' : out.join('');
}
