/** Job kinds: what occupies a resource slot. */
export const J_TASK = 0;
export const J_REMEDIATION = 1;
export const J_HANDOFF = 2;
export const J_REVIEW = 3;
export const J_ESCALATION = 4;

/** Dispatch key of coordination jobs: ahead of all work, first-in first-out among themselves. */
export const COORDINATION_KEY = -1;

/**
 * The jobs of one run in parallel typed arrays (a structure of arrays), indexed by job id.
 * Ids are handed out in creation order, so an id doubles as the FIFO sequence number.
 * Storage grows to the largest run seen and is reused: `clear` only resets the count.
 */
export class JobStore {
  count = 0;
  kind = new Int8Array(0);
  /** Task index (task, remediation, handoff/escalation: the successor) or gate index (review). */
  node = new Int32Array(0);
  /** Task: the gate that ordered this rework (-1 for a first execution); remediation: the gate it blocks (-1 when parallel). */
  gate = new Int32Array(0);
  /** Handoff: the predecessor task whose result it carries (written by the handoff mechanism). */
  fromTask = new Int32Array(0);
  /** Escalation effort: the handoff job it resolves (written by the escalation mechanism). */
  handoffJob = new Int32Array(0);
  /** Resource it runs on (-1: any agent with the task's skill, until started). */
  res = new Int32Array(0);
  /**
   * Dispatch key, smaller first: `COORDINATION_KEY` (-1) for coordination (FIFO among themselves, ahead of all
   * work), else the rank of the job's task in (priority high first, file order).
   */
  key = new Int32Array(0);
  /** Time the job occupies its slot, before any interruption: coord + work + held. */
  dur = new Float64Array(0);
  work = new Float64Array(0);
  coord = new Float64Array(0);
  held = new Float64Array(0);
  /** Fields below are written when the job reaches that stage (enqueue, start), not by `add`. */
  ready = new Float64Array(0);
  start = new Float64Array(0);
  end = new Float64Array(0);
  event = new Int32Array(0);
  slot = new Int32Array(0);
  /** The job whose end enabled this one's start (critical path), or -1. */
  pred = new Int32Array(0);
  /** Outstanding parts (escalation: delay and effort). */
  wait = new Int32Array(0);
  /** Index of the ready list holding the job, or -1. */
  list = new Int32Array(0);

  clear(): void {
    this.count = 0;
  }

  /**
   * Adds a job and returns its id. Only what is known now is written: `ready`, `start`,
   * `end`, `event`, `slot`, `list`, `wait`, `fromTask` and `handoffJob` are set by the stage
   * that first needs them.
   */
  add(kind: number, node: number, gate: number, res: number, key: number, coord: number, work: number, held: number, pred: number): number {
    if (this.count === this.kind.length) this.grow();
    const j = this.count++;
    this.kind[j] = kind;
    this.node[j] = node;
    this.gate[j] = gate;
    this.res[j] = res;
    this.key[j] = key;
    this.coord[j] = coord;
    this.work[j] = work;
    this.held[j] = held;
    this.dur[j] = coord + work + held;
    this.pred[j] = pred;
    return j;
  }

  /** Dispatch order: coordination first (FIFO), then work by task rank, then creation. */
  less(a: number, b: number): boolean {
    const ka = this.key[a];
    const kb = this.key[b];
    return ka < kb || (ka === kb && a < b);
  }

  private grow(): void {
    const n = Math.max(64, this.kind.length * 2);
    for (const key of Object.keys(this) as Array<keyof this>) {
      const a = this[key];
      if (ArrayBuffer.isView(a)) {
        const b = new (a.constructor as new (n: number) => typeof a)(n);
        (b as unknown as Float64Array).set(a as unknown as Float64Array);
        this[key] = b;
      }
    }
  }
}
