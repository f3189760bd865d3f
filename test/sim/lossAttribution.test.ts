import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lead, LeadStatus } from '../../src/sim/lead';
import { LOSS_BUCKETS, type LossAttribution } from '../../src/sim/lossAttribution';
import type { RunResult } from '../../src/sim/runResult';
import { loadScenario } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runScenario';

const sumBuckets = (l: LossAttribution) => LOSS_BUCKETS.reduce((s, b) => s + l.buckets[b].leads, 0);

/** The identities every run must satisfy, checked against the funnel the metrics collector counts on its own. */
function checkIdentities(run: RunResult): void {
  const l = run.losses;
  expect(l.leads).toBe(run.funnel.leads);
  expect(l.funded).toBe(run.funnel.funded);
  expect(sumBuckets(l) + l.funded).toBe(run.funnel.leads);
  for (const b of LOSS_BUCKETS) {
    const perAgent = l.byAgent.reduce((s, a) => s + a.buckets[b], 0) + l.unassigned[b];
    expect(perAgent).toBe(l.buckets[b].leads);
  }
  const lost = run.funnel.lost;
  expect(l.buckets.competitor.leads).toBe(lost.competitor ?? 0);
  expect(l.buckets['not-interested'].leads).toBe((lost['not-interested'] ?? 0) + (lost['do-not-call'] ?? 0) + (lost['opted-out'] ?? 0));
  expect(l.buckets['still-open'].leads).toBe(run.funnel.open);
}

// 60 days of follow-up: a loan takes about 40 days from application to funding (docs/tradeoffs.md).
const small = { days: 30, warmupDays: 10, cooldownDays: 60, replications: 2 };

describe('Loss attribution', () => {
  it('puts every measured lead that did not fund in exactly one bucket: buckets plus funded equal leads on the default floor', () => {
    const { runs, summary } = runScenario(loadScenario(small), { seed: 3 });
    for (const run of runs) checkIdentities(run);
    const meanLost = LOSS_BUCKETS.reduce((s, b) => s + summary.losses.buckets[b].leads.mean, 0);
    expect(meanLost + summary.funnel.funded).toBeCloseTo(summary.funnel.leads, 9);
    expect(summary.losses.buckets.unreached.leads.ci95).not.toBeNull();
  });

  it('agrees with an observer that follows each lead to its last status', () => {
    const last = new Map<Lead, LeadStatus>();
    const { runs } = runScenario(loadScenario({ ...small, replications: 1 }), {
      seed: 9,
      observer: { onStatus: (lead, _from, to) => void (lead.counted && last.set(lead, to)) },
    });
    const l = runs[0].losses;
    let nurture = 0, lost = 0;
    for (const s of last.values()) {
      if (s === 'nurture') nurture++;
      if (s === 'lost') lost++;
    }
    // Lost leads are the buckets of lost reasons; parked ones are the rest of the not-funded, not-open leads.
    const parkedBuckets = sumBuckets(l) - l.buckets['still-open'].leads - lost;
    expect(parkedBuckets).toBe(nurture);
    expect(l.buckets['aged-out'].leads).toBeLessThanOrEqual(nurture);
  });

  it('prices a never-reached lead at the run\'s funded share of all leads times its revenue', () => {
    const resolved = loadScenario({ ...small, replications: 1, leads: { products: [{ name: 'purchase', share: 1, revenuePerFunded: 4000 }] }, callbacks: 'single-call' });
    const { runs } = runScenario(resolved, { seed: 2 });
    const l = runs[0].losses;
    const late = l.buckets['never-called-or-late'];
    expect(late.leads).toBeGreaterThan(0);
    expect(late.lostRevenue).toBeCloseTo((late.leads * l.funded * 4000) / l.leads, 6);
  });

  it('charges each bucket the price of its leads', () => {
    const resolved = loadScenario({ ...small, replications: 1 });
    const { runs } = runScenario(resolved, { seed: 4 });
    const total = LOSS_BUCKETS.reduce((s, b) => s + runs[0].losses.buckets[b].leadCost, 0);
    // Lead cost of the window minus the funded leads' cost: each funded lead cost between the cheapest and the
    // dearest source's price.
    const prices = resolved.config.sources.map((x) => x.cost);
    const funded = runs[0].funnel.funded;
    expect(funded).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(runs[0].metrics.leadCost - Math.min(...prices) * funded + 1e-9);
    expect(total).toBeGreaterThanOrEqual(runs[0].metrics.leadCost - Math.max(...prices) * funded - 1e-9);
  });

  it('keeps the identity on random floors (agents, cadences, strategies, caps, scoring, loan process)', () => {
    const floor = fc.record({
      perDay: fc.integer({ min: 5, max: 80 }),
      agents: fc.integer({ min: 1, max: 6 }),
      pipelineLimit: fc.integer({ min: 5, max: 150 }),
      newLeadsPerDay: fc.integer({ min: 1, max: 12 }),
      callbacks: fc.constantFrom('radar', 'single-call', 'fixed-retries'),
      distribution: fc.constantFrom('round-robin', 'hunt-group', 'push', 'pull', 'top-producers', 'grab-bag'),
      scoring: fc.boolean(),
      loan: fc.constantFrom('elapsed', 'per-conversation'),
      maxWaitHours: fc.constantFrom(2, 24, 72),
      seed: fc.integer({ min: 1, max: 1000 }),
    });
    fc.assert(
      fc.property(floor, (f) => {
        const resolved = loadScenario({
          days: 21,
          warmupDays: 5,
          cooldownDays: 10,
          replications: 1,
          leads: { perDay: f.perDay },
          agents: [{ name: 'Closer', count: f.agents, pipelineLimit: f.pipelineLimit, newLeadsPerDay: f.newLeadsPerDay }],
          callbacks: f.callbacks,
          distribution: f.distribution,
          ...(f.scoring ? { scoring: {} } : {}),
          loanProcess: { model: f.loan },
          backlog: { maxWaitHours: f.maxWaitHours },
        });
        checkIdentities(runScenario(resolved, { seed: f.seed }).runs[0]);
      }),
      { numRuns: 25 },
    );
  });
});
