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
 * differ in how reachable they are, it falls with k because the easy ones leave first.
 *
 * @example
 * contactByAttemptNumber(hist)[0] // { attempt: 1, atRisk: 3000, reached: 1020, rate: 0.34, ... }
 */
export function contactByAttemptNumber(hist: LeadHistories, maxAttempt = 12): AttemptContactRow[] {
  const atRisk = new Array<number>(maxAttempt).fill(0);
  const reached = new Array<number>(maxAttempt).fill(0);
  for (let l = 0; l < hist.leads; l++) {
    const attempts = hist.start[l + 1] - hist.start[l];
    const first = hist.contactAttempt[l];
    const last = Math.min(maxAttempt, first > 0 ? first : attempts);
    for (let k = 1; k <= last; k++) atRisk[k - 1]++;
    if (first > 0 && first <= maxAttempt) reached[first - 1]++;
  }
  return atRisk.flatMap((n, i) => {
    if (n === 0) return [];
    const [lower, upper] = wilsonInterval(reached[i], n);
    return [{ attempt: i + 1, atRisk: n, reached: reached[i], rate: reached[i] / n, lower, upper }];
  });
}
