import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { callRecordsFromTable } from '../../src/io/callLogTable';
import { readLogFile } from '../../src/io/node/readLogFile';
import { parseLeadStreamText, parseLogText } from '../../src/io/parseText';

describe('readLogFile', () => {
  it('streams a gzip file with CRLF, quoted newlines and multi-byte text, keeping line numbers exact', async () => {
    const rows = ['Lead ID;Created;Call Time;Disposition;Agent'];
    for (let i = 0; i < 20_000; i++) rows.push(`L${i};2024-04-01 09:00;2024-04-01 09:${String(i % 60).padStart(2, '0')};No Answer;"Zoë ""Ž"" Ødegård"`);
    rows.push('X;2024-04-01 09:00;2024-04-01 09:05;Contacted;"two\r\nlines"');
    rows.push('Y;2024-04-01 09:00;2024-04-01 08:00;Contacted;late');
    const dir = mkdtempSync(join(tmpdir(), 'leadlab-io-'));
    const file = join(dir, 'calls.bin');
    writeFileSync(file, gzipSync(rows.join('\r\n') + '\r\n'));
    const log = await readLogFile(file, { timeZone: 'UTC' });
    expect(log.kind).toBe('calls');
    if (log.kind !== 'calls') return;
    expect(log.report).toMatchObject({ rows: 20_002, kept: 20_001, rejected: 1 });
    // Header is line 1, data rows 2..20001, the two-line row takes 20002-20003, so the bad row is 20004.
    expect(log.report.examples[0]).toMatchObject({ line: 20_004, reason: 'attempt-before-created' });
    expect(new Set(log.table.agents)).toEqual(new Set(['Zoë "Ž" Ødegård', 'two\r\nlines']));
    expect(callRecordsFromTable(log.table).at(-1)).toMatchObject({ leadId: 'X', outcome: 'contact' });
  });

  it('reports a missing file and an empty one clearly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadlab-io-'));
    await expect(readLogFile(join(dir, 'nope.csv'))).rejects.toMatchObject({ code: 'ENOENT' });
    writeFileSync(join(dir, 'empty.csv'), '');
    await expect(readLogFile(join(dir, 'empty.csv'))).rejects.toThrow(/empty/);
  });
});

describe('other kinds', () => {
  it('reads a lead stream, keeps unmapped columns as attributes and rejects repeated ids', () => {
    const text = 'id,created,source,state\nA,2024-04-01T10:00:00Z,Bankrate,TX\nB,2024-04-01T09:00:00Z,Web,CA\nA,2024-04-02T10:00:00Z,Web,NY\n';
    const s = parseLeadStreamText(text);
    expect(s.leads.map((l) => l.leadId)).toEqual(['B', 'A']);
    expect(s.leads[1]).toMatchObject({ source: 'Bankrate', attributes: { state: 'TX' }, hourOfWeek: 10 });
    expect(s.report.byReason).toEqual({ 'bad-value': 1 });
  });

  it('tells a lead stream by its header: a lead id and a created time, no call time or outcome', () => {
    const log = parseLogText('lead_id,created,source\nA,2024-04-01 10:00,web\nB,not a date,web\n', { timeZone: 'America/Chicago' });
    expect(log.kind).toBe('leads');
    expect(log.mapping.explanation?.[0]).toMatch(/lead stream: a lead id and a created time \("lead_id" and "created"\)/);
    expect(log.report).toMatchObject({ kept: 1, rejected: 1 });
    // A call log that lacks only its outcome column is still a call log to name with --map, not a lead stream.
    expect(() => parseLogText('lead_id,created,call time\nA,2024-04-01 10:00,2024-04-01 10:05\n')).toThrow(/cannot find column\(s\) for outcome/);
  });

  it('tells a per-lead summary from a call log by its header', () => {
    const log = parseLogText('client,calls,converted\n1,3,yes\n2,1,no\n3,x,no\n');
    expect(log.kind).toBe('summary');
    expect(log.report.examples[0].message).toMatch(/attempts \(column "calls"\): expected a whole number/);
  });
});
