import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runScenario';

/*
 * Interest cools before the first conversation (`funnel.interestByFirstContactAge`): the chance that a lead applies
 * is multiplied by the curve at the lead's age when we first reach it.
 */
// Identical agents (no skill spread), so a lead's chance to apply does not depend on which agent the two runs gave it.
const agents = [
  { name: 'Day closer', count: 7, shift: '08:00-17:00', days: 'Mon-Fri' },
  { name: 'Late closer', count: 3, shift: '12:00-21:00', days: 'Mon-Sat' },
];
const floor = { days: 40, warmupDays: 0, cooldownDays: 7, agents };

describe('Interest at first contact', () => {
  it('is the default curve, 0.5 + 0.5 x 2^(-age / 10 min), at each lead\'s first conversation', () => {
    let checked = 0;
    // A lead becomes "contacted" at the end of its first conversation (firstContactAt is the start of that call).
    const reached = new Set<number>();
    runScenario(loadScenario(floor), {
      seed: 3,
      replications: 1,
      observer: {
        onStatus(lead, from, to, now) {
          if (to !== 'contacted' || reached.has(lead.id)) return;
          reached.add(lead.id);
          // Age since the consumer engaged: arrival, or the return from nurture or the drip.
          const age = now - lead.engagedAt;
          expect(lead.interest).toBeCloseTo(0.5 + 0.5 * 2 ** (-age / 10), 12);
          checked++;
        },
      },
    });
    expect(checked).toBeGreaterThan(200);
  });

  it('scales first-conversation applications by the curve: with interest 0.5 the leads that apply are a subset, about half as many', () => {
    // Same leads, same conversation draws (common random numbers); only the interest differs. Compare the leads
    // whose first conversation fell at the same minute in both runs.
    const firstTalk = (f: number) => {
      const at = new Map<number, number>();
      const applied = new Set<number>();
      // applicationPerConversation 0.3 keeps p below the 0.95 cap (propensity at most 2, source factor at most 1.15).
      const funnel = { applicationPerConversation: 0.3, interestByFirstContactAge: { kind: 'table', points: [[0, f]] } };
      runScenario(loadScenario({ ...floor, days: 80, funnel }), {
        seed: 8,
        replications: 1,
        observer: {
          onStatus(lead, from, to, now) {
            if (to === 'contacted' && !at.has(lead.id)) at.set(lead.id, now);
            if (to === 'application' && at.get(lead.id) === now) applied.add(lead.id);
          },
        },
      });
      return { at, applied };
    };
    const full = firstTalk(1);
    const half = firstTalk(0.5);
    const same = [...full.at.keys()].filter((id) => half.at.get(id) === full.at.get(id));
    expect(same.length).toBeGreaterThan(300);
    const a1 = same.filter((id) => full.applied.has(id));
    const aHalf = same.filter((id) => half.applied.has(id));
    // Each lead applies when its outcome draw u < p x interest: halving interest keeps exactly the draws below p / 2.
    for (const id of aHalf) expect(full.applied.has(id), `lead ${id}`).toBe(true);
    // Given the draw was below p, it is below p / 2 with probability 1/2: binomial, within 4 standard deviations.
    const n = a1.length;
    expect(n).toBeGreaterThan(60);
    expect(Math.abs(aHalf.length - n / 2)).toBeLessThan(4 * Math.sqrt(n / 4));
  });
});
