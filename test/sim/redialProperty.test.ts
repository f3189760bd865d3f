import { describe, expect, it } from 'vitest';
import { pairedDifference } from '../../src/compare';
import { loadScenario } from '../../src/scenario/load';
import { runReplication } from '../../src/sim/runner';
import { mulberry32 } from '../helpers/random';

/*
 * Persistence vs annoyance as a property over random floors (docs/tradeoffs.md, "Persistence vs annoyance"): calling
 * unreached leads every 15 minutes is never significantly better than calling them hourly, whatever the staff, volume,
 * shifts, caps, competitors (how many reach the consumer and how fast), contactability, applications, attempt limit
 * (14 or 40) and screening within its plausible range: a crowded call answered at 0.6-0.9 the rate, 1-3 free recent
 * calls, a call's weight halving in 1-8 hours (the field speaks of calls crowded into the last day: docs/tradeoffs.md).
 * Both cadences run on the same seed; a violation is a paired 95% interval of (hourly - every 15 minutes) wholly
 * below zero. A call's weight halving within an hour is in the range too: before complaints labeled numbers
 * (src/sim/contactFatigue.ts) the property failed there (docs/tradeoffs.md, "Where the screening shape ends").
 */

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function funded(scenario: object, replications: number): number[] {
  const s = loadScenario(JSON.parse(JSON.stringify(scenario)));
  return Array.from({ length: replications }, (_, r) => runReplication(s.config, s.policies, r, { seed: 'redial' }).metrics.funded);
}

function floor(seed: number) {
  const u = mulberry32(seed);
  const uni = (a: number, b: number) => a + (b - a) * u();
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(u() * xs.length)];
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const agents = pick([4, 6, 10, 16]);
  const contact = uni(0.45, 0.75);
  return {
    leads: { perDay: Math.round(uni(2, 8) * agents) },
    agents: [{ name: 'A', count: agents, shift: pick(['08:00-17:00', '09:00-18:00', '12:00-21:00', '07:00-19:00']), days: pick(['Mon-Fri', 'Mon-Sat']), pipelineLimit: 150, newLeadsPerDay: pick([5, 7, 15]), skillSpread: 0.5 }],
    contact: { contactability: { alpha: r2(4 * contact), beta: r2(4 * (1 - contact)) } },
    competitor: { reachProbability: r2(uni(0.3, 0.8)), meanResponseMinutes: pick([10, 20, 60, 180]) },
    fatigue: { answerFactorPerCall: r2(uni(0.6, 0.9)), recoveryHalfLifeHours: pick([1, 2, 4, 8]), freeRecentCalls: pick([1, 2, 3]) },
    followUp: { competitorClosePerDay: r2(uni(0.01, 0.05)) },
    funnel: { applicationPerConversation: r2(uni(0.1, 0.22)) },
    maxAttempts: pick([14, 40]),
  };
}

describe('calling unreached leads every 15 minutes is never the answer', () => {
  it('loses to hourly calls, or ties, on 6 random floors', () => {
    const rows: string[] = [];
    let violations = 0;
    for (let k = 0; k < 6; k++) {
      const { maxAttempts, ...world } = floor(5001 + k);
      const every = (hours: number) => funded({ ...world, callbacks: { preset: 'radar', statuses: { attempted: { intervalHours: [hours, hours], maxAttempts } } } }, 16);
      const quarter = every(0.25), hourly = every(1);
      const d = pairedDifference('funded', quarter, hourly);
      const bad = d.ci95![1] < 0;
      if (bad) violations++;
      rows.push(`${bad ? '15 MIN' : 'ok    '} ${JSON.stringify({ ...world, maxAttempts })}: every 15 min ${mean(quarter).toFixed(1)}, hourly ${mean(hourly).toFixed(1)}, ${d.mean.toFixed(1)} [${d.ci95![0].toFixed(1)}, ${d.ci95![1].toFixed(1)}]`);
    }
    expect(violations, rows.join('\n')).toBe(0);
  });
});
