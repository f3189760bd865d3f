import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callsToCsv } from '../../src/cli/callsCsv';
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

  it('reads a stream laid out with another separator and a title line (leads.replay.delimiter, skipLines), as diagnose --leads-delimiter and --leads-skip-lines have it read', () => {
    const stream = ['Leads export', 'lead_id;created_at;campaign', 'A1;2026-01-05 09:00;spring, cpc, brand', 'A2;not a date;spring, cpc, brand', 'A3;2026-01-07 09:00;spring, cpc, brand'].join('\n');
    const replay = { file: 'leads.csv', delimiter: ';', skipLines: 1 };
    const resolved = loadScenario({ warmupDays: 1, cooldownDays: 2, replications: 1, leads: { replay } }, () => stream);
    expect(resolved.config.days).toBe(3);
    expect(resolved.replayRejects).toEqual({ file: 'leads.csv', kept: 2, rejected: 1, seeReasons: "leadlab import leads.csv --kind leads --delimiter ';' --skip-lines 1" });
    const issues = (bad: Record<string, unknown>) => {
      try {
        loadScenario({ leads: { replay: { ...replay, ...bad } } }, () => stream);
      } catch (e) {
        return (e as { issues: { path: string }[] }).issues.map((i) => i.path);
      }
      return [];
    };
    expect(issues({ delimiter: ';;' })).toEqual(['leads.replay.delimiter']);
    expect(issues({ delimiter: '"' })).toEqual(['leads.replay.delimiter']);
    expect(issues({ skipLines: -1 })).toEqual(['leads.replay.skipLines']);
    expect(issues({ skipLines: 0.5 })).toEqual(['leads.replay.skipLines']);
  });

  it('passes on what the reader noticed, as leadlab import says it: here the other date order, which reads the rejected rows', () => {
    // Found in review: a stream read in the wrong date order said only how many rows it rejected; `leadlab import`
    // said the dates were likely day-first and how to state it.
    const stream = ['lead_id,created_at', ...Array.from({ length: 22 }, (_, i) => `L${i},${i + 4}/03/2026 09:00`)].join('\n');
    const resolved = loadScenario({ warmupDays: 1, cooldownDays: 2, replications: 1, leads: { replay: { file: 'leads.csv', dateOrder: 'mdy' } } }, () => stream);
    expect(resolved.warnings).toContain(
      'leads.csv: 13 of the 13 rejected rows have a date that reads day-first (first: "13/03/2026 09:00"), not month-first as stated; the file\'s dates are likely day-first: state that order with dateOrder (--date-order) dmy',
    );
    // Stated as the hint says, the stream reads whole and nothing is said.
    const fixed = loadScenario({ warmupDays: 1, cooldownDays: 2, replications: 1, leads: { replay: { file: 'leads.csv', dateOrder: 'dmy' } } }, () => stream);
    expect(fixed.warnings).toEqual([]);
  });

  describe('a call log given where a lead stream is expected', () => {
    // Found in review: a call log (a row per call attempt) given as leads.replay.file or `diagnose --leads` was read as
    // leads, each lead's first row kept and the rest rejected as repeated ids, with no word of what the file was.
    // The log here is a simulated floor's own calls, so the leads and calls it holds are known.
    function callLog(callbacks: string) {
      const floor = loadScenario({ days: 10, warmupDays: 2, cooldownDays: 3, leads: { perDay: 20 }, callbacks, replications: 1 });
      const calls = runScenario(floor, { seed: 3, recordCalls: true }).runs[0].calls ?? [];
      return { calls, text: callsToCsv(calls, floor.config.startDate), leads: new Set(calls.map((c) => c.leadId)).size };
    }
    const replayed = (text: string) => loadScenario({ warmupDays: 1, cooldownDays: 2, replications: 1, leads: { replay: { file: 'calls.csv' } } }, () => text);

    it('says it looks like a call log, by what shows it, what the run made of it and where a call log goes', () => {
      const { calls, text, leads } = callLog('radar');
      expect(calls.length).toBeGreaterThan(leads);
      const resolved = replayed(text);
      const arrivals = resolved.config.arrivals;
      expect(arrivals.kind === 'replay' && arrivals.leads.length).toBe(leads);
      expect(resolved.warnings[0]).toBe(
        `calls.csv looks like a call log (one row per call attempt), not a lead stream (one row per lead): it has a column of call times ("attempt_time"), a column of call outcomes ("outcome") and ${(calls.length - leads).toLocaleString('en-US')} of its ${calls.length.toLocaleString('en-US')} rows repeat the lead id of an earlier row. ` +
          `It was replayed as ${leads.toLocaleString('en-US')} leads, each arriving at the created time of its first row, and its calls were not used. ` +
          'A call log is for fitting the floor\'s contact curves: `leadlab fit calls.csv --out model.json` (then "contactModel": "model.json" in the scenario), or `leadlab diagnose --log calls.csv`; a lead stream to replay has one row per lead.',
      );
      // The rows it rejected are still counted, with the command that lists them.
      expect(resolved.warnings[1]).toMatch(new RegExp(`^calls\\.csv: ${leads.toLocaleString('en-US')} leads kept, ${(calls.length - leads).toLocaleString('en-US')} rows rejected`));
    });

    it('says so of a log with one call per lead too, where no row repeats a lead and nothing was rejected', () => {
      const { calls, text } = callLog('single-call');
      // Each lead's first call only: a row per lead, as a one-call floor's log is.
      const first = new Set<string>();
      const lines = text.trimEnd().split('\n');
      const once = [lines[0], ...lines.slice(1).filter((line, k) => !first.has(String(calls[k].leadId)) && first.add(String(calls[k].leadId)))];
      const resolved = replayed(once.join('\n') + '\n');
      expect(resolved.replayRejects).toBeUndefined();
      expect(resolved.warnings).toEqual([expect.stringMatching(/^calls\.csv looks like a call log .*: it has a column of call times \("attempt_time"\) and a column of call outcomes \("outcome"\)\. It was replayed as [\d,]+ leads/)]);
    });

    it('says nothing of the kind of a lead stream with a status, a time of its last change or a lead sent twice', () => {
      const stream = [
        'Lead ID,Created,Status,Timestamp',
        'L1,2026-01-05 08:15,Contacted,2026-01-06 10:00',
        'L2,2026-01-05 09:40,No Answer,2026-01-05 12:00',
        'L3,2026-01-06 11:05,New,2026-01-06 11:05',
      ];
      // A status of the lead in outcome words, or a dated column named like a call's time: one sign alone is none.
      expect(replayed([...stream.map((l) => l.split(',').slice(0, 3).join(','))].join('\n')).warnings).toEqual([]);
      expect(replayed([...stream.map((l) => [...l.split(',').slice(0, 2), l.split(',')[3]].join(','))].join('\n')).warnings).toEqual([]);
      // A lead sent twice is a rejected row, not a call log.
      const twice = replayed(['Lead ID,Created', 'L1,2026-01-05 08:15', 'L2,2026-01-06 09:40', 'L1,2026-01-06 11:05'].join('\n'));
      expect(twice.warnings).toEqual([expect.stringMatching(/^calls\.csv: 2 leads kept, 1 row rejected/)]);
    });

    it('warns on stderr and in the JSON, from run and from diagnose --leads', async () => {
      const { text, leads } = callLog('radar');
      const dir = mkdtempSync(join(tmpdir(), 'leadlab-replay-'));
      writeFileSync(join(dir, 'calls.csv'), text);
      writeFileSync(join(dir, 'floor.json'), JSON.stringify({ warmupDays: 1, cooldownDays: 2, replications: 2, leads: { replay: { file: 'calls.csv' } } }));
      let err = '';
      const io = { out: () => {}, err: (t: string) => void (err += t), cwd: dir, isTTY: false };
      expect(await main(['run', 'floor.json'], io)).toBe(0);
      expect(err).toMatch(/^warning: calls\.csv looks like a call log .*`leadlab diagnose --log calls\.csv`/m);
      let out = '';
      // run --json holds what stderr warned of, as compare --json and diagnose --json do.
      expect(await main(['run', 'floor.json', '--json'], { ...io, out: (t: string) => void (out += t) })).toBe(0);
      expect(JSON.parse(out).warnings).toEqual([expect.stringMatching(/^calls\.csv looks like a call log /), expect.stringMatching(/^calls\.csv: [\d,]+ leads kept, [\d,]+ rows rejected/)]);
      out = '';
      err = '';
      expect(await main(['diagnose', '--leads', 'calls.csv', '--replications', '2', '--workers', '0', '--json'], { ...io, out: (t: string) => void (out += t) })).toBe(0);
      expect(err).toMatch(/^warning: calls\.csv looks like a call log /m);
      expect(JSON.parse(out).warnings).toEqual([expect.stringMatching(new RegExp(`^calls\\.csv looks like a call log .* It was replayed as ${leads.toLocaleString('en-US')} leads,`))]);
    }, 60_000);
  });
});
