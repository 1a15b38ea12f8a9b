/**
 * Control characters that would act on a terminal (escape sequences, carriage returns,
 * backspaces, C1 controls) and bidirectional overrides, which can make an echoed id read as
 * something else. Tab and newline are kept.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text for a terminal: every unsafe character shown as a `\xHH` / `\uHHHH` escape. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}
