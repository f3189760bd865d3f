import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command';
import { main } from '../../src/cli/main';
import { judgeStep, monthScale } from '../../src/diagnose/diagnosis';
import { LADDER } from '../../src/diagnose/ladder';
import { loadScenario } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runScenario';
import { LOSS_BUCKET_INFO, LOSS_BUCKETS } from '../../src/sim/lossAttribution';
import { CHROMIUM, hasChromium, SHOTS, textsOutsideSvgs } from '../ui/browserHarness';

function captureIO(cwd: string): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', cwd, isTTY: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

/** Runs a command that must be refused (exit code 2, nothing on stdout) in `dir`, and returns the first line it says. */
async function refused(dir: string, args: string[]): Promise<string> {
  const io = captureIO(dir);
  expect(await main(args, io)).toBe(2);
  expect(io.stdout).toBe('');
  return io.stderr.split('\n')[0];
}

// A small floor: five closers, 25 leads a day, three weeks measured after a week and a half of warm-up.
const small = { days: 32, warmupDays: 11, cooldownDays: 60, leads: { perDay: 25 }, agents: [{ name: 'Closer', count: 5, shift: '08:00-18:00', days: 'Mon-Fri' }] };

function floors() {
  const dir = mkdtempSync(join(tmpdir(), 'leadlab-diagnose-'));
  writeFileSync(join(dir, 'slow.json'), JSON.stringify({ ...small, name: 'Slow: one call per lead', callbacks: 'single-call' }));
  writeFileSync(join(dir, 'radar.json'), JSON.stringify({ ...small, name: 'Radar floor' }));
  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...small, callbacks: 'sometimes' }));
  return dir;
}

interface StepJson {
  id: string;
  status: string;
  adopted: boolean;
  sentence: string;
  fundedPerMonth: { before: number; after: number; win: { mean: number; ci95: [number, number] | null; verdict: string } };
}

describe('leadlab diagnose', () => {
  it('finds the cadence win on a slow single-call floor, with a paired interval above zero', async () => {
    const io = captureIO(floors());
    // Eight replications: with four, the paired interval of a small floor's funded loans included zero on some seeds.
    expect(await main(['diagnose', 'slow.json', '--replications', '8', '--workers', '0', '--json'], io)).toBe(0);
    const d = JSON.parse(io.stdout);
    const cadence = d.steps.find((s: StepJson) => s.id === 'cadence') as StepJson;
    expect(cadence.status).toBe('won');
    expect(cadence.adopted).toBe(true);
    expect(cadence.fundedPerMonth.win.ci95![0]).toBeGreaterThan(0);
    expect(d.best.fundedPerMonth.mean).toBeGreaterThan(d.current.fundedPerMonth.mean);
    // Every step that is not a win has an interval that includes zero or lies below it, and is not kept.
    for (const s of d.steps as StepJson[]) {
      const ci = s.fundedPerMonth.win.ci95;
      if (s.status === 'won') expect(ci![0]).toBeGreaterThan(0);
      else expect(s.adopted).toBe(false);
      if (s.status === 'no clear difference') expect(ci![0] <= 0 && ci![1] >= 0).toBe(true);
      // The mean of paired differences is the difference of the means: every pair is complete.
      if (s.status !== 'in place') expect(s.fundedPerMonth.win.mean).toBeCloseTo(s.fundedPerMonth.after - s.fundedPerMonth.before, 9);
    }
    expect(Object.keys(d).sort()).toEqual(['best', 'current', 'interrupted', 'measuredDays', 'replications', 'scenario', 'seed', 'steps', 'wallSeconds']);
    expect(d.best.scenario.callbacks).toBe('radar');
    expect(Object.keys(d.current.losses.buckets)).toContain('never-called-or-late');
  });

  it('says a fix that changes nothing makes no difference: on common random numbers every paired difference is exactly zero', () => {
    const resolved = loadScenario({ ...small, replications: 3 });
    const a = runScenario(resolved, { seed: 5 }).runs;
    const b = runScenario(loadScenario({ ...small, replications: 3 }), { seed: 5 }).runs;
    const step = judgeStep(LADDER[3], a, b, monthScale(21));
    expect(step.fundedPerMonth.win.mean).toBe(0);
    expect(step.fundedPerMonth.win.ci95).toEqual([0, 0]);
    expect(step.status).toBe('no clear difference');
    expect(step.adopted).toBe(false);
    expect(step.sentence).toMatch(/makes no difference on this floor: each of the 3 replications funded exactly as many loans with the fix as without it/);
  });

  it('marks a practice the floor already has as in place, and never as a win', async () => {
    const io = captureIO(floors());
    expect(await main(['diagnose', 'radar.json', '--replications', '3', '--workers', '0', '--json'], io)).toBe(0);
    const cadence = JSON.parse(io.stdout).steps.find((s: StepJson) => s.id === 'cadence') as StepJson;
    expect(cadence.status).toBe('in place');
    expect(cadence.adopted).toBe(false);
    expect(cadence.fundedPerMonth.win.verdict).toBe('no clear difference');
  });

  it('prints a table with the ladder, the losses and a sentence per step', async () => {
    const io = captureIO(floors());
    // Six replications, so that the cadence's win is clear (with three, not on every seed).
    expect(await main(['diagnose', 'slow.json', '--replications', '6', '--workers', '0'], io)).toBe(0);
    expect(io.stdout).toMatch(/Current floor/);
    expect(io.stdout).toMatch(/Cadence \(radar by status\) .* won \(kept\)/);
    expect(io.stdout).toMatch(/Best found/);
    expect(io.stdout).toMatch(/Never called or called late/);
    expect(io.stdout).toMatch(/^- Cadence \(radar by status\) wins/m);
    // Each bucket with its definition where it is shown ("late" is more than 5 minutes), and what lost revenue is not.
    for (const b of LOSS_BUCKETS) expect(io.stdout).toContain(`  ${LOSS_BUCKET_INFO[b].label}: ${LOSS_BUCKET_INFO[b].describe.charAt(0).toLowerCase()}${LOSS_BUCKET_INFO[b].describe.slice(1)}\n`);
    expect(io.stdout).toMatch(/first called more than 5 minutes after arrival/);
    expect(io.stdout).toMatch(/It is a what-if, not money a fix can win back/);
  });

  it('writes a self-contained one-page report: no scripts, nothing fetched, the waterfall and the losses drawn', async () => {
    const dir = floors();
    const io = captureIO(dir);
    expect(await main(['diagnose', 'slow.json', '--replications', '3', '--workers', '0', '--report', 'diagnosis.html'], io)).toBe(0);
    const html = readFileSync(join(dir, 'diagnosis.html'), 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|<img|@import|url\(|src=/i);
    // The only URLs are SVG namespaces.
    for (const url of html.match(/https?:\/\/[^"'\s)]+/g) ?? []) expect(url).toMatch(/^http:\/\/www\.w3\.org\//);
    expect(html.match(/<svg/g)?.length).toBeGreaterThanOrEqual(2);
    expect(html).toMatch(/Funded loans a month/);
    expect(html).toMatch(/Revenue lost a month/);
    for (const b of LOSS_BUCKETS) expect(html).toContain(`<b>${LOSS_BUCKET_INFO[b].label}</b>: ${LOSS_BUCKET_INFO[b].describe}`);
    expect(html).toMatch(/It is a what-if, not money a fix can win back/);
    if (hasChromium) {
      execFileSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${join(dir, 'd.pdf')}`, `file://${join(dir, 'diagnosis.html')}`], { stdio: 'ignore', timeout: 60_000 });
      const pdf = readFileSync(join(dir, 'd.pdf')).toString('latin1');
      expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
      // Found in review: at 700 px (an A4 page's width inside its margins, where the 720 px charts are drawn smaller)
      // the waterfall's axis label reached past the bottom of its svg, which clips it: Plot sets an axis label's
      // baseline 3 px above the edge, less than a wide font's descent. Every text of both charts, the axis labels
      // first, must lie inside its svg, as Chromium lays the text out in its own font.
      const outside = await textsOutsideSvgs(`file://${join(dir, 'diagnosis.html')}`, 700, join(SHOTS, 'diagnosis-report-700.png'));
      expect(outside.labels.sort()).toEqual(['Funded loans a month →', 'Revenue lost a month ($) →']);
      expect(outside.cut).toEqual([]);
    }
  }, 90_000);

  it('fits a call log and replays a lead stream as the current floor', async () => {
    const dir = floors();
    const start = Date.UTC(2026, 0, 5);
    const rows = Array.from({ length: 500 }, (_, i) => `L${i},${new Date(start + i * 86_400_000 * (21 / 500) + 9 * 3_600_000).toISOString()}`);
    writeFileSync(join(dir, 'leads.csv'), ['lead_id,created_at', ...rows].join('\n') + '\n');
    const io = captureIO(dir);
    const log = join(__dirname, '../../data/calllogs/sample-calls.csv.gz');
    expect(await main(['diagnose', '--log', log, '--leads', 'leads.csv', '--replications', '2', '--workers', '0', '--json'], io)).toBe(0);
    expect(io.stderr).toMatch(/Fitted the floor's contact curves/);
    const d = JSON.parse(io.stdout);
    expect(d.best.scenario.contactModel).toBeTypeOf('object');
    expect(d.steps.length).toBe(LADDER.length);
    // The floor is the default scenario's no longer: its name says whose call log and leads it holds.
    expect(d.scenario).toBe(`Default: 10-agent floor, radar cadence, round robin, with contact curves fitted to ${log} and the leads of leads.csv`);
  }, 60_000);

  it('reports the rows of the lead stream it rejected, with the command that lists them: on stderr, in the JSON and in the report', async () => {
    const dir = floors();
    const start = Date.UTC(2026, 0, 5);
    const rows = Array.from({ length: 300 }, (_, i) => `L${i},${new Date(start + i * 86_400_000 * (21 / 300) + 9 * 3_600_000).toISOString()}`);
    writeFileSync(join(dir, 'leads.csv'), ['lead_id,created_at', ...rows, 'X1,not a date', 'X2,'].join('\n') + '\n');
    const io = captureIO(dir);
    expect(await main(['diagnose', '--leads', 'leads.csv', '--replications', '2', '--workers', '0', '--json', '--report', 'd.html'], io)).toBe(0);
    expect(io.stderr).toMatch(/warning: leads\.csv: 300 leads kept, 2 rows rejected \(run `leadlab import leads\.csv --kind leads` for the reasons and line numbers\)/);
    expect(JSON.parse(io.stdout).replayRejects).toEqual({ file: 'leads.csv', kept: 300, rejected: 2, seeReasons: 'leadlab import leads.csv --kind leads' });
    expect(readFileSync(join(dir, 'd.html'), 'utf8')).toMatch(/leads\.csv: 2 rows rejected, 300 leads kept; .*`leadlab import leads\.csv --kind leads` lists the rejected rows/);
    // --tz reads the stream's times as it reads a call log's, and the command that lists the rejects says so.
    const chicago = captureIO(dir);
    expect(await main(['diagnose', '--leads', 'leads.csv', '--tz', 'America/Chicago', '--replications', '2', '--workers', '0', '--json'], chicago)).toBe(0);
    expect(JSON.parse(chicago.stdout).replayRejects.seeReasons).toBe('leadlab import leads.csv --kind leads --tz America/Chicago');
    expect(JSON.parse(chicago.stdout).best.scenario.leads.replay.timeZone).toBe('America/Chicago');
  }, 60_000);

  it('reports the rows of the call log (--log) it rejected, with the command that lists them, in the JSON and in the report too', async () => {
    const dir = floors();
    // The sample log with a trailing total row, its columns renamed, read with --map and --tz as a prospect's would be.
    const sample = gunzipSync(readFileSync(join(__dirname, '../../data/calllogs/sample-calls.csv.gz'))).toString().trimEnd().split(/\r?\n/);
    writeFileSync(join(dir, 'calls.csv'), [sample[0].replace('Lead Created', 'Created (local)'), ...sample.slice(1), `Total,,,,,,${sample.length - 1}`].join('\n') + '\n');
    const io = captureIO(dir);
    const args = ['diagnose', '--log', 'calls.csv', '--map', 'Created (local)=leadCreated', '--tz', 'America/Chicago', '--replications', '2', '--workers', '0', '--json', '--report', 'd.html'];
    expect(await main(args, io)).toBe(0);
    expect(io.stderr).toMatch(/calls\.csv: [\d,]+ rows read: [\d,]+ kept, 1 rejected/);
    const seeReasons = "leadlab import calls.csv --map 'Created (local)=leadCreated' --tz America/Chicago";
    expect(JSON.parse(io.stdout).logRejects).toEqual({ file: 'calls.csv', kept: sample.length - 1, rejected: 1, seeReasons });
    const kept = (sample.length - 1).toLocaleString('en-US');
    expect(readFileSync(join(dir, 'd.html'), 'utf8')).toContain(`calls.csv: 1 row rejected, ${kept} call attempts kept; the contact curves were fitted to the kept calls. \`${seeReasons}\` lists the rejected rows`);
  }, 60_000);

  it('says in the JSON and the report what the floor was warned of, such as sources of the stream it does not declare', async () => {
    const dir = floors();
    const start = Date.UTC(2026, 0, 5);
    const rows = Array.from({ length: 300 }, (_, i) => `L${i},${new Date(start + i * 86_400_000 * (21 / 300) + 9 * 3_600_000).toISOString()},Partner X`);
    writeFileSync(join(dir, 'leads.csv'), ['lead_id,created_at,source', ...rows, 'X1,not a date,Partner X'].join('\n') + '\n');
    const io = captureIO(dir);
    expect(await main(['diagnose', '--leads', 'leads.csv', '--replications', '2', '--workers', '0', '--json', '--report', 'd.html'], io)).toBe(0);
    // The default scenario declares its own sources, not "Partner X": its leads cost nothing in the floor's numbers.
    const warnings = JSON.parse(io.stdout).warnings as string[];
    expect(warnings).toEqual([expect.stringMatching(/sources in leads\.csv not declared in leads\.sources, added with no lead cost.*Partner X/)]);
    const html = readFileSync(join(dir, 'd.html'), 'utf8');
    expect(html).toMatch(/Warning: sources in leads\.csv not declared in leads\.sources, added with no lead cost[^<]*Partner X/);
    // The one rejected row is said once, in its own paragraph, in the singular; on stderr too.
    expect(html.match(/1 rows? rejected/g)).toEqual(['1 row rejected']);
    expect(io.stderr).toMatch(/leads\.csv: 300 leads kept, 1 row rejected \(run/);
  }, 60_000);

  it('names a bad --tz or --date-order by its flag, with --leads too (not as a scenario field the user never wrote)', async () => {
    const dir = floors();
    writeFileSync(join(dir, 'leads.csv'), 'lead_id,created_at\nL1,2026-01-05 09:00\nL2,2026-01-06 10:00\n');
    for (const [flag, value] of [['--tz', 'Mars/Base'], ['--date-order', 'xyz']]) {
      const io = captureIO(dir);
      expect(await main(['diagnose', '--leads', 'leads.csv', flag, value, '--workers', '0'], io)).toBe(2);
      expect(io.stderr).toMatch(new RegExp(`^leadlab diagnose: ${flag}: expected .*${value}`));
      expect(io.stderr).not.toMatch(/leads\.replay/);
    }
  });

  describe('a prospect\'s lead file whose columns, clock and date order are given as flags', () => {
    // Found in review: a scenario's leads.replay.map could name a lead file's columns, `diagnose --leads` could not: --map
    // went to the call log alone (and without --log was ignored), and the failure named leads.replay, a field the user
    // never wrote. A CRM's export: headers no alias knows, US dates, times on the floor's Chicago clock.
    const start = Date.UTC(2026, 0, 5, 9);
    const us = (ms: number) => ((d) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${d.getUTCHours()}:${String(d.getUTCMinutes()).padStart(2, '0')}`)(new Date(ms));
    const rows = Array.from({ length: 400 }, (_, i) => `OPP-${i},${us(start + i * 86_400_000 * (21 / 400))},Zillow`);
    const prospect = (dir: string) => writeFileSync(join(dir, 'leads.csv'), ['Opportunity,Form Filled,Vendor', ...rows].join('\n') + '\n');
    const maps = ['--leads-map', 'Opportunity=leadId', '--leads-map', 'Form Filled=leadCreated'];

    it('reads it with --leads-map as a scenario reads it with leads.replay.map: the same floor, the same diagnosis', async () => {
      const dir = floors();
      prospect(dir);
      const unmapped = captureIO(dir);
      expect(await main(['diagnose', 'radar.json', '--leads', 'leads.csv', '--workers', '0'], unmapped)).toBe(2);
      expect(unmapped.stderr).toBe('leadlab diagnose: --leads leads.csv: cannot find column(s) for leadId, leadCreated in the header ("Opportunity", "Form Filled", "Vendor"); name them with --leads-map "<column>=leadId" --leads-map "<column>=leadCreated"\n');
      const io = captureIO(dir);
      expect(await main(['diagnose', 'radar.json', '--leads', 'leads.csv', ...maps, '--leads-tz', 'America/Chicago', '--leads-date-order', 'mdy', '--replications', '2', '--workers', '0', '--json'], io)).toBe(0);
      const flags = JSON.parse(io.stdout);
      const replay = { file: 'leads.csv', map: { Opportunity: 'leadId', 'Form Filled': 'leadCreated' }, timeZone: 'America/Chicago', dateOrder: 'mdy' };
      writeFileSync(join(dir, 'scenario.json'), JSON.stringify({ ...small, name: 'Radar floor', replications: 2, leads: { ...small.leads, replay } }));
      const byScenario = captureIO(dir);
      expect(await main(['diagnose', 'scenario.json', '--workers', '0', '--json'], byScenario)).toBe(0);
      const scenario = JSON.parse(byScenario.stdout);
      expect(flags.current.fundedPerMonth).toEqual(scenario.current.fundedPerMonth);
      expect(flags.steps.map((s: StepJson) => s.fundedPerMonth)).toEqual(scenario.steps.map((s: StepJson) => s.fundedPerMonth));
      expect(flags.measuredDays).toBe(22 - small.warmupDays);
      expect({ ...flags.best.scenario.leads.replay, file: 'leads.csv' }).toEqual(replay);
    }, 90_000);

    it('says a bad mapping as leadlab import says it, by the flag, the column and what was expected', async () => {
      const dir = floors();
      prospect(dir);
      const failure = (args: string[]) => refused(dir, args);
      // What import says of the same mistakes with --map, in the words of --leads-map.
      for (const entry of ['Form Fille=leadCreated', 'Form Filled', 'Form Filled=created']) {
        const imported = await failure(['import', 'leads.csv', '--kind', 'leads', '--map', 'Opportunity=leadId', '--map', entry]);
        const diagnosed = await failure(['diagnose', '--leads', 'leads.csv', '--leads-map', 'Opportunity=leadId', '--leads-map', entry, '--workers', '0']);
        expect(diagnosed).not.toMatch(/leads\.replay/);
        expect(diagnosed.replace(/--leads-map/g, '--map').replace(/^leadlab diagnose: (--leads )?/, '')).toBe(imported.replace(/^leadlab import: /, '').replace(/(unknown field "created"; expected one of: ).*/, '$1leadId, leadCreated, source, product, converted, convertedTime'));
      }
      expect(await failure(['diagnose', '--leads', 'leads.csv', '--leads-map', 'Form Fille=leadCreated', '--workers', '0'])).toBe('leadlab diagnose: --leads leads.csv: --leads-map Form Fille=leadCreated: no column "Form Fille" in the header ("Opportunity", "Form Filled", "Vendor")');
      // A call log's field is no field of a lead stream; --map without --log (the flag import and fit take) points to --leads-map.
      expect(await failure(['diagnose', '--leads', 'leads.csv', '--leads-map', 'Form Filled=attemptTime', '--workers', '0'])).toBe('leadlab diagnose: --leads-map Form Filled=attemptTime: a lead stream has no field "attemptTime" (a call log\'s); expected one of: leadId, leadCreated, source, product, converted, convertedTime');
      expect(await failure(['diagnose', '--leads', 'leads.csv', '--map', 'Form Filled=leadCreated', '--workers', '0'])).toBe('leadlab diagnose: --map names the columns of the call log (--log), and no --log was given; name the lead stream\'s columns (--leads) with --leads-map, e.g. --leads-map "Created On=leadCreated"');
      expect(await failure(['diagnose', '--leads-map', 'Form Filled=leadCreated', '--workers', '0'])).toBe('leadlab diagnose: --leads-map reads the lead stream (--leads), and no --leads was given');
      expect(await failure(['diagnose', '--leads', 'leads.csv', ...maps, '--leads-tz', 'Mars/Base', '--workers', '0'])).toMatch(/^leadlab diagnose: --leads-tz: expected .*"Mars\/Base"$/);
      expect(await failure(['diagnose', '--leads', 'leads.csv', ...maps, '--leads-date-order', 'xyz', '--workers', '0'])).toBe('leadlab diagnose: --leads-date-order: expected one of mdy, dmy, ymd, got "xyz"');
    });

    describe('laid out as leadlab import reads it with --delimiter, --skip-lines and --strict', () => {
      // Found in review: import took these for a lead file and diagnose --leads did not. A European CRM's export: a
      // title line, fields separated by semicolons, and a campaign column whose commas outnumber them on every line,
      // so the separator is not the one detected (commas split every line into more fields).
      const title = 'Leads export, January 2026';
      const header = 'lead_id;created_at;Campaign, source, medium, term';
      const rows = Array.from({ length: 300 }, (_, i) => `L${i};${new Date(Date.UTC(2026, 0, 5, 9) + i * 86_400_000 * (21 / 300)).toISOString()};Spring, google, cpc, loans`);
      const export_ = (dir: string, bad: string[] = []) => writeFileSync(join(dir, 'leads.csv'), [title, header, ...rows, ...bad].join('\n') + '\n');
      const laidOut = ['--leads-delimiter', ';', '--leads-skip-lines', '1'];
      const run = async (dir: string, args: string[]) => {
        const io = captureIO(dir);
        const code = await main(['diagnose', 'radar.json', '--leads', 'leads.csv', ...args, '--replications', '2', '--workers', '0'], io);
        return { code, ...io };
      };

      it('reads a semicolon-delimited lead file with --leads-delimiter \';\' and its title skipped with --leads-skip-lines, as the floor\'s replay reads it', async () => {
        const dir = floors();
        export_(dir, ['X1;not a date;Spring, google, cpc, loans']);
        // Without the flags, the title is taken for the header; without the separator, the commas split the header.
        expect((await run(dir, [])).stderr).toMatch(/^leadlab diagnose: --leads leads\.csv: cannot find column\(s\) for leadId, leadCreated in the header \("Leads export"/);
        expect((await run(dir, ['--leads-skip-lines', '1'])).stderr).toMatch(/^leadlab diagnose: --leads leads\.csv: cannot find column\(s\) for leadId, leadCreated in the header \("lead_id;created_at;Campaign"/);
        const read = await run(dir, [...laidOut, '--json']);
        expect(read.code).toBe(0);
        const d = JSON.parse(read.stdout);
        expect(d.measuredDays + small.warmupDays).toBe(22);
        // The floor's scenario reads it the same way, and the command that lists the rejected row reads it so too.
        expect(d.best.scenario.leads.replay).toMatchObject({ delimiter: ';', skipLines: 1 });
        const seeReasons = "leadlab import leads.csv --kind leads --delimiter ';' --skip-lines 1";
        expect(d.replayRejects).toEqual({ file: 'leads.csv', kept: 300, rejected: 1, seeReasons });
        const imported = captureIO(dir);
        expect(await main(['import', 'leads.csv', '--kind', 'leads', '--delimiter', ';', '--skip-lines', '1'], imported)).toBe(0);
        expect(imported.stdout).toMatch(/Rows: 301 read, 300 kept, 1 rejected\./);
      }, 60_000);

      it('fails with --leads-strict when a row is rejected, naming how many, as import --strict does, and runs nothing', async () => {
        const dir = floors();
        export_(dir, ['X1;not a date;Spring, google, cpc, loans', 'X2;;Spring, google, cpc, loans']);
        const strict = await run(dir, [...laidOut, '--leads-strict']);
        expect(strict.code).toBe(2);
        expect(strict.stdout).toBe('');
        expect(strict.stderr).toBe("leadlab diagnose: --leads leads.csv: --leads-strict: 2 rejected rows (300 kept); fix them or drop --leads-strict (`leadlab import leads.csv --kind leads --delimiter ';' --skip-lines 1` lists them with their reasons)\n");
        const imported = captureIO(dir);
        expect(await main(['import', 'leads.csv', '--kind', 'leads', '--delimiter', ';', '--skip-lines', '1', '--strict'], imported)).toBe(2);
        expect(imported.stderr).toContain('leadlab import: --strict: 2 rejected rows (300 kept); fix them or drop --strict\n');
        // One bad row, in the singular; none, and --leads-strict lets the diagnosis run.
        export_(dir, ['X1;not a date;Spring, google, cpc, loans']);
        expect((await run(dir, [...laidOut, '--leads-strict'])).stderr).toMatch(/^leadlab diagnose: --leads leads\.csv: --leads-strict: 1 rejected row \(300 kept\); fix it or drop --leads-strict \(/);
        export_(dir);
        const clean = await run(dir, [...laidOut, '--leads-strict', '--json']);
        expect(clean.code).toBe(0);
        expect(JSON.parse(clean.stdout).replayRejects).toBeUndefined();
      }, 60_000);

      it('refuses a bad value as import refuses it, by the flag and what was expected', async () => {
        const dir = floors();
        export_(dir);
        const failure = (args: string[]) => refused(dir, args);
        for (const [flag, value] of [['delimiter', ';;'], ['delimiter', '"'], ['skip-lines', '-1'], ['skip-lines', 'two']]) {
          const diagnosed = await failure(['diagnose', '--leads', 'leads.csv', `--leads-${flag}`, value, '--workers', '0']);
          const imported = await failure(['import', 'leads.csv', `--${flag}`, value]);
          expect(diagnosed).toMatch(new RegExp(`^leadlab diagnose: --leads-${flag}: expected `));
          expect(diagnosed.replace(`--leads-${flag}`, `--${flag}`).replace('leadlab diagnose', 'leadlab import')).toBe(imported);
        }
        expect(await failure(['diagnose', '--leads', 'leads.csv', '--leads-delimiter', ';;', '--workers', '0'])).toBe('leadlab diagnose: --leads-delimiter: expected one character (such as , ; | or "tab") other than a quote or a line break, got ";;"');
        // Each reads the lead stream: without --leads it is refused, not ignored; the call log's own flags are its own.
        for (const flag of ['--leads-strict', '--leads-delimiter=;', '--leads-skip-lines=1']) {
          expect(await failure(['diagnose', flag, '--workers', '0'])).toBe(`leadlab diagnose: ${flag.replace(/=.*/, '')} reads the lead stream (--leads), and no --leads was given`);
        }
        expect(await failure(['diagnose', '--leads', 'leads.csv', '--delimiter', ';', '--workers', '0'])).toBe('leadlab diagnose: --delimiter reads the call log (--log), and no --log was given');
      });
    });

    it('reads the lead stream on its own clock and date order, when they are not the call log\'s', async () => {
      const dir = floors();
      // Times in UTC with their offset: the first lead, 03:00 UTC on 5 January, came in at 21:00 on the 4th in Chicago,
      // and the last, 12:00 UTC on the 25th, at 06:00 that day, so the stream covers a day more on the Chicago clock (the
      // floor's hours are the stream's local ones).
      const [first, last] = [Date.UTC(2026, 0, 5, 3), Date.UTC(2026, 0, 25, 12)];
      const utc = Array.from({ length: 300 }, (_, i) => `L${i},${new Date(first + ((last - first) * i) / 299).toISOString()}`);
      writeFileSync(join(dir, 'utc.csv'), ['lead_id,created_at', ...utc].join('\n') + '\n');
      const days = async (args: string[]) => {
        const io = captureIO(dir);
        expect(await main(['diagnose', 'radar.json', '--leads', 'utc.csv', ...args, '--replications', '2', '--workers', '0', '--json'], io)).toBe(0);
        return JSON.parse(io.stdout).measuredDays + small.warmupDays;
      };
      expect(await days([])).toBe(21);
      expect(await days(['--leads-tz', 'America/Chicago'])).toBe(22);
      // --leads-tz wins over --tz, which the call log would be read in.
      expect(await days(['--tz', 'Asia/Tokyo', '--leads-tz', 'America/Chicago'])).toBe(22);
      // Dates whose day is never above 12 cannot tell their order: read as --leads-date-order says, all are kept.
      const ambiguous = Array.from({ length: 60 }, (_, i) => `L${i},${1 + (i % 12)}/${1 + Math.floor(i / 12)}/2026 09:00`);
      writeFileSync(join(dir, 'ambiguous.csv'), ['lead_id,created_at', ...ambiguous].join('\n') + '\n');
      const span = async (order: string) => {
        const io = captureIO(dir);
        expect(await main(['diagnose', 'radar.json', '--leads', 'ambiguous.csv', '--leads-date-order', order, '--date-order', order === 'mdy' ? 'dmy' : 'mdy', '--replications', '2', '--workers', '0', '--json'], io)).toBe(0);
        expect(JSON.parse(io.stdout).replayRejects).toBeUndefined();
        return JSON.parse(io.stdout).measuredDays + small.warmupDays;
      };
      const dayOf = (month: number, day: number) => (Date.UTC(2026, month - 1, day) - Date.UTC(2026, 0, 1)) / 86_400_000 + 1;
      // Month first: 1 January to 5 December; day first: 1 January to 12 May.
      expect(await span('mdy')).toBe(dayOf(12, 5));
      expect(await span('dmy')).toBe(dayOf(5, 12));
    }, 90_000);
  });

  it('refuses a bad floor or a call log that is not one, saying where and what was expected', async () => {
    const dir = floors();
    const io = captureIO(dir);
    expect(await main(['diagnose', 'bad.json', '--workers', '0'], io)).toBe(2);
    expect(io.stderr).toMatch(/callbacks/);
    expect(io.stdout).toBe('');
    const io2 = captureIO(dir);
    writeFileSync(join(dir, 'stream.csv'), 'lead_id,created_at\nL1,2026-01-05T09:00:00Z\nL2,2026-01-05T10:00:00Z\n');
    expect(await main(['diagnose', '--log', 'stream.csv', '--workers', '0'], io2)).toBe(2);
    expect(io2.stderr).toMatch(/--log stream\.csv: expected a call log \(one row per call attempt\), got a lead stream \(one row per lead\); replay it with --leads stream\.csv/);
    // A per-lead summary has no call times: the message says what can be done with it, not only --map.
    const io3 = captureIO(dir);
    writeFileSync(join(dir, 'summary.csv'), 'lead_id,attempts,contacted,converted\nL1,3,yes,no\nL2,1,no,no\nL3,2,yes,yes\n');
    expect(await main(['diagnose', '--log', 'summary.csv', '--workers', '0'], io3)).toBe(2);
    expect(io3.stderr).toMatch(/--log summary\.csv: expected a call log \(one row per call attempt\), got a per-lead summary \(one row per lead, no call times\), from which the contact curves .* cannot be fitted; `leadlab fit` reads its rates/);
    expect(io3.stdout).toBe('');
  });

  it('refuses a call log whose fit cannot be used, by the rule of leadlab fit --out, and runs nothing', async () => {
    // Found in review: `diagnose --log` of a log of two unanswered leads climbed the whole ladder on a contactability at
    // the bound of the fit, which `leadlab fit --out` refuses to write and the page refuses to use.
    const dir = floors();
    writeFileSync(join(dir, 'tiny.csv'), 'Lead ID,Created,Call Time,Outcome\nL1,2024-03-05 10:00,2024-03-05 10:05,No Answer\nL2,2024-03-05 10:00,2024-03-05 10:07,No Answer\n');
    const io = captureIO(dir);
    expect(await main(['diagnose', '--log', 'tiny.csv', '--tz', 'UTC', '--workers', '0', '--json'], io)).toBe(2);
    const out = JSON.parse(io.stdout);
    expect(out.failure).toMatch(/^--log tiny\.csv: the contact curves fitted to it cannot be used: only 2 leads in the log .*; no lead in the log was ever reached; bring a longer log/);
    expect(out.steps).toBeUndefined();
  });

  it('says a lead stream of one day, and its measured day, in the singular', async () => {
    const dir = floors();
    writeFileSync(join(dir, 'day.csv'), ['lead_id,created_at', ...Array.from({ length: 30 }, (_, i) => `L${i},2026-01-05T${String(8 + Math.floor(i / 3)).padStart(2, '0')}:${String((i % 3) * 20).padStart(2, '0')}:00Z`)].join('\n') + '\n');
    const io = captureIO(dir);
    expect(await main(['diagnose', '--leads', 'day.csv', '--replications', '2', '--workers', '0'], io)).toBe(0);
    expect(io.stderr).toContain('The lead stream covers 1 day, with no warm-up (set "warmupDays"');
    expect(io.stdout).toContain('scaled from 1 measured day to a month.');
    expect(io.stderr + io.stdout).not.toMatch(/\b1 days|\b1 measured days|the first 0 /);
  }, 30_000);

  it('keeps the finished steps on Ctrl-C (a real SIGINT to the bundled command) and says it was interrupted', async () => {
    const dir = floors();
    writeFileSync(join(dir, 'many.json'), JSON.stringify({ name: 'Slow, many replications', days: 12, warmupDays: 2, cooldownDays: 3, leads: { perDay: 20 }, callbacks: 'single-call', replications: 40 }));
    const bin = join(__dirname, '../../bin/leadlab.mjs');
    const { code, out, err } = await new Promise<{ code: number | null; out: string; err: string }>((done) => {
      const child = spawn(process.execPath, [bin, 'diagnose', 'many.json', '--workers', '0', '--json'], { cwd: dir, env: { ...process.env, LEADLAB_PROGRESS: 'lines' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '', err = '', sent = false;
      child.stdout.on('data', (c: Buffer) => void (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => {
        err += c.toString();
        // The current floor (40 runs) and the first fix (40 runs) are done, the second is under way.
        if (!sent && [...err.matchAll(/runs \d+\/\d+ finished/g)].length >= 85) {
          sent = true;
          child.kill('SIGINT');
        }
      });
      child.on('exit', (code) => done({ code, out, err }));
    });
    expect(code).toBe(130);
    expect(err).toMatch(/Interrupted: 1 of 5 steps finished/);
    const d = JSON.parse(out);
    expect(d.interrupted).toBe(true);
    expect(d.steps.map((s: StepJson) => s.id)).toEqual(['speed-to-lead']);
  }, 120_000);
});
