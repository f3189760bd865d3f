import { describe, expect, it } from 'vitest';
import type { AgentState } from '../../../src/sim/agentState';
import { loadScenario } from '../../../src/scenario/load';
import { runScenario } from '../../../src/scenario/runScenario';

const skills = [2.5, 1.6, 1, 0.6, 0.3];

function floor(options: Record<string, unknown>) {
  return {
    days: 120,
    warmupDays: 0,
    cooldownDays: 5,
    replications: 1,
    leads: { perDay: 60 },
    agents: skills.map((skill, i) => ({ name: `Closer ${i + 1}`, skill, shift: '00:00-24:00', days: 'Mon-Sun', pipelineLimit: 100000, newLeadsPerDay: 100000 })),
    distribution: { strategy: 'top-producers', options },
  };
}

/**
 * Runs the floor and, at each assignment, works out from the agents' funded deals what chance each agent had
 * of getting the lead (the rule written out again here, independently of the strategy's code). Returns, per
 * agent, the leads received and the expected count with its variance (a sum of Bernoulli trials).
 */
function observedVersusExpected(options: Record<string, unknown>, chance: (production: number[]) => number[]) {
  const n = skills.length;
  const window = ((options.windowDays as number) ?? 30) * 1440;
  const got = new Array<number>(n).fill(0), expected = new Array<number>(n).fill(0), variance = new Array<number>(n).fill(0);
  const agents: AgentState[] = [];
  let skipped = 0;
  runScenario(loadScenario(floor(options)), {
    seed: 6,
    replications: 1,
    observer: {
      onAssign(_lead, agent, now) {
        agents[agent.index] = agent;
        if (agents.filter(Boolean).length < n) {
          skipped++;
          return;
        }
        got[agent.index]++;
        const production = agents.map((a) => a.fundedTimes.filter((t) => t > now - window).length);
        const p = chance(production);
        for (let i = 0; i < n; i++) {
          expected[i] += p[i];
          variance[i] += p[i] * (1 - p[i]);
        }
      },
    },
  });
  // Leads given before every agent had been seen (a handful at the start) are left out of both sides.
  return { got, expected, variance, skipped };
}

describe('top producers', () => {
  it('rank mode: shares follow the configured weights within a 4-sigma bound', () => {
    const weights = [5, 3, 1];
    const chance = (production: number[]) => {
      const w = production.map((p) => {
        // Agents strictly ahead and tied with this one: tied agents share the mean weight of their ranks.
        const ahead = production.filter((q) => q > p).length;
        const tied = production.filter((q) => q === p).length;
        let sum = 0;
        for (let r = ahead; r < ahead + tied; r++) sum += weights[Math.min(r, weights.length - 1)];
        return sum / tied;
      });
      const total = w.reduce((a, b) => a + b, 0);
      return w.map((x) => x / total);
    };
    const r = observedVersusExpected({ weights, windowDays: 21 }, chance);
    const all = r.got.reduce((a, b) => a + b, 0);
    expect(all).toBeGreaterThan(5000);
    expect(r.skipped).toBeLessThan(20);
    for (let i = 0; i < skills.length; i++) {
      expect(Math.abs(r.got[i] - r.expected[i])).toBeLessThan(4 * Math.sqrt(r.variance[i]));
    }
    // The best closer gets the most leads, the weakest the fewest.
    expect(r.got[0]).toBeGreaterThan(r.got[4] * 2);
  });

  it('proportional mode: shares follow prior + recent funded deals within a 4-sigma bound', () => {
    const prior = 2;
    const chance = (production: number[]) => {
      const total = production.reduce((a, b) => a + b + prior, 0);
      return production.map((p) => (p + prior) / total);
    };
    const r = observedVersusExpected({ mode: 'proportional', prior, windowDays: 30 }, chance);
    for (let i = 0; i < skills.length; i++) expect(Math.abs(r.got[i] - r.expected[i])).toBeLessThan(4 * Math.sqrt(r.variance[i]));
    expect(r.got[0]).toBeGreaterThan(r.got[4] * 1.5);
  });
});
