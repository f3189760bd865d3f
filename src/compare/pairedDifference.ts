import type { MetricName } from '../sim/runResult';
import { METRICS } from '../sim/runResult';
import { meanInterval } from '../stats/meanInterval';
import { metricRange } from '../sim/metricRange';

/**
 * How a scenario fares against the baseline on one metric, judged by the 95% interval of the paired difference:
 * "better" or "worse" where the interval excludes zero, or "higher" or "lower" for a metric that is neither better
 * nor worse in itself (METRICS[m].higherIsBetter null: a volume or a mechanism, such as leads or attempts per lead).
 */
export type Verdict = 'better' | 'worse' | 'higher' | 'lower' | 'no clear difference';

/** The paired difference (scenario minus baseline) of one metric over replications, with its own t interval. */
export interface PairedDifference {
  mean: number;
  /** Two-sided 95% t interval of the mean difference; null with fewer than two pairs. */
  ci95: [number, number] | null;
  sd: number;
  /** Pairs with a finite value on both sides: the replications that define the metric in both scenarios. */
  n: number;
  /**
   * The verdict of the interval; null when no pair defines the metric (n = 0: a rate whose denominator is 0 in every
   * replication of one side or the other), for there is nothing to judge. `mean`, `sd` are then NaN (null in JSON).
   */
  verdict: Verdict | null;
  /**
   * True when two or more pairs all gave the same non-zero difference. Unless each side took one value throughout
   * (an agent cost: the difference is fixed), fewer than {@link MIN_PAIRS_AGREEING} such pairs leave the spread
   * unknown rather than zero (counts such as funded loans coincide by chance in a few replications), so there is no
   * interval and no verdict; with more, the difference is taken as fixed.
   */
  agreeExactly: boolean;
}

/**
 * Pairs that must all agree on one non-zero difference before a zero-width interval is believed. A count whose
 * difference takes its commonest value with probability p agrees in n pairs by chance with probability p^(n-1):
 * with p = 0.3, 9% at 3 pairs, 3% at 4, 0.8% at 5. Above that a difference that never varies is fixed (an agent
 * cost, a count the change does not touch).
 */
export const MIN_PAIRS_AGREEING = 5;

/**
 * Paired difference `other[r] - baseline[r]` over replications r. With common random numbers (the same seed for
 * replication r in both scenarios) the luck shared by a pair cancels, so this interval is much narrower than the
 * difference of two independent means. Pairs where either side is undefined (NaN) are left out.
 *
 * @example
 * pairedDifference('fundedRate', [0.1, 0.12, 0.11], [0.12, 0.15, 0.13]).verdict // "better"
 */
export function pairedDifference(metric: MetricName, baseline: readonly number[], other: readonly number[]): PairedDifference {
  if (baseline.length !== other.length) {
    throw new Error(`pairedDifference(${metric}): expected as many replications on both sides, got ${baseline.length} and ${other.length}`);
  }
  const diffs: number[] = [];
  // Whether each side took one value in every pair: then the difference is fixed, not a coincidence.
  let sidesFixed = true;
  for (let r = 0; r < baseline.length; r++) {
    const d = other[r] - baseline[r];
    if (!Number.isFinite(d)) continue;
    if (diffs.length > 0 && (baseline[r] !== baseline[0] || other[r] !== other[0])) sidesFixed = false;
    diffs.push(d);
  }
  const s = meanInterval(diffs);
  const agreeExactly = diffs.length >= 2 && s.sd === 0 && s.mean !== 0;
  const t = agreeExactly && !sidesFixed && diffs.length < MIN_PAIRS_AGREEING ? null : s.ci95;
  // A difference of two values in 0..1 (shares, a Gini) lies within -1..1: a t interval past that (few, scattered
  // pairs) is cut there, as their own intervals are cut at 0..1 (metricRange). Whether it excludes zero does not change.
  const [lo, hi] = metricRange(metric);
  const width = hi - lo;
  const ci95: [number, number] | null = t && Number.isFinite(width) ? [Math.max(-width, t[0]), Math.min(width, t[1])] : t;
  return { ...s, ci95, verdict: diffs.length === 0 ? null : verdictOf(metric, ci95), agreeExactly };
}

/**
 * "better" or "worse" when the interval excludes zero, by whether a higher value of the metric is better (or, given
 * `higherIsBetter`, by that goal); "higher" or "lower" for a metric with no better direction.
 */
export function verdictOf(metric: MetricName, ci95: [number, number] | null, higherIsBetter: boolean | null = METRICS[metric].higherIsBetter): Verdict {
  if (!ci95 || (ci95[0] <= 0 && ci95[1] >= 0)) return 'no clear difference';
  const higher = ci95[0] > 0;
  if (higherIsBetter === null) return higher ? 'higher' : 'lower';
  return higher === higherIsBetter ? 'better' : 'worse';
}
