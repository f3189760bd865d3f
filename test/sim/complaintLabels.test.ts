import { describe, expect, it } from 'vitest';
import { pairedDifference } from '../../src/compare';
import { complaintChance, complaintDecayPerMinute, complaintsAt, spamLabelMultiplier } from '../../src/sim/contactFatigue';
import type { FatigueConfig } from '../../src/sim/modelConfig';
import { loadScenario } from '../../src/scenario/load';
import { runReplication } from '../../src/sim/runner';
import { mulberry32 } from '../helpers/random';

/*
 * Carriers label numbers by complaints as well as by volume (src/sim/contactFatigue.ts; docs/tradeoffs.md,
 * "Persistence vs annoyance"): a consumer not yet reached who misses a crowded call may report the number, and the
 * complaint labels the agent's numbers for days, on every lead it calls.
 */

const fatigue = loadScenario({}).config.fatigue as FatigueConfig;

describe('complaint labels: the algebra', () => {
  it('draws no complaint within the free allowance, and complaintPerCrowdedCall per crowded call beyond it, capped', () => {
    expect(complaintChance(fatigue, 0)).toBe(0);
    expect(complaintChance(fatigue, fatigue.freeRecentCalls)).toBe(0);
    expect(complaintChance(fatigue, fatigue.freeRecentCalls + 3)).toBeCloseTo(3 * fatigue.complaintPerCrowdedCall, 12);
    expect(complaintChance(fatigue, 1e9)).toBeLessThan(1);
  });

  it('forgets a complaint by a factor e every complaintMemoryDays', () => {
    const rate = complaintDecayPerMinute(fatigue), memory = fatigue.complaintMemoryDays * 1440;
    expect(complaintsAt(5, 100, 100 + memory, rate)).toBeCloseTo(5 / Math.E, 12);
    expect(complaintsAt(5, -1, 100, rate)).toBe(0);
  });

  it('labels a call unless it escapes both the volume label and the complaint label (random volumes and complaints)', () => {
    const u = mulberry32(17);
    const labeledShare = (m: number) => (1 - m) / (1 - fatigue.spamLabelAnswerFactor);
    for (let i = 0; i < 500; i++) {
      const volume = 400 * u(), complaints = 40 * u() * (u() < 0.3 ? 0 : 1);
      const byVolume = labeledShare(spamLabelMultiplier(fatigue, volume));
      const byComplaints = Math.min(1, complaints / fatigue.numbersPerAgent / fatigue.spamLabelFullComplaints);
      const both = labeledShare(spamLabelMultiplier(fatigue, volume, complaints));
      expect(1 - both).toBeCloseTo((1 - byVolume) * (1 - byComplaints), 12);
      // Without complaints, the volume's label alone, bit for bit.
      if (complaints === 0) expect(spamLabelMultiplier(fatigue, volume, 0)).toBe(spamLabelMultiplier(fatigue, volume));
    }
    expect(spamLabelMultiplier(fatigue, 0, 1e6)).toBeCloseTo(fatigue.spamLabelAnswerFactor, 12);
  });
});

/** A dialer's fixed retry pattern on a floor: every lead `tries` times, `everyHours` apart. */
function dialer(world: object, tries: number, everyHours: number, extraFatigue: object = {}) {
  const w = world as { fatigue?: object };
  return loadScenario(JSON.parse(JSON.stringify({ ...world, fatigue: { ...w.fatigue, ...extraFatigue }, callbacks: { preset: 'fixed-retries', tries, everyHours } })));
}

function runs(s: ReturnType<typeof loadScenario>, replications: number) {
  return Array.from({ length: replications }, (_, r) => runReplication(s.config, s.policies, r, { seed: 'complaints' }));
}

/** Share of measured leads answered on their first attempt: a call every policy makes alike, so only the label moves it. */
const firstCallContact = (r: ReturnType<typeof runReplication>) => r.byAttempt.firstContacts[0] / r.metrics.leads;

function world(seed: number) {
  const u = mulberry32(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(u() * xs.length)];
  const agents = pick([4, 6, 10]);
  return {
    days: 90,
    leads: { perDay: Math.round((2 + 5 * u()) * agents) },
    agents: [{ name: 'A', count: agents, shift: pick(['08:00-17:00', '09:00-18:00', '12:00-21:00']), days: pick(['Mon-Fri', 'Mon-Sat']), pipelineLimit: 150, newLeadsPerDay: 15 }],
    fatigue: { numbersPerAgent: pick([1, 2, 4]) },
  };
}

describe('complaint labels: what sustained redialing costs the floor', () => {
  it('on random floors, a dialer redialing every 15 minutes 14 times funds fewer loans than one stopping after 5, and answers fewer first calls', () => {
    const rows: string[] = [];
    for (let k = 0; k < 4; k++) {
      const w = world(9100 + k);
      const sustained = runs(dialer(w, 14, 0.25), 10), burst = runs(dialer(w, 5, 0.25), 10);
      // pairedDifference(metric, baseline, variant) is variant - baseline: here 5 tries - 14 tries.
      const funded = pairedDifference('funded', sustained.map((r) => r.metrics.funded), burst.map((r) => r.metrics.funded));
      const first = pairedDifference('contactRate', sustained.map(firstCallContact), burst.map(firstCallContact));
      rows.push(`${JSON.stringify(w)}: funded 5 tries - 14 tries ${funded.mean.toFixed(1)} [${funded.ci95![0].toFixed(1)}, ${funded.ci95![1].toFixed(1)}], first-call contact ${(100 * first.mean).toFixed(1)} pp`);
      // The 14-try dialer makes the same first five calls and nine more: only what those calls cost can put it behind.
      expect(funded.ci95![0], rows.join('\n')).toBeGreaterThan(0);
      // Every lead's first call is the same in both; the other leads' crowded calls label the number it comes from.
      expect(first.ci95![0], rows.join('\n')).toBeGreaterThan(0);
      // And the run says so: the share of calls shown as spam (calls to consumers not yet reached).
      const labeled = (xs: typeof burst) => xs.reduce((a, r) => a + r.metrics.spamLabeledShare, 0) / xs.length;
      expect(labeled(sustained), rows.join('\n')).toBeGreaterThan(labeled(burst) + 0.1);
    }
  });

  it('is what carries it: without complaints the same 14 tries fund at least as many as 5', () => {
    const w = world(9100);
    const off = { complaintPerCrowdedCall: 0 };
    const sustained = runs(dialer(w, 14, 0.25, off), 10), burst = runs(dialer(w, 5, 0.25, off), 10);
    // 14 tries - 5 tries: not below zero.
    const d = pairedDifference('funded', burst.map((r) => r.metrics.funded), sustained.map((r) => r.metrics.funded));
    expect(d.ci95![1]).toBeGreaterThan(0);
  });

  it('leaves the radar cadence of the default floor untouched: its first-hour burst stays within the free allowance', () => {
    // The default floor with complaints on and off gives the same runs, bit for bit: no call it makes draws one.
    const on = loadScenario({ days: 60, warmupDays: 20 }), off = loadScenario({ days: 60, warmupDays: 20, fatigue: { complaintPerCrowdedCall: 0 } });
    for (let r = 0; r < 2; r++) {
      const a = runReplication(on.config, on.policies, r, { seed: 'radar' }), b = runReplication(off.config, off.policies, r, { seed: 'radar' });
      expect(a.metrics).toEqual(b.metrics);
      // Its agents (50-70 calls a day over two numbers) are below the volume label too: no call is shown as spam.
      expect(a.metrics.spamLabeledShare).toBe(0);
    }
  });
});
