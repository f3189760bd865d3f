import * as Plot from '@observablehq/plot';
import { durationLabel } from '../format';
import { xAxisRoom } from './axisRoom';
import type { FittedModel } from '../fit/fitCallLog';

/*
 * A call-log fit as @observablehq/plot specs: the page's History section draws them, and a command-line report
 * can too (with `document` from a DOM implementation). Each takes the fit record `leadlab fit --json` writes.
 */

const WIDTH = 760;
/** Charts narrower than this (px) thin their ticks and turn their labels further, for a phone (as src/charts/specs.ts). */
const NARROW = 520;

/** Every other tick when a phone's width has no room for all of them. */
const thin = <T>(ticks: T[], width: number, most = 10): T[] => (width < NARROW && ticks.length > most ? ticks.filter((_, i) => i % 2 === 0) : ticks);

/**
 * Room at both ends of a color legend's ramp for the labels of its end ticks (Plot's ramp has none on the right).
 * Plot hands a scale's options to its legend; the type of a scale's options does not name these, hence a spread.
 */
const LEGEND_MARGINS = { marginLeft: 12, marginRight: 16 };
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Minutes as the field says them: "5 min", "4 h", "2 d" (src/format's durationLabel). */
export const ageLabel = durationLabel;

/** Kaplan-Meier: share of leads reached by lead age, with its 95% band; lead age on a log scale. */
export function reachedByAgeSpec(fit: FittedModel, width = WIDTH): Plot.PlotOptions {
  const rows = fit.timeToContact.km
    .filter((p) => p.t > 0 && finite(p.survival))
    .map((p) => ({ t: Math.log10(p.t), reached: 1 - p.survival, lo: 1 - (finite(p.upper) ? p.upper : p.survival), hi: 1 - (finite(p.lower) ? p.lower : p.survival) }));
  const { marginBottom, labelOffset } = xAxisRoom();
  // Lead age on a log scale, drawn as log10(minutes) on a linear scale: Plot's log axis would drop the labels of
  // 5 min and 1 h (d3 labels only ticks with a small mantissa there).
  const ticks = [1, 5, 15, 60, 240, 1440, 10080, 43200].map(Math.log10).filter((t) => rows.length > 0 && t >= rows[0].t - 0.3 && t <= rows[rows.length - 1].t + 0.3);
  return {
    width,
    height: 290 + marginBottom,
    marginLeft: 50,
    marginBottom,
    x: { label: 'Lead age (log scale)', labelOffset, ticks: thin(ticks, width, 5), tickFormat: (t: number) => ageLabel(Math.round(10 ** t)), grid: true },
    y: { label: 'Share of leads reached (%)', percent: true, domain: [0, 100], grid: true },
    marks: [
      Plot.areaY(rows, { x: 't', y1: 'lo', y2: 'hi', curve: 'step-after', fill: '#1f5fbf', fillOpacity: 0.2 }),
      Plot.lineY(rows, { x: 't', y: 'reached', curve: 'step-after', stroke: '#1f5fbf', strokeWidth: 2 }),
      Plot.ruleY([0]),
    ],
  };
}

/** One row per attempt number: share of leads reached by then, observed (Kaplan-Meier over attempts) and fitted. */
export interface ReachedByAttemptRow {
  attempt: number;
  observed: number;
  lower: number;
  upper: number;
  fitted: number;
}

/**
 * Share of leads reached within k attempts: the product-limit estimate over attempts (a lead that got fewer
 * attempts is censored after its last), with a Greenwood 95% band, and the beta-geometric fit's 1 - prod(1 - h_j).
 */
export function reachedByAttemptRows(fit: FittedModel): ReachedByAttemptRow[] {
  let s = 1, fitted = 1, greenwood = 0;
  const rows: ReachedByAttemptRow[] = [];
  for (const r of fit.attemptsToContact.perAttempt) {
    if (r.atRisk <= 0) continue;
    s *= 1 - r.observed / r.atRisk;
    fitted *= 1 - r.fittedRate;
    if (r.atRisk > r.observed) greenwood += r.observed / (r.atRisk * (r.atRisk - r.observed));
    const se = s * Math.sqrt(greenwood);
    rows.push({ attempt: r.attempt, observed: 1 - s, lower: Math.max(0, 1 - s - 1.96 * se), upper: Math.min(1, 1 - s + 1.96 * se), fitted: 1 - fitted });
  }
  return rows;
}

/** Share of leads reached within each number of attempts: observed with its band (dots and bars), beta-geometric fit (line). */
export function reachedByAttemptSpec(fit: FittedModel, width = WIDTH): Plot.PlotOptions {
  const rows = reachedByAttemptRows(fit);
  const { marginBottom, labelOffset } = xAxisRoom();
  return {
    width,
    height: 270 + marginBottom,
    marginLeft: 50,
    marginBottom,
    x: { label: 'Attempts made', labelOffset, ticks: thin(rows.map((r) => r.attempt), width), tickFormat: 'd' },
    y: { label: 'Share of leads reached (%)', percent: true, domain: [0, 100], grid: true },
    color: { domain: ['observed (Kaplan-Meier over attempts)', 'beta-geometric fit'], range: ['#1d2430', '#f0a400'], legend: true },
    marks: [
      Plot.ruleX(rows, { x: 'attempt', y1: 'lower', y2: 'upper', stroke: '#1d2430', strokeOpacity: 0.3, strokeWidth: 6 }),
      Plot.lineY(rows, { x: 'attempt', y: 'fitted', stroke: () => 'beta-geometric fit', strokeWidth: 2 }),
      Plot.dot(rows, { x: 'attempt', y: 'observed', fill: () => 'observed (Kaplan-Meier over attempts)', r: 4, title: (d: ReachedByAttemptRow) => `${(d.observed * 100).toFixed(1)}% reached within ${d.attempt} attempts (fit ${(d.fitted * 100).toFixed(1)}%)` }),
      Plot.ruleY([0]),
    ],
  };
}

/** Contact rate on each attempt of leads not yet reached: observed (dots) against the beta-geometric fit (line). */
export function contactByAttemptSpec(fit: FittedModel, width = WIDTH): Plot.PlotOptions {
  const rows = fit.attemptsToContact.perAttempt.filter((r) => r.atRisk > 0);
  const long = rows.flatMap((r) => [
    { attempt: r.attempt, rate: r.observedRate, what: 'observed', atRisk: r.atRisk },
    { attempt: r.attempt, rate: r.fittedRate, what: 'beta-geometric fit', atRisk: r.atRisk },
  ]);
  const { marginBottom, labelOffset } = xAxisRoom();
  return {
    width,
    height: 270 + marginBottom,
    marginLeft: 50,
    marginBottom,
    x: { label: width < NARROW ? 'Attempt (leads not reached before)' : 'Attempt number (leads not reached before it)', labelOffset, ticks: thin(rows.map((r) => r.attempt), width), tickFormat: 'd' },
    y: { label: 'Contact rate on that attempt (%)', percent: true, grid: true, zero: true },
    color: { domain: ['observed', 'beta-geometric fit'], range: ['#1d2430', '#f0a400'], legend: true },
    marks: [
      Plot.lineY(long.filter((d) => d.what !== 'observed'), { x: 'attempt', y: 'rate', stroke: 'what', strokeWidth: 2 }),
      Plot.dot(long.filter((d) => d.what === 'observed'), { x: 'attempt', y: 'rate', fill: 'what', r: 4, title: (d: { atRisk: number; rate: number }) => `${(d.rate * 100).toFixed(1)}% of ${d.atRisk} leads` }),
      Plot.ruleY([0]),
    ],
  };
}

/** Raw contact rate by lead age bucket (search-phase attempts) with 95% intervals. */
export function contactByLeadAgeSpec(fit: FittedModel, width = WIDTH): Plot.PlotOptions {
  const rows = fit.contactByLeadAge.buckets.filter((b) => b.attempts > 0 && finite(b.rate));
  // The buckets' labels are written at an angle (further on a phone), which takes room below the axis by the longest.
  const tickRotate = width < NARROW ? -50 : -20;
  const { marginBottom, labelOffset } = xAxisRoom({ angle: tickRotate, labels: rows.map((b) => b.label) });
  return {
    width,
    height: 250 + marginBottom,
    marginLeft: 50,
    marginBottom,
    x: { domain: rows.map((b) => b.label), label: 'Lead age at the attempt', labelOffset, tickRotate },
    y: { label: 'Contact rate (%)', percent: true, grid: true, zero: true },
    marks: [
      Plot.ruleX(rows, { x: 'label', y1: 'lower', y2: 'upper', stroke: '#1f5fbf', strokeWidth: 6, strokeOpacity: 0.35 }),
      Plot.dot(rows, { x: 'label', y: 'rate', fill: '#1f5fbf', r: 5, title: (b: { attempts: number; contacts: number }) => `${b.contacts} of ${b.attempts} attempts answered` }),
      Plot.ruleY([0]),
    ],
  };
}

/** Raw contact rate by day and hour (on the log's clock); hours with fewer than `minAttempts` attempts are left blank. */
/** Fewest calls in an hour of the week for its contact rate to be drawn: fewer say too little. */
export const HOUR_OF_WEEK_MIN_ATTEMPTS = 30;

/** True when no hour of the week has the calls to be drawn: the chart would be an empty grid. */
export const noHourOfWeekToShow = (fit: FittedModel, minAttempts = HOUR_OF_WEEK_MIN_ATTEMPTS): boolean =>
  !fit.contactByHourOfWeek.hours.some((h) => h.attempts >= minAttempts && finite(h.rate));

export function contactByHourOfWeekSpec(fit: FittedModel, width = WIDTH, minAttempts = HOUR_OF_WEEK_MIN_ATTEMPTS): Plot.PlotOptions {
  const rows = fit.contactByHourOfWeek.hours.filter((h) => h.attempts >= minAttempts && finite(h.rate));
  const { marginBottom, labelOffset } = xAxisRoom();
  return {
    width,
    height: 230 + marginBottom,
    marginLeft: 50,
    marginBottom,
    padding: 0.05,
    x: { domain: Array.from({ length: 24 }, (_, h) => h), label: 'Hour of day', labelOffset, ticks: width < NARROW ? [0, 3, 6, 9, 12, 15, 18, 21] : undefined, tickFormat: (h: number) => String(h).padStart(2, '0') },
    y: { domain: DAYS, label: null },
    // Stepped colors: the legend is drawn with rectangles, so the chart also renders with jsdom (no canvas).
    color: { type: 'quantize', n: 6, scheme: 'blues', percent: true, label: 'Contact rate (%)', legend: true, zero: true, ...LEGEND_MARGINS },
    marks: [
      Plot.cell(rows, { x: 'hourOfDay', y: 'day', fill: 'rate', title: (h: { day: string; hourOfDay: number; rate: number; attempts: number }) => `${h.day} ${h.hourOfDay}:00: ${(h.rate * 100).toFixed(1)}% of ${h.attempts} attempts` }),
    ],
  };
}
