import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command';
import { fitCommand } from '../../src/cli/fit';
import { importCommand } from '../../src/cli/import';
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
    expect(await fitCommand.run(['calls.csv', '--strict'], strict)).toBe(2);
    expect(strict.stderr).toMatch(/--strict: 1 rejected rows/);
  });

  it('names missing columns and the --map that fixes them (exit code 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadlab-fit-'));
    writeFileSync(join(dir, 'odd.csv'), 'who,t0,t1,what\nA,2024-04-01 09:00,2024-04-01 09:05,contact\n');
    const io = captureIO(dir);
    expect(await fitCommand.run(['odd.csv'], io)).toBe(2);
    expect(io.stderr).toMatch(/--map "<column>=leadId"/);
    const mapped = captureIO(dir);
    expect(await fitCommand.run(['odd.csv', '--map', 'who=leadId', '--map', 't0=leadCreated', '--map', 't1=attemptTime', '--map', 'what=outcome', '--json'], mapped)).toBe(0);
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
  });
});
