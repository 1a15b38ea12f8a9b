/** Event kinds of the engine's kernel queue (the `kind` word of each event). */
export const EV_KICK = 0;
export const EV_JOB_END = 1;
/** An interrupted resource with a free slot looks for work again when its meeting ends. */
export const EV_WAKE = 2;
export const EV_STATUS = 3;
export const EV_CHECKPOINT = 4;
export const EV_ESCALATION_DELAY = 5;
/** A start-side link (SS, FF, SF, or FS with a lead) releases its successor (data: the edge). */
export const EV_LINK = 6;
/** A finish-to-start lag has run out: the result is handed over (data: the edge). */
export const EV_LAG = 7;
/** A task's not-before date has come (data: the task). */
export const EV_NOT_BEFORE = 8;
