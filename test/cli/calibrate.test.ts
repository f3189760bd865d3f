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
    expect(out).toMatch(/of \d+ figures within their bands; 2 replications each/);
    expect([0, 1]).toContain(code);
  });

  it('rejects a positional argument', async () => {
    const { code, err } = await cli(['calibrate', 'extra']);
    expect(code).toBe(2);
    expect(err).toMatch(/expected no positional arguments/);
  });
});
