import { METRICS, type MetricName } from './runResult';
import type { MetricSummary } from './summary';

/**
 * The values a metric can take: shares, and the Gini coefficient of leads per agent (of non-negative amounts, below 1),
 * lie in 0..1; ROI can be negative; every other metric (counts, times, money, attempts per lead) is at least 0.
 */
export function metricRange(metric: MetricName): [number, number] {
  if (metric === 'roi') return [-Infinity, Infinity];
  return METRICS[metric].unit === 'share' || metric === 'leadsPerAgentGini' ? [0, 1] : [0, Infinity];
}

/**
 * A t interval can reach past what a metric can be (a negative count, a share or a Gini above 1); it is cut at the
 * metric's range ({@link metricRange}), as `summarize` does for `leadlab run`.
 */
export function clampInterval(metric: MetricName, s: MetricSummary): MetricSummary {
  if (!s.ci95) return s;
  const [lo, hi] = metricRange(metric);
  return { ...s, ci95: [Math.max(lo, s.ci95[0]), Math.min(hi, s.ci95[1])] };
}
