import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { workFamily } from '../../src/scenario/workFamily';
import { criticalPathEvents, RunCalibration } from '../../src/sim/runCalibration';
import { estimateRun } from '../../src/sim/runEstimate';
import { runReplication } from '../../src/sim/runner';
import { mulberry32 } from '../helpers/random';

/*
 * The estimate of a run's work against the work the engine measures: the events it counts, on floors of different
 * sizes drawn at random (seeded mulberry32, not the simulator's streams). Timings are not checked here (they belong in
 * `npm run bench`): the time the page shows is these events over a pace it measures.
 */

type Rand = () => number;
const caps = (r: ReturnType<typeof loadScenario>) => {
  const s = r.callbackSchedule.statuses;
  return { attempted: s.attempted.maxAttempts, contacted: s.contacted.maxAttempts, application: s.application.maxAttempts, closing: s.closing.maxAttempts };
};

/** A floor's family: cadence, shift, caps and strategy (what sets the events per lead). */
function family(u: Rand) {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(u() * xs.length)];
  return {
    callbacks: pick(['radar', 'single-call', 'fixed-retries']),
    shift: pick(['08:00-17:00', '10:00-19:00', '12:00-21:00']),
    days: pick(['Mon-Fri', 'Mon-Sat']),
    pipelineLimit: pick([50, 150, 400]),
    newLeadsPerDay: pick([4, 7, 15]),
    distribution: pick(['round-robin', 'hunt-group']),
  };
}

/** A floor of `f` at a size: agents, leads a day per agent, days. */
function floor(f: ReturnType<typeof family>, agents: number, leadsPerAgent: number, days: number) {
  return loadScenario({
    days,
    warmupDays: Math.floor(days / 3),
    cooldownDays: 30,
    leads: { perDay: Math.max(1, Math.round(agents * leadsPerAgent)) },
    agents: [{ name: 'Closer', count: agents, shift: f.shift, days: f.days, pipelineLimit: f.pipelineLimit, newLeadsPerDay: f.newLeadsPerDay }],
    callbacks: f.callbacks,
    distribution: { strategy: f.distribution, options: {} },
  });
}

/** A size drawn log-uniformly: 2 to 100 agents, 1 to 12 leads a day each, 30 to 60 days. */
function size(u: Rand): [number, number, number] {
  return [Math.round(Math.exp(Math.log(2) + u() * Math.log(50))), 1 + 11 * u(), 30 + Math.floor(31 * u())];
}

const measured = (r: ReturnType<typeof loadScenario>) => runReplication(r.config, r.policies, 0, { seed: 1 }).events;

describe("the estimate of a run's events", () => {
  it('is within a factor of 2 of the events the engine counts, on random floors of 2 to 100 agents', () => {
    const u = mulberry32(20261126);
    for (let i = 0; i < 24; i++) {
      const r = floor(family(u), ...size(u));
      const ratio = estimateRun(r.config, caps(r)).events / measured(r);
      expect(ratio, `floor ${i}: ${r.config.agents.length} agents`).toBeGreaterThan(0.5);
      expect(ratio, `floor ${i}: ${r.config.agents.length} agents`).toBeLessThan(2);
    }
  });

  it('once a floor has run, predicts the same floor at another size closer than the estimate alone does, and within 50%', () => {
    const u = mulberry32(7);
    const calibrated: number[] = [], alone: number[] = [];
    for (let i = 0; i < 20; i++) {
      const f = family(u);
      const calibration = new RunCalibration();
      const first = floor(f, ...size(u));
      calibration.recordRun(workFamily(first.scenario), estimateRun(first.config, caps(first)).events, measured(first));
      const next = floor(f, ...size(u));
      expect(workFamily(next.scenario)).toBe(workFamily(first.scenario));
      const estimate = estimateRun(next.config, caps(next)).events;
      const predicted = calibration.events(workFamily(next.scenario), estimate);
      expect(predicted.basis).toBe('family');
      const actual = measured(next);
      calibrated.push(Math.abs(Math.log(predicted.events / actual)));
      alone.push(Math.abs(Math.log(estimate / actual)));
      // The events per lead of a floor move with its load (how far its caps cut the leads worked), which the
      // estimate follows only roughly: a floor run at another load is predicted within half, not exactly.
      expect(predicted.events / actual, `family ${i} ${JSON.stringify(f)}`).toBeGreaterThan(1 / 1.5);
      expect(predicted.events / actual, `family ${i} ${JSON.stringify(f)}`).toBeLessThan(1.5);
    }
    const meanOf = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
    // Measured at this seed: 12% off on average (36% at most) against 24% (68% at most) for the estimate alone; 46% at most
    // once paced caps began to hold slots for fresh leads (a capped hunt group at another load).
    expect(meanOf(calibrated)).toBeLessThan(0.6 * meanOf(alone));
  });
});

describe('RunCalibration', () => {
  it('scales a family by the geometric mean of its measured-over-estimated ratios, and others by the mean over families', () => {
    const c = new RunCalibration();
    expect(c.events('a', 1000)).toEqual({ events: 1000, basis: 'estimate' });
    c.recordRun('a', 100, 200);
    c.recordRun('a', 100, 50);
    // Ratios 2 and 1/2: geometric mean 1.
    expect(c.events('a', 1000).events).toBeCloseTo(1000, 9);
    c.recordRun('b', 10, 40);
    expect(c.events('b', 1000)).toEqual({ events: 4000, basis: 'family' });
    // Families a (1) and b (4) count once each, however many runs: sqrt(1 x 4) = 2.
    const other = c.events('c', 1000);
    expect(other.basis).toBe('session');
    expect(other.events).toBeCloseTo(2000, 9);
  });

  it('measures the pace as events on the critical path over seconds, summed over comparisons', () => {
    const c = new RunCalibration();
    expect(c.eventsPerSecond()).toBeNull();
    c.recordPace(3e6, 2);
    c.recordPace(1e6, 2);
    expect(c.eventsPerSecond()).toBe(1e6);
  });

  it('puts on the critical path the events per worker, never fewer than the longest run', () => {
    expect(criticalPathEvents([10, 10, 10, 10], 2)).toBe(20);
    expect(criticalPathEvents([100, 1, 1], 3)).toBe(100);
    expect(criticalPathEvents([6, 6], 4)).toBe(6);
    expect(criticalPathEvents([], 2)).toBe(0);
  });
});

describe('the family of a scenario', () => {
  it('leaves out the size and what does not change the work, and keeps the cadence', () => {
    const base = { name: 'a', seed: 3, days: 90, leads: { perDay: 40 }, agents: [{ name: 'Closer', count: 5 }], callbacks: 'radar' };
    const family = (s: object) => workFamily(loadScenario(s).scenario);
    expect(family({ ...base, name: 'b', seed: 4, replications: 30, days: 200, warmupDays: 20, cooldownDays: 10, leads: { perDay: 400 }, agents: [{ name: 'Other', count: 50 }] })).toBe(family(base));
    expect(family({ ...base, callbacks: 'single-call' })).not.toBe(family(base));
    expect(family({ ...base, agents: [{ name: 'Closer', count: 5, pipelineLimit: 20 }] })).not.toBe(family(base));
  });
});
