/**
 * A binary min-heap of events ordered by (time, insertion sequence), so events at the same time run in the
 * order they were scheduled. Stored as parallel arrays (no object per event) because the engine's speed is
 * bounded by this structure; the layout follows the bare-heap reference simulation that bench/run.mjs compares it with.
 */
import { DOUBLE_FIELD, doubleArray, objectArray } from './stableShapes';

export type EventHandler<A> = (arg: A) => void;

export class EventQueue<A = unknown> {
  private times: number[] = doubleArray();
  private seqs: number[] = [];
  private handlers: (EventHandler<A> | undefined)[] = objectArray();
  private args: (A | undefined)[] = objectArray();
  private n = 0;
  private nextSeq = 0;

  /** Time, sequence, handler and argument of the event removed by the last successful {@link pop}. */
  poppedTime = DOUBLE_FIELD;
  poppedSeq = 0;
  poppedHandler: EventHandler<A> | undefined = undefined;
  poppedArg: A | undefined = undefined;

  constructor() {
    // Times are doubles from the start (src/sim/stableShapes.ts).
    this.poppedTime = 0;
  }

  get size(): number {
    return this.n;
  }

  /** Inserts an event and returns its sequence number, which identifies it for cancellation. */
  push(time: number, handler: EventHandler<A>, arg: A): number {
    const seq = this.nextSeq++;
    const T = this.times, S = this.seqs, H = this.handlers, G = this.args;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (T[p] < time || (T[p] === time && S[p] < seq)) break;
      T[i] = T[p]; S[i] = S[p]; H[i] = H[p]; G[i] = G[p];
      i = p;
    }
    T[i] = time; S[i] = seq; H[i] = handler; G[i] = arg;
    return seq;
  }

  /** Takes the next sequence number without queueing an event (for events kept elsewhere in the same order: Timers). */
  takeSeq(): number {
    return this.nextSeq++;
  }

  /** Sequence number of the earliest event (call only when the queue is not empty). */
  peekSeq(): number {
    return this.seqs[0];
  }

  /** Time of the earliest event, or Infinity when the queue is empty. */
  peekTime(): number {
    return this.n > 0 ? this.times[0] : Infinity;
  }

  /**
   * Time of the earliest event (call only when the queue is not empty). The event loop uses this, not peekTime: the
   * queue is never empty in a run, so peekTime's `Infinity` is never read there, and code compiled without feedback
   * for it loads the global generically and boxes every fractional time in a fresh heap number to merge the two.
   */
  topTime(): number {
    return this.times[0];
  }

  /** Removes the earliest event into the `popped*` fields; returns false when the queue is empty. */
  pop(): boolean {
    if (this.n === 0) return false;
    const T = this.times, S = this.seqs, H = this.handlers, G = this.args;
    this.poppedTime = T[0]; this.poppedSeq = S[0]; this.poppedHandler = H[0]; this.poppedArg = G[0];
    const n = --this.n;
    if (n > 0) {
      const lt = T[n], ls = S[n], lh = H[n], lg = G[n];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        const r = c + 1;
        if (r < n && (T[r] < T[c] || (T[r] === T[c] && S[r] < S[c]))) c = r;
        if (lt < T[c] || (lt === T[c] && ls < S[c])) break;
        T[i] = T[c]; S[i] = S[c]; H[i] = H[c]; G[i] = G[c];
        i = c;
      }
      T[i] = lt; S[i] = ls; H[i] = lh; G[i] = lg;
    }
    // Release references so finished events can be collected.
    H[n] = undefined; G[n] = undefined;
    return true;
  }
}
