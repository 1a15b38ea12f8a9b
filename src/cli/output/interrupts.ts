/**
 * Cleanup on SIGINT, SIGTERM and SIGHUP: every registered cleanup runs (synchronously), then
 * the process exits with 128 + the signal's number (130, 143, 129), as a shell reports it.
 * Installed by main.ts before the rest of the CLI loads, so a signal at any moment is handled.
 */
const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
const cleanups = new Set<() => void>();
let installed = false;

/** Installs the handlers (once per process). */
export function installInterruptCleanup(): void {
  if (installed) return;
  installed = true;
  for (const [name, n] of Object.entries(SIGNALS)) {
    process.on(name as NodeJS.Signals, () => {
      runCleanups();
      process.exit(128 + n);
    });
  }
  // An uncaught failure or process.exit elsewhere must not leave temporary folders either.
  process.on('exit', runCleanups);
}

/** Registers a cleanup; returns the function that unregisters it. */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

function runCleanups(): void {
  for (const c of [...cleanups]) {
    cleanups.delete(c);
    try {
      c();
    } catch {
      // Best effort: the process is ending; the next cleanup must still run.
    }
  }
}
