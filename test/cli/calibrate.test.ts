import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

async function cli(args: string[]) {
  let out = '', err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd: process.cwd(), isTTY: false });
  return { code, out, err };
}

describe('leadlab calibrate', () => {
  it('prints every figure with its target, simulated interval and result as JSON', async () => {
    const { out } = await cli(['calibrate', '--replications', '2', '--leads', '500', '--json']);
    const parsed = JSON.parse(out) as { rows: { figure: number; target: number; simulated: { mean: number; low: number; high: number }; pass: boolean }[]; failed: number };
    expect(new Set(parsed.rows.map((r) => r.figure))).toEqual(new Set([1, 2, 3, 4, 5]));
    for (const r of parsed.rows) expect(typeof r.pass).toBe('boolean');
    expect(parsed.failed).toBe(parsed.rows.filter((r) => !r.pass).length);
  });

  it('prints a table with a header and one line per figure row', async () => {
    const { out, code } = await cli(['calibrate', '--replications', '2', '--leads', '500']);
    expect(out).toMatch(/Target \(band\)/);
    expect(out).toMatch(/Leads360/);
    expect(out).toMatch(/of \d+ figures within their bands; 2 replications each \(6 for figures 1 and 2\)/);
    expect([0, 1]).toContain(code);
  });

  it('calibrates a scenario file: its contact curves, not the defaults', async () => {
    // A flat first-contact curve (no rendezvous) cannot make speed matter: figure 3's hour-1 vs hour-2 ratio falls
    // to about 1, where the defaults give 5-9.
    const dir = mkdtempSync(join(tmpdir(), 'leadlab-calibrate-'));
    writeFileSync(join(dir, 'flat.json'), JSON.stringify({ contact: { ageDecay: { kind: 'table', points: [[0, 0.45]] } }, competitor: { reachProbability: 0 } }));
    const run = async (args: string[]) => (JSON.parse((await cli(['calibrate', ...args, '--replications', '2', '--leads', '2000', '--json'])).out) as { rows: { figure: number; simulated: { mean: number } }[] }).rows;
    const hour = (rows: { figure: number; simulated: { mean: number } }[]) => rows.filter((r) => r.figure === 3)[0].simulated.mean;
    expect(hour(await run([join(dir, 'flat.json')]))).toBeLessThan(1.3);
    expect(hour(await run([]))).toBeGreaterThan(4);
  });

  it('rejects a second positional argument and a missing file, both with exit code 2 (bad input)', async () => {
    const two = await cli(['calibrate', 'a.json', 'b.json']);
    expect(two.code).toBe(2);
    expect(two.err).toMatch(/expected at most one scenario file/);
    const missing = await cli(['calibrate', 'no-such-scenario.json']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read scenario no-such-scenario.json: no such file/);
  });
});
