import { describe, expect, it } from 'vitest';
import { callRecordsFromTable } from '../../src/io/callLogTable';
import { parseCallLogText, parseLeadStreamText } from '../../src/io/parseText';
import { parseOutcomeMap } from '../../src/io/outcome';

const minutes = (iso: string): number => Date.parse(iso) / 60_000;

describe('parseCallLogText', () => {
  it('detects columns from common header names and reads ISO times', () => {
    const text = 'Lead ID,Created At,Call Time,Disposition,Agent\nL1,2024-03-04T09:00:00Z,2024-03-04T09:03:00Z,No Answer,ann\nL1,2024-03-04T09:00:00Z,2024-03-04T11:00:00Z,Contacted,bob\n';
    const log = parseCallLogText(text);
    expect(log.report).toMatchObject({ rows: 2, kept: 2, rejected: 0 });
    expect(log.mapping.assignments.map((a) => a.field)).toEqual(['leadId', 'leadCreated', 'attemptTime', 'outcome', 'agent']);
    const records = callRecordsFromTable(log.table);
    expect(records[0]).toMatchObject({ leadId: 'L1', outcome: 'no-answer', agent: 'ann', leadCreated: minutes('2024-03-04T09:00:00Z') });
    expect(records[1].attemptTime - records[1].leadCreated).toBe(120);
    // 2024-03-04 was a Monday: 11:00 is hour 11 of the week.
    expect(records[1].hourOfWeek).toBe(11);
  });

  it('reads semicolons, quoted fields with separators and newlines, and CRLF, with the right line numbers', () => {
    const text = [
      'lead;created;attempt;outcome;note',
      'A;2024-03-04 09:00;2024-03-04 09:05;"no answer";"said ""call later""; busy day"',
      'B;2024-03-04 09:00;2024-03-04 09:05;voicemail;"two',
      'lines"',
      'C;2024-03-04 09:00;garbage;contact;x',
      '',
    ].join('\r\n');
    const log = parseCallLogText(text);
    expect(log.report.kept).toBe(2);
    expect(log.report.examples).toEqual([
      { line: 5, reason: 'unparseable-time', message: 'attemptTime (column "attempt"): cannot read "garbage" as a time' },
    ]);
  });

  it('reads tab-separated files', () => {
    const log = parseCallLogText('lead\tcreated\tattempt\toutcome\nA\t2024-03-04 09:00\t2024-03-04 09:05\tbusy\n');
    expect(callRecordsFromTable(log.table)[0].outcome).toBe('busy');
  });

  it('takes explicit --map entries over header guesses', () => {
    const text = 'id,ts1,ts2,code\nA,2024-03-04 09:00,2024-03-04 09:30,VM\n';
    const log = parseCallLogText(text, { map: { ts1: 'leadCreated', ts2: 'attemptTime', code: 'outcome' } });
    expect(log.report.kept).toBe(1);
    expect(log.mapping.assignments.find((a) => a.field === 'attemptTime')).toMatchObject({ header: 'ts2', how: 'map' });
  });

  it('names the missing columns and how to map them', () => {
    expect(() => parseCallLogText('who,when\nA,2024-03-04\n')).toThrow(/cannot find column\(s\) for leadId, leadCreated, attemptTime, outcome.*--map/);
  });

  it('reads US times in a stated zone and converts them to UTC', () => {
    const text = 'lead,created,attempt,outcome\nA,03/10/2024 1:30 AM,03/10/2024 3:30 AM,contact\nB,03/15/2024 2:00 PM,03/15/2024 2:10 PM,contact\n';
    const log = parseCallLogText(text, { timeZone: 'America/Chicago' });
    const [a, b] = callRecordsFromTable(log.table);
    // 10 March 2024 is the spring-forward day in Chicago: 1:30 CST to 3:30 CDT is one hour.
    expect(a.attemptTime - a.leadCreated).toBe(60);
    expect(a.leadCreated).toBe(minutes('2024-03-10T07:30:00Z'));
    expect(b.attemptTime).toBe(minutes('2024-03-15T19:10:00Z'));
    // Friday 14:10 local = 4*24 + 14.
    expect(b.hourOfWeek).toBe(110);
    expect(log.dateOrder).toBe('mdy');
  });

  it('detects day-first dates from the rows and reads European dotted dates', () => {
    const text = 'lead,created,attempt,outcome\nA,04/03/2024 09:00,04/03/2024 09:10,contact\nB,25/03/2024 09:00,25/03/2024 09:10,contact\nC,05.03.2024 10:00,05.03.2024 10:01,contact\n';
    const log = parseCallLogText(text, { timeZone: 'Europe/Berlin' });
    expect(log.dateOrder).toBe('dmy');
    const [a, , c] = callRecordsFromTable(log.table);
    expect(a.leadCreated).toBe(minutes('2024-03-04T08:00:00Z'));
    expect(c.leadCreated).toBe(minutes('2024-03-05T09:00:00Z'));
  });

  it('rejects ambiguous dates with a hint when the order cannot be told', () => {
    const log = parseCallLogText('lead,created,attempt,outcome\nA,03/04/2024 09:00,03/04/2024 09:10,contact\n');
    expect(log.report.examples[0].message).toMatch(/--date-order/);
  });

  it('counts every rejected row with its line and reason, and warns once about clock skew', () => {
    const text = [
      'lead,created,attempt,outcome,converted',
      'A,2024-03-04 09:00,2024-03-04 09:05,contact,yes',
      ',2024-03-04 09:00,2024-03-04 09:05,contact,no',
      'B,2024-03-04 09:00,2024-03-04 08:00,contact,no',
      'C,2024-03-04 09:00,2024-03-04 09:05,spoke to aunt,no',
      'D,2024-03-04 09:00,2024-03-04 09:05,contact',
      'E,2024-03-04 09:00,2024-03-04 09:05,contact,maybe',
      'F,2024-03-04 09:00:30,2024-03-04 09:00,no answer,no',
      'G,2024-03-04 09:00:30,2024-03-04 09:00,no answer,no',
    ].join('\n');
    const log = parseCallLogText(text, { timeZone: 'UTC' });
    expect(log.report).toMatchObject({ rows: 8, kept: 3, rejected: 5 });
    expect(log.report.byReason).toEqual({ 'missing-field': 1, 'attempt-before-created': 1, 'unknown-outcome': 1, 'wrong-field-count': 1, 'bad-value': 1 });
    expect(log.report.examples.map((e) => e.line)).toEqual([3, 4, 5, 6, 7]);
    // Line 4: B was created at 09:00 and called at 08:00, each time named by its column and as the file writes it.
    expect(log.report.examples[1].message).toBe('attemptTime (column "attempt") "2024-03-04 08:00" is 60 minutes before leadCreated (column "created") "2024-03-04 09:00"');
    expect(log.report.warnings).toHaveLength(1);
    expect(log.report.warnings[0].count).toBe(2);
  });

  it('accepts outcome words the analyst names', () => {
    const text = 'lead,created,attempt,outcome\nC,2024-03-04 09:00,2024-03-04 09:05,spoke to aunt\n';
    const log = parseCallLogText(text, { timeZone: 'UTC', outcomes: parseOutcomeMap(['Spoke to aunt=no-answer']) });
    expect(callRecordsFromTable(log.table)[0].outcome).toBe('no-answer');
  });

  it('reads epoch seconds and milliseconds', () => {
    const log = parseCallLogText('lead,created,attempt,outcome\nA,1709542800,1709542800000,contact\n');
    const [a] = callRecordsFromTable(log.table);
    expect(a.leadCreated).toBe(a.attemptTime);
    expect(a.leadCreated).toBe(minutes('2024-03-04T09:00:00Z'));
  });
});

describe('found by the random logs (test/io/randomLogs.test.ts)', () => {
  const head = 'lead,created,attempt,outcome\n';
  it('reads the outcome "NA" as no answer, as documented, and "N/A" or "null" as missing', () => {
    const log = parseCallLogText(`${head}A,2024-03-04 09:00,2024-03-04 09:05,NA\nB,2024-03-04 09:00,2024-03-04 09:05,N/A\nC,2024-03-04 09:00,2024-03-04 09:05,null\n`);
    expect(callRecordsFromTable(log.table).map((r) => [r.leadId, r.outcome])).toEqual([['A', 'no-answer']]);
    expect(log.report.byReason).toEqual({ 'missing-field': 2 });
  });

  it('does not count the newline at the end of the file as a blank line', () => {
    const row = 'A,2024-03-04 09:00,2024-03-04 09:05,busy';
    for (const eol of ['\n', '\r\n']) {
      expect(parseCallLogText(`${head}${row}${eol}`).report.blankLines).toBe(0);
      expect(parseCallLogText(`${head}${row}`).report.blankLines).toBe(0);
      expect(parseCallLogText(`${head}${row}${eol}${eol}`).report.blankLines).toBe(1);
    }
  });

  it('cuts a row at its unclosed quote, not at a quoted line break before it', () => {
    const text = 'lead,created,attempt,outcome,note,extra\nA,2024-03-04 09:00,2024-03-04 09:05,busy,"two\nlines","unclosed\n';
    const log = parseCallLogText(text);
    expect(log.report).toMatchObject({ rows: 1, kept: 0, rejected: 1, byReason: { 'malformed-quotes': 1 } });
    expect(log.report.examples[0].line).toBe(2);
    expect(log.report.examples[0].message).toMatch(/the quote opened on line 3 is not closed/);
  });

  it('reads every row in the first deciding date order when the rows hold both, as its warning says', () => {
    const log = parseCallLogText(`${head}A,13/03/2024 09:00,13/03/2024 09:05,busy\nB,03/25/2024 09:00,03/25/2024 09:05,busy\nC,01/02/2024 09:00,01/02/2024 09:05,busy\n`);
    const records = callRecordsFromTable(log.table);
    expect(records.map((r) => [r.leadId, r.leadCreated])).toEqual([['A', minutes('2024-03-13T09:00:00Z')], ['C', minutes('2024-02-01T09:00:00Z')]]);
    expect(log.report.examples).toMatchObject([{ line: 3, reason: 'unparseable-time' }]);
    expect(log.report.warnings.map((w) => w.message).join('\n')).toMatch(/read day-first/);
  });
});

describe('times out of range', () => {
  it('rejects a year below 1900 and an impossible offset with the line, the column and what was expected', () => {
    const text = [
      'Lead ID,Created At,Call Time,Outcome',
      'A,2024-03-05T09:00:00Z,2024-03-05T10:00:00Z,No Answer',
      'B,0024-03-05 09:00,2024-03-05T10:00:00Z,No Answer',
      'C,2024-03-05T09:00:00Z,2024-03-05T10:00:00+25:00,No Answer',
      'D,2024-03-05T09:00:00Z,2024-03-05T10:00:00-13:61,No Answer',
    ].join('\n');
    const log = parseCallLogText(text);
    expect(log.report).toMatchObject({ rows: 4, kept: 1, rejected: 3, byReason: { 'unparseable-time': 3 } });
    expect(log.report.examples).toEqual([
      { line: 3, reason: 'unparseable-time', message: 'leadCreated (column "Created At"): cannot read "0024-03-05 09:00" as a time: the year 0024 is outside 1900-2199' },
      { line: 4, reason: 'unparseable-time', message: 'attemptTime (column "Call Time"): cannot read "2024-03-05T10:00:00+25:00" as a time: the UTC offset "+25:00" is not a real one; expected -12:00 to +14:00 with minutes 00-59' },
      { line: 5, reason: 'unparseable-time', message: 'attemptTime (column "Call Time"): cannot read "2024-03-05T10:00:00-13:61" as a time: the UTC offset "-13:61" is not a real one; expected -12:00 to +14:00 with minutes 00-59' },
    ]);
  });
});

describe('file quirks', () => {
  it('rejects a joined date and time whose time (or date) is empty, instead of reading the date at midnight', () => {
    const text = 'lead,created,d,t,result\nA,2024-03-03 09:00,2024-03-04,10:00,no answer\nB,2024-03-03 09:00,2024-03-04,,no answer\nC,2024-03-03 09:00,,10:00,no answer\nD,2024-03-03 09:00,2024-03-04,NULL,no answer\nE,2024-03-03 09:00,,,no answer\n';
    const log = parseCallLogText(text, { map: { 'd+t': 'attemptTime' } });
    expect(log.report).toMatchObject({ rows: 5, kept: 1, rejected: 4, byReason: { 'missing-field': 4 } });
    expect(log.report.examples.map((e) => [e.line, e.message])).toEqual([
      [3, 'attemptTime (column "d+t"): the part in column "t" is empty'],
      [4, 'attemptTime (column "d+t"): the part in column "d" is empty'],
      [5, 'attemptTime (column "d+t"): the part in column "t" is empty'],
      [6, 'attemptTime (column "d+t") is empty'],
    ]);
    const leads = parseLeadStreamText('lead,day,clock\nA,2024-03-04,10:00\nB,2024-03-04,\n', { map: { 'day+clock': 'leadCreated' } });
    expect(leads.report.examples.map((e) => [e.line, e.message])).toEqual([[3, 'leadCreated (column "day+clock"): the part in column "clock" is empty']]);
  });

  it('keeps two creation times of one id in the same minute apart, and counts every extra lead', () => {
    const text = [
      'lead,created,call time,result',
      'A,2024-03-04 09:00:00,2024-03-04 10:00,no answer',
      'A,2024-03-05 09:00:10,2024-03-05 10:00,no answer',
      'A,2024-03-05 09:00:20,2024-03-05 10:00,no answer',
      'A,2024-03-05 09:00:10,2024-03-05 11:00,contact',
      'A,2024-03-04 09:00:00,2024-03-05 11:00,contact',
    ].join('\n');
    const log = parseCallLogText(text);
    expect(Array.from(log.table.lead)).toEqual([0, 1, 2, 1, 0]);
    expect(log.table.leadIds).toEqual(['A', 'A (created 2024-03-05 09:00:10Z)', 'A (created 2024-03-05 09:00:20Z)']);
    expect(log.report.warnings[0].message).toBe('1 lead id(s) appear with more than one creation time (first: "A" at line 3); each id and creation time was read as its own lead: 2 more lead(s)');
  });

  it('counts kept rows only in the warning on times in the future', () => {
    const text = 'lead,created,call time,result\nA,2024-03-04 09:00,2024-03-04 10:00,no answer\nB,2031-03-04 09:00,2031-03-04 10:00,Zorblax\nC,2031-03-04 09:00,2031-03-04 10:00,contact\n';
    const log = parseCallLogText(text, { now: Date.UTC(2030, 0, 1) / 60_000 });
    expect(log.report).toMatchObject({ kept: 2, rejected: 1 });
    expect(log.report.warnings.map((w) => w.message)).toContain('1 row(s) have a time after 2030-01-03 00:00Z, in the future (first at line 4: "2031-03-04 09:00"); check the date order (--date-order) and two-digit years');
  });
});
