import { METRICS, type MetricName } from '../sim/runResult';
import type { MetricSummary } from '../sim/summary';

/**
 * A t interval can reach past what a metric can be (a negative count, a share above 1); it is cut at the metric's
 * range, as `summarize` does for `leadlab run`. ROI alone can be negative.
 */
export function clampInterval(metric: MetricName, s: MetricSummary): MetricSummary {
  if (!s.ci95 || metric === 'roi') return s;
  const hi = METRICS[metric].unit === 'share' ? 1 : Infinity;
  return { ...s, ci95: [Math.max(0, s.ci95[0]), Math.min(hi, s.ci95[1])] };
}
