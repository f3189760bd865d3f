/**
 * The page's estimate before "Run comparison": each scenario's events and memory from the pure `estimateRun` (the
 * CLI's src/cli/runSize.ts uses the same), corrected by the runs already done while the page is open
 * (src/sim/runCalibration.ts), a time from those events at the pace the page has measured, a refusal above the CLI's
 * limits with a "Run anyway" button, and a question before a run estimated to take long.
 */
import type { ResolvedScenario } from '../scenario/resolve';
import { workFamily } from '../scenario/workFamily';
import { criticalPathEvents, RunCalibration, type PredictedEvents } from '../sim/runCalibration';
import { describeEstimate, estimateRun, runSizeProblems, type RunEstimate } from '../sim/runEstimate';
import { el } from './dom';

/**
 * Estimated engine events (the estimate's count, not the engine's) a web worker gets through per second. Measured
 * on 2026-11-26 in Debian's Chromium on the 2-core development machine, one worker, each run timed from "Run
 * comparison" to "Done" (worker start-up and the summaries included): 12 replications of the page's 40-lead floor
 * (1.9 million estimated events) in 1.7 s, 1.1 million a second (3 million once the worker has started); 4 of that
 * floor at 10x the leads and agents (6.3 million) in 3.7 s, 1.7 million; 3 of data/scenarios/year-50-agents.json
 * (7.8 million) in 3.9 s, 2.0 million; 2 of two floors of 1,000 agents and 4,000 leads a day (38 million) in 33 s,
 * 1.2 million. A larger floor is slower per event: the figure is below the slowest, so a long run is not promised
 * sooner than it ends. The older 500,000 (a cold engine in Node, before the engine's later speed-ups) said "about
 * 30 s" of a comparison that took 5 s, and asked first. Rough: the time shown is "about", and a slower machine
 * takes longer. Used only until the page has run a comparison: from then on the pace it measured
 * ({@link sessionCalibration}).
 */
export const ESTIMATED_EVENTS_PER_SECOND = 1_000_000;

/** Runs estimated to take longer than this (seconds) ask before they start. */
export const CONFIRM_SECONDS = 20;

/** The runs done while the page is open: what they measured corrects the estimate of the next (src/sim/runCalibration.ts). */
export const sessionCalibration = new RunCalibration();

export interface ScenarioEstimate {
  name: string;
  /** The estimate from the scenario alone (`estimateRun`): what the limits are checked against. */
  estimate: RunEstimate;
  /** The scenario's family (src/scenario/workFamily.ts), under which its runs are recorded. */
  family: string;
  /** The events of one replication, corrected by the runs done in this session. */
  events: PredictedEvents;
  /** What is above the CLI's limits (empty when the run fits). */
  problems: string[];
}

export function estimateScenario(name: string, resolved: ResolvedScenario, calibration: RunCalibration = sessionCalibration): ScenarioEstimate {
  const s = resolved.callbackSchedule.statuses;
  const estimate = estimateRun(resolved.config, { attempted: s.attempted.maxAttempts, contacted: s.contacted.maxAttempts, application: s.application.maxAttempts, closing: s.closing.maxAttempts });
  const family = workFamily(resolved.scenario);
  return { name, estimate, family, events: calibration.events(family, estimate.events), problems: runSizeProblems(estimate) };
}

/**
 * Seconds the whole comparison takes: the replications shared by the workers, never less than the longest one, at the
 * pace measured in this session or, before any run, {@link ESTIMATED_EVENTS_PER_SECOND}.
 */
export function estimatedSeconds(estimates: readonly ScenarioEstimate[], replications: number, workers: number, calibration: RunCalibration = sessionCalibration): number {
  const runs = estimates.flatMap((e) => Array.from({ length: replications }, () => e.events.events));
  return criticalPathEvents(runs, workers) / (calibration.eventsPerSecond() ?? ESTIMATED_EVENTS_PER_SECOND);
}

/**
 * Records a finished comparison in the calibration: each replication's measured events against its scenario's
 * estimate, and the pace, when every run finished (`seconds` of wall time from the start of the runs to the last).
 */
export function recordComparison(
  estimates: readonly ScenarioEstimate[],
  runEvents: readonly (readonly (number | undefined)[])[],
  seconds: number,
  workers: number,
  calibration: RunCalibration = sessionCalibration,
): void {
  const done: number[] = [];
  estimates.forEach((e, s) => {
    for (const events of runEvents[s]) {
      if (events === undefined) continue;
      calibration.recordRun(e.family, e.estimate.events, events);
      done.push(events);
    }
  });
  if (runEvents.every((r) => r.every((e) => e !== undefined))) calibration.recordPace(criticalPathEvents(done, workers), seconds);
}

/** Where the events come from, in the page's words. */
const BASIS: Record<PredictedEvents['basis'], string> = {
  family: 'events scaled from earlier runs of the same floor on this page',
  session: "events corrected by this page's earlier runs of other floors",
  estimate: 'events estimated from the scenario',
};

/** "under a second", "about 12 s", "about 3 min 20 s", "about 2 h 5 min". */
export function formatSeconds(s: number): string {
  if (s < 1) return 'under a second';
  if (s < 60) return `about ${Math.round(s)} s`;
  if (s < 3600) return `about ${Math.floor(s / 60)} min${Math.round(s % 60) ? ` ${Math.round(s % 60)} s` : ''}`;
  return `about ${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}

/** The CLI's refusal (src/cli/runSize.ts), with the page's button in place of --force. */
export function refusal(e: ScenarioEstimate): string {
  return `"${e.name}": estimated ${describeEstimate(rough(e.estimate))}; ${e.problems.join(', ')}. Reduce the leads, agents or days, or press "Run anyway" to run it anyway`;
}

/**
 * An estimate with its calls and events (the guesses of it) to 3 significant figures, as "about" says them: "about
 * 35,000 calls", not "about 34,963 calls" (a floor of 14.3 leads a day, or events corrected by this page's runs).
 * Its leads, agents and days are the scenario's own.
 */
function rough(e: RunEstimate): RunEstimate {
  const three = (x: number) => (x >= 1000 ? Number(x.toPrecision(3)) : x);
  return { ...e, calls: three(e.calls), events: three(e.events) };
}

/** One scenario's line of the estimate: "Floor: 6,000 leads, 10 agents, 210 days: about 97,800 calls, ...". */
export function estimateLine(e: ScenarioEstimate): string {
  return `${e.name}: ${describeEstimate(rough({ ...e.estimate, events: e.events.events }))}. `;
}

/** Settles the question on screen, if any, when a new one replaces it. */
let pending: ((go: boolean) => void) | undefined;

/**
 * Shows the estimate in `box` and resolves true when the run may start: at once for a run that fits and is quick; after
 * "Run anyway" above the limits, or after "Start the long run" above {@link CONFIRM_SECONDS}; false on "Don't run".
 */
export function confirmRunSize(box: HTMLElement, estimates: readonly ScenarioEstimate[], replications: number, workers: number): Promise<boolean> {
  pending?.(false);
  pending = undefined;
  const seconds = estimatedSeconds(estimates, replications, workers);
  const over = estimates.filter((e) => e.problems.length > 0);
  const summary = el(
    'p',
    {},
    `Estimate: ${formatSeconds(seconds)} for ${replications} replication${replications === 1 ? '' : 's'} of ${estimates.length} scenario${estimates.length === 1 ? '' : 's'} on ${workers} worker${workers === 1 ? '' : 's'}. `,
    ...estimates.map(estimateLine),
  );
  // Where the events and the pace come from, on hover: a line more would push the answer below off the first screen.
  summary.title = estimates.map((e) => `${e.name}: ${BASIS[e.events.basis]}`).join('; ') + `; ${sessionCalibration.eventsPerSecond() === null ? `time at ${ESTIMATED_EVENTS_PER_SECOND.toLocaleString('en-US')} events a second` : "time at the pace of this page's earlier runs"}.`;
  if (over.length === 0 && seconds <= CONFIRM_SECONDS) {
    box.replaceChildren(summary);
    return Promise.resolve(true);
  }
  const go = el('button', { className: 'primary' }, over.length > 0 ? 'Run anyway' : 'Start the long run');
  const stop = el('button', {}, "Don't run");
  go.type = stop.type = 'button';
  const question = over.length > 0 ? over.map((e) => el('p', { className: 'bad' }, `${refusal(e)}.`)) : [el('p', {}, `This run may take ${formatSeconds(seconds)}. Start it?`)];
  box.replaceChildren(summary, ...question, el('p', {}, go, ' ', stop));
  go.focus();
  return new Promise((resolve) => {
    const settle = (answer: boolean) => {
      if (pending !== settle) return;
      pending = undefined;
      box.replaceChildren(summary);
      resolve(answer);
    };
    pending = settle;
    go.addEventListener('click', () => settle(true));
    stop.addEventListener('click', () => settle(false));
  });
}
