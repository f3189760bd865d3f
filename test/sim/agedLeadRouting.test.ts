import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/load';
import { runReplication } from '../../src/sim/runner';

/*
 * Aged-lead routing (agent `maxLeadWaitMinutes`): an agent so limited is only ever handed leads that waited at most
 * that long, under every distribution pattern, while the leads it refuses still go to the others.
 */
const STRATEGIES = ['round-robin', 'top-producers', 'hunt-group', 'pull', 'push', 'grab-bag'];

describe('aged-lead routing', () => {
  for (const strategy of STRATEGIES) {
    it(`hands the fresh-leads-only agent no lead older than its limit (${strategy})`, () => {
      const limit = 20;
      const s = loadScenario({
        days: 21,
        leads: { perDay: 30 },
        distribution: { strategy },
        agents: [
          { name: 'Fresh', shift: '08:00-20:00', days: 'Mon-Sat', skill: 2, newLeadsPerDay: 4, maxLeadWaitMinutes: limit },
          { name: 'Rest', count: 3, shift: '09:00-17:00', newLeadsPerDay: 15 },
        ],
      });
      let fresh = 0, rest = 0, restOld = 0;
      runReplication(s.config, s.policies, 0, {
        seed: `aged-${strategy}`,
        observer: {
          onAssign(lead, agent, now) {
            const waited = now - lead.waitingSince;
            if (agent.name === 'Fresh') {
              expect(waited).toBeLessThanOrEqual(limit);
              fresh++;
            } else {
              rest++;
              if (waited > limit) restOld++;
            }
          },
        },
      });
      // Not vacuous: the limited agent took leads, and the others took the older ones it refused.
      expect(fresh).toBeGreaterThan(10);
      expect(rest).toBeGreaterThan(fresh);
      if (strategy !== 'push') expect(restOld).toBeGreaterThan(0);
    });
  }
});

describe("the field's story of the top and the bottom loan officer", () => {
  const story = JSON.parse(readFileSync(new URL('../../data/scenarios/top-and-bottom-loan-officer.json', import.meta.url), 'utf8'));
  const uncapped = JSON.parse(readFileSync(new URL('../../data/scenarios/top-and-bottom-uncapped.json', import.meta.url), 'utf8'));
  const perAgent = (scenario: object) => {
    const s = loadScenario(scenario);
    const totals = new Map<string, { leads: number; funded: number }>();
    for (let r = 0; r < 8; r++) {
      for (const a of runReplication(s.config, s.policies, r, { seed: 'story' }).agents) {
        const t = totals.get(a.name) ?? { leads: 0, funded: 0 };
        t.leads += a.leadsReceived;
        t.funded += a.funded;
        totals.set(a.name, t);
      }
    }
    return totals;
  };

  it('converts ten times as well at the top, on an eighth of the leads', () => {
    const t = perAgent(story);
    const top = t.get('Top')!, bottom = t.get('Bottom')!;
    expect(top.funded / top.leads).toBeGreaterThan(10 * (bottom.funded / bottom.leads));
    expect(bottom.funded / bottom.leads).toBeLessThan(0.01);
    expect(bottom.leads).toBeGreaterThan(5 * top.leads);
  });

  it('converts less at the top when the top officer takes more leads than they can work', () => {
    const capped = perAgent(story).get('Top')!, flooded = perAgent(uncapped).get('Top')!;
    expect(flooded.leads).toBeGreaterThan(3 * capped.leads);
    expect(flooded.funded / flooded.leads).toBeLessThan(0.85 * (capped.funded / capped.leads));
  });
});
