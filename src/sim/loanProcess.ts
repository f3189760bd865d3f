import { MINUTES_PER_DAY, type Calendar } from './calendar';
import { lognormal } from './distributions';
import { DOUBLE_FIELD } from './stableShapes';
import type { LoanState } from './lead';
import type { ElapsedLoanProcess } from './modelConfig';
import { stream } from './random';

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
 * clears a few days too late waits for the next month's end. The closing is always after `clearAt`: with no lead days
 * a loan cleared (or a closing slipped) at or after the day's signing time closes on the next business day.
 */
export function closingTime(calendar: Calendar, p: ElapsedLoanProcess, clearAt: number, prefersMonthEnd: boolean): number {
  let earliest = businessDayFrom(calendar, Math.floor(clearAt / MINUTES_PER_DAY) + Math.ceil(p.closingLeadDays));
  if (earliest * MINUTES_PER_DAY + CLOSING_MINUTE_OF_DAY <= clearAt) earliest = businessDayFrom(calendar, earliest + 1);
  const day = prefersMonthEnd ? lastBusinessDayOfMonth(calendar, earliest) : earliest;
  return day * MINUTES_PER_DAY + CLOSING_MINUTE_OF_DAY;
}

/** Lock length in days covering `plannedDays` (a lender's 30/45/60-day locks: steps of `lockStepDays`, at least 30). */
export function lockDays(p: ElapsedLoanProcess, plannedDays: number): number {
  return Math.max(30, Math.ceil(plannedDays / p.lockStepDays) * p.lockStepDays);
}

/**
 * A loan opened at application time `now`: its processing need and the borrower's wish for a month-end closing are
 * drawn from the loan's own stream (the same luck under any cadence: common random numbers), and the loan officer
 * locks the rate to cover the planned closing with a margin: processing a standard deviation slower than average, the
 * closing lead time and, for a month-end closing, most of a month of waiting.
 */
export function openLoan(p: ElapsedLoanProcess, seed: string, leadId: number, now: number): LoanState {
  const rng = stream(seed, 'loan', leadId);
  const needed = lognormal(rng, p.processDays.mean, p.processDays.sd) * MINUTES_PER_DAY;
  const prefersMonthEnd = rng() < p.monthEndShare;
  const plannedDays = p.processDays.mean + p.processDays.sd + p.closingLeadDays + (prefersMonthEnd ? 20 : 0);
  // Progress and the closing time hold fractions of minutes: double fields from the first loan (src/sim/stableShapes.ts).
  const loan: LoanState = { needed, done: DOUBLE_FIELD, checkedAt: now, prefersMonthEnd, lockExpiresAt: now + lockDays(p, plannedDays) * MINUTES_PER_DAY, closingAt: DOUBLE_FIELD, rng };
  loan.done = 0;
  loan.closingAt = -1;
  return loan;
}

/**
 * Accounts for a loan's progress (while in application) and its withdrawal hazard up to `now`; false when the borrower
 * withdrew. The lender's work runs on the calendar; the borrower's conditions (the last `conditionsDays`) only while the
 * borrower is kept in touch. `care` is the agent's skill times follow-through (a better officer keeps more borrowers).
 */
export function loanSurvives(p: ElapsedLoanProcess, loan: LoanState, inApplication: boolean, lastConversationAt: number, now: number, care: number): boolean {
  const pWithdraw = withdrawChance(p, loan.checkedAt, now, lastConversationAt, 1 / Math.max(0.05, care));
  if (inApplication) {
    const free = Math.min(now - loan.checkedAt, Math.max(0, loan.needed - p.conditionsDays * MINUTES_PER_DAY - loan.done));
    loan.done += free + progressMinutes(loan.checkedAt + free, now, lastConversationAt, p.touchWindowHours * 60);
  }
  loan.checkedAt = now;
  return !(loan.rng() < pWithdraw);
}

/** Whether a borrower walks after a conversation `gapMinutes` after the last one (crowded calls annoy). */
export function walksAfterCrowdedCall(p: ElapsedLoanProcess, loan: LoanState, gapMinutes: number, annoyanceHours: number): boolean {
  return loan.rng() < p.withdrawPerCrowdedCall * Math.exp(-gapMinutes / 60 / annoyanceHours);
}

/**
 * What happens on the closing day (after the withdrawal check): the closing slips when the borrower was not reached
 * within `disclosureDays` before it; after an expired lock some borrowers walk; some closings fail on the day.
 */
export function closingDayOutcome(p: ElapsedLoanProcess, loan: LoanState, lastConversationAt: number, now: number): 'slip' | 'lock-expired' | 'declined' | 'funded' {
  if (lastConversationAt < now - p.disclosureDays * MINUTES_PER_DAY) return 'slip';
  const u = loan.rng();
  if (now > loan.lockExpiresAt && u < p.walkOnExpiredLock) return 'lock-expired';
  if (loan.rng() < p.closingFallThrough) return 'declined';
  return 'funded';
}
