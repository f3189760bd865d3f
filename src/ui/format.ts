import type { PairedDifference } from '../compare/pairedDifference';
import { DAYS_PER_MONTH } from '../compare/windowTotals';
import type { MetricName } from '../sim/runResult';
import { formatDuration, formatMetric, formatMoney } from '../format';
import { METRICS } from '../sim/runResult';
import type { MetricSummary } from '../sim/summary';
import { MINUS_SIGN, signedFixed } from '../stats/signedFixed';

export { DAYS_PER_MONTH, perMonth } from '../compare/windowTotals';

/**
 * A value of a metric in its unit (the one formatter of src/format, shared with the command line), a negative one (an
 * ROI below zero) with the minus sign the page writes every negative number with.
 */
export const formatValue = (metric: MetricName, x: number, scaleOf = x): string => formatMetric(metric, x, scaleOf, MINUS_SIGN);


/** The two lines of a results table cell: the mean, and "59.8% to 60.4%" (empty with one replication). */
export function formatCell(metric: MetricName, s: MetricSummary): [mean: string, interval: string] {
  return [formatValue(metric, s.mean), s.ci95 ? `${formatValue(metric, s.ci95[0], s.mean)} to ${formatValue(metric, s.ci95[1], s.mean)}` : ''];
}

/** "60.1% (95% interval 59.8% to 60.4%)". */
export function formatSummary(metric: MetricName, s: MetricSummary): string {
  const mean = formatValue(metric, s.mean);
  return s.ci95 ? `${mean} (95% interval ${formatValue(metric, s.ci95[0], s.mean)} to ${formatValue(metric, s.ci95[1], s.mean)})` : mean;
}

const signed = (v: number, digits: number) => signedFixed(v, digits, MINUS_SIGN);

/**
 * A paired difference of funded loans as loans a month: scaled from the common measured window, or as it is when the
 * comparison already paired each side a month of its own window ("per month"). The sentence and the CSV both use it.
 */
export const fundedDifferenceAMonth = (v: number, windowDays: number | 'per month'): number => (windowDays === 'per month' ? v : (v * DAYS_PER_MONTH) / windowDays);

/**
 * A paired difference against the baseline in plain words. Shares read as percentage points; the count of funded
 * loans is scaled from the measured window to a month (`windowDays` "per month": it already is, because the
 * scenarios' windows differ and each side was paired a month of its own window).
 *
 * @example
 * pairedDifferenceInWords('funded', d, 46) // "+14 funded loans a month, 95% interval +9 to +19"
 */
export function pairedDifferenceInWords(metric: MetricName, d: PairedDifference, windowDays: number | 'per month'): string {
  // No replication has the metric on both sides (a rate of a run that measured no leads): there is no difference.
  if (d.n === 0) return `no difference in ${metric === 'funded' ? 'funded loans a month' : METRICS[metric].label.toLowerCase()} to measure: ${NO_PAIRED_REPLICATION}`;
  const interval = (f: (v: number) => string) =>
    d.ci95 ? `, 95% interval ${f(d.ci95[0])} to ${f(d.ci95[1])}` : d.agreeExactly ? `, the same in each of the ${d.n} replications: too few to tell from luck` : '';
  if (metric === 'funded') {
    const monthly = (v: number) => fundedDifferenceAMonth(v, windowDays);
    // Whole loans when the difference is large, one decimal when it is small ("+0.4", not "+0").
    const digits = Math.abs(monthly(d.mean)) < 10 ? 1 : 0;
    const perMonth = (v: number) => signed(monthly(v), digits);
    return `${perMonth(d.mean)} funded loans a month${interval(perMonth)}`;
  }
  const label = METRICS[metric].label.toLowerCase();
  if (METRICS[metric].unit === 'share') {
    const pts = (v: number) => signed(v * 100, 1);
    return `${pts(d.mean)} percentage points ${label}${interval(pts)}`;
  }
  // Durations in the mean's unit (minutes, hours or days) and money in dollars, each with its sign.
  const unit = METRICS[metric].unit;
  const minus = (v: number) => (v > 0 ? '+' : v < 0 ? MINUS_SIGN : '');
  const plain = (v: number) =>
    unit === 'minutes' ? `${minus(v)}${formatDuration(Math.abs(v), 'n/a', d.mean)}` : unit === 'money' ? `${minus(v)}${formatMoney(Math.abs(v))}` : signed(v, unit === 'ratio' ? 3 : 1);
  return `${plain(d.mean)} ${label}${interval(plain)}`;
}

/** "better", "worse" or "no clear difference", said for a reader. */
export function verdictInWords(d: PairedDifference): string {
  if (d.verdict === null) return NO_PAIRED_REPLICATION;
  return d.verdict === 'no clear difference' ? 'no clear difference from the baseline' : `${d.verdict} than the baseline`;
}

/** Why a paired difference has no value: no replication has the metric in both scenarios (a rate of no leads). */
export const NO_PAIRED_REPLICATION = 'no replication measured leads in both the baseline and this scenario';

/**
 * A paired difference and its verdict as a sentence: "+14 funded loans a month, 95% interval +9 to +19 (better
 * than the baseline)."; without a verdict when there is no difference to judge.
 */
export function differenceSentence(metric: MetricName, d: PairedDifference, windowDays: number | 'per month'): string {
  const words = pairedDifferenceInWords(metric, d, windowDays);
  return d.n === 0 ? `${words[0].toUpperCase()}${words.slice(1)}.` : `${words} (${verdictInWords(d)}).`;
}
