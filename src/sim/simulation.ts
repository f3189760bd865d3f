import { EventQueue, type EventHandler } from './eventQueue';

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
  now = 0;
  /** Number of events executed so far (cancelled events are not counted). */
  eventsRun = 0;
  private queue = new EventQueue<unknown>();
  // Cancellation marks an event by its sequence number; the mark is checked when the event reaches the top
  // of the heap, so cancelling costs O(1) and never searches the heap.
  private cancelled = new Set<number>();
  private stopped = false;

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

  /** Number of events waiting, including cancelled ones not yet discarded. */
  get pending(): number {
    return this.queue.size;
  }

  /** Time of the next event, or Infinity. */
  peek(): number {
    return this.queue.peekTime();
  }

  /** Runs the next event that is not cancelled. Returns false when there is none. */
  step(): boolean {
    const q = this.queue;
    const cancelled = this.cancelled;
    while (q.pop()) {
      if (cancelled.size > 0 && cancelled.delete(q.poppedSeq)) continue;
      this.now = q.poppedTime;
      this.eventsRun++;
      q.poppedHandler!(q.poppedArg);
      return true;
    }
    return false;
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
    const q = this.queue;
    const cancelled = this.cancelled;
    this.stopped = false;
    while (!this.stopped && q.size > 0 && q.peekTime() <= until) {
      q.pop();
      if (cancelled.size > 0 && cancelled.delete(q.poppedSeq)) continue;
      this.now = q.poppedTime;
      this.eventsRun++;
      q.poppedHandler!(q.poppedArg);
    }
    if (until !== Infinity && !this.stopped && this.now < until) this.now = until;
  }
}
