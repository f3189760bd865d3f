import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command';
import { fitCommand, refuseToWrite } from '../../src/cli/fit';
import { fitCallLog } from '../../src/fit/fitCallLog';
import { simulateCallLog } from '../../src/fit/simulateCallLog';
import { callLogTableFromRecords } from '../../src/io/callLogTable';
import type { SchemaIssue } from '../../src/schema';
import { fittedContactModel } from '../../src/scenario/schema';
import { stream } from '../../src/sim/random';
import { importCommand } from '../../src/cli/import';
import { main } from '../../src/cli/main';
import { HOURS_PER_WEEK } from '../../src/sim/calendar';

const repo = fileURLToPath(new URL('../../', import.meta.url));

function captureIO(cwd = repo): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', cwd, isTTY: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

describe('leadlab fit', () => {
  it('fits the sample call log and writes a model whose contactModel has the scenario shape', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadlab-fit-'));
    const io = captureIO();
    const code = await fitCommand.run(['data/calllogs/sample-calls.csv.gz', '--tz', 'America/Chicago', '--out', join(dir, 'model.json')], io);
    expect(code).toBe(0);
    expect(io.stdout).toMatch(/Time to first contact \(Kaplan-Meier/);
    // Counts in its tables as the command line writes them elsewhere (the sample's 3,000 leads are all at risk on the
    // first attempt): "3,000", not "3000".
    expect(io.stdout).toMatch(/^ {2}1 +3,000 +\d+ /m);
    // No whole count of four digits or more without its separator (a log-likelihood such as -5348.2 is no count).
    expect(io.stdout.match(/(?<![\d.,-])\d{4,}(?![\d.,])/g)).toBeNull();
    const model = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    expect(Object.keys(model.contactModel).sort()).toEqual(['ageDecay', 'contactability', 'hourOfWeek']);
    expect(model.contactModel.hourOfWeek).toHaveLength(HOURS_PER_WEEK);
    expect(model.contactModel.ageDecay.kind).toBe('table');
    expect(model.contactModel.contactability.alpha).toBeGreaterThan(0);
    expect(model.timeToContact.km[0]).toEqual(expect.objectContaining({ t: expect.any(Number), survival: expect.any(Number), atRisk: 3000 }));
    expect(model.attemptsToContact.perAttempt[0]).toEqual(expect.objectContaining({ attempt: 1, observed: expect.any(Number), fitted: expect.any(Number) }));
    expect(model.source).toMatchObject({ kind: 'calls', timeZone: 'America/Chicago', dateOrder: 'mdy' });
    // Kaplan-Meier counts every reached lead as an event, the same leads the data section counts.
    expect(model.timeToContact.contacted).toBe(model.data.contactedLeads);
  });

  it('prints JSON with --json and fails with exit code 2 under --strict when rows are rejected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadlab-fit-'));
    const csv = 'lead;created;attempt;result\nA;2024-04-01 09:00;2024-04-01 09:05;no answer\nA;2024-04-01 09:00;2024-04-01 10:05;contact\nB;2024-04-01 09:00;yesterday;contact\n';
    writeFileSync(join(dir, 'calls.csv'), csv);
    const io = captureIO(dir);
    expect(await fitCommand.run(['calls.csv', '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout).data).toMatchObject({ rows: 2, leads: 1 });
    expect(io.stderr).toMatch(/line 4: attemptTime \(column "attempt"\): cannot read "yesterday" as a time/);
    const strict = captureIO(dir);
    expect(await main(['fit', 'calls.csv', '--strict'], strict)).toBe(2);
    expect(strict.stderr).toMatch(/--strict: 1 rejected row \(2 kept\); fix it or drop --strict/);
  });

  it('refuses a separator that is not one character, before reading, and reads with one that is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadlab-fit-'));
    writeFileSync(join(dir, 'calls.csv'), 'lead;created;attempt;result\nA;2024-04-01 09:00;2024-04-01 09:05;no answer\nA;2024-04-01 09:00;2024-04-01 10:05;contact\n');
    for (const bad of ['::', ', ', '"', '']) {
      const io = captureIO(dir);
      expect(await main(['fit', 'calls.csv', '--delimiter', bad], io), bad).toBe(2);
      expect(io.stderr, bad).toContain(`--delimiter: expected one character (such as , ; | or "tab") other than a quote or a line break, got ${JSON.stringify(bad)}`);
      expect(io.stdout).toBe('');
    }
    const io = captureIO(dir);
    expect(await main(['fit', 'calls.csv', '--delimiter', ';', '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout).data).toMatchObject({ rows: 2, leads: 1 });
  });

  it('names missing columns and the --map that fixes them (exit code 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadlab-fit-'));
    writeFileSync(join(dir, 'odd.csv'), 'who,t0,t1,what\nA,2024-04-01 09:00,2024-04-01 09:05,contact\n');
    const io = captureIO(dir);
    expect(await main(['fit', 'odd.csv'], io)).toBe(2);
    expect(io.stderr).toMatch(/--map "<column>=leadId"/);
    const mapped = captureIO(dir);
    expect(await fitCommand.run(['odd.csv', '--map', 'who=leadId', '--map', 't0=leadCreated', '--map', 't1=attemptTime', '--map', 'what=outcome', '--json'], mapped)).toBe(0);
  });
});

describe('leadlab fit --out: no model file a scenario could not use', () => {
  // Four leads, as in a user's report: the fit wrote "halfLifeMinutes": null and `run` blamed the scenario.
  const tiny = 'lead_id,created_at,call_start,disposition\n' + [
    'A,2024-04-01 09:00,2024-04-01 09:03,no answer', 'A,2024-04-01 09:00,2024-04-01 10:05,contact',
    'B,2024-04-01 09:10,2024-04-01 09:12,contact', 'C,2024-04-02 11:00,2024-04-02 11:04,no answer',
    'C,2024-04-02 11:00,2024-04-02 15:04,no answer', 'D,2024-04-02 12:00,2024-04-02 12:01,contact',
  ].join('\n') + '\n';

  it('refuses to write the fit of 4 leads (exit code 2, one message saying why) and writes it, loadable, with --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadlab-fit-'));
    writeFileSync(join(dir, 'eu.csv'), tiny);
    const io = captureIO(dir);
    expect(await fitCommand.run(['eu.csv', '--tz', 'Europe/Berlin', '--out', 'tiny-model.json'], io)).toBe(2);
    expect(existsSync(join(dir, 'tiny-model.json'))).toBe(false);
    expect(io.stderr).toMatch(/tiny-model\.json not written: this fit cannot be used: only 4 leads in the log \(at least 30 are needed to fit anything\).*give --force to write it anyway/);
    expect(io.stdout, 'the report is still printed').toMatch(/Call log: 6 attempts on 4 leads/);

    const forced = captureIO(dir);
    expect(await fitCommand.run(['eu.csv', '--tz', 'Europe/Berlin', '--out', 'tiny-model.json', '--force'], forced)).toBe(0);
    expect(forced.stderr).toMatch(/wrote tiny-model\.json \(--force\), though this fit cannot be used as it is: only 4 leads/);
    const text = readFileSync(join(dir, 'tiny-model.json'), 'utf8');
    const issues: SchemaIssue[] = [];
    fittedContactModel.parse(JSON.parse(text).contactModel, 'contactModel', issues);
    expect(issues, 'the written model passes the schema a scenario loads it with').toEqual([]);
    // No age decay fitted: multiplier 1 at every age, as a one-point table, not an exponential with an infinite half-life.
    expect(JSON.parse(text).contactModel.ageDecay).toEqual({ kind: 'table', points: [[0, 1]] });
  });

  it('reports a log of 4 leads truthfully: the bucket the multipliers are relative to exists, intervals are readable, counts agree in number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadlab-fit-'));
    writeFileSync(join(dir, 'eu.csv'), tiny);
    const io = captureIO(dir);
    await fitCommand.run(['eu.csv', '--tz', 'Europe/Berlin'], io);
    // Attempts by age: 0-2 min 1 (B, reached), 2-5 min 3 (A, C, D), 1-2 h 1 (A, reached), 4-8 h 1 (C): no bucket has
    // 30 attempts, so the multipliers hang on the fullest one, and the report says so rather than naming 7 d+.
    expect(io.stdout).not.toMatch(/7 d\+/);
    expect(io.stdout).toMatch(/No lead-age bucket has the 30 attempts needed to anchor the multipliers: they are relative to leads aged 2-5 min \(3 attempts, multiplier 1\)/);
    expect(io.stdout).not.toMatch(/e\+\d/);
    expect(io.stdout).toMatch(/0-2 min .* 0\.00-unbounded/);
    expect(io.stdout).toMatch(/Kaplan-Meier, 1 lead never reached is censored at its last attempt/);
  });

  it('never writes a model the scenario schema refuses, even with --force, and says which field', () => {
    const records = simulateCallLog(stream(3, 'fit-out'), {
      model: { contactability: { alpha: 0.9, beta: 2.2 }, hourOfWeek: Array(168).fill(1), ageDecay: { kind: 'exponential', halfLifeMinutes: 60, floor: 0.3 } },
      leads: 400, arrivalSpan: 10080, schedule: [1, 10, 30, 120, 360, 1440], jitter: 2,
    });
    const fit = fitCallLog(callLogTableFromRecords(records), { ageDecayForm: 'exponential' });
    expect(refuseToWrite(fit, false), 'a usable fit of 400 leads is written').toBeUndefined();
    const broken = { ...fit, contactModel: { ...fit.contactModel, ageDecay: { kind: 'exponential' as const, halfLifeMinutes: NaN, floor: 0.3 } } };
    expect(refuseToWrite(broken, true)).toMatch(/a scenario would refuse its contactModel \(contactModel\.ageDecay\.halfLifeMinutes: .*\)\. --force cannot write a model that does not load/);
  });

  it('refuses a fit whose contactability stopped at its bound (no spread between leads) unless --force', () => {
    // Every lead answers with the same probability 0.25: nothing for the Beta to spread.
    const records = simulateCallLog(stream(4, 'fit-out'), {
      model: { contactability: { alpha: 25_000, beta: 75_000 }, hourOfWeek: Array(168).fill(1), ageDecay: { kind: 'table', points: [[0, 1]] } },
      leads: 600, arrivalSpan: 10080, schedule: [1, 10, 30, 120, 360, 1440], jitter: 2,
    });
    const fit = fitCallLog(callLogTableFromRecords(records));
    expect(fit.contactModelFit.atBound || fit.attemptsToContact.atBound, 'the fit sits at a bound').toBe(true);
    expect(refuseToWrite(fit, false)).toMatch(/^this fit cannot be used: .*stopped at .*bound.*give --force to write it anyway\.$/);
    expect(refuseToWrite(fit, true)).toBeUndefined();
  });
});

describe('leadlab fit of a per-lead summary', () => {
  it('says by the flag and the columns read when no lead has the event (exit code 2, the JSON failure), not as a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadlab-fit-'));
    writeFileSync(join(dir, 'summary.csv'), 'client;campaign;y\nA;2;no\nB;1;yes\nC;3;no\n');
    const io = captureIO(dir);
    expect(await main(['fit', 'summary.csv', '--event', 'contacted', '--json'], io)).toBe(2);
    expect(io.stderr).toBe(
      'leadlab fit: summary.csv: --event contacted: no lead has both a number of attempts and a "contacted" value; no column is read as contacted (the columns read: attempts <- "campaign", converted <- "y"); name one with --map "<column>=contacted"\n',
    );
    expect(JSON.parse(io.stdout)).toMatchObject({ failure: expect.stringMatching(/^summary\.csv: --event contacted: /), source: { file: 'summary.csv', kind: 'summary' } });
  });

  it('stops when not one lead has the event (a blank column reads as no), rather than fitting calls to nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadlab-fit-'));
    // The outcome column left blank, as prospects leave unknown outcomes: every cell reads as no.
    writeFileSync(join(dir, 'summary.csv'), 'client;campaign;y\nA;2;\nB;1;\nC;3;\nD;1;no\n');
    const io = captureIO(dir);
    expect(await main(['fit', 'summary.csv', '--json'], io)).toBe(2);
    expect(io.stderr).toBe(
      'leadlab fit: summary.csv: none of the 4 leads with a number of calls has "converted" yes (a blank cell reads as no): there is no event to fit calls to; check that the column "y" is the outcome, or name another with --map "<column>=converted"\n',
    );
    expect(JSON.parse(io.stdout)).toMatchObject({ failure: expect.stringMatching(/^summary\.csv: none of the 4 leads/) });
    // One yes is enough to fit (a rough fit, said so in its notes).
    writeFileSync(join(dir, 'summary.csv'), 'client;campaign;y\nA;2;\nB;1;yes\nC;3;\nD;1;no\n');
    expect(await main(['fit', 'summary.csv', '--json'], captureIO(dir))).toBe(0);
  });

  it('refuses a flag that reads the other kind of file, naming the kind read, instead of ignoring it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadlab-fit-'));
    writeFileSync(join(dir, 'summary.csv'), 'client;campaign;y\nA;2;no\nB;1;yes\nC;3;no\n');
    const summary = captureIO(dir);
    expect(await main(['fit', 'summary.csv', '--age-decay', 'exponential'], summary)).toBe(2);
    expect(summary.stderr).toContain('leadlab fit: summary.csv: --age-decay reads a call log, and summary.csv was read as a per-lead summary; drop it');
    expect(summary.stdout).toBe('');
    const calls = captureIO();
    expect(await main(['fit', 'data/calllogs/sample-calls.csv.gz', '--event', 'converted', '--json'], calls)).toBe(2);
    expect(calls.stderr).toContain('--event reads a per-lead summary, and data/calllogs/sample-calls.csv.gz was read as a call log; drop it');
    expect(JSON.parse(calls.stdout).source).toMatchObject({ kind: 'calls' });
  });
});

describe('leadlab import', () => {
  it('summarizes a file without fitting it', async () => {
    const io = captureIO();
    expect(await importCommand.run(['data/calllogs/sample-calls.csv.gz', '--tz', 'America/Chicago', '--json'], io)).toBe(0);
    const summary = JSON.parse(io.stdout);
    const truth = JSON.parse(readFileSync(join(repo, 'data/calllogs/sample-truth.json'), 'utf8'));
    expect(summary).toMatchObject({ kind: 'calls', attempts: truth.rows, leads: truth.leads, agents: 4, sources: 3 });
    expect(summary.import).toMatchObject({ rejected: 0 });
    // The text says the same totals in words, with no JSON in it.
    const text = captureIO();
    expect(await importCommand.run(['data/calllogs/sample-calls.csv.gz', '--tz', 'America/Chicago'], text)).toBe(0);
    expect(text.stdout).toContain(`${truth.rows.toLocaleString('en-US')} call attempts to ${truth.leads.toLocaleString('en-US')} leads.`);
    expect(text.stdout).toContain('Times: wall-clock times read on the America/Chicago clock');
    expect(text.stdout).toContain('Named: 4 agents, 3 sources');
    expect(text.stdout).toMatch(/^Outcomes: (no-answer|voicemail|contact|bad-number) [\d,]+(, [a-z-]+ [\d,]+)*\.$/m);
    expect(text.stdout).toMatch(/^Calls from \d{4}-\d\d-\d\d \d\d:\d\d to \d{4}-\d\d-\d\d \d\d:\d\d on the America\/Chicago clock \(\d{4}-\d\d-\d\d \d\d:\d\d UTC to \d{4}-\d\d-\d\d \d\d:\d\d UTC\)\.$/m);
    expect(text.stdout).not.toMatch(/[{}]|: null/);
  });
});
