/**
 * The estimate of a run's work and time, corrected by the runs already done in this session (the page keeps one
 * calibration while it is open). `estimateRun` (src/sim/runEstimate.ts) predicts a run's engine events from its leads,
 * calls and agent-days in a few arithmetic steps; its events per lead come from the cadence's attempt caps, and on
 * floors of 2 to 200 agents it is within a factor of 2 of the events the engine counts
 * (test/sim/runCalibration.test.ts). A run already done measures both what the estimate missed and how fast this
 * machine gets through events:
 *
 * - events: the next run of a scenario of the same family (the same scenario but for its size: leads a day, agents
 *   per group, days, seed and replications) is predicted as its own estimate times the measured-over-estimated ratio
 *   of the family's earlier runs (their geometric mean), so that the work scales with leads, agents and days as the
 *   estimate does while the cadence's and the floor's real events per lead come from the measurement; a scenario of
 *   a family not run yet takes the geometric mean of every family's ratio, and without runs the estimate alone.
 * - pace: events on the critical path (the larger of the events per worker and the longest run) per second of the
 *   runs' wall time, summed over the comparisons done; without one, the caller's default.
 *
 * Pure: no DOM and no clock; the caller measures the seconds.
 */

/** Where a predicted event count comes from. */
export type EventsBasis =
  /** Earlier runs of the same scenario family in this session. */
  | 'family'
  /** Earlier runs of other scenarios in this session. */
  | 'session'
  /** The estimate alone: nothing has run yet. */
  | 'estimate';

export interface PredictedEvents {
  events: number;
  basis: EventsBasis;
}

export class RunCalibration {
  /** log(measured / estimated events) of each run, by family. */
  private readonly logRatios = new Map<string, number[]>();
  private criticalEvents = 0;
  private seconds = 0;

  /** Records one finished replication: its family, the estimate made before it ran, and the events the engine counted. */
  recordRun(family: string, estimatedEvents: number, measuredEvents: number): void {
    if (!(estimatedEvents > 0) || !(measuredEvents > 0)) return;
    const ratios = this.logRatios.get(family) ?? [];
    ratios.push(Math.log(measuredEvents / estimatedEvents));
    this.logRatios.set(family, ratios);
  }

  /**
   * Records the pace of a finished comparison: `events`, the measured events on its critical path (the larger of the
   * total over the workers used and the longest run, as {@link criticalPathEvents} computes), took `seconds` of wall time.
   */
  recordPace(events: number, seconds: number): void {
    if (!(events > 0) || !(seconds > 0)) return;
    this.criticalEvents += events;
    this.seconds += seconds;
  }

  /** The events of a run of `family` whose estimate is `estimatedEvents`, corrected by the runs recorded. */
  events(family: string, estimatedEvents: number): PredictedEvents {
    const own = this.logRatios.get(family);
    if (own) return { events: estimatedEvents * Math.exp(mean(own)), basis: 'family' };
    if (this.logRatios.size === 0) return { events: estimatedEvents, basis: 'estimate' };
    // Each family counts once, however many replications it ran.
    const families = [...this.logRatios.values()].map(mean);
    return { events: estimatedEvents * Math.exp(mean(families)), basis: 'session' };
  }

  /** Events per second measured on this session's comparisons; null before the first. */
  eventsPerSecond(): number | null {
    return this.seconds > 0 ? this.criticalEvents / this.seconds : null;
  }
}

/** Events on the critical path of runs shared by `workers`: the total per worker, never less than the longest run. */
export function criticalPathEvents(runEvents: readonly number[], workers: number): number {
  let total = 0, longest = 0;
  for (const e of runEvents) {
    total += e;
    longest = Math.max(longest, e);
  }
  return Math.max(total / Math.max(1, Math.min(workers, runEvents.length)), longest);
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, x) => a + x, 0) / xs.length;
}
