/**
 * The hint under "Days simulated": the field is the days of lead arrivals, warm-up included, and the run goes on for
 * the cool-down after them, so the run estimate says more days and the answer fewer (the measured window). Said with
 * the scenario's own values (the resolved ones: a short run left at the default warm-up warms up for less).
 */
export function daysHint(c: { days: number; warmupDays: number; cooldownDays: number }): string {
  const days = (n: number) => `${n.toLocaleString('en-US')} day${n === 1 ? '' : 's'}`;
  const measured = c.days - c.warmupDays;
  return (
    `Leads arrive on these ${days(c.days)}: the first ${days(c.warmupDays)} are warm-up while pipelines fill (not measured), ` +
    `the other ${days(measured)} are the measured window the answers are about. ` +
    `Then ${days(c.cooldownDays)} of cool-down run with no new leads so the last measured leads can fund: ` +
    `${days(c.days + c.cooldownDays)} simulated in all (warm-up and cool-down are set in the JSON: warmupDays, cooldownDays).`
  );
}

/** The hint while the scenario cannot be read: the same rule, without numbers. */
export const DAYS_HINT_WITHOUT_SCENARIO = 'Days of lead arrivals: warm-up days (not measured) plus the measured window; cool-down days run after them.';
