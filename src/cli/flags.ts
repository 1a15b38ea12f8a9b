import type { Argv, Options } from 'yargs';
import { CoordsimError } from '../scenario/CoordsimError.js';
import { didYouMean } from './suggest.js';

/** One flag of a command: its one documented spelling, a short alias, and hidden spellings kept for old command lines. */
export interface Flag {
  name: string;
  alias?: string;
  /** Other spellings of the same meaning (accepted, not listed in --help). */
  hidden?: readonly string[];
  type: 'string' | 'boolean';
  describe: string;
  default?: string | boolean;
  choices?: readonly string[];
}

/** Adds the flags to a yargs command builder (hidden spellings as hidden options). */
export function withFlags(y: Argv, flags: readonly Flag[]): Argv {
  for (const f of flags) {
    const o: Options = { type: f.type, describe: f.describe };
    if (f.alias !== undefined) o.alias = f.alias;
    if (f.default !== undefined) o.default = f.default;
    if (f.choices !== undefined) o.choices = [...f.choices];
    y = y.option(f.name, o);
    for (const h of f.hidden ?? []) y = y.option(h, { type: f.type, hidden: true });
  }
  return y;
}

/** Every spelling of the flags (long names with `--`, aliases with `-`), for "did you mean". */
export function spellings(flags: readonly Flag[]): string[] {
  return [...flags.flatMap((f) => [f.name, ...(f.hidden ?? [])].map((n) => `--${n}`)), '--help'];
}

/** A value token, not a flag: anything not starting with `-`, and negative numbers. */
const isValue = (t: string) => !t.startsWith('-') || /^-\d/.test(t) || t === '-';

/**
 * Checks a command's raw arguments before yargs' values are used: a flag that takes a value
 * must be followed by one (`--seed --json` is refused, not read as an empty seed), and no
 * flag is given twice under any of its spellings (`--seed 1 --seed 2` would become "1,2").
 * Unknown flags get a "did you mean". E_USAGE naming the flag.
 */
export function checkRawFlags(args: readonly string[], flags: readonly Flag[]): void {
  const bySpelling = new Map<string, Flag>();
  for (const f of flags) {
    bySpelling.set(`--${f.name}`, f);
    if (f.type === 'boolean') bySpelling.set(`--no-${f.name}`, f);
    for (const h of f.hidden ?? []) bySpelling.set(`--${h}`, f);
    if (f.alias !== undefined) bySpelling.set(`-${f.alias}`, f);
  }
  const seen = new Map<Flag, string[]>();
  for (let i = 0; i < args.length; i++) {
    const t = args[i];
    if (t === '--') break;
    if (isValue(t)) continue;
    const eq = t.indexOf('=');
    let spelling = eq >= 0 ? t.slice(0, eq) : t;
    let attached = eq >= 0;
    if (!t.startsWith('--') && spelling.length > 2) {
      spelling = t.slice(0, 2); // -n5: a short flag with its value attached
      attached = true;
    }
    if (spelling === '--help' || spelling === '-h' || spelling === '--version') continue;
    const f = bySpelling.get(spelling);
    if (f === undefined) {
      throw new CoordsimError('E_USAGE', `unknown flag ${spelling}${didYouMean(spelling, spellings(flags)).replace(/'/g, '')}`);
    }
    let value = f.type === 'boolean' ? spelling : t.slice(spelling.length + (eq >= 0 ? 1 : 0));
    if (f.type === 'string' && !attached) {
      const next = args[i + 1];
      if (next === undefined) throw new CoordsimError('E_USAGE', `${spelling}: expected a value after it, got nothing`);
      if (!isValue(next)) throw new CoordsimError('E_USAGE', `${spelling}: expected a value after it, got the flag ${next}`);
      value = next;
      i++;
    }
    const given = seen.get(f) ?? [];
    given.push(`${spelling}${f.type === 'string' ? ` ${value}` : ''}`);
    seen.set(f, given);
    if (given.length > 1) {
      const list = f.name === 'strategies' ? '; name several strategies comma-separated in one --strategies' : '';
      throw new CoordsimError('E_USAGE', `--${f.name} is given ${given.length} times (${given.join(', ')}); it takes one value${list}`);
    }
  }
}

/** The value of a flag under its name or one of its hidden spellings (checkRawFlags saw at most one). */
export function flagValue(argv: Record<string, unknown>, f: Flag): unknown {
  for (const n of [f.name, ...(f.hidden ?? [])]) if (argv[n] !== undefined) return argv[n];
  return undefined;
}
