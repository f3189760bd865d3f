/**
 * A time zone for reading wall-clock timestamps: "UTC", a fixed offset ("+02:00", "-0500", "UTC+2") or an
 * IANA name ("America/Chicago", "Europe/Berlin") resolved with the standard `Intl` API, so it runs the
 * same in Node and in a browser worker.
 */
export interface TimeZone {
  /** The name as given, e.g. "America/Chicago". */
  readonly name: string;
  /** Minutes to add to UTC to get local wall-clock time, at the instant `utcMs`. */
  offsetMinutes(utcMs: number): number;
  /** The UTC instant (ms) of a local wall-clock time given as if it were UTC (ms); see {@link TimeZone.readWall}. */
  wallToUtc(wallMs: number): number;
  /**
   * The UTC instant (ms) of a local wall-clock time given as if it were UTC (ms), and whether that time was
   * one the clocks skipped or repeated. The rule (that of java.time and Temporal's 'compatible'):
   * - `gap`: a time skipped when the clocks went forward is moved forward by the length of the skip (02:30 on a
   *   spring-forward night that jumps from 02:00 to 03:00 is read as 03:30), i.e. read with the offset before the change;
   * - `ambiguous`: a time that happens twice when the clocks went back is read as the first of the two (the
   *   earlier instant, on the offset before the change);
   * - `exact`: every other time, which names one instant.
   */
  readWall(wallMs: number): WallReading;
}

/** How a local wall-clock time was read: see {@link TimeZone.readWall}. */
export interface WallReading {
  utc: number;
  kind: 'exact' | 'gap' | 'ambiguous';
}

const DAY_MS = 86_400_000;

/**
 * Offsets are cached per 15 minutes of UTC: every zone in use since 1972 changes its offset on a quarter hour of UTC, and the
 * half-hour zones (Adelaide, St John's, Lord Howe) change on a half hour, which a cache per UTC hour misread
 * for 30 minutes after each change.
 */
const SLOT_MS = 15 * 60_000;

function fixedZone(name: string, offset: number): TimeZone {
  return { name, offsetMinutes: () => offset, wallToUtc: (wall) => wall - offset * 60_000, readWall: (wall) => ({ utc: wall - offset * 60_000, kind: 'exact' }) };
}

function parseOffset(text: string): number | undefined {
  const m = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(text.trim());
  return m ? utcOffsetMinutes(m[1], m[2], m[3]) : undefined;
}

/**
 * Minutes east of UTC of an offset written as a sign, hours and minutes; undefined when it is not a real one: real
 * offsets lie within -12:00..+14:00 (Baker Island to Kiritimati), with minutes 0-59 ("+05:75" is not an offset).
 */
export function utcOffsetMinutes(sign: string, hours: string, minutes: string | undefined): number | undefined {
  if (Number(minutes ?? 0) > 59) return undefined;
  const total = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes ?? 0));
  return total < -12 * 60 || total > 14 * 60 ? undefined : total;
}

/** An IANA zone. Offsets are looked up once per quarter hour of UTC and cached (see `SLOT_MS`). */
function ianaZone(name: string): TimeZone {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: name,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const cache = new Map<number, number>();
  const offsetMinutes = (utcMs: number): number => {
    const slot = Math.floor(utcMs / SLOT_MS);
    let offset = cache.get(slot);
    if (offset === undefined) {
      const at = slot * SLOT_MS;
      const parts: Record<string, number> = {};
      for (const p of format.formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
      const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute);
      offset = Math.round((wall - at) / 60_000);
      if (cache.size > 100_000) cache.clear();
      cache.set(slot, offset);
    }
    return offset;
  };
  // The offsets a day either side of the wall time read as UTC (which is within 14 hours of the true instant) are
  // those before and after any change near it; each is the answer when reading the wall time with it gives back that
  // offset. Both do in a repeated hour, neither does in a skipped one. (Two changes within a day and a half of each
  // other would confuse this; no zone has had them since 1972 save for the rare redefinition of a zone.)
  const readWall = (wall: number): WallReading => {
    const before = offsetMinutes(wall - DAY_MS), after = offsetMinutes(wall + DAY_MS);
    const fits = (offset: number): boolean => offsetMinutes(wall - offset * 60_000) === offset;
    const fitsBefore = fits(before), fitsAfter = after !== before && fits(after);
    if (fitsBefore && fitsAfter) return { utc: wall - Math.max(before, after) * 60_000, kind: 'ambiguous' };
    if (fitsBefore) return { utc: wall - before * 60_000, kind: 'exact' };
    if (fitsAfter) return { utc: wall - after * 60_000, kind: 'exact' };
    return { utc: wall - before * 60_000, kind: 'gap' };
  };
  return { name, offsetMinutes, readWall, wallToUtc: (wall) => readWall(wall).utc };
}

/**
 * The skip that holds a local wall-clock time which `zone` reads as a `gap` (see {@link TimeZone.readWall}): the wall
 * times (minutes since the epoch, as if UTC) where it starts and where it ends, 02:00 and 03:00 of New York's spring
 * forward, 00:00 and 01:00 of Santiago's, 02:00 and 02:30 of Lord Howe's.
 */
export function skipAround(zone: TimeZone, wallMs: number): { from: number; to: number } {
  const wall = Math.floor(wallMs / 60_000);
  const before = zone.offsetMinutes(wallMs - DAY_MS), after = zone.offsetMinutes(wallMs + DAY_MS);
  // The change is at an instant in (wall - after, wall - before], the first minute on the offset after it.
  let lo = wall - after, hi = wall - before;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zone.offsetMinutes(mid * 60_000) === before) lo = mid;
    else hi = mid;
  }
  return { from: hi + before, to: hi + after };
}

/** The UTC zone, used when a log states no zone. */
export const UTC: TimeZone = fixedZone('UTC', 0);

/**
 * Resolves a zone name. Throws a RangeError naming the bad value.
 *
 * @example
 * resolveTimeZone('+05:30').offsetMinutes(0) // 330
 * resolveTimeZone('America/New_York').offsetMinutes(Date.UTC(2024, 0, 1)) // -300
 */
export function resolveTimeZone(name: string): TimeZone {
  const trimmed = name.trim();
  if (/^(utc|gmt|z)$/i.test(trimmed)) return fixedZone(trimmed.toUpperCase() === 'Z' ? 'UTC' : trimmed.toUpperCase(), 0);
  const offset = parseOffset(trimmed);
  if (offset !== undefined) return fixedZone(trimmed, offset);
  try {
    return ianaZone(trimmed);
  } catch {
    throw new RangeError(`time zone: expected "UTC", an offset like "+02:00" or an IANA name like "America/Chicago", got "${name}"`);
  }
}

/**
 * Hour of week (Monday 00:00-01:00 = 0 ... Sunday 23:00-24:00 = 167) of a UTC instant in minutes, read on
 * the local clock of `zone`.
 */
export function hourOfWeekAt(utcMinutes: number, zone: TimeZone): number {
  const local = utcMinutes + zone.offsetMinutes(utcMinutes * 60_000);
  // 1970-01-01 was a Thursday: hour 0 of the epoch is hour 72 of its week.
  const h = (Math.floor(local / 60) + 72) % 168;
  return h < 0 ? h + 168 : h;
}
