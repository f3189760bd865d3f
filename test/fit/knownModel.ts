import type { ContactModel } from '../../src/sim/contactModel';

/*
 * A contact model with known parameters, for recovery tests (test/fit/recovery.test.ts) and the fit benchmark's call
 * log (bench/callLogFile.mjs): calls on weekdays 8:00-20:00 and Saturdays 9:00-14:00, answer rates higher in the
 * morning, contactability Beta(0.9, 2.2), decay with age (half-life 60 min, floor 0.3).
 */

/** Whether hour of week `h` (Monday 00:00 = 0) is a calling hour. */
export const callHours = (h: number): boolean => {
  const day = Math.floor(h / 24), hod = h % 24;
  return day < 5 ? hod >= 8 && hod < 20 : day === 5 && hod >= 9 && hod < 14;
};

export const hourOfWeek = Array.from({ length: 168 }, (_, h) => {
  const day = Math.floor(h / 24), hod = h % 24;
  if (!callHours(h)) return 1;
  if (day === 5) return 0.9;
  return hod < 12 ? 1.25 : hod < 17 ? 1 : 0.7;
});

export const truth: ContactModel = {
  contactability: { alpha: 0.9, beta: 2.2 },
  hourOfWeek,
  ageDecay: { kind: 'exponential', halfLifeMinutes: 60, floor: 0.3 },
};
