import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { RunCalibration } from '../../src/sim/runCalibration';
import { ESTIMATED_EVENTS_PER_SECOND, estimatedSeconds, estimateLine, estimateScenario, recordComparison, refusal } from '../../src/ui/runEstimateView';

describe("the page's time estimate", () => {
  const small = loadScenario({ name: 'small', leads: { perDay: 20 }, agents: [{ name: 'Closer', count: 5 }] });
  const large = loadScenario({ name: 'large', leads: { perDay: 200 }, agents: [{ name: 'Closer', count: 50 }] });

  it('grows with the floor: ten times the leads and agents, about ten times the events and the time', () => {
    const c = new RunCalibration();
    const [a, b] = [estimateScenario('small', small, c), estimateScenario('large', large, c)];
    expect(b.events.events / a.events.events).toBeGreaterThan(9);
    expect(b.events.events / a.events.events).toBeLessThan(11);
    expect(estimatedSeconds([b], 4, 1, c) / estimatedSeconds([a], 4, 1, c)).toBeCloseTo(b.events.events / a.events.events, 9);
    // Before any run: the estimate's events at the default pace, shared by the workers.
    expect(estimatedSeconds([a, b], 4, 2, c)).toBeCloseTo((4 * (a.events.events + b.events.events)) / 2 / ESTIMATED_EVENTS_PER_SECOND, 9);
  });

  it('after a comparison, predicts the events it measured and takes the pace it measured', () => {
    const c = new RunCalibration();
    // Two families: the same floor at two sizes would share one.
    const other = loadScenario({ name: 'large', leads: { perDay: 200 }, agents: [{ name: 'Closer', count: 50 }], callbacks: 'single-call' });
    const before = [estimateScenario('small', small, c), estimateScenario('large', other, c)];
    // Measured: the small floor made 0.8 of its estimate, the large 0.6, 3 replications each, in 2 s on 2 workers.
    const measured = before.map((e, s) => Array.from({ length: 3 }, () => e.estimate.events * [0.8, 0.6][s]));
    recordComparison(before, measured, 2, 2, c);
    const after = [estimateScenario('small', small, c), estimateScenario('large', other, c)];
    expect(after.map((e) => e.events.basis)).toEqual(['family', 'family']);
    expect(after[0].events.events).toBeCloseTo(measured[0][0], 6);
    expect(after[1].events.events).toBeCloseTo(measured[1][0], 6);
    // The same comparison again takes the 2 s it took.
    expect(estimatedSeconds(after, 3, 2, c)).toBeCloseTo(2, 9);
  });

  it('keeps the pace of an unfinished comparison out, and its finished runs in', () => {
    const c = new RunCalibration();
    const e = [estimateScenario('small', small, c)];
    recordComparison(e, [[e[0].estimate.events / 2, undefined]], 1, 1, c);
    expect(c.eventsPerSecond()).toBeNull();
    expect(c.events(e[0].family, 100).events).toBeCloseTo(50, 9);
  });

  it('says the calls and events it guesses to 3 significant figures, the leads, agents and days as they are', () => {
    // Found in review: a floor of 14.3 leads a day (a lead stream's arrivals) read "about 34,963 calls, 60,461 events".
    const odd = loadScenario({ name: 'odd', leads: { perDay: 14.3 }, agents: [{ name: 'Closer', count: 10 }], days: 150, warmupDays: 75 });
    const line = estimateLine(estimateScenario('odd', odd, new RunCalibration()));
    const [, leads, calls, events] = /^odd: ([\d,]+) leads, 10 agents, \d+ days: about ([\d,]+) calls, ([\d,]+) events and \d+ MiB per replication\. $/.exec(line)!;
    expect(leads).toBe('2,145');
    // Each of 4 or more digits ends in zeros after its first three.
    for (const n of [calls, events].map((t) => t.replace(/,/g, ''))) expect(n.slice(3), line).toMatch(/^0*$/);
  });

  it('says them so in a refusal too', () => {
    const odd = loadScenario({ name: 'odd', leads: { perDay: 14.3 }, agents: [{ name: 'Closer', count: 10 }], days: 150, warmupDays: 75 });
    const said = refusal({ ...estimateScenario('odd', odd, new RunCalibration()), problems: ['too many'] });
    const [, calls, events] = /about ([\d,]+) calls, ([\d,]+) events/.exec(said)!;
    for (const n of [calls, events].map((t) => t.replace(/,/g, ''))) expect(n.slice(3), said).toMatch(/^0*$/);
  });
});
