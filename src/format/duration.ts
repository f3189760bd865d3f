/** Minutes in an hour and in a day. */
const HOUR = 60;
const DAY = 1440;

/**
 * A duration in minutes as a value to read, with one decimal: minutes under 2 hours, hours under 2 days, days
 * beyond. The thresholds keep the number between 1 and about 100 in its unit ("90.0 min", not "1.5 h"; "36.0 h",
 * not "1.5 days"), and every caller (command line, page, charts, fit report) uses the same words.
 *
 * `scaleOf` picks the unit instead of the value itself: the ends of an interval are written in their mean's unit, so
 * that "-110.3 min [-2.7 h, -57.9 min]" reads "-110.3 min [-160.2 min, -57.9 min]".
 *
 * @example
 * formatDuration(45) // "45.0 min"
 * formatDuration(3000) // "2.1 days"
 * formatDuration(160.2, 'n/a', -110.3) // "160.2 min"
 */
export function formatDuration(minutes: number, missing = 'n/a', scaleOf = minutes): string {
  if (!Number.isFinite(minutes)) return missing;
  const a = Number.isFinite(scaleOf) ? Math.abs(scaleOf) : Math.abs(minutes);
  if (a < 2 * HOUR) return `${minutes.toFixed(1)} min`;
  if (a < 2 * DAY) return `${(minutes / HOUR).toFixed(1)} h`;
  return `${(minutes / DAY).toFixed(1)} days`;
}

/**
 * A duration in minutes as a short label, as the field says lead ages and bins: minutes under an hour, hours
 * under a day, days beyond, with at most one decimal and no trailing zero.
 *
 * @example
 * durationLabel(5) // "5 min"
 * durationLabel(90) // "1.5 h"
 * durationLabel(2880) // "2 d"
 */
export function durationLabel(minutes: number): string {
  if (minutes < HOUR) return `${+minutes.toFixed(1)} min`;
  if (minutes < DAY) return `${+(minutes / HOUR).toFixed(1)} h`;
  return `${+(minutes / DAY).toFixed(1)} d`;
}
