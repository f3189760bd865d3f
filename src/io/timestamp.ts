import { utcOffsetMinutes, type TimeZone } from './timeZone';

/** Order of day, month and year in numeric dates such as 03/04/2024. */
export type DateOrder = 'mdy' | 'dmy' | 'ymd';

/** How to read a timestamp column. */
export interface TimestampOptions {
  /** Order of slashed or dotted numeric dates; undefined means "not yet known" (see {@link detectDateOrder}). */
  dateOrder?: DateOrder;
  /** Zone of wall-clock times that carry no offset of their own. */
  zone: TimeZone;
  /**
   * Told when a wall-clock time without an offset was skipped (`gap`) or repeated (`ambiguous`) by a clock change
   * in `zone`; the time is still read, by the rule of `TimeZone.readWall` (src/io/timeZone.ts). `wallMs` is that
   * local time, in ms since the epoch as if it were UTC.
   */
  onClockChange?: (kind: 'gap' | 'ambiguous', wallMs: number) => void;
}

type ClockChangeListener = TimestampOptions['onClockChange'];

const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([AaPp]\.?[Mm]\.?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?$/;
const NUMERIC = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([AaPp]\.?[Mm]\.?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?$/;
const COMPACT = /^(\d{8}|\d{6})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([AaPp]\.?[Mm]\.?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?$/;
const EPOCH_SECONDS = /^\d{9,10}(?:\.\d+)?$/;

/**
 * A two-digit year: 69-99 are 1969-1999, 00-68 are 2000-2068 (the POSIX `strptime` pivot), so a 1999 export
 * written as "990201" is not read as 2099.
 */
export function fullYear(twoDigits: number): number {
  return twoDigits >= 69 ? 1900 + twoDigits : 2000 + twoDigits;
}

/**
 * Reads a compact date ("990201", "19990201"): year first unless the date order says day- or month-first
 * ("010299" is 1 February 1999 with dmy). Returns [year, month, day].
 */
function compactDate(digits: string, order: DateOrder | undefined): [number, number, number] {
  const long = digits.length === 8;
  const two = (i: number): number => Number(digits.slice(i, i + 2));
  if (order === 'dmy') return [long ? Number(digits.slice(4)) : fullYear(two(4)), two(2), two(0)];
  if (order === 'mdy') return [long ? Number(digits.slice(4)) : fullYear(two(4)), two(0), two(2)];
  return long ? [Number(digits.slice(0, 4)), two(4), two(6)] : [fullYear(two(0)), two(2), two(4)];
}
const EPOCH_MS = /^\d{12,13}$/;

/**
 * The years a time is read in. Date.UTC reads a year below 100 as 19xx, so "0024-03-05" became 1924: a year
 * written with four digits is read as written, and one outside this range is rejected (with a message that says
 * so) rather than read. No internet lead was created before 1900 or will be after 2199; such a year is a typo or a
 * placeholder ("0001-01-01", "9999-12-31"), and a rejected row is counted and shown where a read one would skew
 * the fit silently. Two-digit years (1969-2068) and epoch times (1973-2286 for 9-10 digits) fall inside.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** Minutes east of UTC of an offset written in a timestamp; NaN when it is out of range; undefined when there is none. */
function offsetOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  if (text === 'Z' || /^(Z|UTC|GMT)$/i.test(text)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!m) return undefined;
  return utcOffsetMinutes(m[1], m[2], m[3]) ?? NaN;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

function build(
  year: number, month: number, day: number, hh: string | undefined, mm: string | undefined, ss: string | undefined,
  frac: string | undefined, ampm: string | undefined, zoneText: string | undefined, zone: TimeZone, onClockChange: ClockChangeListener,
): number {
  let hour = hh === undefined ? 0 : Number(hh);
  if (ampm) {
    if (hour < 1 || hour > 12) return NaN;
    const pm = ampm[0] === 'p' || ampm[0] === 'P';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  return minutesOf(year, month, day, hour, mm === undefined ? 0 : Number(mm), ss === undefined ? 0 : Number(ss), frac, zoneText, zone, onClockChange);
}

function minutesOf(
  year: number, month: number, day: number, hour: number, minute: number, second: number,
  frac: string | undefined, zoneText: string | undefined, zone: TimeZone, onClockChange?: ClockChangeListener,
): number {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return NaN;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  // Date.UTC would roll 31 April over to 1 May: a day past the end of its month is not a date.
  if (day > 28 && day > daysInMonth(year, month)) return NaN;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const offset = offsetOf(zoneText);
  if (Number.isNaN(offset)) return NaN;
  if (offset !== undefined) return (wall - offset * 60_000) / 60_000;
  const read = zone.readWall(wall);
  if (read.kind !== 'exact') onClockChange?.(read.kind, wall);
  return read.utc / 60_000;
}

/**
 * The common machine-written shape `2024-03-05T14:22:10[.123][Z]` (or a space for the T) read from character
 * codes, with the same result as the ISO pattern; undefined for any other text (which the patterns then read).
 */
function fastIso(s: string, zone: TimeZone, onClockChange: ClockChangeListener): number | undefined {
  const n = s.length;
  if (n < 19 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined;
  const t = s.charCodeAt(10);
  if (t !== 84 && t !== 32) return undefined;
  let bad = false;
  const digit = (i: number): number => {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) bad = true;
    return c;
  };
  const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const month = digit(5) * 10 + digit(6), day = digit(8) * 10 + digit(9);
  const hour = digit(11) * 10 + digit(12), minute = digit(14) * 10 + digit(15), second = digit(17) * 10 + digit(18);
  if (bad) return undefined;
  let i = 19, frac: string | undefined;
  if (i < n && s.charCodeAt(i) === 46) {
    let j = i + 1;
    while (j < n && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
    if (j === i + 1) return undefined;
    frac = s.slice(i + 1, j);
    i = j;
  }
  let zoneText: string | undefined;
  if (i < n) {
    if (i === n - 1 && s.charCodeAt(i) === 90) zoneText = 'Z';
    else return undefined;
  }
  return minutesOf(year, month, day, hour, minute, second, frac, zoneText, zone, onClockChange);
}

/**
 * Parses a timestamp into minutes since the Unix epoch (UTC). Accepts
 * - ISO 8601 and its common relatives: `2024-03-05T14:22:10Z`, `2024-03-05 14:22`, `2024/03/05 2:22 PM`,
 *   `2024-03-05T14:22:10.5+01:00`, a bare date;
 * - numeric dates in the stated order: US `3/5/2024 2:22:10 PM`, EU `05/03/2024 14:22`, `05.03.2024 14:22`,
 *   `05-03-24` (two-digit years 00-68 are 20xx, 69-99 are 19xx);
 * - compact dates `yyyymmdd` and `yymmdd` (`19990201`, `990201`, with a time after a space: `990201 7:02:56`),
 *   read year first, or day- or month-first when `options.dateOrder` says dmy or mdy;
 * - Unix epoch seconds (9-10 digits) and milliseconds (12-13 digits).
 * Wall-clock times without an offset are read in `options.zone`. Returns NaN when the text is not a time,
 * or when it is a numeric date and `options.dateOrder` is unknown and the text is ambiguous.
 *
 * @example
 * parseTimestamp('2024-03-05 14:22', { zone: UTC }) // 28498942
 * parseTimestamp('03/05/2024 2:22 PM', { zone: UTC, dateOrder: 'mdy' }) // the same
 */
export function parseTimestamp(text: string, options: TimestampOptions): number {
  const s = text.trim();
  const fast = fastIso(s, options.zone, options.onClockChange);
  if (fast !== undefined) return fast;
  let m = ISO.exec(s);
  if (m) return build(+m[1], +m[2], +m[3], m[4], m[5], m[6], m[7], m[8], m[9], options.zone, options.onClockChange);
  m = NUMERIC.exec(s);
  if (m) {
    const a = +m[1], b = +m[3];
    let year = +m[4];
    if (m[4].length === 2) year = fullYear(year);
    let order = options.dateOrder;
    if (order === undefined || order === 'ymd') {
      // Unambiguous cases need no stated order; dotted dates are day-first wherever they are used.
      if (a > 12 && b <= 12) order = 'dmy';
      else if (b > 12 && a <= 12) order = 'mdy';
      else if (m[2] === '.') order = 'dmy';
      else if (a === b) order = 'mdy';
      else return NaN;
    }
    const [month, day] = order === 'mdy' ? [a, b] : [b, a];
    return build(year, month, day, m[5], m[6], m[7], m[8], m[9], m[10], options.zone, options.onClockChange);
  }
  m = COMPACT.exec(s);
  if (m) {
    const [year, month, day] = compactDate(m[1], options.dateOrder);
    return build(year, month, day, m[2], m[3], m[4], m[5], m[6], m[7], options.zone, options.onClockChange);
  }
  if (EPOCH_SECONDS.test(s)) return Number(s) / 60;
  if (EPOCH_MS.test(s)) return Number(s) / 60_000;
  return NaN;
}

/**
 * Why `text` is not read as a time, when the reason is more than "not a time": a year outside
 * {@link MIN_YEAR}-{@link MAX_YEAR} or a UTC offset outside -12:00..+14:00. Undefined otherwise. Called for
 * rejected values only, to make their message say what was expected.
 */
export function timestampProblem(text: string, options: Pick<TimestampOptions, 'dateOrder'> = {}): string | undefined {
  const s = text.trim();
  let year: number | undefined, zoneText: string | undefined;
  let m = ISO.exec(s);
  if (m) [year, zoneText] = [+m[1], m[9]];
  else if ((m = NUMERIC.exec(s))) {
    [year, zoneText] = [m[4].length === 4 ? +m[4] : undefined, m[10]];
    // A date the order the file is read in (stated, or decided by its rows) reads with a month past 12 is in the other
    // order: the file holds both, or the stated order is not the file's.
    const [a, b] = [+m[1], +m[3]];
    if (options.dateOrder === 'dmy' && b > 12 && a <= 12) return `read day-first, the order this file is read in, its month would be ${b}`;
    if (options.dateOrder === 'mdy' && a > 12 && b <= 12) return `read month-first, the order this file is read in, its month would be ${a}`;
  }
  else if ((m = COMPACT.exec(s))) [year, zoneText] = [compactDate(m[1], options.dateOrder)[0], m[7]];
  else return undefined;
  if (year !== undefined && (year < MIN_YEAR || year > MAX_YEAR)) return `the year ${String(year).padStart(4, '0')} is outside ${MIN_YEAR}-${MAX_YEAR}`;
  if (zoneText !== undefined && Number.isNaN(offsetOf(zoneText))) return `the UTC offset "${zoneText}" is not a real one; expected -12:00 to +14:00 with minutes 00-59`;
  return undefined;
}

/** The order one numeric date decides: a first number above 12 means day-first, a second number above 12 month-first. */
function orderOf(text: string): DateOrder | undefined {
  const m = NUMERIC.exec(text.trim());
  if (!m) return undefined;
  if (+m[1] > 12 && +m[3] <= 12) return 'dmy';
  if (+m[3] > 12 && +m[1] <= 12) return 'mdy';
  return undefined;
}

/**
 * Decides the order of numeric dates from sample values of one export. `order` is undefined when no sample decides
 * (all days <= 12, or no numeric dates). When samples contradict each other (`conflict`), `order` is that of the
 * first one that decides: the rows are read in it, and those that do not fit it are rejected.
 */
export function decideDateOrder(samples: Iterable<string>): { order: DateOrder | undefined; conflict: boolean } {
  let order: DateOrder | undefined;
  for (const text of samples) {
    const o = orderOf(text);
    if (o === undefined) continue;
    if (order === undefined) order = o;
    else if (o !== order) return { order, conflict: true };
  }
  return { order, conflict: false };
}

/** The warning of an import whose `rows` ("the first rows", "the rows") hold dates of both orders, read in `order`. */
export function mixedDateOrdersWarning(rows: string, order: DateOrder, howToState: string): string {
  return `${rows} hold both month-first and day-first dates; they were read ${order === 'dmy' ? 'day-first' : 'month-first'}, the order of the first one that decides, and rows that do not fit it are rejected (state the order with ${howToState})`;
}

/** True when the text is a numeric date whose order matters (both leading numbers 1-12 and different). */
export function isAmbiguousDate(text: string): boolean {
  const m = NUMERIC.exec(text.trim());
  return m !== null && m[2] !== '.' && +m[1] <= 12 && +m[3] <= 12 && +m[1] !== +m[3];
}

/**
 * Counts the rejected times that would read in the other order of month and day than the one stated: when they are
 * most of the rejected rows, the file's order is most likely the other, and `warning` says so with the option that
 * states it (the order a user states wins over detection, so a wrong one rejects rows instead of guessing).
 */
export class OtherDateOrder {
  private readonly other: DateOrder | undefined;
  private rows = 0;
  private lastLine = 0;
  private first = '';

  constructor(private readonly stated: DateOrder | undefined, private readonly zone: TimestampOptions['zone']) {
    this.other = stated === 'mdy' ? 'dmy' : stated === 'dmy' ? 'mdy' : undefined;
  }

  /** A time of row `line` that did not read in the stated order. */
  note(line: number, text: string): void {
    if (!this.other || this.lastLine === line || !Number.isFinite(parseTimestamp(text, { zone: this.zone, dateOrder: this.other }))) return;
    this.rows++;
    if (this.rows === 1) this.first = text;
    this.lastLine = line;
  }

  /** The warning, when most of the `rejected` rows read in the other order; `option` is how to state it ("--date-order"). */
  warning(rejected: number, option = '--date-order'): string | undefined {
    if (!this.other || this.rows * 2 <= rejected) return undefined;
    const words = (o: DateOrder) => (o === 'dmy' ? 'day-first' : 'month-first');
    return `${this.rows} of the ${rejected} rejected rows have a date that reads ${words(this.other)} (first: "${this.first}"), not ${words(this.stated!)} as stated; the file's dates are likely ${words(this.other)}: state that order with ${option} ${this.other}`;
  }
}
