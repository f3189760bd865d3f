import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command';
import { main } from '../../src/cli/main';

function captureIO(cwd: string): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', cwd, isTTY: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

function scenarios() {
  const dir = mkdtempSync(join(tmpdir(), 'leadlab-compare-'));
  writeFileSync(join(dir, 'radar.json'), JSON.stringify({ name: 'Radar', days: 21, warmupDays: 7 }));
  writeFileSync(join(dir, 'single.json'), JSON.stringify({ name: 'Single call', days: 21, warmupDays: 7, callbacks: 'single-call' }));
  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ name: 'Bad', days: -3, callbacks: 'sometimes' }));
  return dir;
}

describe('leadlab compare', () => {
  it('prints every metric per scenario and the paired difference, without colors off a terminal', async () => {
    const io = captureIO(scenarios());
    const code = await main(['compare', 'radar.json', 'single.json', '--replications', '4', '--seed', '7', '--workers', '0'], io);
    expect(code).toBe(0);
    expect(io.stdout).toMatch(/A: Radar \(baseline\)/);
    expect(io.stdout).toMatch(/B - A/);
    expect(io.stdout).toMatch(/Contact rate .* pp .*worse/);
    expect(io.stdout).not.toMatch(/\x1b\[/);
  });

  it('prints JSON whose differences are the per-replication differences of the two scenarios', async () => {
    const io = captureIO(scenarios());
    expect(await main(['compare', 'radar.json', 'single.json', '--replications', '3', '--seed', '7', '--workers', '0', '--json'], io)).toBe(0);
    const out = JSON.parse(io.stdout);
    expect(out.replications).toBe(3);
    expect(out.scenarios.map((s: { name: string }) => s.name)).toEqual(['Radar', 'Single call']);
    expect(out.scenarios[0].vsBaseline).toBeNull();
    const d = out.scenarios[1].vsBaseline.contactRate;
    const a = out.scenarios[0].metrics.contactRate.mean;
    const b = out.scenarios[1].metrics.contactRate.mean;
    // The mean of differences is the difference of means when every pair is complete.
    expect(d.mean).toBeCloseTo(b - a, 12);
    expect(d.verdict).toBe('worse');
  });

  it('says when a scenario gave exactly the baseline\'s results, and only then', async () => {
    const dir = scenarios();
    // The same floor under another name.
    writeFileSync(join(dir, 'renamed.json'), JSON.stringify({ name: 'Radar again', days: 21, warmupDays: 7 }));
    const io = captureIO(dir);
    expect(await main(['compare', 'radar.json', 'renamed.json', 'single.json', '--replications', '3', '--seed', '7', '--workers', '0'], io)).toBe(0);
    expect(io.stdout).toContain("B gave exactly the baseline's (A's) results in every replication, on every metric");
    expect(io.stdout).not.toContain('C gave exactly');
    const json = captureIO(dir);
    expect(await main(['compare', 'radar.json', 'renamed.json', 'single.json', '--replications', '3', '--seed', '7', '--workers', '0', '--json'], json)).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out.scenarios.map((s: { sameAsBaseline: boolean | null }) => s.sameAsBaseline)).toEqual([null, true, false]);
    const report = captureIO(dir);
    expect(await main(['compare', 'radar.json', 'renamed.json', 'single.json', '--replications', '3', '--seed', '7', '--workers', '0', '--report', 'r.html'], report)).toBe(0);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(html).toContain("<b>Radar again</b> gave exactly the baseline's results");
    expect(html).not.toContain('<b>Single call</b> gave exactly');
    // Every paired difference of the identical scenario is exactly zero, with a zero-width interval where there is one.
    for (const d of Object.values(out.scenarios[1].vsBaseline) as { mean: number; ci95: [number, number] | null; n: number }[]) {
      if (d.n === 0) continue;
      expect(d.mean).toBe(0);
      if (d.ci95) expect(d.ci95).toEqual([0, 0]);
    }
  });

  it('exits with code 2 and runs nothing on a bad scenario or a single file', async () => {
    const dir = scenarios();
    const io = captureIO(dir);
    expect(await main(['compare', 'radar.json', 'bad.json', '--workers', '0'], io)).toBe(2);
    expect(io.stderr).toMatch(/days/);
    expect(io.stderr).toMatch(/callbacks/);
    expect(io.stdout).toBe('');
    const io2 = captureIO(dir);
    expect(await main(['compare', 'radar.json'], io2)).toBe(2);
    expect(io2.stderr).toMatch(/at least two scenario files/);
  });

  it('says which rows of a scenario\'s replayed lead stream it left out, on stderr, in the JSON and in the report, as leadlab run does', async () => {
    // Found in review: `leadlab run` warned of the stream's rejected rows and undeclared sources, and `compare` of the
    // same scenario said nothing, in its table or its JSON.
    const dir = scenarios();
    const start = Date.UTC(2026, 0, 5, 9);
    const rows = Array.from({ length: 60 }, (_, i) => `L${i},${new Date(start + i * 7 * 3_600_000).toISOString()},Web`);
    writeFileSync(join(dir, 'leads.csv'), ['lead_id,created_at,source', ...rows, 'X1,not a date,Web'].join('\n') + '\n');
    writeFileSync(join(dir, 'replayed.json'), JSON.stringify({ name: 'Replayed', leads: { replay: { file: 'leads.csv' } } }));
    const io = captureIO(dir);
    expect(await main(['compare', 'radar.json', 'replayed.json', '--replications', '2', '--workers', '0', '--json', '--report', 'r.html'], io)).toBe(0);
    const rejected = 'leads.csv: 60 leads kept, 1 row rejected (run `leadlab import leads.csv --kind leads` for the reasons and line numbers)';
    expect(io.stderr).toContain(`warning: replayed.json: ${rejected}`);
    expect(io.stderr).toMatch(/warning: replayed\.json: sources in leads\.csv not declared in leads\.sources, added with no lead cost .*: Web/);
    const out = JSON.parse(io.stdout);
    expect(out.warnings[0]).toEqual({ scenario: 'Replayed', letter: 'B', file: 'replayed.json', warning: rejected });
    expect(out.warnings).toHaveLength(2);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain(`<b>Replayed</b>: warning: ${rejected}`);
    // A comparison with nothing to warn of has no warnings in its JSON.
    const plain = captureIO(dir);
    expect(await main(['compare', 'radar.json', 'single.json', '--replications', '2', '--workers', '0', '--json'], plain)).toBe(0);
    expect(JSON.parse(plain.stdout).warnings).toBeUndefined();
    expect(plain.stderr).not.toMatch(/warning/);
  });

  it('discards the warm-up days it is given from every scenario', async () => {
    const dir = scenarios();
    const run = async (extra: string[]) => {
      const io = captureIO(dir);
      expect(await main(['compare', 'radar.json', 'single.json', '--replications', '2', '--workers', '0', '--json', ...extra], io)).toBe(0);
      return JSON.parse(io.stdout).scenarios.map((s: { metrics: { leads: { mean: number } } }) => s.metrics.leads.mean);
    };
    const [kept7] = await run([]);
    const [kept0, kept0b] = await run(['--warmup-days', '0']);
    // 21 days of leads: discarding none measures about 21/14 as many as discarding the first 7.
    expect(kept0 / kept7).toBeGreaterThan(1.3);
    expect(kept0 / kept7).toBeLessThan(1.7);
    expect(kept0b).toBe(kept0);
  });
});
