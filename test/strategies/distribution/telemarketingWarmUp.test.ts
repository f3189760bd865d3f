import { describe, expect, it } from 'vitest';
import type { Lead } from '../../../src/sim/lead';
import { loadScenario } from '../../../src/scenario/load';
import { runScenario } from '../../../src/scenario/runScenario';

function floor(closers: number, perDay: number) {
  return {
    days: 42,
    warmupDays: 0,
    cooldownDays: 7,
    replications: 1,
    leads: { perDay },
    agents: [
      { name: 'Qualifier', count: 3, role: 'telemarketer', shift: '08:00-18:00', days: 'Mon-Fri', newLeadsPerDay: 100, pipelineLimit: 400 },
      { name: 'Closer', count: closers, shift: '08:00-18:00', days: 'Mon-Fri', newLeadsPerDay: 1000, pipelineLimit: 1000 },
    ],
    distribution: 'telemarketing-warm-up',
  };
}

/** Counts hand-overs from pre-qualifiers to closers: hot (same instant) or as a later scheduled callback. */
function handOvers(closers: number, perDay: number) {
  const leftAt = new Map<Lead, number>();
  const hotLeads = new Set<Lead>();
  let hot = 0, scheduled = 0, hotAnswered = 0, hotCalled = 0, newToCloser = 0;
  runScenario(loadScenario(floor(closers, perDay)), {
    seed: 12,
    replications: 1,
    observer: {
      onLeavePipeline(lead, agent, now) {
        if (agent.role === 'telemarketer') leftAt.set(lead, now);
      },
      onAssign(lead, agent, now) {
        if (agent.role !== 'closer') return;
        const t = leftAt.get(lead);
        if (t === undefined) {
          // Leads back from the nurture drip were reached before, so they go to closers directly.
          if (lead.returns === 0) newToCloser++;
          return;
        }
        leftAt.delete(lead);
        if (t === now) {
          hot++;
          hotLeads.add(lead);
        } else scheduled++;
      },
      onCallStart(lead, agent, _now, answered) {
        if (agent.role === 'closer' && hotLeads.delete(lead)) {
          hotCalled++;
          if (answered) hotAnswered++;
        }
      },
    },
  });
  return { hot, scheduled, share: hot / (hot + scheduled), hotAnswered, hotCalled, newToCloser };
}

describe('telemarketing warm-up', () => {
  it('hot-transfers qualified leads to free closers, with the consumer on the line', () => {
    const r = handOvers(4, 60);
    expect(r.hot).toBeGreaterThan(100);
    // New leads go to the pre-qualifiers only.
    expect(r.newToCloser).toBe(0);
    expect(r.hotCalled).toBe(r.hot);
    expect(r.hotAnswered).toBe(r.hotCalled);
  });

  it('hot-transfers a smaller share as closers get busier', () => {
    const shares = [handOvers(6, 60), handOvers(3, 60), handOvers(1, 60)].map((r) => r.share);
    expect(shares[0]).toBeGreaterThan(shares[1]);
    expect(shares[1]).toBeGreaterThan(shares[2]);
    expect(shares[0] - shares[2]).toBeGreaterThan(0.2);
  });
});
