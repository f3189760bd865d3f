import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

const root = new URL('../..', import.meta.url).pathname;

async function cli(args: string[], cwd = root) {
  let out = '', err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd, isTTY: false });
  return { code, out, err };
}

function scenarioFile(content: unknown): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'leadlab-'));
  const path = join(dir, 'scenario.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return { dir, path };
}

const agents = [{ name: 'A' }, { name: 'B' }, { name: 'C', shift: '9-5' }];

describe('leadlab run: bad input', () => {
  const cases: [string, unknown, RegExp][] = [
    ['a shift not in HH:MM-HH:MM', { agents }, /agents\[2\]\.shift: expected "HH:MM-HH:MM", got "9-5"/],
    ['a misspelt field', { replicatons: 3 }, /replicatons: unknown field/],
    ['a number given as text', { days: 'ninety' }, /days: expected an integer >= 1 and <= 3660, got "ninety"/],
    ['a share above 1', { leads: { readyShare: 1.5 } }, /leads\.readyShare: expected a number >= 0 and <= 1, got 1\.5/],
    ['an unknown callback preset', { callbacks: 'radr' }, /callbacks: expected one of "radar", "single-call", "fixed-retries", got "radr"/],
    ['an unknown distribution strategy', { distribution: { strategy: 'random' } }, /distribution\.strategy: expected one of .*"round-robin".*, got "random"/],
    ['an agent limited to a source that does not exist', { agents: [{ name: 'A', sources: ['tv'] }] }, /agents\[0\]\.sources\[0\]: expected one of the lead sources \(aggregator, web-form\), got "tv"/],
    ['a profile of the wrong length', { contact: { hourOfWeek: [1, 2, 3] } }, /contact\.hourOfWeek: expected a list of exactly 168 items, got 3 items/],
    ['a weekday list that is not one', { agents: [{ name: 'A', days: 'weekdays' }] }, /agents\[0\]\.days: expected weekdays like "Mon-Fri"/],
    ['a callback cadence with a bad interval', { callbacks: { preset: 'radar', statuses: { contacted: { intervalHours: [18] } } } }, /callbacks\.statuses\.contacted\.intervalHours: expected a list of exactly 2 items/],
    ['a missing contact model file', { contactModel: 'nope.json' }, /contactModel: cannot read "nope.json"/],
    ['text that is not JSON', '{"days": 30,', /not valid JSON/],
    ['a root that is a list', '[]', /\(root\): expected an object, got \[\]/],
    ['a root that is null', 'null', /\(root\): expected an object, got null/],
    ['a root that is a number', '42', /\(root\): expected an object, got 42/],
    ['a strategy named like a prototype member', { distribution: 'toString' }, /distribution\.strategy: expected one of .*got "toString"/],
  ];
  for (const [what, content, message] of cases) {
    it(`reports ${what} by its path, exits 2 and runs nothing`, async () => {
      const { path } = scenarioFile(content);
      const r = await cli(['run', path]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.out).toBe('');
    });
  }

  it('reports a contact model file with a junk age table by its path inside the file, exits 2', async () => {
    const { dir, path } = scenarioFile({ contactModel: 'model.json' });
    writeFileSync(join(dir, 'model.json'), JSON.stringify({ contactModel: { contactability: { alpha: 1, beta: 1 }, hourOfWeek: new Array(168).fill(1), ageDecay: { kind: 'table', points: [[0, 'x']] } } }));
    const r = await cli(['run', path]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/contactModel\.ageDecay\.points\[0\]\[1\]: expected a number >= 0.*got "x" \(in model\.json\)/);
  });

  it('runs a scenario file that starts with a UTF-8 byte order mark', async () => {
    const { path } = scenarioFile('\uFEFF{"days": 10, "warmupDays": 1, "cooldownDays": 1, "replications": 1}');
    const r = await cli(['run', path, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).metrics.leads.mean).toBeGreaterThan(0);
  });

  it('gives the same results on worker threads as in this thread (--workers)', async () => {
    const strip = (t: string) => t.split('\n').filter((l) => !/wall/i.test(l)).join('\n');
    const here = await cli(['run', '--replications', '3', '--json']);
    const threads = await cli(['run', '--replications', '3', '--json', '--workers', '2']);
    expect(threads.code).toBe(0);
    expect(strip(threads.out)).toBe(strip(here.out));
  });

  it("says what the agents' Leads column counts when leads handed on make it add up to more than the window's leads", async () => {
    const text = await cli(['run', '--replications', '2']);
    expect(text.code).toBe(0);
    const leads = Number(/^Leads\s+([\d,]+)/m.exec(text.out)![1].replace(/,/g, ''));
    const table = text.out.slice(text.out.indexOf('Agent '));
    const perAgent = [...table.matchAll(/^(\S.*?)\s{2,}([\d,.]+)\s+[\d,.]+\s+[\d,.]+\s+[\d.]+\s+[\d.]+\s+\d+%/gm)].map((m) => Number(m[2].replace(/,/g, '')));
    expect(perAgent.length).toBeGreaterThan(0);
    expect(perAgent.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(leads);
    expect(text.out).toContain('Leads: leads each agent received, a lead handed on to another agent counted again by each');
  });

  it('says why a metric has no value: cost per funded with no funded loans', async () => {
    const { path } = scenarioFile({ days: 10, warmupDays: 1, cooldownDays: 1, replications: 2, funnel: { fundedPerConversation: 0 } });
    const json = await cli(['run', path, '--json']);
    const parsed = JSON.parse(json.out);
    expect(parsed.metrics.costPerFunded.mean).toBeNull();
    // Every metric without a value says why, and only those: here the two over funded loans.
    expect(parsed.noValue).toEqual({ costPerFunded: 'no funded loans in at least one replication', fundedInLastWeekShare: 'no funded loans in at least one replication' });
    for (const [m, v] of Object.entries(parsed.metrics as Record<string, { mean: number | null }>)) expect(v.mean === null, m).toBe(m in parsed.noValue);
    const text = await cli(['run', path]);
    // The reason goes in a numbered note under the table, which keeps its columns narrow.
    expect(text.out).toMatch(/Cost per funded\s+n\/a \[1\]\s+n\/a\n/);
    expect(text.out).toContain('[1] n/a: no funded loans in at least one replication');
    const widths = text.out.split('\n\n')[1].split('\n').map((l) => (/^\[\d\]/.test(l) ? 0 : l.length));
    expect(Math.max(...widths)).toBeLessThan(80);
  });

  it('reports every bad field at once, not only the first', async () => {
    const { path } = scenarioFile({ days: 0, agents: [{ name: 'A', pipelineLimit: -1, shift: '25:00-26:00' }] });
    const r = await cli(['run', path]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/3 problems/);
    expect(r.err).toMatch(/days:/);
    expect(r.err).toMatch(/agents\[0\]\.pipelineLimit:/);
    expect(r.err).toMatch(/agents\[0\]\.shift:/);
  });

  it('rejects bad flags with exit code 2', async () => {
    expect((await cli(['run', '--replications', '0'])).code).toBe(2);
    expect((await cli(['run', '--replications', 'many'])).err).toMatch(/--replications: expected an integer >= 1, got "many"/);
    expect((await cli(['run', '--fast'])).err).toMatch(/unknown flag --fast/);
    expect((await cli(['runn'])).code).toBe(2);
  });

  it('exits with code 2 from the installed command too', () => {
    const { path } = scenarioFile({ agents });
    const r = spawnSync(process.execPath, [join(root, 'bin/leadlab.mjs'), 'run', path], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/agents\[2\]\.shift/);
    expect(r.stdout).toBe('');
  });
});

describe('leadlab run: output', () => {
  it('prints one JSON object whose metrics carry a mean and a 95% interval', async () => {
    const { path } = scenarioFile({ days: 20, warmupDays: 2, cooldownDays: 3 });
    const r = await cli(['run', path, '--json', '--replications', '3', '--seed', '4']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const m of ['leads', 'contactRate', 'applicationRate', 'fundedRate', 'meanMinutesToFirstAttempt', 'medianMinutesToFirstAttempt', 'shareFirstAttemptDelayed', 'attemptsPerLead', 'spoiledShare', 'agentUtilization', 'costPerFunded']) {
      expect(j.metrics[m]).toHaveProperty('mean');
      expect(j.metrics[m]).toHaveProperty('ci95');
    }
    const c = j.metrics.contactRate;
    expect(c.ci95[0]).toBeLessThanOrEqual(c.mean);
    expect(c.ci95[1]).toBeGreaterThanOrEqual(c.mean);
    expect(j.agents).toHaveLength(10);
    expect(j.daily.date).toHaveLength(23);
    expect(j.replications).toBe(3);
  });

  it('says a run without warm-up, or with one day of it or of follow-up, in words that agree with the number', async () => {
    // Found in review: "(first 0 discarded as warm-up, ...)".
    for (const [warmupDays, cooldownDays, words] of [
      [0, 2, '(no warm-up, 2 days of follow-up after the last lead)'],
      [1, 1, '(first discarded as warm-up, 1 day of follow-up after the last lead)'],
      [2, 3, '(first 2 discarded as warm-up, 3 days of follow-up after the last lead)'],
    ] as const) {
      const { dir, path } = scenarioFile({ days: 3, warmupDays, cooldownDays, replications: 1 });
      const r = await cli(['run', path], dir);
      expect(r.code).toBe(0);
      expect(r.out.split('\n')[1]).toBe(`1 replication, seed 1, 10 agents, 3 days of leads ${words}`);
    }
  });

  it('writes the call log of replication 1 as CSV', async () => {
    const { dir, path } = scenarioFile({ days: 10, warmupDays: 0, cooldownDays: 1 });
    const r = await cli(['run', path, '--calls', 'calls.csv', '--replications', '1'], dir);
    expect(r.code).toBe(0);
    const lines = readFileSync(join(dir, 'calls.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('lead_id,lead_created,attempt_time,outcome,agent,source,product,converted');
    expect(lines.length).toBeGreaterThan(100);
    // The count it says is the rows it wrote, written as the other counts of the command line are ("1,234").
    expect(r.err).toContain(`Wrote ${(lines.length - 1).toLocaleString('en-US')} call attempts of replication 1 to calls.csv`);
    for (const line of lines.slice(1, 50)) {
      const [, created, attempt] = line.split(',');
      expect(Date.parse(attempt)).toBeGreaterThanOrEqual(Date.parse(created));
    }
  });

  it('marks each call of a lead that funded as converted, so that leadlab fit reads conversion from a simulated log', async () => {
    // No warm-up and two months of follow-up: every lead is measured, and the run's funded count is the leads that funded.
    const { dir, path } = scenarioFile({ days: 60, warmupDays: 0, cooldownDays: 60 });
    const r = await cli(['run', path, '--calls', 'calls.csv', '--replications', '1', '--json'], dir);
    expect(r.code, r.err).toBe(0);
    const funded = JSON.parse(r.out).metrics.funded.mean;
    expect(funded).toBeGreaterThan(10);
    const rows = readFileSync(join(dir, 'calls.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const byLead = new Map<string, Set<string>>();
    for (const row of rows) byLead.set(row[0], (byLead.get(row[0]) ?? new Set()).add(row[7]));
    // One value per lead, and the leads marked yes are the run's funded leads.
    expect([...byLead.values()].every((v) => v.size === 1 && (v.has('yes') || v.has('no')))).toBe(true);
    expect([...byLead.values()].filter((v) => v.has('yes')).length).toBe(funded);
    const fit = await cli(['fit', 'calls.csv', '--json'], dir);
    expect(fit.code, fit.err).toBe(0);
    const bySpeed = JSON.parse(fit.out).conversion.bySpeedToLead as { converted: number }[];
    expect(bySpeed.reduce((a, row) => a + row.converted, 0)).toBe(funded);
  });

  it('says how to list a replayed lead stream\'s rejected rows with a command that works pasted where the user is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadlab-'));
    mkdirSync(join(dir, 'floor'));
    const rows = Array.from({ length: 60 }, (_, i) => `L${i},2024-03-${String(4 + (i % 5)).padStart(2, '0')} ${String(9 + (i % 8)).padStart(2, '0')}:15`);
    writeFileSync(join(dir, 'floor', 'leads.csv'), ['lead_id,created', ...rows, 'X1,not a date', 'X2,'].join('\n') + '\n');
    writeFileSync(join(dir, 'floor', 'replay.json'), JSON.stringify({ warmupDays: 1, replications: 1, leads: { replay: { file: 'leads.csv', timeZone: 'America/Chicago' } } }));
    const r = await cli(['run', 'floor/replay.json'], dir);
    expect(r.code).toBe(0);
    const hint = /floor\/leads\.csv: 60 leads kept, 2 rows rejected \(run `leadlab (import floor\/leads\.csv --kind leads --tz America\/Chicago)` for the reasons and line numbers\)/.exec(r.err);
    expect(hint, r.err).not.toBeNull();
    // The hint, pasted in the same folder, reads the file as the run did and lists the two rows.
    const imported = await cli(hint![1].split(' '), dir);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/lead stream/);
    expect(imported.out).toMatch(/60 kept, 2 rejected/);
    expect(imported.err).toMatch(/line 62/);
  });

  it('runs every shipped example scenario', async () => {
    for (const f of ['default.json', 'slow-single-call.json', 'dialer-fixed-retries.json', 'year-50-agents.json']) {
      const r = await cli(['run', `data/scenarios/${f}`, '--replications', '1', '--json']);
      expect(r.code, r.err).toBe(0);
    }
  });

  it('prints a JSON Schema with every top-level scenario field', async () => {
    const r = await cli(['schema']);
    const schema = JSON.parse(r.out);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['agents', 'callbacks', 'distribution', 'leads', 'contact', 'pipeline']));
    expect(schema.properties.agents.items.properties.shift.pattern).toBeTruthy();
  });
});
