import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/load';
import { runScenario } from '../../../src/scenario/runScenario';

function floor(distribution: unknown) {
  return {
    days: 42,
    warmupDays: 7,
    cooldownDays: 7,
    replications: 1,
    leads: { perDay: 70 },
    agents: [{ name: 'Closer', count: 6, shift: '08:00-18:00', days: 'Mon-Fri', newLeadsPerDay: 30 }],
    distribution,
  };
}

describe('grab bag', () => {
  it('lets an agent pick only when it breaks from its own pipeline', () => {
    let picks = 0, bad = 0;
    runScenario(loadScenario(floor('grab-bag')), {
      seed: 2,
      replications: 1,
      observer: {
        onAssign(_lead, agent) {
          picks++;
          // The pick itself is the one fresh lead; no call in progress, no callback due, on shift.
          if (agent.busy || !agent.onShift || agent.freshWaiting !== 1 || agent.callbackDue) bad++;
        },
      },
    });
    expect(picks).toBeGreaterThan(1000);
    expect(bad).toBe(0);
  });

  it('leaves leads to age in the pool: slower first calls and fewer contacts than assigning on arrival', () => {
    const pool = runScenario(loadScenario(floor('grab-bag')), { seed: 3, replications: 3 }).summary.metrics;
    const direct = runScenario(loadScenario(floor('round-robin')), { seed: 3, replications: 3 }).summary.metrics;
    expect(pool.meanMinutesToFirstAttempt.mean).toBeGreaterThan(direct.meanMinutesToFirstAttempt.mean);
    expect(pool.contactRate.mean).toBeLessThan(direct.contactRate.mean);
  });

  it('cherry-picks: preferred sources are taken first, others only after they have aged past the threshold', () => {
    const waitBySource: Record<string, number[]> = { aggregator: [], 'web-form': [] };
    let earlyOthers = 0;
    runScenario(loadScenario(floor({ strategy: 'grab-bag', options: { prefer: ['web-form'], otherAfterMinutes: 60 } })), {
      seed: 4,
      replications: 1,
      observer: {
        onAssign(lead, _agent, now) {
          if (lead.returns > 0) return;
          const source = lead.source === 0 ? 'aggregator' : 'web-form';
          waitBySource[source].push(now - lead.createdAt);
          if (source === 'aggregator' && now - lead.createdAt < 60) earlyOthers++;
        },
      },
    });
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(waitBySource.aggregator.length).toBeGreaterThan(500);
    expect(earlyOthers).toBe(0);
    expect(mean(waitBySource['web-form'])).toBeLessThan(mean(waitBySource.aggregator) - 30);
  });
});
