import type { MetricName } from '../sim/runResult';
import { METRICS } from '../sim/runResult';
import { meanInterval } from '../stats/meanInterval';

/** How a scenario fares against the baseline on one metric, judged by the 95% interval of the paired difference. */
export type Verdict = 'better' | 'worse' | 'no clear difference';

/** The paired difference (scenario minus baseline) of one metric over replications, with its own t interval. */
export interface PairedDifference {
  mean: number;
  /** Two-sided 95% t interval of the mean difference; null with fewer than two pairs. */
  ci95: [number, number] | null;
  sd: number;
  /** Pairs with a finite value on both sides. */
  n: number;
  verdict: Verdict;
}

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
  for (let r = 0; r < baseline.length; r++) {
    const d = other[r] - baseline[r];
    if (Number.isFinite(d)) diffs.push(d);
  }
  const s = meanInterval(diffs);
  return { ...s, verdict: verdictOf(metric, s.ci95) };
}

/** "better" or "worse" when the interval excludes zero, by whether a higher value of the metric is better. */
export function verdictOf(metric: MetricName, ci95: [number, number] | null): Verdict {
  if (!ci95 || (ci95[0] <= 0 && ci95[1] >= 0)) return 'no clear difference';
  const higher = ci95[0] > 0;
  return higher === METRICS[metric].higherIsBetter ? 'better' : 'worse';
}
