import type { MetricName } from '../sim/runResult';

/** Average days in a month, to turn totals over a measured window into totals a month. */
export const DAYS_PER_MONTH = 365.25 / 12;

/**
 * Metrics that add up over the measured window (counts and money): a scenario simulated twice as long has about
 * twice as many. Rates, shares, delays and averages (such as the mean pipeline, the cost per funded loan and ROI) do
 * not grow with the window. Fulfillment cost is funded loans times `economics.fulfillmentCostPerFunded`: a total.
 */
export const WINDOW_TOTALS: ReadonlySet<MetricName> = new Set<MetricName>(['leads', 'funded', 'fundedViaSales', 'fundedViaMarketing', 'leadCost', 'agentCost', 'fulfillmentCost', 'revenue']);

/**
 * A total over a window of `windowDays` measured days, as a total a month.
 *
 * @example
 * perMonth(60, 60) // 30.4375
 */
export function perMonth(total: number, windowDays: number): number {
  return (total * DAYS_PER_MONTH) / windowDays;
}
