import { MINUTES_PER_WEEK, type Calendar } from './calendar';
import type { WeeklyShift } from './shift';

/** Minutes of shift between run times t0 and t1, by interval arithmetic (no per-minute loop). */
export function shiftMinutesBetween(shift: WeeklyShift, calendar: Calendar, t0: number, t1: number): number {
  if (t1 <= t0) return 0;
  const offset = calendar.startWeekday * 1440;
  let total = 0;
  const w0 = Math.floor((t0 + offset) / MINUTES_PER_WEEK) - 1;
  const w1 = Math.ceil((t1 + offset) / MINUTES_PER_WEEK);
  for (let w = w0; w <= w1; w++) {
    for (const [s, e] of shift.intervals) {
      const a = w * MINUTES_PER_WEEK + s - offset;
      const b = w * MINUTES_PER_WEEK + e - offset;
      const lo = Math.max(a, t0), hi = Math.min(b, t1);
      if (hi > lo) total += hi - lo;
    }
  }
  return total;
}
