/**
 * Simulated time is minutes since the start of the run; the calendar maps it to the civil date the run
 * starts on (a UTC calendar date, so no daylight-saving jumps), giving day of week, hour and day of month.
 */
export const MINUTES_PER_HOUR = 60;
export const MINUTES_PER_DAY = 1440;
export const MINUTES_PER_WEEK = 10080;
export const HOURS_PER_WEEK = 168;
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export class Calendar {
  /** Day of week of minute 0, Monday = 0. */
  readonly startWeekday: number;
  private readonly startMs: number;
  private dayOfMonthCache: Int8Array = new Int8Array(0);
  private daysInMonthCache: Int8Array = new Int8Array(0);

  /** @param startDate the first simulated day, "YYYY-MM-DD". */
  constructor(readonly startDate: string) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(startDate);
    if (!m) throw new RangeError(`Calendar: expected a start date "YYYY-MM-DD", got "${startDate}"`);
    this.startMs = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    this.startWeekday = (new Date(this.startMs).getUTCDay() + 6) % 7;
    this.extend(400);
  }

  private extend(days: number): void {
    const dom = new Int8Array(days), dim = new Int8Array(days);
    for (let d = 0; d < days; d++) {
      const date = new Date(this.startMs + d * 86_400_000);
      dom[d] = date.getUTCDate();
      dim[d] = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
    }
    this.dayOfMonthCache = dom;
    this.daysInMonthCache = dim;
  }

  /** Index of the simulated day (0 = the start date). */
  day(t: number): number {
    return Math.floor(t / MINUTES_PER_DAY);
  }

  /** Day of week, Monday = 0 ... Sunday = 6. */
  weekday(t: number): number {
    return (this.startWeekday + Math.floor(t / MINUTES_PER_DAY)) % 7;
  }

  /** Hour of day, 0-23. */
  hour(t: number): number {
    return Math.floor((t % MINUTES_PER_DAY) / MINUTES_PER_HOUR);
  }

  /** Hour of week, 0 = Monday 00:00-01:00 ... 167 = Sunday 23:00-24:00. */
  hourOfWeek(t: number): number {
    return this.weekday(t) * 24 + this.hour(t);
  }

  /** Minute of week, 0 = Monday 00:00. */
  minuteOfWeek(t: number): number {
    return (this.startWeekday * MINUTES_PER_DAY + Math.floor(t)) % MINUTES_PER_WEEK;
  }

  /** Day of month, 1-31. */
  dayOfMonth(t: number): number {
    const d = this.day(t);
    if (d >= this.dayOfMonthCache.length) this.extend(d * 2 + 1);
    return this.dayOfMonthCache[d];
  }

  /** Number of days in the month of time t. */
  daysInMonth(t: number): number {
    const d = this.day(t);
    if (d >= this.daysInMonthCache.length) this.extend(d * 2 + 1);
    return this.daysInMonthCache[d];
  }

  /** The ISO date of simulated day `d`. */
  isoDate(d: number): string {
    return new Date(this.startMs + d * 86_400_000).toISOString().slice(0, 10);
  }
}
