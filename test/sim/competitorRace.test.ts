import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import type { Lead } from '../../src/sim/lead';
import { runReplication } from '../../src/sim/runner';

/*
 * The race for an unreached consumer (docs/design.md, "The rendezvous"; src/sim/followUp.ts). Every lead here is
 * sold to one other buyer who reaches the consumer, on average half an hour after the form. When we reach the
 * consumer after them:
 * - a consumer who goes with the first caller (competitor.firstContactWins = 1) is lost at our first conversation,
 *   every time;
 * - one who does not (firstContactWins = 0) kept shopping: after an exponential think time (followUp.thinkHours)
 *   they are ready, and while they wait for us the other buyer closes them at followUp.competitorClosePerDay. So we
 *   lose them at our first conversation with P(ready within the delay g and closed before g) =
 *   (1 - e^(-g/think)) - (e^(-r g) - e^(-g/think)) / (1 - r think), r the close hazard per minute.
 * Before this, a consumer who did not go with the first caller was never closed by them before our first
 * conversation, however late it came: the competitors' clock only ran between our own follow-ups.
 */

const THINK_HOURS = 12;

function race(firstContactWins: number, competitorClosePerDay: number, replication: number) {
  const s = loadScenario({
    days: 60, warmupDays: 0, cooldownDays: 0, replications: 1,
    leads: {
      perDay: 40,
      arrivalProfile: 'web-forms',
      sources: [{ name: 'shared', share: 1, cost: 40, soldTo: [0, 1] }],
    },
    competitor: { meanResponseMinutes: 30, reachProbability: 1, firstContactWins },
    followUp: { thinkHours: THINK_HOURS, competitorClosePerDay },
  });
  const think = THINK_HOURS * 60, rate = competitorClosePerDay / 1440;
  const closedWithin = (g: number) => {
    const ready = 1 - Math.exp(-g / think);
    const waiting = Math.abs(1 - rate * think) < 1e-9 ? (g / think) * Math.exp(-g / think) : (Math.exp(-rate * g) - Math.exp(-g / think)) / (1 - rate * think);
    return ready - waiting;
  };
  // Each lead's first conversation: when, and the chance of losing it to the competitor then (NaN if we were first).
  const first = new Map<Lead, { at: number; p: number; lost: boolean; doNotCall: boolean }>();
  runReplication(s.config, s.policies, replication, {
    seed: 'race',
    observer: {
      onStatus(lead, from, to, now) {
        if (to === 'contacted' && (from === 'new' || from === 'attempted') && !first.has(lead)) {
          // A lead back from nurture is 'new' again, but its first conversation was the earlier one.
          first.set(lead, { at: now, p: lead.competitorAt < now ? closedWithin(now - lead.competitorAt) : NaN, lost: false, doNotCall: false });
        }
        const f = first.get(lead);
        if (to === 'lost' && f && f.at === now) {
          // A consumer who asks not to be called again on that first call is lost to the do-not-call list instead.
          if (lead.lostReason === 'competitor') f.lost = true;
          else if (lead.lostReason === 'do-not-call') f.doNotCall = true;
        }
      },
    },
  });
  let afterCompetitor = 0, expected = 0, variance = 0, lostAtFirst = 0;
  for (const f of first.values()) {
    if (f.doNotCall) continue;
    if (f.lost) lostAtFirst++;
    if (Number.isNaN(f.p)) continue;
    afterCompetitor++;
    expected += f.p;
    variance += f.p * (1 - f.p);
  }
  return { afterCompetitor, expected, sd: Math.sqrt(variance), lostAtFirst };
}

describe('the race for an unreached consumer', () => {
  it('loses every consumer a competitor reached first when they go with the first caller', () => {
    const r = race(1, 0.02, 0);
    expect(r.afterCompetitor).toBeGreaterThan(200);
    expect(r.lostAtFirst).toBe(r.afterCompetitor);
  });

  it('loses a consumer who kept shopping at the rate the competitor closes them while they wait for us', () => {
    for (const [closePerDay, replication] of [[0.2, 0], [1, 1], [0.9, 2]] as const) {
      const r = race(0, closePerDay, replication);
      expect(r.afterCompetitor).toBeGreaterThan(200);
      // The delays span minutes (a call during the shift) to days (a form on Saturday night), so the expectation is
      // well above zero; the count lies within 4 standard deviations of it (a sum of independent Bernoulli draws).
      expect(r.expected).toBeGreaterThan(10);
      expect(Math.abs(r.lostAtFirst - r.expected)).toBeLessThan(4 * r.sd);
    }
  });

  it('loses more of them the longer the competitor has had them', () => {
    const slow = race(0, 1, 3), none = race(0, 0, 3);
    expect(none.lostAtFirst).toBe(0);
    expect(slow.lostAtFirst).toBeGreaterThan(0);
  });
});
