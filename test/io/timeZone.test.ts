import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hourOfWeekAt, resolveTimeZone } from '../../src/io/timeZone';

const at = (iso: string): number => Date.parse(iso);

/** The offset as Intl names it ("GMT+10:30"): a path that shares nothing with the zone's own lookup and cache. */
function referenceOffset(zone: string, utcMs: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(utcMs).find((p) => p.type === 'timeZoneName')!.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

describe('time zones with half-hour offsets', () => {
  it('reads the half hour after each daylight-saving change in Adelaide with the new offset', () => {
    const zone = resolveTimeZone('Australia/Adelaide');
    // 6 Oct 2024, 02:00 ACST (+09:30) became 03:00 ACDT (+10:30): 16:30 UTC. The quarter before fills any cache first.
    expect(zone.offsetMinutes(at('2024-10-05T16:15:00Z'))).toBe(570);
    expect(zone.offsetMinutes(at('2024-10-05T16:45:00Z'))).toBe(630);
    // 7 Apr 2024, 03:00 ACDT became 02:00 ACST: 16:30 UTC.
    expect(zone.offsetMinutes(at('2024-04-06T16:15:00Z'))).toBe(630);
    expect(zone.offsetMinutes(at('2024-04-06T16:45:00Z'))).toBe(570);
    // Local 03:15 on the change day is 16:45 UTC, and falls in hour 3 of Sunday (hour 147 of the week).
    expect(zone.wallToUtc(Date.UTC(2024, 9, 6, 3, 15))).toBe(at('2024-10-05T16:45:00Z'));
    expect(hourOfWeekAt(at('2024-10-05T16:45:00Z') / 60_000, zone)).toBe(6 * 24 + 3);
  });

  it('reads the half hour after each change in St John\'s with the new offset', () => {
    const zone = resolveTimeZone('America/St_Johns');
    // 10 Mar 2024, 02:00 NST (-03:30) became 03:00 NDT (-02:30): 05:30 UTC.
    expect(zone.offsetMinutes(at('2024-03-10T05:15:00Z'))).toBe(-210);
    expect(zone.offsetMinutes(at('2024-03-10T05:45:00Z'))).toBe(-150);
    // 3 Nov 2024, 02:00 NDT became 01:00 NST: 04:30 UTC.
    expect(zone.offsetMinutes(at('2024-11-03T04:15:00Z'))).toBe(-150);
    expect(zone.offsetMinutes(at('2024-11-03T04:45:00Z'))).toBe(-210);
  });

  it('agrees with Intl\'s own offset at any instant of 2023-2025, in zones with half- and quarter-hour offsets', () => {
    const names = ['Australia/Adelaide', 'America/St_Johns', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/Chicago'];
    const zones = names.map((n) => resolveTimeZone(n));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: names.length - 1 }), fc.integer({ min: at('2023-01-01T00:00:00Z') / 60_000, max: at('2026-01-01T00:00:00Z') / 60_000 }), (z, minute) => {
        expect(zones[z].offsetMinutes(minute * 60_000)).toBe(referenceOffset(names[z], minute * 60_000));
      }),
      { numRuns: 3000 },
    );
  });
});
