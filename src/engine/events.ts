/** Event kinds of the engine's kernel queue (the `kind` word of each event). */
export const EV_KICK = 0;
export const EV_JOB_END = 1;
/** An interrupted resource with a free slot looks for work again when its meeting ends. */
export const EV_WAKE = 2;
export const EV_STATUS = 3;
export const EV_CHECKPOINT = 4;
export const EV_ESCALATION_DELAY = 5;
