import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { runReplication } from '../../src/sim/runner';
import { Calendar } from '../../src/sim/calendar';
import { FreshLeadForecast } from '../../src/sim/freshLeadForecast';
import { mulberry32 } from '../helpers/random';

/*
 * A paced cap (agents[].paceNewLeads) spreads the day's newLeadsPerDay over the agent's shift time that day, two
 * leads ahead of the pace, for leads that waited over an hour. Every lead here arrives on Monday between 00:00 and
 * 01:00 (the run starts on Monday 2026-01-05), so from then on only waited leads are handed out, far more than the caps.
 *
 * A shift of whole days ("00:00-24:00" every day) is one interval of a week, and the cap, which starts again each
 * midnight, was spread over that week: the agent took 7, 10, 13, ... of its 20 leads a day from Tuesday to Saturday,
 * where "00:00-23:59" took 20. Found while reading the pacing the random scenarios (randomScenarios.test.ts) exercise.
 */

const mondayNight = new Array<number>(168).fill(0);
mondayNight[0] = 1;

/** New leads the single agent of `shift` (every day, cap 20) receives per day over two weeks, and the minute of each that had waited. */
function intake(shift: string, distribution: unknown = 'round-robin'): { perDay: number[]; times: number[] } {
  const resolved = loadScenario({
    distribution,
    days: 14, warmupDays: 0, cooldownDays: 0, replications: 1, callbacks: 'single-call',
    leads: { perDay: 300, arrivalProfile: mondayNight },
    agents: [{ name: 'A', shift, days: 'Mon-Sun', newLeadsPerDay: 20, pipelineLimit: 100000 }],
    backlog: { maxWaitHours: 100000, passedOverHours: 100000 },
    // No lead comes back from nurture as a fresh lead (a fresh lead may use the whole cap).
    nurture: { returnShare: 0 },
  });
  const perDay = new Array<number>(14).fill(0), times: number[] = [];
  runReplication(resolved.config, resolved.policies, 0, {
    seed: 1,
    observer: {
      onAssign(lead, _agent, now) {
        perDay[Math.floor(now / 1440)]++;
        if (now - lead.waitingSince > 60) times.push(now);
      },
    },
  });
  return { perDay, times };
}

describe('Paced daily caps', () => {
  it('give an agent on shift all day its whole cap every day', () => {
    expect(intake('00:00-24:00').perDay).toEqual(new Array(14).fill(20));
    expect(intake('00:00-23:59').perDay).toEqual(new Array(14).fill(20));
  });

  it('spread a calendar day\'s cap over that day\'s shift time when the shift passes midnight', () => {
    // 20:00-04:00: each day has 4 hours in the morning (yesterday's shift) and 4 in the evening, 8 in all.
    const { perDay, times } = intake('20:00-04:00');
    // Monday has no shift before 20:00 (the run starts that day); every later day takes its whole cap.
    expect(perDay.slice(1)).toEqual(new Array(13).fill(20));
    const taken = new Map<number, number>();
    for (const t of times) {
      const day = Math.floor(t / 1440), minute = t - day * 1440;
      if (day === 0) continue;
      const n = (taken.get(day) ?? 0) + 1;
      taken.set(day, n);
      // Shift minutes of the day before this one: the morning's up to 04:00, then the evening's from 20:00.
      const elapsed = Math.min(minute, 240) + Math.max(0, minute - 1200);
      expect(n).toBeLessThanOrEqual(Math.floor((20 * Math.floor(elapsed)) / 480) + 2);
    }
  });

  it('hold for an agent given leads off shift: two before the shift, the pace during it', () => {
    // Round robin that does not skip agents off shift gave the whole day's cap at midnight (the pace was for on shift only).
    const { perDay, times } = intake('12:00-21:00', { strategy: 'round-robin', options: { skipOffShift: false } });
    expect(perDay.slice(1)).toEqual(new Array(13).fill(20));
    const taken = new Map<number, number>();
    for (const t of times) {
      const day = Math.floor(t / 1440), minute = t - day * 1440;
      const n = (taken.get(day) ?? 0) + 1;
      taken.set(day, n);
      const elapsed = Math.min(540, Math.max(0, Math.floor(minute) - 720));
      expect(n).toBeLessThanOrEqual(Math.floor((20 * elapsed) / 540) + 2);
    }
  });
});

/**
 * One agent (cap 3, 08:00-17:00 every day) and, every day, 20 leads expected at 02:00-03:00 (waited by the shift) and
 * `day` more at 14:00-15:00: the waited leads it takes in the first hour of each shift, before any fresh lead comes.
 */
function waitedInFirstHour(day: number): number[] {
  const profile = new Array<number>(168).fill(0);
  for (let d = 0; d < 7; d++) {
    profile[24 * d + 2] = 20;
    profile[24 * d + 14] = day;
  }
  const resolved = loadScenario({
    days: 14, warmupDays: 0, cooldownDays: 0, replications: 1, callbacks: 'single-call',
    leads: { perDay: 20 + day, arrivalProfile: profile },
    agents: [{ name: 'A', shift: '08:00-17:00', days: 'Mon-Sun', newLeadsPerDay: 3, pipelineLimit: 100000 }],
    backlog: { maxWaitHours: 100000, passedOverHours: 100000 },
    nurture: { returnShare: 0 },
  });
  const perDay = new Array<number>(14).fill(0);
  runReplication(resolved.config, resolved.policies, 0, {
    seed: 1,
    observer: {
      onAssign(lead, _agent, now) {
        const minute = now % 1440;
        if (minute >= 480 && minute < 540 && now - lead.waitingSince > 60) perDay[Math.floor(now / 1440)]++;
      },
    },
  });
  return perDay;
}

describe('Paced daily caps and the day\'s fresh leads', () => {
  it('give leads that waited the two ahead of the pace only from the part of the cap the day\'s fresh leads will not fill', () => {
    // At 08:00 the agent expects `day` fresh leads before 17:00 (the profile's own figure): of its cap of 3 it holds
    // that many for them, and leads that waited take at most two of the rest, min(2, ceil(3 - day)), the even pace
    // giving none before 11:00.
    for (const [day, expected] of [[0, 2], [1.5, 2], [2.5, 1], [5, 0], [40, 0]]) {
      expect(waitedInFirstHour(day), `${day} fresh leads a day`).toEqual(new Array(14).fill(expected));
    }
  });

  it('forecast the leads the arrival process expects between two times, for a Poisson stream and a replayed one', () => {
    const u = mulberry32(7);
    for (let trial = 0; trial < 20; trial++) {
      const weights = Array.from({ length: 168 }, () => (u() < 0.3 ? 0 : u()));
      const total = weights.reduce((a, b) => a + b, 0), perDay = 1 + 100 * u();
      const perHour = weights.map((w) => (perDay * 7 * w) / total);
      const calendar = new Calendar('2026-01-05');
      const clock = { now: 0 };
      const forecast = new FreshLeadForecast({ kind: 'poisson', leadsPerHourOfWeek: perHour }, 28, calendar, [], clock);
      // A whole week holds 7 days of leads, from any start; part of an hour holds its share of the hour's.
      const start = Math.floor(u() * 10000);
      expect(forecast.expectedBetween(start, start + 7 * 1440)).toBeCloseTo(7 * perDay, 6);
      const h = Math.floor(u() * 168), m = Math.floor(u() * 60);
      expect(forecast.expectedBetween(h * 60 + m, h * 60 + 60)).toBeCloseTo((perHour[h] * (60 - m)) / 60, 9);
      // A replayed stream of the same leads at the start of their hours, over 4 weeks: the same hourly means.
      const leads = perHour.flatMap((n, hour) => Array.from({ length: 4 }, (_, week) => Array.from({ length: Math.round(n * 10) }, () => ({ t: week * 10080 + hour * 60, source: 0, product: 0 }))).flat());
      const replayed = new FreshLeadForecast({ kind: 'replay', leads }, 28, calendar, [], clock);
      for (let k = 0; k < 5; k++) {
        const hour = Math.floor(u() * 168);
        expect(replayed.expectedBetween(hour * 60, hour * 60 + 60)).toBeCloseTo(Math.round(perHour[hour] * 10), 9);
      }
    }
    // A stream of 10 days (Monday to the next Wednesday) with 3 leads in every hour: 3 an hour on every day of the week,
    // though Monday to Wednesday come twice in it and the other days once.
    const calendar = new Calendar('2026-01-05');
    const leads = Array.from({ length: 240 }, (_, hour) => [0, 20, 40].map((m) => ({ t: hour * 60 + m, source: 0, product: 0 }))).flat();
    const tenDays = new FreshLeadForecast({ kind: 'replay', leads }, 10, calendar, [], { now: 0 });
    for (const hour of [0, 30, 60, 90, 120, 150, 167]) expect(tenDays.expectedBetween(hour * 60, hour * 60 + 60)).toBeCloseTo(3, 9);
  });
});
