import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/sim/calendar';
import { doNotCallChance, fatigueMultiplier, loadDecayPerMinute, numberVolumeAt, recentLoadAt, spamLabelMultiplier } from '../../src/sim/contactFatigue';
import { followUpEffect, readyAndWaiting } from '../../src/sim/followUp';
import { closingDayOutcome, closingTime, lastBusinessDayOfMonth, lockDays, openLoan, progressMinutes, withdrawChance } from '../../src/sim/loanProcess';
import type { ElapsedLoanProcess, FatigueConfig, FollowUpConfig } from '../../src/sim/modelConfig';
import { loadScenario } from '../../src/scenario/load';
import { runReplication } from '../../src/sim/runner';

const defaults = loadScenario({}).config;
const fatigue = defaults.fatigue as FatigueConfig;
const followUp = defaults.followUp as FollowUpConfig;
const loan = defaults.loanProcess as ElapsedLoanProcess;

describe('contact fatigue', () => {
  it('halves the weight of past calls every half-life', () => {
    const h = fatigue.recoveryHalfLifeHours * 60, rate = loadDecayPerMinute(fatigue);
    expect(recentLoadAt(4, 0, h, rate)).toBeCloseTo(2, 12);
    expect(recentLoadAt(4, 0, 3 * h, rate)).toBeCloseTo(0.5, 12);
    expect(recentLoadAt(0, -1, 10, rate)).toBe(0);
  });

  it('leaves the free calls alone and multiplies the answer chance per crowded call beyond them', () => {
    expect(fatigueMultiplier(fatigue, fatigue.freeRecentCalls)).toBe(1);
    expect(fatigueMultiplier(fatigue, fatigue.freeRecentCalls + 2)).toBeCloseTo(fatigue.answerFactorPerCall ** 2, 12);
  });

  it('raises the do-not-call chance with crowding and persistence, and caps it', () => {
    const base = doNotCallChance(fatigue, 0, 1);
    expect(base).toBeCloseTo(fatigue.doNotCallPerAnswer, 12);
    expect(doNotCallChance(fatigue, fatigue.freeRecentCalls + 1, 1)).toBeCloseTo(base + fatigue.doNotCallPerCrowdedCall, 12);
    expect(doNotCallChance(fatigue, 0, fatigue.persistentAfterAttempts + 3)).toBeCloseTo(base + 3 * fatigue.doNotCallPerAttemptBeyond, 12);
    expect(doNotCallChance(fatigue, 1e6, 1e6)).toBeLessThan(1);
  });

  it('makes a call every 15 minutes answered far less after two hours than a call every 3 hours (steady loads in closed form)', () => {
    // Steady load of calls every g minutes: sum of 2^(-k g / h) over k >= 1 = 1 / (2^(g/h) - 1).
    const h = fatigue.recoveryHalfLifeHours * 60, rate = loadDecayPerMinute(fatigue);
    const steady = (g: number) => 1 / (2 ** (g / h) - 1);
    let load = 0, last = -1;
    for (let t = 0; t <= 10 * 24 * 60; t += 15) {
      load = recentLoadAt(load, last, t, rate) + 1;
      last = t;
    }
    expect(load - 1).toBeCloseTo(steady(15), 6);
    expect(fatigueMultiplier(fatigue, steady(15))).toBeLessThan(0.05);
    expect(fatigueMultiplier(fatigue, steady(180))).toBeGreaterThan(0.9);
  });
});

describe('follow-up spacing', () => {
  it('has its best gap at tau ln(1 + 1 / (lambda tau)) without competitors, the maximum of (1 - e^(-g/tau)) e^(-lambda g)', () => {
    const tau = followUp.thinkHours * 60;
    const lambda = Math.LN2 / (followUp.interestHalfLifeDays * 1440);
    const best = tau * Math.log(1 + 1 / (lambda * tau));
    const progress = (g: number) => followUpEffect(followUp, g, 0).progress;
    expect(progress(best)).toBeGreaterThan(progress(best * 0.8));
    expect(progress(best)).toBeGreaterThan(progress(best * 1.25));
    // A day or two, as the field's 18-24 hour contacted cadence.
    expect(best / 60).toBeGreaterThan(18);
    expect(best / 60).toBeLessThan(96);
  });

  it('moves the best gap shorter with more competitors', () => {
    const value = (g: number, buyers: number) => {
      const e = followUpEffect(followUp, g, buyers);
      return e.progress * (1 - e.lostToCompetitor);
    };
    const argmax = (buyers: number) => {
      let best = 0, at = 0;
      for (let g = 30; g <= 14 * 1440; g += 30) if (value(g, buyers) > best) [best, at] = [value(g, buyers), g];
      return at;
    };
    expect(argmax(3)).toBeLessThan(argmax(0));
  });

  it('loses to competitors only consumers who became ready and waited: a Monte Carlo of the decision clock', () => {
    // Think time T ~ Exp(mean 12 h), competitors' close time C ~ Exp(rate 0.6 a day) after T: lost when T + C < gap.
    let seed = 12345; // mulberry32
    const uniform = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let z = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      z = (z + Math.imul(z ^ (z >>> 7), 61 | z)) ^ z;
      return (((z ^ (z >>> 14)) >>> 0) + 0.5) / 4294967296;
    };
    const think = 12 * 60, rate = 0.6 / 1440, n = 200_000;
    for (const gap of [3 * 60, 21 * 60, 60 * 60]) {
      let waiting = 0;
      for (let i = 0; i < n; i++) {
        const t = -think * Math.log(uniform());
        const c = -Math.log(uniform()) / rate;
        if (t < gap && t + c >= gap) waiting++;
      }
      expect(readyAndWaiting(think, rate, gap)).toBeCloseTo(waiting / n, 2);
    }
    // The closed form is continuous through its removable singularity rate x think = 1.
    expect(readyAndWaiting(think, 1 / think, 600)).toBeCloseTo(readyAndWaiting(think, 1 / think + 1e-9, 600), 6);
    // A short gap loses about rate x gap^2 / (2 think), a long one about rate x gap: convex in the gap.
    const lost = (g: number) => 1 - Math.exp(-g / think) - readyAndWaiting(think, rate, g);
    expect(lost(60) / (rate * 60 * 60 / (2 * think))).toBeCloseTo(1, 1);
    expect(lost(40 * 60) / lost(20 * 60)).toBeGreaterThan(2);
  });

  it('annoys most right after a conversation and not at all after days', () => {
    expect(followUpEffect(followUp, 0, 0).annoyance).toBeCloseTo(1 + followUp.annoyance, 12);
    expect(followUpEffect(followUp, 7 * 1440, 0).annoyance).toBeCloseTo(1, 4);
  });
});

describe('loan process', () => {
  // 2026-01-05 is a Monday; January 2026 ends on Saturday the 31st, so its last business day is Friday the 30th.
  const cal = new Calendar('2026-01-05');
  it('finds the last business day of a month', () => {
    expect(cal.isoDate(lastBusinessDayOfMonth(cal, 0))).toBe('2026-01-30');
    expect(cal.isoDate(lastBusinessDayOfMonth(cal, 40))).toBe('2026-02-27');
  });

  it('closes a month-end borrower on the month\'s last business day, and one that clears too late on the next month\'s', () => {
    const day = (iso: string) => (Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8)) - Date.UTC(2026, 0, 5)) / 86_400_000;
    const at = (iso: string) => cal.isoDate(Math.floor(closingTime(cal, loan, day(iso) * 1440, true) / 1440));
    expect(at('2026-01-12')).toBe('2026-01-30');
    // Cleared on the 26th: the earliest closing (a week out) is in February, so the borrower waits for February's end.
    expect(at('2026-01-26')).toBe('2026-02-27');
    // A borrower without a month-end wish closes on the first business day a week out.
    expect(cal.isoDate(Math.floor(closingTime(cal, loan, day('2026-01-12') * 1440, false) / 1440))).toBe('2026-01-19');
  });

  it('sets a closing after the time it is set at, also with no lead days (a slipped closing cannot close again at once)', () => {
    // With closingLeadDays 0 a closing slipped at noon was set for the same noon, and slipped again at once without end
    // (disclosureDays 0); a loan cleared after noon was set for a time already past. Found by test/sim/randomScenarios.test.ts.
    const none = { ...loan, closingLeadDays: 0 };
    const noon = 12 * 60;
    // Monday 2026-01-05 is day 0; Friday the 30th (day 25) is January's last business day.
    for (const monthEnd of [false, true]) {
      for (const t of [0, noon - 1, noon, noon + 0.5, 4 * 1440 + noon, 25 * 1440 + noon, 25 * 1440 + 23 * 60]) {
        expect(closingTime(cal, none, t, monthEnd)).toBeGreaterThan(t);
      }
    }
    // Cleared Monday morning: closes the same day; at or after Monday noon: Tuesday; at Friday noon: the next Monday.
    expect(closingTime(cal, none, 9 * 60, false)).toBe(noon);
    expect(closingTime(cal, none, noon, false)).toBe(1440 + noon);
    expect(closingTime(cal, none, 4 * 1440 + noon, false)).toBe(7 * 1440 + noon);
    // A month-end borrower whose closing slips on January's last business day waits for February's (Friday the 27th, day 53).
    expect(closingTime(cal, none, 25 * 1440 + noon, true)).toBe(53 * 1440 + noon);
  });

  it('ends a run whose closings slip with no lead days and no disclosure window', () => {
    const s = loadScenario({
      days: 20, warmupDays: 0, cooldownDays: 10, replications: 1, leads: { perDay: 30 },
      funnel: { applicationPerConversation: 1 },
      loanProcess: { processDays: { mean: 1, sd: 0.5 }, closingLeadDays: 0, disclosureDays: 0, conditionsDays: 0 },
    });
    const closings = { n: 0 };
    const r = runReplication(s.config, s.policies, 0, { seed: 1, observer: { onStatus: (_l, _f, to) => void (to === 'closing' && closings.n++) } });
    expect(closings.n).toBeGreaterThan(5);
    expect(r.funnel.closing).toBeGreaterThan(0);
  });

  it('advances only while the borrower was reached within the touch window', () => {
    const w = loan.touchWindowHours * 60;
    expect(progressMinutes(0, 10 * w, 0, w)).toBe(w);
    expect(progressMinutes(100, 200, 150, w)).toBe(100);
    expect(progressMinutes(5 * w, 6 * w, 0, w)).toBe(0);
  });

  it('gives a neglected borrower the neglect factor times the withdrawal hazard (exponential survival)', () => {
    const w = loan.touchWindowHours * 60;
    const days = 10;
    const touched = withdrawChance(loan, 0, days * 1440, days * 1440, 1);
    expect(touched).toBeCloseTo(1 - Math.exp(-loan.withdrawPerDay * days), 12);
    const neglected = withdrawChance(loan, w, w + days * 1440, 0, 1);
    expect(neglected).toBeCloseTo(1 - Math.exp(-loan.withdrawPerDay * loan.neglectFactor * days), 12);
  });

  it('locks for 30, 45, 60 ... days', () => {
    expect(lockDays(loan, 10)).toBe(30);
    expect(lockDays(loan, 31)).toBe(45);
    expect(lockDays(loan, 60)).toBe(60);
  });

  it('locks a new loan past its planned closing, and slips a closing whose borrower was not reached in the days before', () => {
    for (let id = 0; id < 50; id++) {
      const l = openLoan(loan, 'locks', id, 1000);
      const planned = loan.processDays.mean + loan.processDays.sd + loan.closingLeadDays + (l.prefersMonthEnd ? 20 : 0);
      expect(l.lockExpiresAt - 1000).toBeGreaterThanOrEqual(planned * 1440);
      expect(l.needed).toBeGreaterThan(0);
    }
    const l = openLoan(loan, 'slip', 1, 0);
    const day = 60 * 1440;
    expect(closingDayOutcome(loan, l, day - (loan.disclosureDays + 1) * 1440, day)).toBe('slip');
    expect(closingDayOutcome(loan, { ...l, lockExpiresAt: Infinity }, day - 1440, day)).not.toBe('slip');
  });
});


describe('carrier labels on numbers that dial all day (src/sim/contactFatigue.ts)', () => {
  const config = { numbersPerAgent: 2, spamLabelFromCallsPerDay: 75, spamLabelFullCallsPerDay: 150, spamLabelAnswerFactor: 0.38 } as FatigueConfig;

  it('weighs a number\'s past calls e^(-days since): a steady r calls a day settles at r', () => {
    for (const r of [12, 60, 240]) {
      let volume = 0, at = -1;
      for (let k = 0; k < r * 30; k++) {
        const now = (k * 1440) / r;
        volume = numberVolumeAt(volume, at, now) + 1;
        at = now;
      }
      // Just after a call, a steady stream of r a day weighs 1 / (1 - e^(-1/r)), which is r + 1/2 to within 1/(12 r).
      expect(volume).toBeCloseTo(1 / (1 - Math.exp(-1 / r)), 6);
      expect(Math.abs(volume - (r + 0.5))).toBeLessThan(1 / (12 * r) + 1e-9);
    }
    expect(numberVolumeAt(5, -1, 100)).toBe(0);
    expect(numberVolumeAt(10, 0, 1440)).toBeCloseTo(10 / Math.E, 12);
  });

  it('labels nothing below the threshold per number, everything from the full level, and in proportion between', () => {
    // An agent's calls are spread over its numbers: 150 agent calls a day on 2 numbers are 75 a number.
    expect(spamLabelMultiplier(config, 150)).toBe(1);
    expect(spamLabelMultiplier(config, 300)).toBeCloseTo(0.38, 12);
    expect(spamLabelMultiplier(config, 1000)).toBeCloseTo(0.38, 12);
    // Halfway (112.5 a number): half the calls labeled, answered at 1 - 0.5 x 0.62.
    expect(spamLabelMultiplier(config, 225)).toBeCloseTo(0.69, 12);
    let last = 1;
    for (let v = 0; v <= 400; v += 5) {
      const m = spamLabelMultiplier(config, v);
      expect(m).toBeLessThanOrEqual(last);
      last = m;
    }
  });
});
