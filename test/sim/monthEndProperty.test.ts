import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/sim/calendar';
import { loadScenario } from '../../src/scenario/load';
import { runReplication } from '../../src/sim/runner';
import { mulberry32 } from '../helpers/random';

/*
 * The month (docs/tradeoffs.md, "Process time and the month"): fundings count on their closing day, and a borrower who
 * wants a month-end closing closes on the month's last business day. Checked over random calendars (start dates,
 * process lengths, closing lead times): with every borrower wanting month end, every funding is in the month's last
 * week (fundedInLastWeekShare 1); with none, the share is the last week's share of the business days fundings fall on
 * (a closed form from the calendar, within three binomial standard errors); and the share never falls as more
 * borrowers want month end, on the same leads.
 */

const DAY = 1440;

function world(seed: number) {
  const u = mulberry32(seed);
  const uni = (a: number, b: number) => a + (b - a) * u();
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(u() * xs.length)];
  const mean = Math.round(uni(20, 45));
  return {
    startDate: pick(['2024-02-01', '2025-05-14', '2026-01-05', '2026-08-30', '2027-11-20']),
    days: 120,
    warmupDays: 30,
    cooldownDays: 90,
    leads: { perDay: 40 },
    funnel: { applicationPerConversation: 0.3 },
    loanProcess: { processDays: { mean, sd: Math.round(mean * uni(0.1, 0.4)) }, closingLeadDays: Math.round(uni(1, 10)) },
  };
}

function run(scenario: object, replication: number) {
  const s = loadScenario(JSON.parse(JSON.stringify(scenario)));
  const days: number[] = [];
  const r = runReplication(s.config, s.policies, replication, {
    seed: 'month-end',
    observer: { onStatus: (lead, _from, to, now) => void (to === 'funded' && lead.counted && days.push(Math.floor(now / DAY))) },
  });
  return { share: r.metrics.fundedInLastWeekShare, days, calendar: new Calendar(s.config.startDate) };
}

describe('fundings count on their closing day, and month-end borrowers close in the month\'s last week', () => {
  it('gives every funding in the last week when every borrower wants month end, the calendar\'s share when none does, and never less as more do', () => {
    const problems: string[] = [];
    for (let k = 0; k < 4; k++) {
      const w = world(31 + 7919 * k);
      const at = (monthEndShare: number) => [0, 1].map((r) => run({ ...w, loanProcess: { ...w.loanProcess, monthEndShare } }, r));
      const none = at(0), some = at(0.3), most = at(0.7), all = at(1);
      for (const r of all) if (r.share !== 1) problems.push(`world ${k}: every borrower wants month end, yet ${r.share} of fundings in the last week`);
      // None: closings fall on business days spread over the span fundings cover; the share of them in a last week.
      const { calendar } = none[0];
      const funded = none.flatMap((r) => r.days);
      const from = Math.min(...funded), to = Math.max(...funded);
      let business = 0, lastWeek = 0;
      for (let d = from; d <= to; d++) {
        if (calendar.weekday(d * DAY) >= 5) continue;
        business++;
        if (calendar.daysInMonth(d * DAY) - calendar.dayOfMonth(d * DAY) < 7) lastWeek++;
      }
      const expected = lastWeek / business;
      const observed = funded.filter((d) => calendar.daysInMonth(d * DAY) - calendar.dayOfMonth(d * DAY) < 7).length / funded.length;
      const se = Math.sqrt((expected * (1 - expected)) / funded.length);
      if (Math.abs(observed - expected) > 3 * se) problems.push(`world ${k}: with no month-end borrowers ${observed.toFixed(3)} of ${funded.length} fundings in a last week, the calendar's business days give ${expected.toFixed(3)} +- ${(3 * se).toFixed(3)}`);
      // On the same leads, a larger month-end share never lowers the last week's share (mean of the two replications).
      const mean = (rs: { share: number }[]) => (rs[0].share + rs[1].share) / 2;
      const shares = [none, some, most, all].map(mean);
      for (let i = 1; i < shares.length; i++) if (!(shares[i] > shares[i - 1])) problems.push(`world ${k}: month-end shares 0 / 0.3 / 0.7 / 1 give last-week shares ${shares.map((x) => x.toFixed(3)).join(' / ')}`);
    }
    expect(problems).toEqual([]);
  });
});
