import { describe, expect, it } from 'vitest';
import type { Lead } from '../../src/sim/lead';
import { loadScenario } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runScenario';

/*
 * Shares are shares: a metric whose unit is "share" lies in [0, 1] (src/sim/runResult.ts, METRICS). Minimal scenarios
 * of two bugs test/sim/randomScenarios.test.ts found: a call past the shift's end counted whole in the agent's
 * utilization (up to 9.3 on a one-minute shift), and a lead counted in agedOutShare each time it aged out (up to 10).
 */

describe('Share metrics', () => {
  // A one-minute shift every day and ten-minute calls: every call runs nine minutes past the shift's end.
  it('agent utilization counts only on-shift minutes, so it is at most 1 (a call past the shift end counts up to it)', () => {
    const resolved = loadScenario({
      days: 14, warmupDays: 0, cooldownDays: 0, replications: 1,
      leads: { perDay: 5 },
      agents: [{ name: 'A', shift: '06:00-06:01', days: 'Mon-Sun' }],
      calls: { noAnswerMinutes: 10, talkMinutes: { distribution: 'fixed', mean: 10 }, wrapUpMinutes: 0 },
    });
    const { runs } = runScenario(resolved, { seed: 1 });
    expect(runs[0].funnel.attempted).toBeGreaterThan(5);
    expect(runs[0].agents[0].utilization).toBeLessThanOrEqual(1);
    expect(runs[0].metrics.agentUtilization).toBeLessThanOrEqual(1);
  });

  // Every call takes exactly ten minutes, so the busy minutes follow from the calls' start times alone: a call counts up
  // to the window's end, and for an agent on shift every minute of the week nowhere else (its weekly shift interval
  // ends at Sunday midnight only to start again at once).
  it('counts a call of a 24/7 agent whole across Sunday midnight', () => {
    const days = 22;
    const resolved = loadScenario({
      days, warmupDays: 0, cooldownDays: 0, replications: 1,
      leads: { perDay: 400 },
      agents: [{ name: 'A', shift: '00:00-24:00', days: 'Mon-Sun', pipelineLimit: 10000, newLeadsPerDay: 1000 }],
      calls: { noAnswerMinutes: 10, talkMinutes: { distribution: 'fixed', mean: 10 }, wrapUpMinutes: 0 },
    });
    const end = days * 24 * 60;
    let busy = 0, acrossMidnight = 0;
    const { runs } = runScenario(resolved, {
      seed: 3,
      observer: {
        onCallStart: (_lead, _agent, now) => {
          busy += Math.min(now + 10, end) - now;
          if (Math.floor(now / 1440) !== Math.floor((now + 10) / 1440)) acrossMidnight++;
        },
      },
    });
    expect(acrossMidnight).toBeGreaterThan(days / 2);
    expect(runs[0].agents[0].utilization).toBeGreaterThan(0.9);
    expect(runs[0].agents[0].utilization * end).toBeCloseTo(busy, 6);
  });

  // No agent takes a new lead (a cap of 0), leads age out after an hour and all come back from the drip within hours.
  it('agedOutShare counts each lead once, however often it ages out', () => {
    const resolved = loadScenario({
      days: 10, warmupDays: 0, cooldownDays: 0, replications: 1,
      leads: { perDay: 20 },
      agents: [{ name: 'A', newLeadsPerDay: 0 }],
      nurture: { returnShare: 1, meanReturnDays: 0.2 },
      backlog: { maxWaitHours: 1 },
    });
    // With nobody taking leads, the only move from new to nurture is aging out unassigned.
    const agedOut = new Set<Lead>();
    const { runs } = runScenario(resolved, {
      seed: 1,
      observer: { onStatus: (lead, from, to) => void (lead.counted && from === 'new' && to === 'nurture' && agedOut.add(lead)) },
    });
    const r = runs[0];
    expect(agedOut.size).toBeGreaterThan(100);
    expect(r.metrics.agedOutShare).toBeLessThanOrEqual(1);
    expect(r.metrics.agedOutShare).toBeCloseTo(agedOut.size / r.metrics.leads, 12);
  });
});
