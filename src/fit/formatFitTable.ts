import type { FitResult } from './FitResult.js';
import { formatFitSpec } from './formatFitSpec.js';

/**
 * The human-readable form of a fit: one line per candidate (family, distribution in scenario
 * syntax, AIC, ΔAIC, KS), the families not fitted, and the best fit as a YAML line to paste.
 */
export function formatFitTable(result: FitResult, source: string): string {
  const head = ['family', 'distribution', 'AIC', 'ΔAIC', 'KS'];
  const body = result.candidates.map((c) => [c.family, formatFitSpec(c.distribution), c.aic.toFixed(2), c.deltaAic.toFixed(2), c.ks.toFixed(4)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i >= 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [`${result.n} values from ${source}, fitted by maximum likelihood, best (lowest AIC) first:`, '', line(head), ...body.map(line)];
  if (result.notFitted.length > 0) {
    out.push('', 'Not fitted:', ...result.notFitted.map((s) => `  ${s.family}: ${s.reason}`));
  }
  out.push('', 'Best fit, to paste into a scenario:', `duration: ${formatFitSpec(result.best)}`, '');
  return out.join('\n');
}
