import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/sim/calendar';
import type { Lead } from '../../src/sim/lead';
import { loadScenario } from '../../src/scenario/load';
import { runReplication } from '../../src/sim/runner';
import { mulberry32 } from '../helpers/random';

/*
 * Process time, not coin flips (docs/tradeoffs.md, "Process time and the month"), as properties over random loan
 * processes and cadences: after an application the loan moves by elapsed work, so no cadence, however busy, funds a
 * loan sooner than its own processing need; every funding falls on a business day at the closing hour, a month-end
 * borrower's on a month's last business day; and calling borrowers every 15 minutes instead of within their touch
 * window closes them, beyond their processing need, no sooner than the touch cadence's own delay in telling them
 * they are clear to close.
 */

const DAY = 1440;

/** A random loan process within the ranges of docs/tradeoffs.md (ICE 40-53 days to closing, less a week). */
function loanWorld(seed: number) {
  const u = mulberry32(seed);
  const uni = (a: number, b: number) => a + (b - a) * u();
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const mean = r2(uni(20, 45));
  return {
    days: 60,
    warmupDays: 0,
    cooldownDays: 120,
    leads: { perDay: 30 },
    funnel: { applicationPerConversation: r2(uni(0.2, 0.4)) },
    loanProcess: {
      processDays: { mean, sd: r2(mean * uni(0.1, 0.4)) },
      conditionsDays: Math.round(uni(3, 15)),
      touchWindowHours: Math.round(uni(24, 120)),
      closingLeadDays: Math.round(uni(1, 10)),
      monthEndShare: r2(uni(0, 0.5)),
      withdrawPerCrowdedCall: r2(uni(0, 0.03)),
    },
  };
}

const cadence = (applicationHours: number, closingHours: number) => ({
  preset: 'radar',
  productionCycle: [],
  statuses: { application: { intervalHours: [applicationHours, applicationHours], maxAttempts: 1000 }, closing: { intervalHours: [closingHours, closingHours], maxAttempts: 1000 } },
});

interface Funded {
  appliedAt: number;
  fundedAt: number;
  needed: number;
  monthEnd: boolean;
}

function fundings(scenario: object, replication: number): { funded: Funded[]; calendar: Calendar } {
  const s = loadScenario(JSON.parse(JSON.stringify(scenario)));
  const applied = new Map<Lead, number>();
  const funded: Funded[] = [];
  runReplication(s.config, s.policies, replication, {
    seed: 'process-time',
    observer: {
      onStatus(lead, _from, to, now) {
        if (to === 'application' && !applied.has(lead)) applied.set(lead, now);
        if (to === 'funded') funded.push({ appliedAt: applied.get(lead)!, fundedAt: now, needed: lead.loan!.needed, monthEnd: lead.loan!.prefersMonthEnd });
      },
    },
  });
  return { funded, calendar: new Calendar(s.config.startDate) };
}

describe('a loan moves by elapsed work, not by calls', () => {
  it('never funds a loan sooner than its processing need, whatever the cadence, and funds on business days (month-end borrowers on the last one)', () => {
    const problems: string[] = [];
    let checked = 0;
    for (let k = 0; k < 6; k++) {
      const world = loanWorld(20261126 + 104729 * k);
      for (const [app, close] of [[0.25, 0.25], [24, 24], [60, 36]]) {
        const { funded, calendar } = fundings({ ...world, callbacks: cadence(app, close) }, k);
        for (const f of funded) {
          checked++;
          const day = Math.floor(f.fundedAt / DAY) * DAY;
          const lastDay = calendar.daysInMonth(day) - calendar.dayOfMonth(day);
          if (f.fundedAt - f.appliedAt < f.needed) problems.push(`world ${k}, every ${app} h: funded ${((f.fundedAt - f.appliedAt) / DAY).toFixed(1)} days after the application, its process needs ${(f.needed / DAY).toFixed(1)}`);
          if (calendar.weekday(day) >= 5) problems.push(`world ${k}, every ${app} h: funded on a weekend`);
          // The month's last business day: no weekday left after it in the month.
          if (f.monthEnd && Array.from({ length: lastDay }, (_, i) => calendar.weekday(day + (i + 1) * DAY)).some((w) => w < 5)) problems.push(`world ${k}, every ${app} h: a month-end borrower funded before the month's last business day`);
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('closes borrowers called every 15 minutes no sooner than borrowers called within their touch window, but for the delay in telling them', () => {
    const rows: string[] = [];
    let violations = 0;
    for (let k = 0; k < 6; k++) {
      const world = loanWorld(7 + 7919 * k);
      // Month-end closings would turn a day's difference in telling into a month's: left out here (checked above).
      world.loanProcess.monthEndShare = 0;
      // Calls every third of the touch window, by a floor at work every day, keep every borrower touched (a weekend
      // off would leave gaps longer than the window, which busier calls do close): the process runs at its full pace.
      // Crowded calls cost no borrower here, so that both cadences keep enough loans to compare.
      world.loanProcess.withdrawPerCrowdedCall = 0;
      const floor = { ...world, agents: [{ name: 'Closer', count: 10, shift: '08:00-18:00', days: 'Mon-Sun', pipelineLimit: 150, newLeadsPerDay: 7 }] };
      const within = Math.round(world.loanProcess.touchWindowHours / 3);
      // Days from application to funding beyond the loan's own processing need: comparing the days themselves would
      // compare different loans, since borrowers called every 15 minutes walk more, the long processes most.
      const days = (app: number) => {
        const all = [0, 1, 2].flatMap((r) => fundings({ ...floor, callbacks: cadence(app, Math.min(app, 24)) }, r).funded);
        return all.reduce((s, f) => s + (f.fundedAt - f.appliedAt - f.needed), 0) / all.length / DAY;
      };
      const busy = days(0.25), touched = days(within);
      // Telling clear-to-close waits for the next conversation: about one interval later, a missed call (a fifth of
      // them) or a night more at most.
      const bound = touched - within / 24 - 1.5;
      const bad = busy < bound;
      if (bad) violations++;
      rows.push(`${bad ? 'SOONER' : 'ok    '} world ${k} (touch window ${world.loanProcess.touchWindowHours} h, process ${world.loanProcess.processDays.mean} days): days beyond the process need: every 15 min ${busy.toFixed(1)}, every ${within} h ${touched.toFixed(1)}`);
    }
    expect(violations, rows.join('\n')).toBe(0);
  });
});
