import { METRICS, type MetricName } from '../sim/runResult';
import { formatDuration } from './duration';
import { formatCount, formatFixed, formatMoney, formatPercent } from './number';

/**
 * A value of a metric in its unit, the same on the command line, the page and the report: shares as percents,
 * money in dollars, minutes as durations, counts whole from 100 up, ratios with two decimals (a negative one with
 * `minus` as its sign).
 *
 * @example
 * formatMetric('contactRate', 0.302) // "30.2%"
 * formatMetric('medianMinutesToFirstAttempt', 3000) // "2.1 days"
 */
export function formatMetric(metric: MetricName, x: number, scaleOf = x, minus = '-'): string {
  switch (METRICS[metric].unit) {
    case 'share':
      return formatPercent(x);
    case 'money':
      return formatMoney(x);
    case 'minutes':
      // The ends of an interval in the unit of its mean (`scaleOf`), never minutes beside hours.
      return formatDuration(x, 'n/a', scaleOf);
    case 'count':
      return formatCount(x);
    case 'ratio':
      // The one unit whose values go below zero (an ROI): `minus` is their sign, "\u2212" in the HTML report.
      return formatFixed(x, 2).replace(/^-/, minus);
  }
}
