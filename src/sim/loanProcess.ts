import { MINUTES_PER_DAY, type Calendar } from './calendar';
import type { ElapsedLoanProcess } from './modelConfig';

/*
 * From application to funding by elapsed work (docs/tradeoffs.md, "Process time, not coin flips"). After an
 * application the loan needs weeks of processing and underwriting; it advances only while the loan officer keeps
 * the borrower engaged (a conversation within the touch window), and stalls otherwise. At clear-to-close a closing
 * date is set: a week out, or the month's last business day for the borrowers who want it (lower prepaid
 * interest; closings cluster at month end). The borrower must be reached in the days before the closing (the
 * closing disclosure) or the closing slips. A rate lock, taken at application to cover the planned closing, may
 * expire on a slipped loan, and some borrowers then walk. While the loan is open the borrower may withdraw at a
 * hazard that grows while they are neglected. Fundings thus count in the month they close, and a late-month call
 * that keeps a loan on its month-end date is worth more than the same call early in the month.
 */

/** Minutes of progress a loan made between `from` and `to`, given the last conversation before `to`. */
export function progressMinutes(from: number, to: number, lastConversationAt: number, touchWindowMinutes: number): number {
  const touchedUntil = Math.min(to, lastConversationAt + touchWindowMinutes);
  return Math.max(0, touchedUntil - from);
}

/**
 * P(the borrower withdrew between `from` and `to`): a constant hazard per day, scaled by `neglectFactor` for the
 * time beyond the touch window after the last conversation, and by `scale` (the agent's skill and load).
 */
export function withdrawChance(p: ElapsedLoanProcess, from: number, to: number, lastConversationAt: number, scale: number): number {
  if (to <= from) return 0;
  const touched = progressMinutes(from, to, lastConversationAt, p.touchWindowHours * 60);
  const neglected = to - from - touched;
  const days = (touched + p.neglectFactor * neglected) / MINUTES_PER_DAY;
  return 1 - Math.exp(-p.withdrawPerDay * scale * days);
}

/** Day index of the last business day (Monday-Friday) of the month of day `day`. */
export function lastBusinessDayOfMonth(calendar: Calendar, day: number): number {
  const t = day * MINUTES_PER_DAY;
  let last = day + calendar.daysInMonth(t) - calendar.dayOfMonth(t);
  while (calendar.weekday(last * MINUTES_PER_DAY) >= 5) last--;
  return last;
}

/** Next business day on or after `day`. */
function businessDayFrom(calendar: Calendar, day: number): number {
  let d = day;
  while (calendar.weekday(d * MINUTES_PER_DAY) >= 5) d++;
  return d;
}

/** Closing hour of day (assumption: a midday signing). */
const CLOSING_MINUTE_OF_DAY = 12 * 60;

/**
 * The closing time for a loan clear to close at `clearAt`: the first business day `closingLeadDays` out or, for a
 * borrower who wants a month-end closing, the first month's last business day on or after it. A month-end loan that
 * clears a few days too late waits for the next month's end.
 */
export function closingTime(calendar: Calendar, p: ElapsedLoanProcess, clearAt: number, prefersMonthEnd: boolean): number {
  const earliest = businessDayFrom(calendar, Math.floor(clearAt / MINUTES_PER_DAY) + Math.ceil(p.closingLeadDays));
  const day = prefersMonthEnd ? lastBusinessDayOfMonth(calendar, earliest) : earliest;
  return day * MINUTES_PER_DAY + CLOSING_MINUTE_OF_DAY;
}

/** Lock length in days covering `plannedDays` (a lender's 30/45/60-day locks: steps of `lockStepDays`, at least 30). */
export function lockDays(p: ElapsedLoanProcess, plannedDays: number): number {
  return Math.max(30, Math.ceil(plannedDays / p.lockStepDays) * p.lockStepDays);
}
