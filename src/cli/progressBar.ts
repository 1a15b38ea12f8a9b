import type { CliContext } from './CliContext.js';

/**
 * A single-line progress bar on stderr redrawn with `\r` at most ten times a second;
 * `(-1, -1)` clears it. `unit` names what is counted ("runs", "strategies").
 */
export function progressBar(ctx: CliContext, unit = 'runs'): (done: number, total: number) => void {
  const started = Date.now();
  let last = 0;
  return (done, total) => {
    if (done < 0) {
      ctx.stderr('\r\x1b[2K');
      return;
    }
    const now = Date.now();
    if (done > 0 && done < total && now - last < 100) return;
    last = now;
    const width = 30;
    const filled = Math.round((width * done) / total);
    const rate = done / Math.max(0.001, (now - started) / 1000);
    const speed = unit === 'runs' ? `, ${Math.round(rate).toLocaleString('en-US')} runs/s` : '';
    ctx.stderr(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor((100 * done) / total)}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${unit}${speed}`);
  };
}
