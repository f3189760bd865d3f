import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../src/io/timestamp';
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
