import { MINUTES_PER_HOUR } from '../sim/calendar';
import { runReplication } from '../sim/runner';
import type { ResolvedScenario } from '../scenario/resolve';
import { meanInterval, type Estimate } from './estimate';
import { firstCallExperiment, type DelayArm } from './firstCallExperiment';

/** One published figure against the model: the target band, the simulated value with its 95% interval, pass or fail. */
export interface CalibrationRow {
  figure: number;
  /** What is measured, in the study's words. */
  name: string;
  source: string;
  /** The published value... */
  target: number;
  /** ...and the band the simulated mean must fall in. */
  low: number;
  high: number;
  unit: 'percent' | 'ratio' | 'points';
  simulated: Estimate;
  pass: boolean;
}

export interface ExperimentOptions {
  seed: string;
  replications: number;
}

function row(figure: number, name: string, source: string, target: number, low: number, high: number, unit: CalibrationRow['unit'], values: number[]): CalibrationRow {
  const simulated = meanInterval(values);
  return { figure, name, source, target, low, high, unit, simulated, pass: simulated.mean >= low && simulated.mean <= high };
}

/** Cumulative shares of a per-attempt count vector: out[k] = share of the total at attempts 1..k+1. */
function cumulativeShares(counts: readonly number[], upTo: number): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const out: number[] = [];
  let sum = 0;
  for (let k = 0; k < upTo; k++) {
    sum += counts[k] ?? 0;
    out.push(total > 0 ? (100 * sum) / total : NaN);
  }
  return out;
}

const LEADS360 = 'Leads360 call-frequency study (c. 2010)';
const VELOCIFY_2012 = 'Velocify Sales Optimization Study (2012)';

/**
 * Figures 1 and 2, through the whole workflow of a scenario (its cadence, shifts and funnel): the cumulative
 * share of contacted leads first reached by attempts 1..5 (Leads360) and of funded leads first reached on
 * attempt 1 and by attempt 6 (Velocify 2012).
 */
export function attemptFigures(resolved: ResolvedScenario, options: ExperimentOptions): CalibrationRow[] {
  const contacts: number[][] = [[], [], [], [], []];
  const funded: number[][] = [[], []];
  const lateVsEarly: number[] = [];
  const sum = (xs: readonly number[], from: number, to: number) => xs.slice(from, to).reduce((a, b) => a + b, 0);
  for (let r = 0; r < options.replications; r++) {
    const run = runReplication(resolved.config, resolved.policies, r, { seed: options.seed });
    cumulativeShares(run.byAttempt.firstContacts, 5).forEach((v, k) => contacts[k].push(v));
    const f = cumulativeShares(run.byAttempt.fundedByFirstContactAttempt, 6);
    funded[0].push(f[0]);
    funded[1].push(f[5]);
    // Funded per contacted lead, first reached on attempt 7 or later against attempts 1-6.
    const fc = run.byAttempt.firstContacts, fu = run.byAttempt.fundedByFirstContactAttempt;
    const early = sum(fu, 0, 6) / sum(fc, 0, 6), late = sum(fu, 6, Infinity) / sum(fc, 6, Infinity);
    if (early > 0 && sum(fc, 6, Infinity) > 0) lateVsEarly.push(late / early);
  }
  const targets = [39, 72, 83, 88, 91];
  const rows = targets.map((t, k) => row(1, `contacted leads first reached by attempt ${k + 1}, %`, LEADS360, t, t - 3, t + 3, 'percent', contacts[k]));
  rows.push(row(2, 'funded leads first reached on attempt 1, %', VELOCIFY_2012, 48, 43, 53, 'percent', funded[0]));
  rows.push(row(2, 'funded leads first reached by attempt 6, %', VELOCIFY_2012, 93, 90, 96, 'percent', funded[1]));
  // Velocify 2012: leads that need 7 or more calls are 45% less likely to convert. A vendor study (quality C), so a
  // wide band: markedly less, between a third and five sixths of the rate.
  rows.push(row(2, 'conversion, first reached on attempt 7+ vs 1-6 (x)', VELOCIFY_2012, 0.55, 0.35, 0.85, 'ratio', lateVsEarly));
  return rows;
}

export interface SpeedOptions extends ExperimentOptions {
  /** Leads per arm per replication. */
  leads: number;
}

/** Per replication, the share of each arm's leads with the chosen outcome. */
function speedArms(resolved: ResolvedScenario, arms: DelayArm[], outcome: 'firstCallContact' | 'qualified', followUps: boolean, options: SpeedOptions): number[][] {
  const callbacks = resolved.policies().callbacks;
  const out: number[][] = arms.map(() => []);
  for (let r = 0; r < options.replications; r++) {
    arms.forEach((arm, i) => {
      // Every arm sees the same leads (common random numbers): only the delay differs.
      const res = firstCallExperiment(resolved.config, arm, { seed: `${options.seed}/${r}`, leads: options.leads, callbacks: followUps ? callbacks : undefined });
      out[i].push(res[outcome]);
    });
  }
  return out;
}

const ratios = (a: number[], b: number[]) => a.map((x, i) => x / b[i]);
const hour = (from: number, to: number): DelayArm => ({ fromMinutes: from * MINUTES_PER_HOUR, toMinutes: to * MINUTES_PER_HOUR });
const HBR_2011 = 'Oldroyd, McElheran, Elkington, HBR 2011';
const LRM_2007 = 'Lead Response Management Study (2007)';

/**
 * Figure 3 (HBR 2011): leads whose first call is placed within the first hour, in the second hour, or a day to two
 * days after arrival; the ratios of the shares qualified on that call.
 */
export function hbrSpeedFigure(resolved: ResolvedScenario, options: SpeedOptions): CalibrationRow[] {
  const [first, second, day] = speedArms(resolved, [hour(0, 1), hour(1, 2), hour(24, 48)], 'qualified', false, options);
  return [
    row(3, 'qualified, first call in hour 1 vs hour 2 (x)', HBR_2011, 7, 5, 9, 'ratio', ratios(first, second)),
    row(3, 'qualified, first call in hour 1 vs after 24 h (x)', HBR_2011, 60, 40, 100, 'ratio', ratios(first, day)),
  ];
}

/**
 * Figure 4 (LRM 2007): the first call at 0-5 minutes against 30-35 minutes; the ratio of the shares reached on
 * that call, and of the shares qualified with the cadence's follow-ups.
 */
export function lrmSpeedFigure(resolved: ResolvedScenario, options: SpeedOptions): CalibrationRow[] {
  const arms = [{ fromMinutes: 0, toMinutes: 5 }, { fromMinutes: 30, toMinutes: 35 }];
  const [c5, c30] = speedArms(resolved, arms, 'firstCallContact', false, options);
  const [q5, q30] = speedArms(resolved, arms, 'qualified', true, options);
  return [
    row(4, 'contact on the first call, 5 vs 30 minutes (x)', LRM_2007, 100, 50, 200, 'ratio', ratios(c5, c30)),
    row(4, 'qualified, first call at 5 vs 30 minutes (x)', LRM_2007, 21, 10, 40, 'ratio', ratios(q5, q30)),
  ];
}

/** Share reached on a call placed at the moment of arrival, for leads arriving on these days and hours. */
function contactAt(resolved: ResolvedScenario, days: number[], hours: [number, number], seed: string, leads: number): number {
  return firstCallExperiment(resolved.config, { fromMinutes: 0, toMinutes: 0 }, { seed, leads, arrivalDays: days, arrivalHours: hours }).firstCallContact;
}

/**
 * Figure 5, time of day and day of week: fresh leads called at once, by the hour and day they arrive. For the
 * "lrm-2007" profile, the best weekday over the worst and 4-6 pm over 11 am-noon; for "velocify-2016", the spread
 * in points between the best and the worst working hour (8 am-8 pm).
 */
export function timeOfWeekFigure(lrm: ResolvedScenario, velocify: ResolvedScenario, options: SpeedOptions): CalibrationRow[] {
  const bestDay: number[] = [], lateAfternoon: number[] = [], spread: number[] = [];
  for (let r = 0; r < options.replications; r++) {
    const seed = `${options.seed}/${r}`;
    // Common random numbers: each day and each hour sees the same leads.
    const byDay = [0, 1, 2, 3, 4].map((d) => contactAt(lrm, [d], [9, 17], seed, options.leads));
    bestDay.push(100 * (Math.max(...byDay) / Math.min(...byDay) - 1));
    lateAfternoon.push(100 * (contactAt(lrm, [0, 1, 2, 3, 4], [16, 18], seed, options.leads) / contactAt(lrm, [0, 1, 2, 3, 4], [11, 12], seed, options.leads) - 1));
    const byHour: number[] = [];
    for (let h = 8; h < 20; h++) byHour.push(contactAt(velocify, [0, 1, 2, 3, 4], [h, h + 1], seed, options.leads));
    spread.push(100 * (Math.max(...byHour) - Math.min(...byHour)));
  }
  return [
    row(5, 'lrm-2007: best weekday over worst, % more contact', LRM_2007, 50, 35, 65, 'percent', bestDay),
    row(5, 'lrm-2007: 4-6 pm over 11 am-noon, % more contact', LRM_2007, 114, 95, 135, 'percent', lateAfternoon),
    row(5, 'velocify-2016: best minus worst working hour, points', 'Velocify (2016)', 2.6, 1.5, 4, 'points', spread),
  ];
}
