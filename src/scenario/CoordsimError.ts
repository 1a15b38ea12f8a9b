/**
 * Machine-readable error codes: bad input exits 2, simulation failures exit 1. `E_ARGUMENT`: a
 * library function was called with a bad argument (the message names the function and the
 * value). `E_RANGE`: a run's times left the finite range (a run failure, like `E_STALL`).
 */
export type CoordsimErrorCode =
  | 'E_PARSE'
  | 'E_SCHEMA'
  | 'E_REFERENCE'
  | 'E_CYCLE'
  | 'E_INFEASIBLE'
  | 'E_PARAM'
  | 'E_USAGE'
  | 'E_ARGUMENT'
  | 'E_STALL'
  | 'E_RANGE'
  | 'E_GUARD'
  | 'E_INVARIANT'
  /** The job queue of `--queue` / `coordsim worker`: Redis unreachable, a version mismatch, a failed job (exit 2). */
  | 'E_QUEUE';

/** Where in an input document an error was found. */
export interface ErrorContext {
  file?: string;
  /** JSON-pointer-like path inside the document, e.g. `/tasks/3/duration/pert`. */
  path?: string;
  line?: number;
  column?: number;
  /** Simulation time at which a run failed. */
  time?: number;
  events?: number;
}

/** The one error class of coordsim: a code, a message and where it happened. */
export class CoordsimError extends Error {
  readonly code: CoordsimErrorCode;
  readonly context: ErrorContext;

  constructor(code: CoordsimErrorCode, message: string, context: ErrorContext = {}) {
    super(CoordsimError.format(message, context));
    this.name = 'CoordsimError';
    this.code = code;
    this.context = context;
  }

  /** True for errors caused by the input (exit code 2) rather than by a run (exit code 1). */
  get isInputError(): boolean {
    return this.code !== 'E_STALL' && this.code !== 'E_GUARD' && this.code !== 'E_RANGE' && this.code !== 'E_INVARIANT';
  }

  private static format(message: string, c: ErrorContext): string {
    const where: string[] = [];
    if (c.file) where.push(c.file + (c.line !== undefined ? `:${c.line}${c.column !== undefined ? `:${c.column}` : ''}` : ''));
    if (c.path !== undefined) where.push(`at ${c.path === '' ? '/' : c.path}`);
    return where.length ? `${where.join(' ')}: ${message}` : message;
  }
}
