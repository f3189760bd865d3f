import { MINUTES_PER_WEEK } from './calendar';

/**
 * An agent's working time as intervals of minute-of-week [start, end), Monday 00:00 = 0, sorted and
 * non-overlapping. A shift that runs past midnight on Sunday is split at the week boundary.
 */
export interface WeeklyShift {
  readonly intervals: ReadonlyArray<readonly [number, number]>;
}

/** A shift that never ends (for queueing checks such as Erlang C). */
export const ALWAYS_ON: WeeklyShift = { intervals: [[0, MINUTES_PER_WEEK]] };

/** Builds a weekly shift from daily hours on the given weekdays (Monday = 0); `endMinute` may pass midnight. */
export function weeklyShift(weekdays: readonly number[], startMinute: number, endMinute: number): WeeklyShift {
  if (endMinute <= startMinute) endMinute += 1440;
  const raw: [number, number][] = [];
  for (const wd of weekdays) {
    const s = wd * 1440 + startMinute;
    const e = wd * 1440 + endMinute;
    if (e <= MINUTES_PER_WEEK) raw.push([s, e]);
    else {
      raw.push([s, MINUTES_PER_WEEK]);
      raw.push([0, e - MINUTES_PER_WEEK]);
    }
  }
  raw.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const iv of raw) {
    const last = merged[merged.length - 1];
    if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
    else merged.push([iv[0], iv[1]]);
  }
  return { intervals: merged };
}

/** Minutes since the start of the shift interval containing `mow`, and its length; undefined off shift. */
export function shiftProgress(shift: WeeklyShift, mow: number): { elapsed: number; length: number } | undefined {
  for (const [s, e] of shift.intervals) if (mow >= s && mow < e) return { elapsed: mow - s, length: e - s };
  return undefined;
}

/** True when minute-of-week `mow` is inside the shift. */
export function isOnShift(shift: WeeklyShift, mow: number): boolean {
  for (const [s, e] of shift.intervals) if (mow >= s && mow < e) return true;
  return false;
}

/** Minutes from `mow` until the shift next starts (0 when on shift now; Infinity for an empty shift). */
export function minutesUntilShiftStart(shift: WeeklyShift, mow: number): number {
  if (shift.intervals.length === 0) return Infinity;
  let best = Infinity;
  for (const [s, e] of shift.intervals) {
    if (mow >= s && mow < e) return 0;
    const wait = s > mow ? s - mow : s + MINUTES_PER_WEEK - mow;
    if (wait < best) best = wait;
  }
  return best;
}

/** Minutes from `mow` until the current shift ends (0 when off shift); follows a shift across the week end. */
export function minutesUntilShiftEnd(shift: WeeklyShift, mow: number): number {
  for (const [s, e] of shift.intervals) {
    if (mow >= s && mow < e) {
      let left = e - mow;
      // A shift split at the week boundary continues at minute 0.
      if (e === MINUTES_PER_WEEK) {
        const first = shift.intervals[0];
        if (first[0] === 0 && first[1] < MINUTES_PER_WEEK) left += first[1];
      }
      return left;
    }
  }
  return 0;
}

/** Minutes on shift per week. */
export function shiftMinutesPerWeek(shift: WeeklyShift): number {
  return shift.intervals.reduce((sum, [s, e]) => sum + e - s, 0);
}
