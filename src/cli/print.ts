import { join } from 'node:path';
import type { CliContext } from './CliContext.js';
import { toJson } from './io.js';
import { terminalText } from './terminalText.js';

/**
 * Prints a command's result: one JSON document on stdout with --json, else the text for
 * people (control characters escaped) and, on stderr, the files written.
 */
export function printResult(ctx: CliContext, json: boolean, value: unknown, text: () => string, written: readonly string[], dir?: string): void {
  if (!json && written.length > 0) {
    ctx.stderr(terminalText(`wrote ${written.join(', ')}\n${dir !== undefined && written.some((w) => w.endsWith('report.html')) ? `report: ${join(dir, 'report.html')}\n` : ''}`));
  }
  ctx.stdout(json ? toJson(value) : terminalText(text()));
}
