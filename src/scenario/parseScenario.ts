import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import { CoordsimError } from './CoordsimError.js';
import type { Scenario } from './Scenario.js';
import { validateScenario } from './validateScenario.js';
import { locate, type Position } from './_internals/locate.js';
import type { Path } from './_internals/pointer.js';

/**
 * Parses and validates a scenario written in YAML or JSON (JSON goes through the YAML
 * parser too, so its errors also get lines). Pure: `file` is only named in messages.
 * Throws a CoordsimError (E_PARSE, E_SCHEMA, E_REFERENCE, E_CYCLE, E_INFEASIBLE, E_PARAM)
 * naming the file, the path inside the document, the line and the column.
 */
export function parseScenario(text: string, file: string): Scenario {
  // JSON (a document that opens with `{`) takes the fast parser; the YAML library's syntax
  // tree, which gives lines and columns, is built only when an error needs locating.
  if (/^\s*\{/.test(text)) {
    let value: unknown;
    let ok = true;
    try {
      value = JSON.parse(text);
    } catch {
      ok = false; // the YAML parser below reports where
    }
    if (ok) {
      let located: ((path: Path) => Position | undefined) | null = null;
      const lazy = (path: Path) => {
        if (located === null) {
          const lc = new LineCounter();
          const doc = parseDocument(text, { lineCounter: lc });
          located = (p) => locate(doc, lc, p);
        }
        return located(path);
      };
      return validateScenario(value, { file, locate: lazy });
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) throw syntaxError(doc.errors[0], file);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    // e.g. an alias bomb or an alias to an anchor not yet defined
    throw new CoordsimError('E_PARSE', `YAML error: ${(e as Error).message}`, { file });
  }
  return validateScenario(value, { file, locate: (path) => locate(doc, lineCounter, path) });
}

function syntaxError(e: YAMLError, file: string): CoordsimError {
  const pos = e.linePos?.[0];
  // yaml's message is "<reason> at line L, column C:\n\n<excerpt with a caret>".
  const [head, excerpt] = e.message.split(/ at line \d+, column \d+:\n\n/);
  const reason = e.code === 'MULTIPLE_DOCS' ? 'expected one document, found a second one (a `---` line)' : head;
  const snippet = excerpt ? '\n' + excerpt.replace(/\n+$/, '').replace(/^/gm, '  ') : '';
  return new CoordsimError('E_PARSE', `syntax error: ${reason}${snippet}`, {
    file,
    ...(pos ? { line: pos.line, column: pos.col } : {}),
  });
}
