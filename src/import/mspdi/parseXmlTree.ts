import { SaxesParser } from 'saxes';
import { fail } from '../_internals/PlanDraft.js';

/** An element of a parsed XML document: local name, namespace, text, children, and where it is. */
export interface XmlElement {
  name: string;
  uri: string;
  line: number;
  text: string;
  children: XmlElement[];
  parent?: XmlElement;
  /** 1-based position among its parent's children of the same name. */
  position: number;
}

/** Limits on what the XML reader accepts, so hostile input cannot exhaust memory or time. */
export interface XmlLimits {
  maxChars: number;
  maxDepth: number;
  maxElements: number;
}

/** Default limits: far above any real project file, far below what would hurt. */
export const XML_LIMITS: XmlLimits = { maxChars: 256 * 1024 * 1024, maxDepth: 64, maxElements: 20_000_000 };

/**
 * Parses XML text into a light element tree with saxes (strict well-formedness, namespaces,
 * a line for every element). A DOCTYPE is refused, so no entity is ever expanded beyond the
 * five predefined ones; subtrees named in `skip` (bulky parts the reader never uses) are not
 * kept. Errors are E_PARSE at the line and column saxes reports.
 */
export function parseXmlTree(text: string, file: string, skip: ReadonlySet<string> = new Set(), limits: XmlLimits = XML_LIMITS): XmlElement {
  if (text.length > limits.maxChars) fail('E_PARSE', file, undefined, `file is larger than ${limits.maxChars} characters`);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];
  const counts: Map<string, number>[] = [];
  let skipping = 0;
  let count = 0;
  const at = (message: string): never => fail('E_PARSE', file, { location: `line ${parser.line}`, line: parser.line }, message);
  parser.on('error', (e) => at(`XML is not well-formed: ${e.message.replace(/^\d+:\d+: /, '')}`));
  parser.on('doctype', () => at('a DOCTYPE declaration is not allowed in a project file'));
  parser.on('opentag', (tag) => {
    if (skipping > 0 || skip.has(tag.local)) {
      skipping++;
      return;
    }
    if (++count > limits.maxElements) at(`more than ${limits.maxElements} elements`);
    if (stack.length >= limits.maxDepth) at(`elements nested deeper than ${limits.maxDepth}`);
    const parent = stack[stack.length - 1];
    let position = 1;
    if (parent) {
      const seen = counts[counts.length - 1];
      position = (seen.get(tag.local) ?? 0) + 1;
      seen.set(tag.local, position);
    }
    const el: XmlElement = { name: tag.local, uri: tag.uri, line: parser.line, text: '', children: [], parent, position };
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
    counts.push(new Map());
  });
  const onText = (t: string): void => {
    if (skipping === 0 && stack.length) stack[stack.length - 1].text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (skipping > 0) skipping--;
    else {
      stack.pop();
      counts.pop();
    }
  });
  parser.write(text).close();
  if (!root) fail('E_PARSE', file, undefined, 'no XML root element');
  return root;
}

const REPEATED = new Set(['Task', 'Calendar', 'Resource', 'Assignment', 'WeekDay', 'Exception', 'WorkWeek', 'WorkingTime', 'PredecessorLink', 'ExtendedAttribute']);

/** The path of an element, e.g. `/Project/Tasks/Task[4]/Duration` (positions of repeated elements). */
export function pathOf(el: XmlElement): string {
  const parts: string[] = [];
  for (let e: XmlElement | undefined = el; e; e = e.parent) parts.unshift(REPEATED.has(e.name) ? `${e.name}[${e.position}]` : e.name);
  return '/' + parts.join('/');
}

/** The first child element named `name`. */
export function child(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) if (c.name === name) return c;
  return undefined;
}

/** All child elements named `name`. */
export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** The trimmed text of the child `name`; undefined when absent or empty. */
export function textOf(el: XmlElement, name: string): string | undefined {
  const c = child(el, name);
  if (!c) return undefined;
  const t = c.text.trim();
  return t === '' ? undefined : t;
}
