import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command';
import { callsToCsv } from '../../src/cli/callsCsv';
import { main } from '../../src/cli/main';
import { loadScenario } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runScenario';

function captureIO(cwd: string): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', cwd, isTTY: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

const HEADER = 'Lead ID,Lead Created,Call Time,Disposition\n';

function files(): string {
  const dir = mkdtempSync(join(tmpdir(), 'leadlab-import-'));
  // Every date could be month-first or day-first: without --date-order every row is rejected.
  writeFileSync(join(dir, 'ambiguous.csv'), `${HEADER}L1,03/04/2024 09:00,03/04/2024 09:05,no answer\nL2,03/05/2024 10:00,03/05/2024 10:02,contact\n`);
  writeFileSync(join(dir, 'header-only.csv'), HEADER);
  writeFileSync(join(dir, 'one-bad.csv'), `${HEADER}L1,2024-03-04 09:00,2024-03-04 09:05,no answer\nL2,2024-03-05 10:00,2024-03-05 09:00,contact\n`);
  writeFileSync(join(dir, 'no-times.csv'), 'a,b\n1,2\n');
  return dir;
}

async function run(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIO(cwd);
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('--json when reading stops', () => {
  it('import prints the JSON report with the failure in it when every row is rejected, exit code 2', async () => {
    const dir = files();
    const r = await run(['import', 'ambiguous.csv', '--json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing was kept: all 2 rows were rejected/);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ file: 'ambiguous.csv', kind: 'calls', attempts: 0, failure: expect.stringMatching(/nothing was kept: all 2 rows were rejected/) });
    expect(json.import).toMatchObject({ rows: 2, kept: 0, rejected: 2, byReason: { 'unparseable-time': 2 } });
    expect(json.import.examples[0].message).toMatch(/--date-order/);
    // Without --json, stdout stays empty.
    expect((await run(['import', 'ambiguous.csv'], dir)).stdout).toBe('');
  });

  it('import states the other stops in its JSON: no data rows, --strict, columns not recognized', async () => {
    const dir = files();
    const empty = await run(['import', 'header-only.csv', '--json'], dir);
    expect(empty.code).toBe(2);
    expect(JSON.parse(empty.stdout)).toMatchObject({ failure: expect.stringMatching(/no data rows/), import: { rows: 0 } });
    const strict = await run(['import', 'one-bad.csv', '--json', '--strict'], dir);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/--strict: 1 rejected row \(1 kept\); fix it or drop --strict/);
    expect(JSON.parse(strict.stdout)).toMatchObject({ failure: expect.stringMatching(/--strict/), attempts: 1, import: { kept: 1, rejected: 1 } });
    const unmapped = await run(['import', 'no-times.csv', '--json', '--kind', 'calls'], dir);
    expect(unmapped.code).toBe(2);
    expect(JSON.parse(unmapped.stdout)).toMatchObject({ file: 'no-times.csv', failure: expect.any(String) });
  });

  it('fit and diagnose print their failure as JSON too', async () => {
    const dir = files();
    const fit = await run(['fit', 'ambiguous.csv', '--json'], dir);
    expect(fit.code).toBe(2);
    expect(JSON.parse(fit.stdout)).toMatchObject({ failure: expect.stringMatching(/nothing was kept/), source: { file: 'ambiguous.csv', import: { rejected: 2 } } });
    const diagnose = await run(['diagnose', '--log', 'ambiguous.csv', '--json'], dir);
    expect(diagnose.code).toBe(2);
    expect(JSON.parse(diagnose.stdout)).toMatchObject({ failure: expect.stringMatching(/nothing was kept/), source: { file: 'ambiguous.csv', import: { rejected: 2 } } });
    // A file of another kind than the command needs.
    writeFileSync(join(dir, 'stream.csv'), 'id,created,source\nA,2024-04-01T10:00:00Z,Web\nB,2024-04-01T11:00:00Z,Web\n');
    const fitStream = await run(['fit', 'stream.csv', '--json'], dir);
    expect(fitStream.code).toBe(2);
    expect(JSON.parse(fitStream.stdout)).toMatchObject({ failure: expect.stringMatching(/lead stream/), source: { kind: 'leads' } });
    const diagnoseStream = await run(['diagnose', '--log', 'stream.csv', '--json'], dir);
    expect(diagnoseStream.code).toBe(2);
    expect(JSON.parse(diagnoseStream.stdout)).toMatchObject({ failure: expect.stringMatching(/expected a call log/), source: { kind: 'leads' } });
  });
});

describe('a bad flag value is named by its flag', () => {
  it('--tz that is no time zone: the message names --tz, as the user typed it', async () => {
    const dir = files();
    for (const command of ['import', 'fit']) {
      const r = await run([command, 'one-bad.csv', '--tz', 'Mars/Base'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^leadlab ${command}: --tz: expected .*got "Mars/Base"`));
    }
  });
});


describe('fit --out refusing an unusable fit', () => {
  it('exits 2 and, under --json, says why in "failure" beside the fit it did not write', async () => {
    const dir = files();
    // Two leads: far fewer than a fit needs (fitQuality), so --out refuses to write the model.
    const r = await run(['fit', 'one-bad.csv', '--out', 'model.json', '--json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/model\.json not written: /);
    const json = JSON.parse(r.stdout);
    expect(json.failure).toMatch(/^model\.json not written: /);
    expect(r.stderr).toContain(json.failure);
    expect(json.contactModel).toBeTypeOf('object');
    expect(existsSync(join(dir, 'model.json'))).toBe(false);
  });
});

describe('counts of a thousand and more', () => {
  it('are written with thousands separators in what import and fit print, as the other counts are', async () => {
    const dir = files();
    // 1,200 attempts to 400 leads, and one row without its call time.
    const rows = Array.from({ length: 1200 }, (_, i) => `L${Math.floor(i / 3)},2024-03-04 09:00,2024-03-04 ${String(10 + (i % 3)).padStart(2, '0')}:00,${i % 3 === 2 ? 'contact' : 'no answer'}`);
    writeFileSync(join(dir, 'big.csv'), `${HEADER}${rows.join('\n')}\nL9,2024-03-04 09:00,,no answer\n`);
    const imported = await run(['import', 'big.csv'], dir);
    expect(imported.stdout).toContain('Rows: 1,201 read, 1,200 kept, 1 rejected.');
    expect(imported.stderr).toContain('1,201 rows read: 1,200 kept, 1 rejected.');
    const fitted = await run(['fit', 'big.csv'], dir);
    expect(fitted.stdout).toMatch(/^Call log: 1,200 attempts on 400 leads/);
    expect(fitted.stdout).not.toMatch(/\b\d{4,} (attempts|leads)\b/);
  });
});

describe('the span of a call log', () => {
  it('is said on the clock the file was read on, as the file writes its call times, with UTC beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadlab-import-span-'));
    // A summer and a winter lead in Chicago (UTC-5 in July, UTC-6 in January), in the order the file writes them.
    writeFileSync(join(dir, 'calls.csv'), `${HEADER}L1,07/15/2024 16:30,07/15/2024 16:35,no answer\nL2,01/10/2024 08:05,01/10/2024 08:06,contact\n`);
    const chicago = await run(['import', 'calls.csv', '--tz', 'America/Chicago', '--date-order', 'mdy'], dir);
    expect(chicago.code).toBe(0);
    expect(chicago.stdout).toContain('Calls from 2024-01-10 08:06 to 2024-07-15 16:35 on the America/Chicago clock (2024-01-10 14:06 UTC to 2024-07-15 21:35 UTC).');
    const utc = await run(['import', 'calls.csv', '--date-order', 'mdy'], dir);
    expect(utc.stdout).toContain('Calls from 2024-01-10 08:06 UTC to 2024-07-15 16:35 UTC.');
  });
});

describe('the date order of a lead stream', () => {
  it('is said, as a call log\'s is, in the text and the JSON, when the rows decide it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadlab-import-order-'));
    // Day first: the 13th of April can only be read one way, so the rows decide dmy.
    writeFileSync(join(dir, 'leads.csv'), 'Lead;Created On\nA;01/04/2024 10:00\nB;13/04/2024 11:00\n');
    const text = await run(['import', 'leads.csv'], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^leads\.csv: lead stream$/m);
    expect(text.stdout).toContain('Times: wall-clock times read on the UTC clock, dates in dmy order.');
    expect(JSON.parse((await run(['import', 'leads.csv', '--json'], dir)).stdout)).toMatchObject({ kind: 'leads', dateOrder: 'dmy', leads: 2 });
  });
});

describe('a call log read with --kind leads', () => {
  // The replay and `diagnose --leads` say when a lead stream looks like a call log (src/io/callLogSigns.ts); `import
  // --kind leads`, the command their warnings point to, read one without a word. The log is a simulated floor's own.
  it('says it looks like a call log, by what shows it, and how to read it instead', async () => {
    const floor = loadScenario({ days: 6, warmupDays: 1, cooldownDays: 2, leads: { perDay: 15 }, replications: 1 });
    const calls = runScenario(floor, { seed: 5, recordCalls: true }).runs[0].calls ?? [];
    const leads = new Set(calls.map((c) => c.leadId)).size;
    expect(calls.length).toBeGreaterThan(leads);
    const dir = mkdtempSync(join(tmpdir(), 'leadlab-import-'));
    writeFileSync(join(dir, 'calls.csv'), callsToCsv(calls, floor.config.startDate));
    const asLeads = await run(['import', 'calls.csv', '--kind', 'leads'], dir);
    expect(asLeads.code).toBe(0);
    const repeated = (calls.length - leads).toLocaleString('en-US');
    expect(asLeads.stdout).toContain(
      `Warning: calls.csv looks like a call log (one row per call attempt), not a lead stream (one row per lead): it has a column of call times ("attempt_time"), a column of call outcomes ("outcome") and ${repeated} of its ${calls.length.toLocaleString('en-US')} rows repeat the lead id of an earlier row.`,
    );
    expect(asLeads.stdout).toContain('`leadlab import calls.csv`');
    const json = JSON.parse((await run(['import', 'calls.csv', '--kind', 'leads', '--json'], dir)).stdout);
    expect(json.leads).toBe(leads);
    expect(json.warning).toMatch(/^calls\.csv looks like a call log /);
    // Read as what it is, nothing to warn of.
    const asCalls = await run(['import', 'calls.csv'], dir);
    expect(asCalls.stdout).toMatch(/^calls\.csv: call log$/m);
    expect(asCalls.stdout).not.toContain('Warning');
  });
});
