import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { CoordsimError } from '../../scenario/CoordsimError.js';
import { LineIndex } from './LineIndex.js';

/** One XML element: its name, attributes (entity references decoded), child elements and line. */
export interface XmlElement {
  name: string;
  attrs: Map<string, string>;
  children: XmlElement[];
  /** 1-based line of the element's `<`. */
  line: number;
}

/** Nesting deeper than this is refused (hostile input), well above what plan files use. */
const MAX_DEPTH = 256;

/**
 * Parses an XML document into a tree of elements (text content is dropped: plan readers use
 * attributes and element structure). A document type declaration is refused outright, so no
 * entity can be defined or expanded; the five predefined entities and character references are
 * decoded in attribute values. Malformed XML gives an E_PARSE error with the line.
 */
export function parseXmlTree(text: string, file: string, format: string): XmlElement {
  const doctype = /<!DOCTYPE/i.exec(text);
  const lines = new LineIndex(text);
  if (doctype) {
    throw new CoordsimError('E_PARSE', `a ${format} file has no document type declaration (<!DOCTYPE ...>): refused, entities are not expanded`, { file, line: lines.lineOf(doctype.index) });
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const unclosed = valid.err.code === 'InvalidXml' && valid.err.msg.startsWith("Invalid '[") ? [...valid.err.msg.matchAll(/"([^"]+)"/g)].map((m) => `<${m[1]}>`) : [];
    if (unclosed.length > 0) {
      // The validator reports elements still open at the end of the text on line 1: say so at the end.
      throw new CoordsimError('E_PARSE', `not well-formed XML: the file ends with ${unclosed.join(', ')} still open (truncated?)`, { file, line: lines.lineOf(text.length) });
    }
    throw new CoordsimError('E_PARSE', `not well-formed XML: ${valid.err.msg}`, { file, line: valid.err.line, column: valid.err.col });
  }
  let ordered: unknown[];
  try {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      parseAttributeValue: false,
      parseTagValue: false,
      processEntities: false,
      preserveOrder: true,
      captureMetaData: true,
      maxNestedTags: MAX_DEPTH,
    });
    ordered = parser.parse(text) as unknown[];
  } catch (err) {
    // The parser's few checks beyond the validator's concern `<?...?>` and `<!...>` constructs.
    const message = (err as Error).message;
    const stated = /line[: ]+(\d+)/i.exec(message);
    const at = /Pi Tag/i.test(message) ? text.lastIndexOf('<?') : text.search(/<!(?!--|\[CDATA\[)/);
    const line = stated ? Number(stated[1]) : at >= 0 ? lines.lineOf(at) : 1;
    throw new CoordsimError('E_PARSE', `not readable as XML: ${message}`, { file, line });
  }
  const meta = XMLParser.getMetaDataSymbol() as unknown as symbol;
  const toElement = (node: Record<string | symbol, unknown>): XmlElement | undefined => {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (name === undefined || name.startsWith('#') || name.startsWith('?')) return undefined;
    const attrs = new Map<string, string>();
    const raw = node[':@'] as Record<string, string> | undefined;
    if (raw) for (const key of Object.keys(raw)) attrs.set(key, decodeEntities(String(raw[key])));
    const start = (node[meta] as { startIndex?: number } | undefined)?.startIndex ?? 0;
    const children: XmlElement[] = [];
    for (const child of (node[name] as Record<string | symbol, unknown>[]) ?? []) {
      const el = toElement(child);
      if (el) children.push(el);
    }
    return { name, attrs, children, line: lines.lineOf(start) };
  };
  const roots = ordered.map((n) => toElement(n as Record<string | symbol, unknown>)).filter((e): e is XmlElement => e !== undefined);
  if (roots.length !== 1) throw new CoordsimError('E_PARSE', `expected one root element, found ${roots.length}`, { file });
  return roots[0];
}

/** The child elements of `el` named `name`, in document order. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** The first child element of `el` named `name`. */
export function childNamed(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

/** Decodes `&lt;` `&gt;` `&amp;` `&apos;` `&quot;` and `&#NN;` / `&#xHH;`; other `&...;` stay as written. */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7}|lt|gt|amp|apos|quot);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref];
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
