import { describe, expect, it } from 'vitest';
import { escapeHtml, inlineScript, jsonForScript } from '../../src/report/_internals/escape.js';
import { html, trusted } from '../../src/report/_internals/html.js';

describe('escapeHtml', () => {
  it('escapeHtml(text) replaces the five markup characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
  });
});

describe('jsonForScript', () => {
  it('jsonForScript(value) escapes <, >, &, U+2028 and U+2029 and parses back exactly', () => {
    const value = { s: '</script><!-- & \u2028\u2029 >', n: [1, 2.5], nested: { t: '<b>' } };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(text).toContain('\\u2028\\u2029');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('jsonForScript(value) writes non-finite numbers as null, like JSON.stringify', () => {
    expect(JSON.parse(jsonForScript({ a: NaN, b: Infinity }))).toEqual({ a: null, b: null });
  });
});

describe('inlineScript', () => {
  it('inlineScript(source) breaks </script and <!-- without changing what the code means', () => {
    const source = 'var a = "</script>"; var b = "<!--"; var c = /<\\/SCRIPT/i;';
    const safe = inlineScript(source);
    expect(safe).not.toMatch(/<\/script|<!--/i);
    const run = (src: string) => new Function(`${src}; return [a, b, c.source];`)();
    expect(run(safe)).toEqual(run(source));
  });
});

describe('html', () => {
  it('html`...` escapes interpolated values, joins arrays and skips null, undefined and false', () => {
    const name = '<img src=x onerror=alert(1)>';
    const out = html`<p>${name}</p>${[html`<b>${'&'}</b>`, 'x<y']}${null}${undefined}${false}${0}`;
    expect(out.value).toBe('<p>&#60;img src=x onerror=alert(1)&#62;</p><b>&#38;</b>x&#60;y0');
  });

  it('trusted(markup) passes through unchanged', () => {
    expect(html`<div>${trusted('<br>')}</div>`.value).toBe('<div><br></div>');
  });
});
