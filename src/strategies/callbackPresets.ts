import type { CallbackSchedule, StatusCadence } from './callbackSchedule';

/*
 * Callback schedule presets. Where a number comes from:
 * - "radar": docs/design.md, Callback periods (the field's radar sweep): while attempted, a burst in the first
 *   hour then every 2-4 hours; once contacted every 18-24 hours; applications worked more slowly; the
 *   production cycle tightens "contacted, no application" early in the month and "application, no closing"
 *   late in the month. Attempt limit: 14 unanswered attempts (about three working days of the sweep). The
 *   Leads360 study finds about 9% of contacted leads first reached after the 5th attempt, and Velocify 2012
 *   about 7% of converted leads after the 6th; with fewer attempts the model reaches too few late leads to
 *   match either (docs/assumptions.md, figures 1 and 2).
 * - "single-call": the slow firm that calls once and never again (docs/design.md; the HBR 2011 audit of 2,241
 *   firms found many never called back at all).
 * - "fixed-retries": a predictive dialer's N tries every H hours, with no status logic.
 * Priorities (assumption): fresh unreached leads first, because they cool fastest; then closings and
 * applications, which are nearest to money; then contacted follow-ups.
 */

const application: StatusCadence = { burstMinutes: [], intervalHours: [48, 72], maxAttempts: 5, onExhausted: 'lost', priority: 3 };
const closing: StatusCadence = { burstMinutes: [], intervalHours: [24, 48], maxAttempts: 5, onExhausted: 'lost', priority: 2 };
const contacted: StatusCadence = { burstMinutes: [], intervalHours: [18, 24], maxAttempts: 6, onExhausted: 'nurture', priority: 4 };

/** The field's status-driven radar cadence. */
export const radarSchedule: CallbackSchedule = {
  name: 'radar',
  description: 'Status-driven radar sweep: burst in the first hour, then every 2-4 h; contacted every 18-24 h; applications every 2-3 days; production-cycle tightening.',
  statuses: {
    attempted: { burstMinutes: [10, 30, 60], intervalHours: [2, 4], maxAttempts: 14, onExhausted: 'nurture', priority: 1 },
    contacted,
    application,
    closing,
  },
  productionCycle: [
    // Early month: push "contacted, no application" to apply this month.
    { status: 'contacted', fromDay: 1, toDay: 10, intervalFactor: 0.75 },
    // Late month: push "application, no closing" to close before month end.
    { status: 'application', fromDay: 21, toDay: 31, intervalFactor: 0.5 },
  ],
};

/** One attempt to reach the lead, one conversation, no follow-up calls until an application exists. */
export const singleCallSchedule: CallbackSchedule = {
  name: 'single-call',
  description: 'One call per lead, as slow firms do: no retry when unanswered, no follow-up call after a conversation without an application.',
  statuses: {
    attempted: { burstMinutes: [], intervalHours: [0, 0], maxAttempts: 1, onExhausted: 'lost', priority: 1 },
    contacted: { ...contacted, maxAttempts: 0 },
    application,
    closing,
  },
  productionCycle: [],
};

/** A dialer's N tries every H hours while the lead is unreached; after contact, as the radar preset. */
export function fixedRetriesSchedule(tries = 6, everyHours = 4): CallbackSchedule {
  return {
    name: 'fixed-retries',
    description: `Dialer: ${tries} tries every ${everyHours} h while unreached; no burst, no production cycle; a lead still unreached after the tries is dropped (lost), not nurtured.`,
    statuses: {
      attempted: { burstMinutes: [], intervalHours: [everyHours, everyHours], maxAttempts: tries, onExhausted: 'lost', priority: 1 },
      contacted,
      application,
      closing,
    },
    productionCycle: [],
  };
}

export const CALLBACK_PRESETS = ['radar', 'single-call', 'fixed-retries'] as const;
export type CallbackPresetName = (typeof CALLBACK_PRESETS)[number];

/** The schedule of a preset by name. */
export function callbackPreset(name: CallbackPresetName, options: { tries?: number; everyHours?: number } = {}): CallbackSchedule {
  switch (name) {
    case 'radar':
      return structuredClone(radarSchedule);
    case 'single-call':
      return structuredClone(singleCallSchedule);
    case 'fixed-retries':
      return fixedRetriesSchedule(options.tries, options.everyHours);
  }
}
