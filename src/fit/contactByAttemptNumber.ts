import type { LeadHistories } from './leadHistories';
import { wilsonInterval } from '../stats/wilsonInterval';

/** Contact on attempt k of the leads called at least k times and not reached before it. */
export interface AttemptContactRow {
  attempt: number;
  /** Leads called a k-th time without having been reached before. */
  atRisk: number;
  reached: number;
  rate: number;
  lower: number;
  upper: number;
}

/**
 * The contact rate by attempt number among leads not yet reached (the hazard of a first contact): with leads that
 * differ in how reachable they are, it falls with k because the easy ones leave first. A row for every attempt
 * number that has leads called: a cut at 12 attempts left out the leads a radar cadence reaches on its 13th or 14th
 * call, so the rows no longer added up to the leads reached.
 *
 * @example
 * contactByAttemptNumber(hist)[0] // { attempt: 1, atRisk: 3000, reached: 1020, rate: 0.34, ... }
 */
export function contactByAttemptNumber(hist: LeadHistories): AttemptContactRow[] {
  const atRisk: number[] = [];
  const reached: number[] = [];
  for (let l = 0; l < hist.leads; l++) {
    const attempts = hist.start[l + 1] - hist.start[l];
    const first = hist.contactAttempt[l];
    const last = first > 0 ? first : attempts;
    for (let k = 1; k <= last; k++) atRisk[k - 1] = (atRisk[k - 1] ?? 0) + 1;
    if (first > 0) reached[first - 1] = (reached[first - 1] ?? 0) + 1;
  }
  return Array.from(atRisk, (n = 0, i) => ({ n, i })).flatMap(({ n, i }) => {
    if (n === 0) return [];
    const r = reached[i] ?? 0;
    const [lower, upper] = wilsonInterval(r, n);
    return [{ attempt: i + 1, atRisk: n, reached: r, rate: r / n, lower, upper }];
  });
}
