/**
 * Cleanup on SIGINT, SIGTERM and SIGHUP: every registered cleanup runs (synchronously), then
 * the process exits with 128 + the signal's number (130, 143, 129), as a shell reports it.
 * Installed by main.ts before the rest of the CLI loads, so a signal at any moment is handled.
 */
const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
const cleanups = new Set<() => void>();
const slowCleanups = new Set<() => Promise<void>>();
let installed = false;
let exiting = false;
/** How long asynchronous cleanups (removing queued jobs from Redis) may take before the process exits anyway. */
export const ASYNC_CLEANUP_MS = 3000;

/** Installs the handlers (once per process). */
export function installInterruptCleanup(): void {
  if (installed) return;
  installed = true;
  for (const [name, n] of Object.entries(SIGNALS)) {
    process.on(name as NodeJS.Signals, () => {
      if (exiting) process.exit(128 + n); // a second signal: at once
      exiting = true;
      runCleanups();
      if (slowCleanups.size === 0) process.exit(128 + n);
      const slow = [...slowCleanups].map((c) => c().catch(() => undefined));
      setTimeout(() => process.exit(128 + n), ASYNC_CLEANUP_MS);
      void Promise.all(slow).then(() => process.exit(128 + n));
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

/**
 * Registers an asynchronous cleanup (a queue submitter removing its jobs, a worker closing):
 * on a signal it runs after the synchronous ones, for at most `ASYNC_CLEANUP_MS`; returns the
 * function that unregisters it.
 */
export function onInterruptAsync(cleanup: () => Promise<void>): () => void {
  slowCleanups.add(cleanup);
  return () => slowCleanups.delete(cleanup);
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
