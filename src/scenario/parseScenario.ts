import type { YAMLError } from 'yaml';
import { CoordsimError } from './CoordsimError.js';
import type { Scenario } from './Scenario.js';
import { validateScenario } from './validateScenario.js';
import { badArgument } from './_internals/arguments.js';
import { locate, type Position } from './_internals/locate.js';
import { jsonLocator } from './_internals/locateJson.js';
import type { Path } from './_internals/pointer.js';
import { scenarioWarnings, type ScenarioWarning } from './scenarioWarnings.js';
import { yamlLibrary } from './_internals/yamlLibrary.js';

/**
 * Parses and validates a scenario written in YAML or JSON (JSON goes through the YAML
 * parser too, so its errors also get lines). Pure: `file` is only named in messages.
 * Throws a CoordsimError (E_PARSE, E_SCHEMA, E_REFERENCE, E_CYCLE, E_INFEASIBLE, E_PARAM)
 * naming the file, the path inside the document, the line and the column.
 */
export function parseScenario(text: string, file: string): Scenario {
  return parse('parseScenario', text, file).scenario;
}

/**
 * `parseScenario` that also returns the scenario's warnings (`scenarioWarnings`), located
 * like errors (file, path, line, column). For `coordsim validate`.
 */
export function parseScenarioWithWarnings(text: string, file: string): { scenario: Scenario; warnings: ScenarioWarning[] } {
  return parse('parseScenarioWithWarnings', text, file, true);
}

function parse(fn: string, text: string, file: string, withWarnings = false): { scenario: Scenario; warnings: ScenarioWarning[] } {
  if (typeof text !== 'string') badArgument(fn, 'the text of a scenario (a string of YAML or JSON)', text);
  if (file !== undefined && typeof file !== 'string') badArgument(fn, 'file to be the name of the file (a string)', file);
  // JSON (a document that opens with `{`) takes the fast parser; lines and columns come from
  // reading the text again, only where an error or warning needs them.
  if (/^\s*\{/.test(text)) {
    let value: unknown;
    let ok = true;
    try {
      value = JSON.parse(text);
    } catch {
      ok = false; // the YAML parser below reports where
    }
    if (ok) {
      let located: ((path: Path) => Position) | null = null;
      const options = { file, locate: (path: Path) => (located ??= jsonLocator(text))(path) };
      const scenario = validateScenario(value, options);
      return { scenario, warnings: withWarnings ? scenarioWarnings(scenario, options) : [] };
    }
  }
  const { LineCounter, parseDocument } = yamlLibrary();
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
  const options = { file, locate: (path: Path) => locate(doc, lineCounter, path) };
  const scenario = validateScenario(value, options);
  return { scenario, warnings: withWarnings ? scenarioWarnings(scenario, options) : [] };
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
