import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

async function compare(scenarios: unknown[], ...args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'leadlab-compare-warmup-'));
  const paths = scenarios.map((s, i) => {
    const path = join(dir, `s${i}.json`);
    writeFileSync(path, JSON.stringify(s));
    return path;
  });
  let out = '', err = '';
  const code = await main(['compare', ...paths, '--replications', '4', '--workers', '1', ...args], { out: (t) => (out += t), err: (t) => (err += t), cwd: dir, isTTY: false });
  return { code, out, err, dir };
}

describe('leadlab compare: the warm-up check of each scenario', () => {
  // The default floor at its defaults, and the same floor measured from its first day, its pipelines still filling.
  const settled = { name: 'settled' };
  const filling = { name: 'filling', days: 150, warmupDays: 0 };

  it('says which scenario was measured while its pipelines filled, and nothing of the others', async () => {
    const r = await compare([settled, filling]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/\nB \(filling\): Warm-up: too short: the open pipeline still rises .* It settles after about \d+ days .*still filling/);
    expect(r.out).not.toMatch(/A \(settled\): Warm-up/);
  });

  it('puts the same caveat in the --report the consultant hands on', async () => {
    const r = await compare([settled, filling], '--report', 'report.html');
    expect(r.code, r.err).toBe(0);
    const html = readFileSync(join(r.dir, 'report.html'), 'utf8');
    expect(html).toMatch(/<p class="warmup"><b>filling<\/b>: Warm-up: too short: the open pipeline still rises .* It settles after about \d+ days .*still filling/);
    expect(html).not.toMatch(/<b>settled<\/b>: Warm-up/);
  });

  it('gives every scenario its check in --json', async () => {
    const r = await compare([settled, filling], '--json');
    expect(r.code, r.err).toBe(0);
    const warmup = JSON.parse(r.out).warmup as { scenario: string; verdict: string; warmupDays: number; message: string }[];
    const rows = warmup as unknown as { scenario: string; letter: string; verdict: string; warmupDays: number }[];
    expect(rows.map((w) => [w.letter, w.scenario, w.verdict, w.warmupDays])).toEqual([
      ['A', 'settled', 'adequate', 60],
      ['B', 'filling', 'too-short', 0],
    ]);
    expect(warmup[1].message).toMatch(/^Warm-up: /);
  });
});

describe('leadlab compare: a difference only some replications define', () => {
  it('says on how many pairs it rests, as --json counts them', async () => {
    // One day of 0.7 leads: some replications get no lead, and their rates are undefined.
    const tiny = { name: 'tiny', days: 1, leads: { perDay: 0.7 } };
    const json = await compare([{ name: 'base' }, tiny], '--json');
    const n = JSON.parse(json.out).scenarios[1].vsBaseline.contactRate.n as number;
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(4);
    const text = await compare([{ name: 'base' }, tiny]);
    const row = text.out.split('\n').find((l) => l.startsWith('Contact rate'))!;
    expect(row).toContain(`(${n} of 4 pairs)`);
    // Leads are defined in every replication: no such note.
    expect(text.out.split('\n').find((l) => l.startsWith('Leads'))).not.toMatch(/pairs\)/);
  });
});

describe('leadlab compare --warmup-days', () => {
  it('blames a warm-up a scenario is too short for on the flag, not on a warmupDays the file may not have', async () => {
    // 6 days of leads and no warmupDays in the file: the 30 days come from the flag.
    const r = await compare([{ days: 6 }, { days: 6 }], '--warmup-days', '30');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^ {2}--warmup-days 30: expected fewer warm-up days than days \(6\), got 30$/m);
    expect(r.err).not.toMatch(/^ {2}warmupDays:/m);
  });
});
