import { DOUBLE_FIELD, doubleArray, objectArray } from './stableShapes';
import type { EventHandler } from './eventQueue';

/**
 * Timers: events that an owner reschedules again and again, at most one pending per timer (an agent's next wake-up,
 * the end of its call). A timer's event is set, moved or cleared in place in a small indexed heap, so moving it leaves
 * no cancelled entry behind in the event queue and nothing to check when events are popped. Ordered like the event
 * queue by (time, sequence number), with sequence numbers from the same counter (Simulation merges the two), so a
 * model that moves its recurring events to timers runs the same events in the same order.
 */
export class Timers {
  // The heap, by position: each entry's time, sequence number and timer id (keys kept in heap order, so that sifting
  // reads them without going through the ids).
  private times: number[] = doubleArray();
  private seqs: number[] = [];
  private ids: number[] = [];
  private n = 0;
  // By timer id: its place in the heap (-1 when not pending), handler and argument.
  private place: number[] = [];
  /**
   * The time of the entry {@link up} or {@link down} is placing, passed in this double field rather than as an
   * argument: a fraction passed to a function that is not inlined is boxed in a fresh heap number (issue 16).
   */
  private placing = DOUBLE_FIELD;
  private handlers: (EventHandler<unknown> | undefined)[] = objectArray();
  private args: unknown[] = objectArray();

  /** Pending timers. */
  get size(): number {
    return this.n;
  }

  /** A new timer, not pending; returns its id. */
  create(): number {
    const id = this.place.length;
    this.place.push(-1);
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
    this.handlers[id] = handler;
    this.args[id] = arg;
    const i = this.place[id];
    this.placing = time;
    if (i < 0) this.up(this.n++, seq, id);
    else {
      // The new key may be earlier or later than the old one.
      const T = this.times;
      if (time < T[i] || (time === T[i] && seq < this.seqs[i])) this.up(i, seq, id);
      else this.down(i, seq, id);
    }
  }

  /** Clears timer `id`'s pending event, if any. */
  clear(id: number): void {
    const i = this.place[id];
    if (i < 0) return;
    this.place[id] = -1;
    this.handlers[id] = undefined;
    this.args[id] = undefined;
    this.removeAt(i);
  }

  /** Time and sequence number of the earliest pending timer (call only when size > 0). */
  topTime(): number {
    return this.times[0];
  }
  topSeq(): number {
    return this.seqs[0];
  }

  /** Time, sequence number, handler and argument of the event removed by the last {@link pop}. */
  poppedTime = DOUBLE_FIELD;
  poppedSeq = 0;
  poppedHandler: EventHandler<unknown> | undefined = undefined;
  poppedArg: unknown = undefined;

  constructor() {
    // Times are doubles from the start (src/sim/stableShapes.ts).
    this.poppedTime = 0;
    this.placing = 0;
  }

  /** Removes the earliest pending timer's event into the `popped*` fields (call only when size > 0). */
  pop(): void {
    const id = this.ids[0];
    this.poppedTime = this.times[0];
    this.poppedSeq = this.seqs[0];
    this.poppedHandler = this.handlers[id];
    this.poppedArg = this.args[id];
    this.place[id] = -1;
    this.handlers[id] = undefined;
    this.args[id] = undefined;
    this.removeAt(0);
  }

  /** Removes the entry at heap position `i`, filling the hole with the last entry. */
  private removeAt(i: number): void {
    const last = --this.n;
    if (i === last) return;
    const T = this.times;
    const t = T[last], s = this.seqs[last], id = this.ids[last];
    this.placing = t;
    if (i > 0) {
      const p = (i - 1) >> 1;
      if (t < T[p] || (t === T[p] && s < this.seqs[p])) {
        this.up(i, s, id);
        return;
      }
    }
    this.down(i, s, id);
  }

  /** Places entry (time {@link placing}, s, id) at position `i` or above it. */
  private up(i: number, s: number, id: number): void {
    const t = this.placing;
    const T = this.times, S = this.seqs, I = this.ids, P = this.place;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (T[p] < t || (T[p] === t && S[p] < s)) break;
      T[i] = T[p];
      S[i] = S[p];
      I[i] = I[p];
      P[I[i]] = i;
      i = p;
    }
    T[i] = t;
    S[i] = s;
    I[i] = id;
    P[id] = i;
  }

  /** Places entry (time {@link placing}, s, id) at position `i` or below it. */
  private down(i: number, s: number, id: number): void {
    const t = this.placing;
    const T = this.times, S = this.seqs, I = this.ids, P = this.place, n = this.n;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n && (T[r] < T[c] || (T[r] === T[c] && S[r] < S[c]))) c = r;
      if (t < T[c] || (t === T[c] && s < S[c])) break;
      T[i] = T[c];
      S[i] = S[c];
      I[i] = I[c];
      P[I[i]] = i;
      i = c;
    }
    T[i] = t;
    S[i] = s;
    I[i] = id;
    P[id] = i;
  }
}
