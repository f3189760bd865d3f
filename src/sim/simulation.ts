import { DOUBLE_FIELD } from './stableShapes';
import { EventQueue, type EventHandler } from './eventQueue';
import { Timers } from './timers';

/**
 * The discrete-event engine: a clock in simulated minutes and a queue of events. It knows nothing about
 * leads; models schedule plain functions on it.
 *
 * @example
 * const sim = new Simulation();
 * sim.schedule(5, () => console.log(sim.now)); // prints 5
 * sim.run();
 */
export class Simulation {
  /** Current simulated time in minutes since the start of the run. */
  now = DOUBLE_FIELD;
  /** Number of events executed so far (cancelled events are not counted). */
  eventsRun = 0;
  private queue = new EventQueue<unknown>();
  // Cancellation marks an event by its sequence number; the mark is checked when the event reaches the top
  // of the heap, so cancelling costs O(1) and never searches the heap.
  private cancelled = new Set<number>();
  private stopped = false;
  /** Events kept as timers (see {@link createTimer}), merged with the queue's in (time, sequence) order. */
  private readonly timers = new Timers();

  constructor() {
    // The clock is a double field from the start (src/sim/stableShapes.ts): it soon holds fractions of minutes.
    this.now = 0;
  }

  /** Schedules `handler(arg)` to run `delay` minutes from now and returns a handle for {@link cancel}. */
  schedule<A>(delay: number, handler: EventHandler<A>, arg?: A): number {
    if (!(delay >= 0)) throw new RangeError(`Simulation.schedule: delay must be >= 0, got ${delay}`);
    return this.queue.push(this.now + delay, handler as EventHandler<unknown>, arg);
  }

  /** Schedules `handler(arg)` at absolute time `time` (not before now). */
  scheduleAt<A>(time: number, handler: EventHandler<A>, arg?: A): number {
    if (!(time >= this.now)) throw new RangeError(`Simulation.scheduleAt: time ${time} is before now (${this.now})`);
    return this.queue.push(time, handler as EventHandler<unknown>, arg);
  }

  /** Marks a scheduled event so that it never fires. Cancelling an event that already ran has no effect. */
  cancel(handle: number): void {
    this.cancelled.add(handle);
  }

  /**
   * A timer: an event that its owner sets, moves and clears again and again, with at most one pending at a time (an
   * agent's next wake-up). Moving it costs no cancelled entry in the queue. Returns the timer's id.
   */
  createTimer(): number {
    return this.timers.create();
  }

  /**
   * Sets timer `id` to run `handler(arg)` at absolute time `time` (not before now), replacing its pending event if any.
   * It runs where an event scheduled now with {@link scheduleAt} would, in (time, sequence) order.
   */
  setTimer<A>(id: number, time: number, handler: EventHandler<A>, arg: A): void {
    if (!(time >= this.now)) throw new RangeError(`Simulation.setTimer: time ${time} is before now (${this.now})`);
    this.timers.set(id, time, this.queue.takeSeq(), handler as EventHandler<unknown>, arg);
  }

  /** Clears timer `id`'s pending event, if any. */
  clearTimer(id: number): void {
    this.timers.clear(id);
  }

  /** Whether timer `id` has an event pending. */
  timerPending(id: number): boolean {
    return this.timers.pending(id);
  }

  /** Number of events waiting, including cancelled ones not yet discarded. */
  get pending(): number {
    return this.queue.size + this.timers.size;
  }

  /** Time of the next event, or Infinity. */
  peek(): number {
    return this.timers.size > 0 ? Math.min(this.timers.topTime(), this.queue.peekTime()) : this.queue.peekTime();
  }

  /** Whether the next event is a timer's (call only when some timer is pending). */
  private timerFirst(): boolean {
    const q = this.queue, timers = this.timers;
    if (q.size === 0) return true;
    const tt = timers.topTime(), qt = q.topTime();
    return tt < qt || (tt === qt && timers.topSeq() < q.peekSeq());
  }

  /** Runs the next event that is not cancelled. Returns false when there is none. */
  step(): boolean {
    const q = this.queue, timers = this.timers;
    const cancelled = this.cancelled;
    for (;;) {
      if (timers.size > 0 && this.timerFirst()) {
        timers.pop();
        this.now = timers.poppedTime;
        this.eventsRun++;
        timers.poppedHandler!(timers.poppedArg);
        return true;
      }
      if (!q.pop()) return false;
      if (cancelled.size > 0 && cancelled.delete(q.poppedSeq)) continue;
      this.now = q.poppedTime;
      this.eventsRun++;
      q.poppedHandler!(q.poppedArg);
      return true;
    }
  }

  /** Stops {@link run} after the current event. */
  stop(): void {
    this.stopped = true;
  }

  /**
   * Runs events in (time, sequence) order until the queue is empty, {@link stop} is called, or the next event
   * is later than `until` (the clock is then advanced to `until`).
   */
  run(options: { until?: number } = {}): void {
    const until = options.until ?? Infinity;
    this.stopped = false;
    this.loop(until);
    if (until !== Infinity && !this.stopped && this.now < until) this.now = until;
  }

  /**
   * The event loop of {@link run}, in a function of its own that ends with a bare return: the loop runs long enough to
   * be compiled while it runs, before the code after it has ever run, and compiled code that then meets that code is
   * thrown away, once in each run of a sweep (issue 16).
   */
  private loop(until: number): void {
    const q = this.queue, timers = this.timers;
    const cancelled = this.cancelled;
    while (!this.stopped) {
      if (timers.size > 0 && this.timerFirst()) {
        if (timers.topTime() > until) break;
        timers.pop();
        this.now = timers.poppedTime;
        this.eventsRun++;
        timers.poppedHandler!(timers.poppedArg);
        continue;
      }
      if (q.size === 0 || q.topTime() > until) break;
      q.pop();
      if (cancelled.size > 0 && cancelled.delete(q.poppedSeq)) continue;
      this.now = q.poppedTime;
      this.eventsRun++;
      q.poppedHandler!(q.poppedArg);
    }
  }
}
