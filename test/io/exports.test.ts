import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { callRecordsFromTable } from '../../src/io/callLogTable';
import { readLogFile } from '../../src/io/node/readLogFile';
import { parseTimestamp } from '../../src/io/timestamp';
import { UTC } from '../../src/io/timeZone';

// Small files of the shapes real exports take (written for these tests; see test/io/exports/).
const file = (name: string): string => new URL(`./exports/${name}`, import.meta.url).pathname;
const minutes = (iso: string): number => Date.parse(iso) / 60_000;
const root = new URL('../..', import.meta.url).pathname;

async function cli(args: string[]) {
  let out = '', err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd: root, isTTY: false });
  return { code, out, err };
}

describe('real export shapes', () => {
  it('reads compact yymmdd and yyyymmdd dates, year first, or day-first with the date order', () => {
    expect(parseTimestamp('990201', { zone: UTC })).toBe(minutes('1999-02-01T00:00:00Z'));
    expect(parseTimestamp('19990201', { zone: UTC })).toBe(minutes('1999-02-01T00:00:00Z'));
    expect(parseTimestamp('990201 7:02:56', { zone: UTC })).toBe(minutes('1999-02-01T07:02:56Z'));
    expect(parseTimestamp('010299', { zone: UTC, dateOrder: 'dmy' })).toBe(minutes('1999-02-01T00:00:00Z'));
    expect(parseTimestamp('02011999', { zone: UTC, dateOrder: 'mdy' })).toBe(minutes('1999-02-01T00:00:00Z'));
    expect(parseTimestamp('991301', { zone: UTC })).toBeNaN();
    // Two-digit years follow the POSIX pivot: 69-99 are the 1900s.
    expect(parseTimestamp('02/01/99', { zone: UTC, dateOrder: 'mdy' })).toBe(minutes('1999-02-01T00:00:00Z'));
  });

  it('joins a date column and a time column into one timestamp with --map "Date+Time=field"', async () => {
    const log = await readLogFile(file('separate-date-time.csv'), {
      map: { account_id: 'leadId', 'created_date+created_time': 'leadCreated', 'call_date+call_time': 'attemptTime' },
    });
    expect(log.report).toMatchObject({ rows: 4, kept: 4, rejected: 0 });
    if (log.kind !== 'calls') throw new Error(log.kind);
    const r = callRecordsFromTable(log.table);
    expect(r[0].leadCreated).toBeCloseTo(minutes('1999-02-01T07:02:56Z'), 9);
    expect(r[1].attemptTime).toBeCloseTo(minutes('1999-02-02T13:45:10Z'), 9);
    expect(r[3].attemptTime).toBe(minutes('1999-03-02T10:15:00Z'));
    expect(log.mapping.assignments.filter((a) => a.field === 'attemptTime').map((a) => a.header)).toEqual(['call_date', 'call_time']);
  });

  it('names a missing part of a joined column', async () => {
    const r = await cli(['import', file('separate-date-time.csv'), '--map', 'call_date+call_clock=attemptTime']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no column "call_clock" in the header/);
  });

  it('skips a title above the header, says so, and takes --skip-lines', async () => {
    const log = await readLogFile(file('title-line.csv'));
    expect(log.kind).toBe('calls');
    expect(log.report).toMatchObject({ rows: 3, kept: 3, rejected: 0 });
    expect(log.report.warnings[0].message).toMatch(/line\(s\) 1, 2 .*"Call detail report - March 2024".*skipped as a title; state it with --skip-lines 2/);
    const stated = await readLogFile(file('title-line.csv'), { skipLines: 2 });
    expect(stated.report).toMatchObject({ rows: 3, kept: 3 });
    expect(stated.report.warnings.some((w) => /title/.test(w.message))).toBe(false);
  });

  it('counts rows of separators only as blank rows, not as rejects', async () => {
    const log = await readLogFile(file('separator-rows.csv'));
    expect(log.report).toMatchObject({ rows: 6, kept: 6, rejected: 0, blankLines: 7 });
  });

  it('reads a lead id seen with another creation time as another lead, and counts them', async () => {
    const log = await readLogFile(file('reused-lead-id.csv'));
    if (log.kind !== 'calls') throw new Error(log.kind);
    // Ids 7 and 8 each come back with a second creation time: 3 ids in the file, 5 leads.
    expect(log.table.leadIds.length).toBe(5);
    const w = log.report.warnings.find((x) => /creation time/.test(x.message));
    expect(w?.message).toMatch(/^2 lead id\(s\) appear with more than one creation time \(first: "7" at line 4\).*2 more lead\(s\)/);
    const records = callRecordsFromTable(log.table);
    const lead7b = records.filter((r) => r.leadId.startsWith('7 (created 2024-05-10'));
    expect(lead7b.map((r) => r.attemptTime - r.leadCreated)).toEqual([2, 122]);
  });

  it('exits 2 when nothing is kept and says so', async () => {
    const r = await cli(['import', file('nothing-kept.csv')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nothing was kept: all 2 rows were rejected/);
  });

  it('reads a per-lead summary with a previous campaign\'s Outcome as a summary, finds NoOfContacts and explains why', async () => {
    const log = await readLogFile(file('previous-outcome-summary.csv'));
    expect(log.kind).toBe('summary');
    expect(log.mapping.assignments.find((a) => a.field === 'attempts')?.header).toBe('NoOfContacts');
    const why = log.mapping.explanation!.join('\n');
    expect(why).toMatch(/read as a per-lead summary \(scores: call log -?\d+, per-lead summary \d+\)/);
    expect(why).toMatch(/"CallStart" \(attemptTime\) holds no dated times/);
    expect(why).toMatch(/"Outcome" values .* are mostly not call outcomes/);
    expect(log.report).toMatchObject({ rows: 40, kept: 40 });
    const r = await cli(['import', file('previous-outcome-summary.csv'), '--kind', 'summary']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/attempts +<- "NoOfContacts"/);
  });

  it('recovers from an unterminated quote at the end of its line, and says where and how much', async () => {
    const log = await readLogFile(file('unterminated-quote.csv'));
    expect(log.report).toMatchObject({ rows: 10, kept: 9, rejected: 1, byReason: { 'malformed-quotes': 1 } });
    expect(log.report.examples[0].line).toBe(4);
    expect(log.report.examples[0].message).toMatch(/quote opened on line 4 is not closed on its line.*4 following lines were read again/);
  });

  it('warns about repeated header names, Latin-1 bytes, NUL bytes and dates in the future', async () => {
    const dup = await readLogFile(file('duplicate-headers.csv'));
    expect(dup.report.warnings.map((w) => w.message).join('\n')).toMatch(/the header names "result" more than once/);
    const latin = await readLogFile(file('latin1.csv'));
    // Read faithfully as Windows-1252 (its first bytes are not UTF-8), and said so.
    expect(latin.report.warnings.map((w) => w.message).join('\n')).toMatch(/the file is not UTF-8 .*read as Windows-1252 \(Latin-1\)/);
    expect(latin.kind === 'calls' && latin.table.agents).toEqual(['José', 'Françoise']);
    const nul = await readLogFile(file('nul-bytes.csv'));
    expect(nul.report.warnings.map((w) => w.message).join('\n')).toMatch(/1 row\(s\) hold NUL bytes \(first at line 2\)/);
    const future = await readLogFile(file('future-dates.csv'), { now: minutes('2026-11-25T00:00:00Z') });
    // 2099 is read and warned about; 2204 is past the years a time is read in (1900-2199), and rejected as such.
    expect(future.report).toMatchObject({ kept: 2, rejected: 1, byReason: { 'unparseable-time': 1 } });
    expect(future.report.examples[0]).toMatchObject({ line: 4, message: 'leadCreated (column "created"): cannot read "2204-03-04 09:00" as a time: the year 2204 is outside 1900-2199' });
    expect(future.report.warnings.map((w) => w.message).join('\n')).toMatch(/1 row\(s\) have a time after 2026-11-27 00:00Z, in the future \(first at line 3: "2099-03-04 09:00"\)/);
  });
});
