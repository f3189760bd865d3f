import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/load';
import { runScenario } from '../../../src/scenario/runScenario';

/** Seven agents always on shift with limits that never bind. */
function alwaysAvailable(distribution: unknown) {
  return {
    days: 30,
    warmupDays: 0,
    cooldownDays: 2,
    replications: 1,
    leads: { perDay: 90 },
    agents: [{ name: 'Closer', count: 7, shift: '00:00-24:00', days: 'Mon-Sun', pipelineLimit: 100000, newLeadsPerDay: 100000 }],
    distribution,
  };
}

/** Gini by its definition, the mean absolute difference over all pairs divided by twice the mean. */
function giniByPairs(xs: number[]): number {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  let sum = 0;
  for (const a of xs) for (const b of xs) sum += Math.abs(a - b);
  return sum / (n * n) / (2 * mean);
}

describe('round robin', () => {
  it('gives leads per agent that differ by at most one when all agents are always available', () => {
    for (const seed of [1, 2, 3]) {
      const resolved = loadScenario(alwaysAvailable('round-robin'));
      const counts = new Array<number>(7).fill(0);
      let maxSpread = 0;
      const { runs } = runScenario(resolved, {
        seed,
        replications: 1,
        observer: {
          onAssign(_lead, agent) {
            counts[agent.index]++;
            // At every moment, not only at the end.
            maxSpread = Math.max(maxSpread, Math.max(...counts) - Math.min(...counts));
          },
        },
      });
      expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(2000);
      expect(maxSpread).toBeLessThanOrEqual(1);
      const received = runs[0].agents.map((a) => a.leadsReceived);
      expect(Math.max(...received) - Math.min(...received)).toBeLessThanOrEqual(1);
    }
  });

  it('weighted: each agent stays within one lead of its weighted share at every moment', () => {
    const weights = [1, 2, 3, 1, 1, 4, 2];
    const total = weights.reduce((a, b) => a + b, 0);
    const resolved = loadScenario(alwaysAvailable({ strategy: 'round-robin', options: { weights } }));
    const counts = new Array<number>(7).fill(0);
    let n = 0, worst = 0;
    runScenario(resolved, {
      seed: 1,
      replications: 1,
      observer: {
        onAssign(_lead, agent) {
          counts[agent.index]++;
          n++;
          for (let i = 0; i < 7; i++) worst = Math.max(worst, Math.abs(counts[i] - (n * weights[i]) / total));
        },
      },
    });
    expect(n).toBeGreaterThan(2000);
    expect(worst).toBeLessThan(1);
  });

  it('reports fairness per agent: leads received and their Gini spread', () => {
    // Unequal shares by weights; the reported Gini must match the definition applied to the counts.
    const weights = [1, 1, 1, 1, 2, 3, 5];
    const resolved = loadScenario(alwaysAvailable({ strategy: 'round-robin', options: { weights } }));
    const counts = new Array<number>(7).fill(0);
    const { runs } = runScenario(resolved, { seed: 1, replications: 1, observer: { onAssign: (_l, a) => void counts[a.index]++ } });
    const r = runs[0];
    // No warm-up here, so the per-agent counts cover every lead.
    expect(r.agents.map((a) => a.leadsReceived)).toEqual(counts);
    expect(r.metrics.leadsPerAgentGini).toBeCloseTo(giniByPairs(counts), 10);
    // Shares of 1,1,1,1,2,3,5 out of 14 have a Gini of 0.3469 (by hand: sum |wi - wj| over pairs / (2 n^2 mean)).
    expect(r.metrics.leadsPerAgentGini).toBeCloseTo(0.3469, 2);
    const equal = runScenario(loadScenario(alwaysAvailable('round-robin')), { seed: 1, replications: 1 }).runs[0];
    expect(equal.metrics.leadsPerAgentGini).toBeLessThan(0.001);
  });
});
