import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimestamp, timestampProblem } from '../../src/io/timestamp';
import { parseCallLogText, parseLogText } from '../../src/io/parseText';
import { resolveTimeZone, UTC } from '../../src/io/timeZone';

const two = (n: number): string => String(n).padStart(2, '0');

describe('parseTimestamp on machine-written ISO times', () => {
  it('reads YYYY-MM-DDTHH:MM:SS[.fff][Z] as Date.parse does, with T or a space, in UTC and in a zone', () => {
    const chicago = resolveTimeZone('America/Chicago');
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom('', '.5', '.25', '.123', '.1234'), fc.boolean(), fc.boolean(),
        (ms, frac, space, zulu) => {
          const d = new Date(ms);
          const text = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}${space ? ' ' : 'T'}${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}${frac}${zulu ? 'Z' : ''}`;
          const wall = Date.parse(`${text.replace(' ', 'T').replace(/Z$/, '')}Z`) / 60_000;
          expect(parseTimestamp(text, { zone: UTC })).toBe(wall);
          // Without Z the time is read in the stated zone; with it, the zone does not matter.
          expect(parseTimestamp(text, { zone: chicago })).toBe(zulu ? wall : chicago.wallToUtc(wall * 60_000) / 60_000);
        },
      ),
    );
  });

  it('rejects days past the end of their month and keeps 29 February of leap years', () => {
    expect(parseTimestamp('2024-04-31T10:00:00Z', { zone: UTC })).toBeNaN();
    expect(parseTimestamp('2023-02-29 10:00:00', { zone: UTC })).toBeNaN();
    expect(parseTimestamp('1900-02-29T00:00:00Z', { zone: UTC })).toBeNaN();
    expect(parseTimestamp('2000-02-29T00:00:00Z', { zone: UTC })).toBe(Date.UTC(2000, 1, 29) / 60_000);
    expect(parseTimestamp('2024-02-29T12:00:00.5Z', { zone: UTC })).toBe((Date.UTC(2024, 1, 29, 12) + 500) / 60_000);
    expect(parseTimestamp('2024-13-01T00:00:00Z', { zone: UTC })).toBeNaN();
    expect(parseTimestamp('2024-12-01T24:00:00Z', { zone: UTC })).toBeNaN();
  });
});

describe('years and offsets out of range', () => {
  it('rejects a four-digit year outside 1900-2199 instead of reading 0024 as 1924, and keeps the edges', () => {
    for (const text of ['0024-03-05 10:00', '0024-03-05T10:00:00Z', '0099-01-01', '5/3/0024 10:00', '00240305', '1899-12-31 23:59', '2200-01-01', '9999-12-31'])
      expect(parseTimestamp(text, { zone: UTC, dateOrder: 'mdy' }), text).toBeNaN();
    expect(timestampProblem('0024-03-05 10:00')).toBe('the year 0024 is outside 1900-2199');
    expect(timestampProblem('5/3/0024 10:00', { dateOrder: 'mdy' })).toBe('the year 0024 is outside 1900-2199');
    expect(parseTimestamp('1900-01-01', { zone: UTC })).toBe(Date.UTC(1900, 0, 1) / 60_000);
    expect(parseTimestamp('2199-12-31 23:59', { zone: UTC })).toBe(Date.UTC(2199, 11, 31, 23, 59) / 60_000);
    // Two-digit years stay on the POSIX pivot.
    expect(parseTimestamp('05-03-24 14:22', { zone: UTC, dateOrder: 'dmy' })).toBe(Date.UTC(2024, 2, 5, 14, 22) / 60_000);
  });

  it('rejects offsets outside -12:00..+14:00 or with minutes above 59, and reads the real extremes', () => {
    for (const off of ['+99:99', '+25:00', '-13:61', '-13:00', '+14:01', '+05:60', '+0575'])
      expect(parseTimestamp(`2024-03-05T10:00:00${off}`, { zone: UTC }), off).toBeNaN();
    expect(timestampProblem('2024-03-05T10:00:00+25:00')).toMatch(/offset "\+25:00" is not a real one; expected -12:00 to \+14:00 with minutes 00-59/);
    expect(timestampProblem('03/05/2024 10:00 -13:61', { dateOrder: 'mdy' })).toMatch(/"-13:61"/);
    const at = Date.UTC(2024, 2, 5, 10) / 60_000;
    expect(parseTimestamp('2024-03-05T10:00:00+14:00', { zone: UTC })).toBe(at - 14 * 60);
    expect(parseTimestamp('2024-03-05T10:00:00-12:00', { zone: UTC })).toBe(at + 12 * 60);
    expect(parseTimestamp('2024-03-05T10:00:00+0545', { zone: UTC })).toBe(at - 345);
    expect(timestampProblem('yesterday')).toBeUndefined();
  });

  it('refuses such an offset as --tz', () => {
    for (const tz of ['+25:00', '+05:75', '-13:00']) expect(() => resolveTimeZone(tz), tz).toThrow(/time zone: expected/);
    expect(resolveTimeZone('-12:00').offsetMinutes(0)).toBe(-720);
  });
});

describe('what a rejected numeric date is told', () => {
  it('names the month a date of the other order would have in the file\'s order, and only then', () => {
    // Found in review: "04/13/2024" in a day-first file was rejected as "cannot read ... as a time", with no reason.
    expect(parseTimestamp('04/13/2024 10:00', { zone: UTC, dateOrder: 'dmy' })).toBeNaN();
    expect(timestampProblem('04/13/2024 10:00', { dateOrder: 'dmy' })).toBe("read day-first, the order this file is read in, its month would be 13");
    expect(timestampProblem('13/04/2024 10:00', { dateOrder: 'mdy' })).toBe("read month-first, the order this file is read in, its month would be 13");
    // Neither number a month (13/14): no order reads it, and nothing is said of the order.
    expect(timestampProblem('13/14/2024', { dateOrder: 'dmy' })).toBeUndefined();
    expect(timestampProblem('04/13/2024 10:00', { dateOrder: 'mdy' })).toBeUndefined();
  });

  it('calls a day-month date under a stated year-first order as ambiguous as without one, in a call log and a lead stream', () => {
    // Found in review: with --date-order ymd, "03/04/2024" was "cannot read ... as a time", not what to state.
    const log = parseCallLogText('Lead ID,Created,Call Time,Outcome\nL1,03/04/2024 10:00,03/04/2024 10:05,No Answer\n', { dateOrder: 'ymd' });
    expect(log.report.examples[0].message).toBe('leadCreated (column "Created"): "03/04/2024 10:00" could be month-first or day-first; state the order with --date-order mdy or --date-order dmy');
    const stream = parseLogText('lead_id,created_at\nL1,03/04/2024 10:00\n', { dateOrder: 'ymd', kind: 'leads' });
    expect(stream.report.examples[0].message).toMatch(/"03\/04\/2024 10:00" could be month-first or day-first; state the order/);
  });
});
