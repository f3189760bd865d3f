import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command';
import { main } from '../../src/cli/main';

function captureIO(cwd: string): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', cwd, isTTY: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

function optimizeDir(spec: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'leadlab-optimize-'));
  writeFileSync(join(dir, 'optimize.json'), JSON.stringify(spec));
  return dir;
}

const dialer = { name: 'Dialer', days: 14, warmupDays: 3, callbacks: { preset: 'fixed-retries', tries: 3, everyHours: 4 } };

describe('leadlab optimize', () => {
  it('finds the known best: the fewest dialer tries give the fewest attempts per lead', async () => {
    // While a lead is unreached a dialer calls at most `tries` times, so fewer tries can only mean fewer calls.
    // Attempts per lead has no better direction in itself: the goal says which way to go.
    const io = captureIO(optimizeDir({ base: dialer, metric: 'attemptsPerLead', goal: 'min', parameters: { 'callbacks.tries': '1-4' }, budget: 24, seed: 5 }));
    expect(await main(['optimize', 'optimize.json', '--workers', '0', '--json'], io)).toBe(0);
    const out = JSON.parse(io.stdout);
    expect(out.goal).toBe('min');
    expect(out.best.values).toEqual({ 'callbacks.tries': 1 });
    expect(out.runs - out.best.attemptsPerLead.n).toBeLessThanOrEqual(24);
    // The starting policy makes 3 tries: the best makes clearly fewer calls per lead, paired on the same leads.
    expect(out.gain.mean).toBeLessThan(0);
    expect(out.gain.verdict).toBe('better');
  });

  it('maximizes when asked, whatever the metric\'s usual direction', async () => {
    const io = captureIO(optimizeDir({ base: dialer, metric: 'attemptsPerLead', goal: 'max', parameters: { 'callbacks.tries': '1-4' }, budget: 24, seed: 5 }));
    expect(await main(['optimize', 'optimize.json', '--workers', '0'], io)).toBe(0);
    expect(io.stdout).toMatch(/maximize Attempts per lead over 4 candidates/);
    expect(io.stdout).toMatch(/Best: callbacks.tries = 4/);
  });

  it('asks for a goal when the metric is neither better nor worse in itself', async () => {
    const io = captureIO(optimizeDir({ base: dialer, metric: 'attemptsPerLead', parameters: { 'callbacks.tries': '1-4' }, budget: 24, seed: 5 }));
    expect(await main(['optimize', 'optimize.json', '--workers', '0'], io)).toBe(2);
    expect(io.stderr).toContain('optimize.goal: Attempts per lead (attemptsPerLead) is neither better nor worse in itself; say which way to go, "max" or "min"');
    expect(io.stdout).toBe('');
  });

  it('exits with code 2 on an unknown metric or a budget too small', async () => {
    const io = captureIO(optimizeDir({ base: dialer, metric: 'happiness', parameters: { 'callbacks.tries': '1-4' } }));
    expect(await main(['optimize', 'optimize.json', '--workers', '0'], io)).toBe(2);
    expect(io.stderr).toMatch(/optimize.metric: expected one of .*contactRate/);
    const io2 = captureIO(optimizeDir({ base: dialer, metric: 'funded', parameters: { 'callbacks.tries': '1-4' }, budget: 5 }));
    expect(await main(['optimize', 'optimize.json', '--workers', '0'], io2)).toBe(2);
    expect(io2.stderr).toMatch(/budget of 5 runs is too small for 4 candidates/);
  });
});
