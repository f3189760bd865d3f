/** One way to write numbers and durations, for the command line, the page, the charts and the reports. */
export { durationLabel, formatDuration } from './duration';
export { formatMetric } from './metricValue';
export { formatCount, formatFixed, formatMoney, formatPercent, formatPValue, formatTenths } from './number';
export { plural } from './plural';
