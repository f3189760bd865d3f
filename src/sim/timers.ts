import type { EventHandler } from './eventQueue';

/**
 * Timers: events that an owner reschedules again and again, at most one pending per timer (an agent's next wake-up,
 * the end of its call). A timer's event is set, moved or cleared in place in a small indexed heap, so moving it leaves
 * no cancelled entry behind in the event queue and nothing to check when events are popped. Ordered like the event
 * queue by (time, sequence number), with sequence numbers from the same counter (Simulation merges the two), so a
 * model that moves its recurring events to timers runs the same events in the same order.
 */
export class Timers {
  private times: number[] = [];
  private seqs: number[] = [];
  private handlers: (EventHandler<unknown> | undefined)[] = [];
  private args: unknown[] = [];
  /** Timer ids in heap order, and each timer's place in it (-1 when not pending). */
  private heap: number[] = [];
  private place: number[] = [];
  private n = 0;

  /** Pending timers. */
  get size(): number {
    return this.n;
  }

  /** A new timer, not pending; returns its id. */
  create(): number {
    const id = this.place.length;
    this.place.push(-1);
    this.times.push(0);
    this.seqs.push(0);
    this.handlers.push(undefined);
    this.args.push(undefined);
    return id;
  }

  /** Whether timer `id` has an event pending. */
  pending(id: number): boolean {
    return this.place[id] >= 0;
  }

  /** Sets timer `id` to run `handler(arg)` at `time` with sequence number `seq`, replacing its pending event if any. */
  set(id: number, time: number, seq: number, handler: EventHandler<unknown>, arg: unknown): void {
    this.times[id] = time;
    this.seqs[id] = seq;
    this.handlers[id] = handler;
    this.args[id] = arg;
    let i = this.place[id];
    if (i < 0) {
      i = this.n++;
      this.heap[i] = id;
      this.place[id] = i;
    }
    // The new key is later than any earlier one of this timer only by sequence or time: it may move either way.
    this.up(i);
    this.down(this.place[id]);
  }

  /** Clears timer `id`'s pending event, if any. */
  clear(id: number): void {
    const i = this.place[id];
    if (i < 0) return;
    this.place[id] = -1;
    this.handlers[id] = undefined;
    this.args[id] = undefined;
    const last = this.heap[--this.n];
    if (i === this.n) return;
    this.heap[i] = last;
    this.place[last] = i;
    this.up(i);
    this.down(this.place[last]);
  }

  /** Time and sequence number of the earliest pending timer (call only when size > 0). */
  topTime(): number {
    return this.times[this.heap[0]];
  }
  topSeq(): number {
    return this.seqs[this.heap[0]];
  }

  /** Removes the earliest pending timer's event into the `popped*` fields (call only when size > 0). */
  poppedTime = 0;
  poppedSeq = 0;
  poppedHandler: EventHandler<unknown> | undefined = undefined;
  poppedArg: unknown = undefined;
  pop(): void {
    const id = this.heap[0];
    this.poppedTime = this.times[id];
    this.poppedSeq = this.seqs[id];
    this.poppedHandler = this.handlers[id];
    this.poppedArg = this.args[id];
    this.clear(id);
  }

  private before(a: number, b: number): boolean {
    const T = this.times;
    return T[a] < T[b] || (T[a] === T[b] && this.seqs[a] < this.seqs[b]);
  }

  private up(i: number): void {
    const H = this.heap, P = this.place;
    const id = H[i];
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(id, H[p])) break;
      H[i] = H[p];
      P[H[i]] = i;
      i = p;
    }
    H[i] = id;
    P[id] = i;
  }

  private down(i: number): void {
    const H = this.heap, P = this.place, n = this.n;
    const id = H[i];
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.before(H[c + 1], H[c])) c++;
      if (!this.before(H[c], id)) break;
      H[i] = H[c];
      P[H[i]] = i;
      i = c;
    }
    H[i] = id;
    P[id] = i;
  }
}
