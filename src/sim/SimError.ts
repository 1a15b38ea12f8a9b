/**
 * Error codes of the kernel: a bad distribution parameter, a run that tripped its event guard,
 * or an event time that left the finite range (a sum of times overflowed).
 */
export type SimErrorCode = 'E_PARAM' | 'E_GUARD' | 'E_RANGE';

/**
 * The kernel's one error class. It knows no scenario: the layers above add where the bad value
 * came from (`CoordsimError` wraps it with a file and a path).
 */
export class SimError extends Error {
  readonly code: SimErrorCode;
  /** Simulation time and events processed when a run was stopped (E_GUARD). */
  readonly time?: number;
  readonly events?: number;

  constructor(code: SimErrorCode, message: string, at: { time?: number; events?: number } = {}) {
    super(message);
    this.name = 'SimError';
    this.code = code;
    this.time = at.time;
    this.events = at.events;
  }
}
