import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/sim/calendar';
import type { LeadStatus } from '../../src/sim/lead';
import type { LeadView } from '../../src/sim/policies';
import { callbackPreset } from '../../src/strategies/callbackPresets';
import { callbackPolicy } from '../../src/strategies/callbackSchedule';

const cal = new Calendar('2026-01-05'); // day 0 is the 5th of the month; day 10 is the 15th; day 20 the 25th

function lead(status: LeadStatus, attemptsSinceContact: number, statusSince = 0): LeadView {
  return { id: 1, createdAt: 0, source: 's', product: 'p', status, attempts: attemptsSinceContact, attemptsSinceContact, conversationsInStatus: 0, statusSince, firstContactAt: -1, everContacted: false, waitingSince: 0 };
}

describe('Callback schedules', () => {
  const radar = callbackPolicy(callbackPreset('radar'));

  it('radar: a burst in the first hour after the first unanswered attempt, then every 2-4 hours, then nurture after 14 attempts', () => {
    const since = 100;
    expect(radar.next(lead('attempted', 1, since), { now: since, calendar: cal, u: 0.5 })).toEqual({ kind: 'call', due: since + 10, priority: 1 });
    expect(radar.next(lead('attempted', 3, since), { now: since + 40, calendar: cal, u: 0.5 })).toEqual({ kind: 'call', due: since + 60, priority: 1 });
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 13 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), fc.integer({ min: 0, max: 100_000 }), (n, u, now) => {
        const d = radar.next(lead('attempted', n, 0), { now, calendar: cal, u });
        expect(d.kind).toBe('call');
        if (d.kind === 'call') {
          expect(d.due - now).toBeGreaterThanOrEqual(120);
          expect(d.due - now).toBeLessThanOrEqual(240);
        }
      }),
    );
    expect(radar.next(lead('attempted', 14), { now: 0, calendar: cal, u: 0.5 })).toMatchObject({ kind: 'exhausted', then: 'nurture' });
  });

  it('radar: contacted leads every 18-24 hours, tightened by a quarter early in the month', () => {
    const mid = 10 * 1440 + 600; // the 15th
    const early = 2 * 1440 + 600; // the 7th
    const d1 = { ...radar.next(lead('contacted', 0), { now: mid, calendar: cal, u: 0 }) }; // a policy may reuse its decision object: copy it to keep it
    const d2 = { ...radar.next(lead('contacted', 0), { now: mid, calendar: cal, u: 1 }) };
    const d3 = { ...radar.next(lead('contacted', 0), { now: early, calendar: cal, u: 0 }) };
    expect(d1.kind === 'call' && d1.due - mid).toBe(18 * 60);
    expect(d2.kind === 'call' && d2.due - mid).toBe(24 * 60);
    expect(d3.kind === 'call' && d3.due - early).toBe(18 * 60 * 0.75);
  });

  it('radar: applications every 48-72 hours, halved late in the month; exhausted applications are lost', () => {
    const mid = 10 * 1440;
    const late = 20 * 1440; // the 25th
    const a = { ...radar.next(lead('application', 0), { now: mid, calendar: cal, u: 0 }) };
    const b = { ...radar.next(lead('application', 0), { now: late, calendar: cal, u: 0 }) };
    expect(a.kind === 'call' && a.due - mid).toBe(48 * 60);
    expect(b.kind === 'call' && b.due - late).toBe(24 * 60);
    expect(radar.next(lead('application', 5), { now: mid, calendar: cal, u: 0 })).toMatchObject({ kind: 'exhausted', then: 'lost' });
  });

  it('single call: no second attempt and no follow-up call after a conversation', () => {
    const single = callbackPolicy(callbackPreset('single-call'));
    expect(single.next(lead('attempted', 1), { now: 0, calendar: cal, u: 0.5 })).toMatchObject({ kind: 'exhausted', then: 'lost' });
    expect(single.next(lead('contacted', 0), { now: 0, calendar: cal, u: 0.5 })).toMatchObject({ kind: 'exhausted', then: 'nurture' });
  });

  it('fixed retries: N tries every H hours, then lost', () => {
    const dialer = callbackPolicy(callbackPreset('fixed-retries', { tries: 3, everyHours: 5 }));
    const d = dialer.next(lead('attempted', 1), { now: 1000, calendar: cal, u: 0.9 });
    expect(d).toEqual({ kind: 'call', due: 1000 + 300, priority: 1 });
    expect(dialer.next(lead('attempted', 3), { now: 0, calendar: cal, u: 0.5 })).toMatchObject({ kind: 'exhausted', then: 'lost' });
  });
});
