import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command';
import { main } from '../../src/cli/main';
import { LOSS_BUCKETS } from '../../src/sim/lossAttribution';

function captureIO(cwd: string): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', cwd, isTTY: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

describe('leadlab run: where production is lost', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leadlab-losses-'));
  writeFileSync(join(dir, 'floor.json'), JSON.stringify({ name: 'Small floor', days: 30, warmupDays: 10, cooldownDays: 30, replications: 3 }));

  it('prints the loss buckets with their interval, lead cost and lost revenue, and the lost leads per agent', async () => {
    const io = captureIO(dir);
    expect(await main(['run', 'floor.json'], io)).toBe(0);
    expect(io.stdout).toMatch(/Where production is lost/);
    expect(io.stdout).toMatch(/Never called or called late\s+\d/);
    expect(io.stdout).toMatch(/Bucket\s+Leads\s+95% interval\s+Share\s+Lead cost\s+Lost revenue/);
    expect(io.stdout).toMatch(/Lost leads by agent/);
    expect(io.stdout).toMatch(/Day closer 1\s+\d/);
  });

  it('puts the buckets in --json, whose mean leads plus mean funded equal the mean leads', async () => {
    const io = captureIO(dir);
    expect(await main(['run', 'floor.json', '--json'], io)).toBe(0);
    const out = JSON.parse(io.stdout);
    expect(Object.keys(out.losses.buckets)).toEqual([...LOSS_BUCKETS]);
    const lost = LOSS_BUCKETS.reduce((s, b) => s + out.losses.buckets[b].leads.mean, 0);
    expect(lost + out.funnel.funded).toBeCloseTo(out.funnel.leads, 9);
    expect(out.losses.buckets.unreached.lostRevenue.ci95).toHaveLength(2);
    expect(out.losses.byAgent).toHaveLength(10);
  });
});
