/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>`, `&`, U+2028 and U+2029 are
 * written as `\u003c`-style escapes, so no string in the data can close the tag or open a
 * comment, and JSON.parse of the block text still gives the data back exactly.
 * Non-finite numbers become null, as in JSON.stringify.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Makes JavaScript source safe to inline in a `<script>` element: `</script` and `<!--`
 * would end or confuse the element, so their `<` is escaped (`\x3c` means the same in
 * strings, regular expressions and template literals).
 */
export function inlineScript(source: string): string {
  return source.replace(/<(\/script|!--)/gi, '\\x3c$1');
}
