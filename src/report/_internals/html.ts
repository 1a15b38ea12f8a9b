import { escapeHtml } from './escape.js';

/** Markup that is already safe: produced by `html` or explicitly trusted with `trusted`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/**
 * Tagged template for markup: every interpolated value is escaped unless it is `Html`;
 * arrays are joined, and null, undefined and false render nothing. Scenario text can only
 * reach the page through here as text.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

/** Marks a string the renderer produced itself (the CSS, the scripts) as markup. */
export function trusted(markup: string): Html {
  return new Html(markup);
}

function render(v: unknown): string {
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(String(v));
}
