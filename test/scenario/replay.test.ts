import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { Calendar } from '../../src/sim/calendar';
import { loadScenario } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runScenario';

// Leads written on a Chicago clock (UTC-6 in January), US dates; two bad rows.
const csv = [
  'Lead ID,Created,Lead Source,Product',
  'L1,01/05/2026 08:15,aggregator,refinance',
  'L2,01/05/2026 23:50,web-form,purchase',
  'L3,01/06/2026 00:10,tv,refinance',
  'L4,not a date,aggregator,refinance',
  'L5,01/07/2026 17:30,aggregator,purchase',
  ',01/07/2026 18:00,aggregator,purchase',
  'L6,01/07/2026 18:45,web-form,refinance',
].join('\n');

function files() {
  const dir = mkdtempSync(join(tmpdir(), 'leadlab-replay-'));
  writeFileSync(join(dir, 'leads.csv'), csv);
  const scenario = { warmupDays: 0, cooldownDays: 2, replications: 1, leads: { replay: { file: 'leads.csv', timeZone: 'America/Chicago', dateOrder: 'mdy' } } };
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
  return { dir, scenario };
}

describe('Replaying a historical lead stream', () => {
  it('arrives every valid lead at its local time, on the days of the stream, and reports the rejected rows', () => {
    const { dir, scenario } = files();
    const resolved = loadScenario(scenario, (p) => readFileSync(join(dir, p), 'utf8'));
    expect(resolved.config.startDate).toBe('2026-01-05');
    expect(resolved.config.days).toBe(3);
    expect(resolved.warnings.join('\n')).toMatch(/5 leads kept, 2 rows rejected/);
    expect(resolved.warnings.join('\n')).toMatch(/not declared in leads\.sources.*tv/);
    const arrivals = resolved.config.arrivals;
    if (arrivals.kind !== 'replay') throw new Error('expected replay arrivals');
    const cal = new Calendar(resolved.config.startDate);
    // L1 at 08:15 local on Monday 5 January: hour of week 8.
    expect(arrivals.leads[0].t).toBe(8 * 60 + 15);
    expect(cal.hourOfWeek(arrivals.leads[0].t)).toBe(8);
    expect(arrivals.leads.map((l) => cal.day(l.t))).toEqual([0, 0, 1, 2, 2]);
    const { runs } = runScenario(resolved, { seed: 1 });
    expect(runs[0].metrics.leads).toBe(5);
    expect(runs[0].daily.arrivals.slice(0, 3)).toEqual([2, 1, 2]);
  });

  it('warns on the command line and still runs', async () => {
    const { dir } = files();
    let err = '', out = '';
    const code = await main(['run', 'scenario.json', '--json'], { out: (t) => (out += t), err: (t) => (err += t), cwd: dir, isTTY: false });
    expect(code).toBe(0);
    expect(err).toMatch(/warning: leads\.csv: 5 leads kept, 2 rows rejected/);
    expect(JSON.parse(out).metrics.leads.mean).toBe(5);
  });

  it('reports a missing stream file by its path, with exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadlab-replay-'));
    writeFileSync(join(dir, 's.json'), JSON.stringify({ leads: { replay: { file: 'nope.csv' } } }));
    let err = '';
    const code = await main(['run', 's.json'], { out: () => {}, err: (t) => (err += t), cwd: dir, isTTY: false });
    expect(code).toBe(2);
    expect(err).toMatch(/leads\.replay\.file: cannot read "nope.csv"/);
  });

  it('says how to name a missing column in the scenario (leads.replay.map), not with a --map flag run does not take', () => {
    // Found in review: a stream without a creation column was told to "name them with --map", and `leadlab run` then
    // refused --map as an unknown flag.
    const problems = (replay: Record<string, unknown>, text: string) => {
      try {
        loadScenario({ leads: { replay: { file: 'leads.csv', ...replay } } }, () => text);
      } catch (e) {
        return (e as { issues: { path: string; message: string }[] }).issues.map((i) => `${i.path}: ${i.message}`);
      }
      return [];
    };
    expect(problems({}, 'lead_id,source\nA1,Web\n')).toEqual(['leads.replay.file: leads.csv: cannot find column(s) for leadCreated in the header ("lead_id", "source"); name them in leads.replay.map: {"<column>": "leadCreated"}']);
    expect(problems({ map: { 'Created On': 'leadCreated' } }, 'lead_id,created\nA1,2026-01-05 09:00\n')).toEqual(['leads.replay.file: leads.csv: leads.replay.map {"Created On": "leadCreated"}: no column "Created On" in the header ("lead_id", "created")']);
    // The map the message asks for reads the stream.
    expect(loadScenario({ leads: { replay: { file: 'leads.csv', map: { when: 'leadCreated' } } } }, () => 'lead_id,when\nA1,2026-01-05 09:00\n').config.days).toBeGreaterThan(0);
  });
});
