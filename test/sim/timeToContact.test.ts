import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runScenario';

/*
 * Time to contact on one time axis: the simulator's metric and its own call log (which a fit reads) must time a
 * lead's first contact at the same moment, the start of the answered attempt. A fixed 30-minute conversation
 * and 5 minutes of wrap-up make a metric timed at the end of the conversation 35 minutes late per lead.
 */
const scenario = {
  days: 20,
  warmupDays: 0,
  cooldownDays: 5,
  replications: 1,
  leads: { perDay: 60, badNumberShare: 0, sources: [{ name: 'web', share: 1, cost: 40 }] },
  nurture: { returnShare: 0 },
  calls: { talkMinutes: { distribution: 'fixed', mean: 30 }, wrapUpMinutes: 5 },
  agents: [{ name: 'Closer', count: 20, shift: '08:00-20:00', days: 'Mon-Sat' }],
};

describe('time to contact', () => {
  it('is the same in the metric and in the recorded call log: arrival to the start of the first answered attempt', () => {
    const { runs } = runScenario(loadScenario(scenario), { seed: 5, recordCalls: true });
    const calls = runs[0].calls!;
    const firstContact = new Map<string, number>();
    for (const c of calls) {
      if (c.outcome === 'contact' && !firstContact.has(c.leadId)) firstContact.set(c.leadId, c.attemptTime - c.leadCreated);
    }
    const fromLog = [...firstContact.values()];
    expect(fromLog.length).toBeGreaterThan(300);
    const meanFromLog = fromLog.reduce((a, b) => a + b, 0) / fromLog.length;
    const metric = runs[0].metrics.meanMinutesToContact;
    // The log's leads and the metric's leads are the same set (no warm-up, no returns), so the means agree to rounding.
    expect(Math.abs(metric - meanFromLog)).toBeLessThan(1e-6);
  });
});
