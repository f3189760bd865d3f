import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { describeClockChanges, describeImportReport } from '../../src/io/importReport';
import { callRecordsFromTable } from '../../src/io/callLogTable';
import { parseCallLogText, parseLeadStreamText } from '../../src/io/parseText';
import { resolveTimeZone } from '../../src/io/timeZone';
import { parseTimestamp } from '../../src/io/timestamp';
import { replayArrivals } from '../../src/scenario/replay';

/** Minutes since the epoch of a time written with its own UTC offset: read by Date, not by the code under test. */
const at = (isoWithOffset: string): number => Date.parse(isoWithOffset) / 60_000;

/** Reads `text` in `zone`, and what the reading said about a clock change. */
function read(text: string, zone: string): { minutes: number; clock: string[] } {
  const clock: string[] = [];
  const minutes = parseTimestamp(text, { zone: resolveTimeZone(zone), onClockChange: (kind) => clock.push(kind) });
  return { minutes, clock };
}

// The expected instants are written with the offsets the zones' rules give those dates (IANA tz database):
// America/New_York -05:00 EST / -04:00 EDT, from 02:00 on 10 Mar 2024 to 02:00 on 3 Nov 2024;
// Europe/Berlin +01:00 CET / +02:00 CEST, from 02:00 (01:00 UTC) on 31 Mar 2024 to 03:00 (01:00 UTC) on 27 Oct 2024;
// Australia/Sydney +10:00 AEST / +11:00 AEDT, daylight time to 03:00 on 7 Apr 2024 and again from 02:00 on 6 Oct 2024;
// Australia/Lord_Howe +10:30 / +11:00, a half-hour change: to 02:00 on 7 Apr 2024 (back to 01:30), from 02:00 (to 02:30) on 6 Oct 2024.
const cases: [zone: string, local: string, expected: string, kind: 'exact' | 'gap' | 'ambiguous'][] = [
  // spring forward: a skipped time moves forward by the skip
  ['America/New_York', '2024-03-10 01:59', '2024-03-10T01:59:00-05:00', 'exact'],
  ['America/New_York', '2024-03-10 02:00', '2024-03-10T03:00:00-04:00', 'gap'],
  ['America/New_York', '2024-03-10 02:30', '2024-03-10T03:30:00-04:00', 'gap'],
  ['America/New_York', '2024-03-10 02:59', '2024-03-10T03:59:00-04:00', 'gap'],
  ['America/New_York', '2024-03-10 03:00', '2024-03-10T03:00:00-04:00', 'exact'],
  // fall back: a repeated time is the first of the two
  ['America/New_York', '2024-11-03 00:59', '2024-11-03T00:59:00-04:00', 'exact'],
  ['America/New_York', '2024-11-03 01:00', '2024-11-03T01:00:00-04:00', 'ambiguous'],
  ['America/New_York', '2024-11-03 01:30', '2024-11-03T01:30:00-04:00', 'ambiguous'],
  ['America/New_York', '2024-11-03 02:00', '2024-11-03T02:00:00-05:00', 'exact'],
  ['Europe/Berlin', '2024-03-31 01:59', '2024-03-31T01:59:00+01:00', 'exact'],
  ['Europe/Berlin', '2024-03-31 02:30', '2024-03-31T03:30:00+02:00', 'gap'],
  ['Europe/Berlin', '2024-03-31 03:00', '2024-03-31T03:00:00+02:00', 'exact'],
  ['Europe/Berlin', '2024-10-27 01:59', '2024-10-27T01:59:00+02:00', 'exact'],
  ['Europe/Berlin', '2024-10-27 02:00', '2024-10-27T02:00:00+02:00', 'ambiguous'],
  ['Europe/Berlin', '2024-10-27 02:30', '2024-10-27T02:30:00+02:00', 'ambiguous'],
  ['Europe/Berlin', '2024-10-27 03:00', '2024-10-27T03:00:00+01:00', 'exact'],
  ['Australia/Sydney', '2024-10-06 02:30', '2024-10-06T03:30:00+11:00', 'gap'],
  ['Australia/Sydney', '2024-10-06 03:00', '2024-10-06T03:00:00+11:00', 'exact'],
  ['Australia/Sydney', '2024-04-07 02:30', '2024-04-07T02:30:00+11:00', 'ambiguous'],
  ['Australia/Sydney', '2024-04-07 03:00', '2024-04-07T03:00:00+10:00', 'exact'],
  ['Australia/Lord_Howe', '2024-10-06 02:15', '2024-10-06T02:45:00+11:00', 'gap'],
  ['Australia/Lord_Howe', '2024-04-07 01:45', '2024-04-07T01:45:00+11:00', 'ambiguous'],
  ['Australia/Lord_Howe', '2024-04-07 02:00', '2024-04-07T02:00:00+10:30', 'exact'],
];

describe('local times at a clock change', () => {
  for (const [zone, local, expected, kind] of cases) {
    it(`${zone} ${local} is ${expected} (${kind})`, () => {
      const r = read(local, zone);
      expect(r.minutes).toBe(at(expected));
      expect(r.clock).toEqual(kind === 'exact' ? [] : [kind]);
      // The other spellings of the same time take the same path.
      const [date, time] = local.split(' ');
      const [y, mo, d] = date.split('-');
      expect(read(`${date}T${time}:00`, zone).minutes).toBe(at(expected));
      expect(parseTimestamp(`${mo}/${d}/${y} ${time}`, { zone: resolveTimeZone(zone), dateOrder: 'mdy' })).toBe(at(expected));
    });
  }

  it('a time with its own offset, or in a fixed-offset zone, is never a clock change', () => {
    expect(read('2024-03-10 02:30-05:00', 'America/New_York')).toEqual({ minutes: at('2024-03-10T02:30:00-05:00'), clock: [] });
    expect(read('2024-03-10 02:30', '-05:00')).toEqual({ minutes: at('2024-03-10T02:30:00-05:00'), clock: [] });
    expect(read('2024-03-10 02:30', 'UTC')).toEqual({ minutes: at('2024-03-10T02:30:00Z'), clock: [] });
  });

  it('on days without a clock change, local -> UTC -> local (by Intl) gives back the same wall time', () => {
    const names = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Kolkata'];
    const zones = names.map((n) => resolveTimeZone(n));
    const formats = names.map((n) => new Intl.DateTimeFormat('en-CA', { timeZone: n, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }));
    const offsetNames = names.map((n) => new Intl.DateTimeFormat('en-US', { timeZone: n, timeZoneName: 'longOffset' }));
    const offsetName = (z: number, ms: number): string => offsetNames[z].formatToParts(ms).find((p) => p.type === 'timeZoneName')!.value;
    let checked = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: names.length - 1 }), fc.integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2027, 0, 1) / 60_000 }), (z, wallMinute) => {
        const wallMs = wallMinute * 60_000;
        // A day without a change: Intl gives the zone the same offset two days either side of the wall time.
        if (offsetName(z, wallMs - 2 * 86_400_000) !== offsetName(z, wallMs + 2 * 86_400_000)) return;
        checked++;
        const text = new Date(wallMs).toISOString().slice(0, 16).replace('T', ' ');
        const clock: string[] = [];
        const utc = parseTimestamp(text, { zone: zones[z], onClockChange: (k) => clock.push(k) });
        expect(clock).toEqual([]);
        const back = Object.fromEntries(formats[z].formatToParts(utc * 60_000).map((p) => [p.type, p.value]));
        expect(`${back.year}-${back.month}-${back.day} ${back.hour}:${back.minute}`).toBe(text);
      }),
      { numRuns: 3000 },
    );
    expect(checked).toBeGreaterThan(2500);
  });
});

const CALLS = [
  'lead,created,call time,result', // line 1
  'A,2024-03-09 12:00,2024-03-10 01:30,no answer', // 2: before the change
  'A,2024-03-09 12:00,2024-03-10 02:15,no answer', // 3: attempt skipped
  'B,2024-03-10 02:05,2024-03-10 02:45,contact', // 4: both times skipped: one row
  'B,2024-03-10 02:05,2024-03-10 09:00,no answer', // 5: the creation time skipped (the one of line 4, read once)
  'C,2024-03-10 02:10,2024-03-10 garbage,contact', // 6: rejected (for its attempt): not counted
  'D,2024-11-02 09:00,2024-11-03 01:10,voicemail', // 7: attempt repeated
  'D,2024-11-02 09:00,2024-11-03 01:59,no answer', // 8: attempt repeated
  'E,2024-11-03 01:20,2024-11-03 03:00,contact', // 9: creation repeated
  'F,2024-03-10 02:20,2024-11-03 01:40,contact', // 10: one of each
  'G,2024-11-03 02:00,2024-11-03 02:30,contact', // 11: after the repeated hour
].join('\n');

describe('the import report counts the rows read at a clock change', () => {
  it('a call log in America/New_York: rows kept, counted once per kind, lines named', () => {
    const log = parseCallLogText(CALLS, { timeZone: 'America/New_York' });
    expect(log.report).toMatchObject({ rows: 10, kept: 9, rejected: 1 });
    expect(log.report.clockChanges).toEqual({ gap: 4, gapLines: [3, 4, 5, 10], ambiguous: 4, ambiguousLines: [7, 8, 9, 10], gapExample: { date: '2024-03-10', time: '02:15', readAs: '03:15', from: '02:00', to: '03:00' } });
    const records = callRecordsFromTable(log.table);
    // Row 3's 02:15 is 03:15 EDT; row 8's 01:59 the first, EDT, one.
    expect(records.some((r) => r.attemptTime === at('2024-03-10T03:15:00-04:00'))).toBe(true);
    expect(records.some((r) => r.attemptTime === at('2024-11-03T01:59:00-04:00'))).toBe(true);
    const text = describeImportReport(log.report);
    expect(text).toContain('Warning: 4 rows have a local time that does not exist in America/New_York, skipped when the clocks went forward (lines 3, 4, 5, 10): read as that time moved forward by the skip');
    expect(text).toContain('Warning: 4 rows have a local time that happens twice in America/New_York, repeated when the clocks went back (lines 7, 8, 9, 10): read as the first of the two');
    expect(text).not.toMatch(/\(4 times\)/);
  });

  it('names the first five lines and counts the rest', () => {
    const rows = Array.from({ length: 8 }, (_, i) => `L${i},2024-03-31 02:${10 + i},2024-03-31 04:00,contact`);
    const log = parseCallLogText(['lead,created,call time,result', 'X,2024-03-30 12:00,2024-03-30 13:00,contact', ...rows].join('\n'), { timeZone: 'Europe/Berlin' });
    expect(log.report.clockChanges).toEqual({ gap: 8, gapLines: [3, 4, 5, 6, 7], ambiguous: 0, ambiguousLines: [], gapExample: { date: '2024-03-31', time: '02:10', readAs: '03:10', from: '02:00', to: '03:00' } });
    expect(log.report.warnings.map((w) => w.message)).toEqual([
      '8 rows have a local time that does not exist in Europe/Berlin, skipped when the clocks went forward (lines 3, 4, 5, 6, 7, ...): read as that time moved forward by the skip (line 3: 02:10 on 2024-03-31 as 03:10, when 02:00 became 03:00)',
    ]);
  });

  it('the example of a skipped time is the first such row, read in its own zone: New York, Santiago, Lord Howe', () => {
    const cases: [zone: string, rows: string[], sentence: string][] = [
      [
        'America/New_York',
        ['a,2024-03-09 10:00', 'a,2024-03-10 02:40', 'b,2024-03-10 02:30'],
        // Line 3 repeats lead a and is rejected: the example is line 4's.
        '1 row has a local time that does not exist in America/New_York, skipped when the clocks went forward (line 4): read as that time moved forward by the skip (line 4: 02:30 on 2024-03-10 as 03:30, when 02:00 became 03:00)',
      ],
      [
        // Chile moves its clocks at midnight: 00:00 on 8 September 2024 became 01:00.
        'America/Santiago',
        ['a,2024-09-07 10:00', 'b,2024-09-08 00:30', 'c,2024-09-08 00:45'],
        '2 rows have a local time that does not exist in America/Santiago, skipped when the clocks went forward (lines 3, 4): read as that time moved forward by the skip (line 3: 00:30 on 2024-09-08 as 01:30, when 00:00 became 01:00)',
      ],
      [
        // Lord Howe Island skips half an hour: 02:00 on 6 October 2024 became 02:30.
        'Australia/Lord_Howe',
        ['a,2024-10-05 10:00', 'b,2024-10-06 02:15'],
        '1 row has a local time that does not exist in Australia/Lord_Howe, skipped when the clocks went forward (line 3): read as that time moved forward by the skip (line 3: 02:15 on 2024-10-06 as 02:45, when 02:00 became 02:30)',
      ],
    ];
    for (const [zone, rows, sentence] of cases) {
      const log = parseLeadStreamText(['id,created', ...rows].join('\n'), { timeZone: zone });
      expect(log.report.warnings.map((w) => w.message)).toEqual([sentence]);
    }
    // The instant each was read as: Santiago's 00:30 is 01:30 -03:00, Lord Howe's 02:15 is 02:45 +11:00.
    expect(parseLeadStreamText('id,created\nb,2024-09-08 00:30', { timeZone: 'America/Santiago' }).leads[0].created).toBe(at('2024-09-08T01:30:00-03:00'));
    expect(parseLeadStreamText('id,created\nb,2024-10-06 02:15', { timeZone: 'Australia/Lord_Howe' }).leads[0].created).toBe(at('2024-10-06T02:45:00+11:00'));
  });

  it('without the first row\'s example, the sentence gives one true in every zone', () => {
    expect(describeClockChanges({ gap: 2, gapLines: [5, 9], ambiguous: 0, ambiguousLines: [] }, 'Australia/Lord_Howe')).toEqual([
      '2 rows have a local time that does not exist in Australia/Lord_Howe, skipped when the clocks went forward (lines 5, 9): read as that time moved forward by the skip (in a skip from 02:00 to 03:00, 02:30 is read as 03:30)',
    ]);
  });

  it('a call log without a change, or in UTC, reports none', () => {
    const log = parseCallLogText(CALLS, { timeZone: 'UTC' });
    expect(log.report.clockChanges).toEqual({ gap: 0, gapLines: [], ambiguous: 0, ambiguousLines: [] });
    expect(log.report.warnings.filter((w) => /clocks went/.test(w.message))).toEqual([]);
  });

  it('a lead stream in Australia/Sydney', () => {
    const text = ['id,created', 'a,2024-10-06 01:30', 'b,2024-10-06 02:30', 'c,2024-04-07 02:10', 'c,2024-04-07 02:20', 'd,2024-04-07 02:59', 'e,2024-04-07 03:00'].join('\n');
    const log = parseLeadStreamText(text, { timeZone: 'Australia/Sydney' });
    expect(log.report).toMatchObject({ kept: 5, rejected: 1 });
    // Line 5 repeats lead c and is rejected: it is not counted.
    expect(log.report.clockChanges).toEqual({ gap: 1, gapLines: [3], ambiguous: 2, ambiguousLines: [4, 6], gapExample: { date: '2024-10-06', time: '02:30', readAs: '03:30', from: '02:00', to: '03:00' } });
    expect(log.leads.find((l) => l.leadId === 'b')!.created).toBe(at('2024-10-06T03:30:00+11:00'));
    expect(log.leads.find((l) => l.leadId === 'd')!.created).toBe(at('2024-04-07T02:59:00+11:00'));
  });

  it('a replayed lead stream says so among the scenario\'s warnings', () => {
    const text = ['id,created', 'a,2024-03-09 10:00', 'b,2024-03-10 02:30', 'c,2024-03-12 10:00'].join('\n');
    const replay = replayArrivals(text, { file: 'leads.csv', timeZone: 'America/New_York', map: {} }, [], []);
    expect(replay.ok).toBe(true);
    if (!replay.ok) return;
    expect(replay.warnings).toEqual([
      'leads.csv: 1 row has a local time that does not exist in America/New_York, skipped when the clocks went forward (line 3): read as that time moved forward by the skip (line 3: 02:30 on 2024-03-10 as 03:30, when 02:00 became 03:00)',
    ]);
  });

  it('leadlab import prints the counts, and --json carries them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadlab-dst-'));
    writeFileSync(join(dir, 'calls.csv'), CALLS);
    let out = '', err = '';
    const code = await main(['import', 'calls.csv', '--tz', 'America/New_York', '--json'], { out: (t) => (out += t), err: (t) => (err += t), cwd: dir, isTTY: false });
    expect(code).toBe(0);
    expect(err).toContain('4 rows have a local time that does not exist in America/New_York, skipped when the clocks went forward (lines 3, 4, 5, 10)');
    expect(err).toContain('4 rows have a local time that happens twice in America/New_York, repeated when the clocks went back (lines 7, 8, 9, 10)');
    expect(JSON.parse(out).import.clockChanges).toEqual({ gap: 4, gapLines: [3, 4, 5, 10], ambiguous: 4, ambiguousLines: [7, 8, 9, 10], gapExample: { date: '2024-03-10', time: '02:15', readAs: '03:15', from: '02:00', to: '03:00' } });
  });
});
