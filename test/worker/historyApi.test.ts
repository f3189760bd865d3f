import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { fitCallLog } from '../../src/fit/fitCallLog';
import { readLogFile } from '../../src/io/node/readLogFile';
import { loadScenario } from '../../src/scenario/load';
import { historyApi, type CallLogHistory, type HistoryFit, type HistoryFailure, type LeadStreamHistory } from '../../src/worker/historyApi';
import { BAD_ROWS, knownCallLog, SCHEDULE, shareReachedWithin, TRUTH } from './historyFixture';

/*
 * The History worker reads a Blob with Web streams (as in the browser) and must give what the command line's
 * Node reader gives for the same file, and the counts the test wrote.
 */
const request = { kind: 'auto' as const, map: {}, timeZone: '', dateOrder: '' as const };

describe('Reading and fitting a call log from a Blob (the History worker)', () => {
  let log: ReturnType<typeof knownCallLog>;
  let dir: string;
  let plain: CallLogHistory;
  let fitted: Extract<HistoryFit, { ok: true }>;
  beforeAll(async () => {
    log = knownCallLog(2000);
    dir = mkdtempSync(join(tmpdir(), 'leadlab-history-'));
    writeFileSync(join(dir, 'calls.csv'), log.csv);
    plain = (await historyApi.readHistory(new Blob([log.csv]), 'calls.csv', request)) as CallLogHistory;
    const fit = await historyApi.fitLastCallLog();
    if (!fit.ok) throw new Error(fit.error.message);
    fitted = fit;
  });

  it('keeps the rows written good and rejects the ones written bad, each for its reason and at its line', () => {
    expect(plain.ok).toBe(true);
    expect(plain.kind).toBe('calls');
    expect(plain.report.kept).toBe(log.goodRows);
    expect(plain.report.rejected).toBe(BAD_ROWS.length);
    const expected: Record<string, number> = {};
    for (const b of BAD_ROWS) expected[b.reason] = (expected[b.reason] ?? 0) + 1;
    expect(plain.report.byReason).toEqual(expected);
    expect(plain.report.examples.map((e) => e.line)).toEqual(log.badLines);
    expect(plain.leads).toBe(log.leads);
  });

  it('maps the columns from their header names', () => {
    const by = Object.fromEntries(plain.columns.fields.map((f) => [f.field, f.column]));
    expect(by).toMatchObject({ leadId: 0, leadCreated: 1, attemptTime: 2, outcome: 3, agent: -1 });
  });

  it('gives the fit the command line gives for the same file', async () => {
    const node = await readLogFile(join(dir, 'calls.csv'));
    if (node.kind !== 'calls') throw new Error('expected a call log');
    expect(fitted.fit).toEqual(fitCallLog(node.table));
  });

  it('recovers the known contactability and the closed-form share reached', () => {
    const bg = fitted.fit.attemptsToContact;
    // 2,000 leads: the mean contactability alpha / (alpha + beta) within 0.03 of 0.3 (its sd is about 0.01).
    expect(Math.abs(bg.alpha / (bg.alpha + bg.beta) - TRUTH.alpha / (TRUTH.alpha + TRUTH.beta))).toBeLessThan(0.03);
    // Share ever reached in the schedule's attempts: binomial sd about 0.01; within 0.03.
    const reached = fitted.fit.data.contactedLeads / fitted.fit.data.leads;
    expect(Math.abs(reached - shareReachedWithin(SCHEDULE.length))).toBeLessThan(0.03);
  });

  it('reads a gzip file (detected by content) to the same result', async () => {
    const gz = (await historyApi.readHistory(new Blob([gzipSync(log.csv)]), 'calls.csv.gz', request)) as CallLogHistory;
    expect(gz.gzip).toBe(true);
    expect(gz.report).toEqual(plain.report);
    expect({ ...gz, gzip: true, elapsedMs: 0, fileName: '' }).toEqual({ ...plain, gzip: true, elapsedMs: 0, fileName: '', bytes: gz.bytes });
  });

  it('writes a contact model that a scenario accepts inline', () => {
    const resolved = loadScenario({ days: 30, contactModel: fitted.scenarioContactModel });
    expect(resolved.config.contact.contactability).toEqual(fitted.fit.contactModel.contactability);
  });

  it('lists the outcome words it did not know, and keeps their rows once told what they mean', async () => {
    expect(plain.unknownOutcomes.map((u) => u.word).sort()).toEqual(['<img src=x onerror=window.__xss=1>', 'maybe later']);
    const told = (await historyApi.readHistory(new Blob([log.csv]), 'calls.csv', { ...request, outcomes: { 'maybe later': 'no-answer' } })) as CallLogHistory;
    expect(told.report.kept).toBe(log.goodRows + 1);
    expect(told.unknownOutcomes.map((u) => u.word)).toEqual(['<img src=x onerror=window.__xss=1>']);
  });

  it('honours a column chosen by hand over the header names', async () => {
    const csv = 'lead,created,call time,result,when\nA,2026-01-05T10:00Z,2026-01-05T10:01Z,contact,2026-01-05T10:30Z\n';
    const auto = (await historyApi.readHistory(new Blob([csv]), 'x.csv', request)) as CallLogHistory;
    expect(auto.columns.fields.find((f) => f.field === 'attemptTime')!.column).toBe(2);
    const mapped = (await historyApi.readHistory(new Blob([csv]), 'x.csv', { ...request, map: { '#5': 'attemptTime' } })) as CallLogHistory;
    expect(mapped.columns.fields.find((f) => f.field === 'attemptTime')).toMatchObject({ column: 4, how: 'map' });
  });
});

describe('Files the History section cannot fit', () => {
  it('names the missing columns of a file that is not a call log, and lists its header', async () => {
    const r = (await historyApi.readHistory(new Blob(['name,email,city\nAnn,a@x,Oslo\n']), 'people.csv', request)) as HistoryFailure;
    expect(r.ok).toBe(false);
    expect(r.error.where).toBe('columns');
    expect(r.columns!.header).toEqual(['name', 'email', 'city']);
    expect(r.columns!.fields.filter((f) => f.required).map((f) => f.column)).toEqual([-1, -1, -1, -1]);
  });

  it('says to save an Excel workbook as CSV', async () => {
    const r = (await historyApi.readHistory(new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])]), 'calls.xlsx', request)) as HistoryFailure;
    expect(r.error.message).toMatch(/save the sheet as CSV/);
  });

  it('reads a Latin-1 file as the text it holds and says so, as the command line does', async () => {
    const text = 'lead_id,lead_created,attempt_time,outcome,agent\nL1,2024-03-04 09:00,2024-03-04 09:05,contact,Jos\u00e9 Mu\u00f1oz\n';
    // Every character of the text is below 256: one byte each is its Latin-1 encoding.
    const latin1 = Uint8Array.from(text, (c) => c.charCodeAt(0));
    const dir = mkdtempSync(join(tmpdir(), 'leadlab-history-latin1-'));
    writeFileSync(join(dir, 'latin1.csv'), latin1);
    const r = (await historyApi.readHistory(new Blob([latin1]), 'latin1.csv', request)) as CallLogHistory;
    expect(r.ok).toBe(true);
    expect(r.report.kept).toBe(1);
    const cli = await readLogFile(join(dir, 'latin1.csv'));
    expect(r.report.warnings).toEqual(cli.report.warnings);
    expect(r.report.warnings.map((w) => w.message).join(' ')).toMatch(/Windows-1252/);
    if (cli.kind !== 'calls') throw new Error('expected a call log');
    expect(cli.table.agents).toContain('Jos\u00e9 Mu\u00f1oz');
  });

  it('names a bad time zone', async () => {
    const r = (await historyApi.readHistory(new Blob(['a\n']), 'x.csv', { ...request, timeZone: 'Mars/Olympus' })) as HistoryFailure;
    expect(r.error).toMatchObject({ where: 'timeZone' });
    expect(r.error.message).toContain('"Mars/Olympus"');
  });

  it('reads a lead stream and counts its arrivals by hour of week', async () => {
    // Two leads on Monday 09:xx and one on Tuesday 14:xx, Chicago time (UTC-6 in January).
    const csv = 'Lead ID,Created On,Source\nA,2026-01-05 09:10,web\nB,2026-01-05 09:50,web\nC,2026-01-06 14:00,agg\n';
    const r = (await historyApi.readHistory(new Blob([csv]), 'leads.csv', { ...request, timeZone: 'America/Chicago' })) as LeadStreamHistory;
    expect(r.kind).toBe('leads');
    expect(r.leads).toBe(3);
    expect(r.arrivalsByHourOfWeek[9]).toBe(2);
    expect(r.arrivalsByHourOfWeek[24 + 14]).toBe(1);
    expect(r.arrivalsByHourOfWeek.reduce((a, b) => a + b, 0)).toBe(3);
  });
});
