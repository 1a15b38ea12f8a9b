/** Job kinds: what occupies a resource slot. */
export const J_TASK = 0;
export const J_REMEDIATION = 1;
export const J_HANDOFF = 2;
export const J_REVIEW = 3;
export const J_ESCALATION = 4;

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
  /** Task rework: ordering gate (-1 for a first execution); remediation: blocking gate or -1; handoff: predecessor task; escalation: its handoff job. */
  aux = new Int32Array(0);
  /** Resource it runs on (-1: any agent with the task's skill, until started). */
  res = new Int32Array(0);
  /** Dispatch class: 0 coordination (FIFO), 1 work (priority, file order). */
  cls = new Int8Array(0);
  /** Minus the priority, so that smaller sorts first. */
  prio = new Float64Array(0);
  order = new Int32Array(0);
  /** Time the job occupies its slot, before any interruption: coord + work + held. */
  dur = new Float64Array(0);
  work = new Float64Array(0);
  coord = new Float64Array(0);
  held = new Float64Array(0);
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

  /** Adds a job and returns its id. */
  add(kind: number, node: number, aux: number, res: number, prio: number, order: number, coord: number, work: number, held: number, cls: number, now: number): number {
    if (this.count === this.kind.length) this.grow();
    const j = this.count++;
    this.kind[j] = kind;
    this.node[j] = node;
    this.aux[j] = aux;
    this.res[j] = res;
    this.prio[j] = prio;
    this.order[j] = order;
    this.coord[j] = coord;
    this.work[j] = work;
    this.held[j] = held;
    this.dur[j] = coord + work + held;
    this.cls[j] = cls;
    this.ready[j] = now;
    this.start[j] = NaN;
    this.end[j] = NaN;
    this.event[j] = -1;
    this.slot[j] = -1;
    this.pred[j] = -1;
    this.wait[j] = 0;
    this.list[j] = -1;
    return j;
  }

  /** Dispatch order: class, then priority (high first), then file order, then creation. */
  less(a: number, b: number): boolean {
    if (this.cls[a] !== this.cls[b]) return this.cls[a] < this.cls[b];
    if (this.prio[a] !== this.prio[b]) return this.prio[a] < this.prio[b];
    if (this.order[a] !== this.order[b]) return this.order[a] < this.order[b];
    return a < b;
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
