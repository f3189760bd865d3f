import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/load';
import { runScenario } from '../../../src/scenario/runScenario';

/** Minutes from arrival to first call of every lead, in a hunt group at rho = 0.95 (a standing backlog). */
function firstCallWaits(queueOrder: 'fifo' | 'lifo') {
  const json = JSON.parse(readFileSync('data/scenarios/erlang-c.json', 'utf8'));
  json.days = 90;
  json.leads.perDay = 0.95 * 5 / 10 * 1440;
  json.distribution = { strategy: 'hunt-group', options: { queueOrder } };
  const waits: number[] = [];
  const { runs } = runScenario(loadScenario(json), {
    seed: 8,
    replications: 1,
    observer: {
      onCallStart(lead, _agent, now) {
        if (lead.attempts === 1) waits.push(now - lead.createdAt);
      },
    },
  });
  waits.sort((a, b) => a - b);
  const quantile = (q: number) => waits[Math.floor(q * (waits.length - 1))];
  return { waits, quantile, metrics: runs[0].metrics };
}

describe('FIFO vs LIFO', () => {
  it('with a backlog, LIFO gives fresher leads a shorter wait and older leads a longer one', () => {
    const fifo = firstCallWaits('fifo');
    const lifo = firstCallWaits('lifo');
    // Among leads that waited at all (about 90% at rho = 0.95), LIFO's median wait is far shorter...
    expect(lifo.quantile(0.6)).toBeLessThan(0.5 * fifo.quantile(0.6));
    // ...and its tail far longer: the leads left at the bottom of the stack wait for the backlog to clear.
    expect(lifo.quantile(0.99)).toBeGreaterThan(1.5 * fifo.quantile(0.99));
    expect(lifo.waits[lifo.waits.length - 1]).toBeGreaterThan(2 * fifo.waits[fifo.waits.length - 1]);
    // The order does not change how much work there is: by the conservation law of work-conserving queues the
    // mean wait and the probability of waiting are the same (Erlang C), up to sampling noise.
    expect(Math.abs(lifo.metrics.meanMinutesToFirstAttempt / fifo.metrics.meanMinutesToFirstAttempt - 1)).toBeLessThan(0.15);
    expect(Math.abs(lifo.metrics.shareFirstAttemptDelayed - fifo.metrics.shareFirstAttemptDelayed)).toBeLessThan(0.02);
  });
});
