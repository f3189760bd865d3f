import { doubleArray, objectArray } from './stableShapes';
import { PairHeap } from './pairHeap';

/**
 * An agent's scheduled callbacks: one heap per priority level, each by due time, then by lead id. The agent calls
 * the most urgent callback that is due (the lowest priority value with one due, and of that level the earliest due),
 * which is the due head of the first level that has one: each callback is pushed and popped once, and no second
 * queue of callbacks already due is kept. Priorities are few (one per status of a cadence,
 * src/strategies/callbackPresets.ts, with the offsets of src/strategies/callbackSchedule.ts and
 * src/sim/leadWorkflow.ts), so the levels are a short list in priority order, searched from the front.
 */
export class CallbackQueue<T> {
  /** The priority values seen so far, ascending. */
  private readonly priorities: number[] = doubleArray();
  /** The heap of each priority value, in the same order. Levels emptied stay: few priorities ever appear. */
  readonly levels: PairHeap<T>[] = objectArray();

  /**
   * The heap of callbacks of this priority, by due time then lead id (PairHeap keys k1, k2). Callers push onto it
   * directly: a push small enough to be inlined keeps the fractional due time from being boxed (issue 16).
   */
  level(priority: number): PairHeap<T> {
    const P = this.priorities;
    for (let i = 0; i < P.length; i++) if (P[i] === priority) return this.levels[i];
    return this.addLevel(priority);
  }

  private addLevel(priority: number): PairHeap<T> {
    const P = this.priorities;
    let i = 0;
    while (i < P.length && P[i] < priority) i++;
    const heap = new PairHeap<T>();
    P.splice(i, 0, priority);
    this.levels.splice(i, 0, heap);
    return heap;
  }

  /** The earliest due time of any callback (Infinity when none), counting entries superseded since. */
  nextDue(): number {
    const L = this.levels;
    let t = Infinity;
    for (let i = 0; i < L.length; i++) t = Math.min(t, L[i].peekK1());
    return t;
  }
}
