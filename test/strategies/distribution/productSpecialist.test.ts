import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/load';
import { runScenario } from '../../../src/scenario/runScenario';

function floor(mislabeledShare: number) {
  return {
    days: 60,
    warmupDays: 0,
    cooldownDays: 14,
    replications: 1,
    leads: { perDay: 40 },
    agents: [
      // Every day and room for the whole inflow, so leads are called fresh and reached: a lead that waits a day
      // in a backlog is rarely reached at all (docs/assumptions.md, figure 3), and bounces need conversations.
      { name: 'Purchase', count: 3, shift: '08:00-20:00', days: 'Mon-Sun', newLeadsPerDay: 10, productSkill: { purchase: 1.3, refinance: 0.7 } },
      { name: 'Refi', count: 3, shift: '08:00-20:00', days: 'Mon-Sun', newLeadsPerDay: 10, productSkill: { purchase: 0.7, refinance: 1.3 } },
    ],
    distribution: { strategy: 'product-specialist', options: { teams: { purchase: ['Purchase'], refinance: ['Refi'] }, mislabeledShare, bounceMinutes: 120 } },
  };
}

describe('product specialist', () => {
  it('sends a share of leads to the wrong team, and each bounces to the right team after its first conversation', () => {
    const share = 0.2;
    const resolved = loadScenario(floor(share));
    const products = resolved.config.products.map((p) => p.name);
    const firstTeamWrong = new Map<number, boolean>();
    const firstContact = new Map<number, number>();
    let leads = 0, wrong = 0, bounced = 0, bouncedRight = 0, bouncedEarly = 0, wrongAfterBounce = 0;
    runScenario(resolved, {
      seed: 9,
      replications: 1,
      observer: {
        onAssign(lead, agent, now) {
          const team = agent.name.startsWith('Purchase') ? 'purchase' : 'refinance';
          const right = team === products[lead.product];
          if (!firstTeamWrong.has(lead.id)) {
            if (lead.returns > 0) return;
            leads++;
            firstTeamWrong.set(lead.id, !right);
            if (!right) wrong++;
            return;
          }
          if (lead.status === 'new') return; // back from nurture: a fresh start
          if (!firstTeamWrong.get(lead.id)) wrongAfterBounce++;
          bounced++;
          if (right) bouncedRight++;
          if (now - (firstContact.get(lead.id) ?? Infinity) < 120 - 1e-9) bouncedEarly++;
        },
        onCallStart(lead, _agent, now, answered) {
          if (answered && !firstContact.has(lead.id)) firstContact.set(lead.id, now);
        },
      },
    });
    // The mislabeled share is a binomial draw per lead: within 4 standard deviations.
    expect(Math.abs(wrong - share * leads)).toBeLessThan(4 * Math.sqrt(leads * share * (1 - share)));
    expect(bounced).toBeGreaterThan(50);
    expect(bouncedRight).toBe(bounced);
    expect(bouncedEarly).toBe(0);
    expect(wrongAfterBounce).toBe(0);
  });

  it('loses conversion as more leads are mislabeled', () => {
    const rate = (share: number) => runScenario(loadScenario(floor(share)), { seed: 9, replications: 4 }).summary.metrics.applicationRate.mean;
    expect(rate(0.4)).toBeLessThan(rate(0));
  });
});
