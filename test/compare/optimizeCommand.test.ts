import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command';
import { main } from '../../src/cli/main';
import { loadScenario } from '../../src/scenario/load';
import { runReplication } from '../../src/sim/runner';

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
    // The budget covers the confirmation of the best as well as the search.
    expect(out.runs).toBeLessThanOrEqual(24);
    // The starting policy makes 3 tries: the best makes clearly fewer calls per lead, paired on the same leads.
    expect(out.gain.mean).toBeLessThan(0);
    expect(out.gain.verdict).toBe('better');
  });

  it('confirms the best against the starting policy on fresh replications, within the budget', async () => {
    // The best was picked on the search's replications, so its gain on them is optimistic (the winner's curse): the
    // gain reported is measured again on replications the search never ran, the same ones for both policies.
    const io = captureIO(optimizeDir({ base: dialer, metric: 'funded', parameters: { 'callbacks.tries': '1-4' }, budget: 40, seed: 7 }));
    expect(await main(['optimize', 'optimize.json', '--workers', '0', '--json'], io)).toBe(0);
    const out = JSON.parse(io.stdout);
    expect(out.runs).toBeLessThanOrEqual(40);
    const searched = Math.max(...out.rounds.map((r: { replications: number }) => r.replications));
    const fresh: number[] = out.confirmation.replications;
    expect(fresh.length).toBeGreaterThanOrEqual(2);
    expect(Math.min(...fresh)).toBeGreaterThanOrEqual(searched);
    expect(out.runs).toBe(out.searchRuns + 2 * fresh.length);
    // The gain, recomputed here from runs of the two scenarios on those replications.
    const funded = (scenario: Record<string, unknown>, r: number) => {
      const { config, policies } = loadScenario(scenario);
      return runReplication(config, policies, r, { seed: 7 }).metrics.funded;
    };
    const best = { ...dialer, callbacks: { ...dialer.callbacks, tries: out.best.values['callbacks.tries'] } };
    const differences = fresh.map((r) => funded(best, r) - funded(dialer, r));
    expect(out.gain.mean).toBeCloseTo(differences.reduce((a, b) => a + b, 0) / differences.length, 9);
    expect(out.start.mean).toBeCloseTo(fresh.reduce((a, r) => a + funded(dialer, r), 0) / fresh.length, 9);
  });

  it('names no best when every candidate gives the same results in every replication, in text and JSON', async () => {
    // 20 leads a day never fill a pipeline of 50 or more: the limit does not bind, every run is the same.
    const spec = { base: { name: 'Small floor', days: 14, warmupDays: 3, leads: { perDay: 20 } }, metric: 'funded', parameters: { 'agents[0].pipelineLimit': '50-200:50' }, budget: 24, seed: 3 };
    const json = captureIO(optimizeDir(spec));
    expect(await main(['optimize', 'optimize.json', '--workers', '0', '--json'], json)).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out.allSame).toBe(true);
    expect(out.note).toBe('every value of agents[0].pipelineLimit gave the same results in every replication: the setting does not bind on this floor, so there is no best value to use; "best" is only the first of equals');
    const text = captureIO(optimizeDir(spec));
    expect(await main(['optimize', 'optimize.json', '--workers', '0'], text)).toBe(0);
    expect(text.stdout).toContain('Every value of agents[0].pipelineLimit gave the same results in every replication: the setting does not bind on this floor, so there is no best value to use.');
    expect(text.stdout).not.toMatch(/^Best:/m);
  });

  it('says a binding setting is not all the same', async () => {
    const io = captureIO(optimizeDir({ base: dialer, metric: 'attemptsPerLead', goal: 'min', parameters: { 'callbacks.tries': '1-4' }, budget: 24, seed: 5 }));
    expect(await main(['optimize', 'optimize.json', '--workers', '0', '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout).allSame).toBe(false);
  });

  it('shows no round that ran nothing, and says the budget ran out', async () => {
    // 20 candidates and 44 runs: 4 go to the confirmation, 40 to the search, all of them in round 1 (2 each). The
    // rounds after it ran nothing and were shown as rounds of 2 replications each.
    const io = captureIO(optimizeDir({ base: dialer, metric: 'funded', parameters: { 'callbacks.tries': '1-4', 'callbacks.everyHours': '1,2,4,8,12' }, budget: 44, seed: 2 }));
    expect(await main(['optimize', 'optimize.json', '--workers', '0'], io)).toBe(0);
    expect(io.stdout).toContain('A budget of 44 runs: 40 for the search (successive halving spent 40), 4 to confirm the best on fresh replications (2 each of the best and the starting policy); 44 runs in all.');
    expect(io.stdout).toMatch(/^1 +20 +2 /m);
    expect(io.stdout).not.toMatch(/^2 +10 /m);
    expect(io.stdout).toContain('The budget ran out after round 1: the best of its 20 candidates was chosen on the replications already run');
    expect(io.stdout).toMatch(/On 2 fresh replications \(2-3, not used by the search; the same for both\)/);
    expect(io.stdout).toMatch(/Best minus starting, paired on the fresh replications: /);
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
    // A problem in the file is said alone; the command's usage follows only a problem with its flags or arguments.
    expect(io.stderr).not.toContain('Usage:');
    const args = captureIO(optimizeDir({ base: dialer, metric: 'funded', parameters: { 'callbacks.tries': '1-4' } }));
    expect(await main(['optimize', 'optimize.json', 'other.json', '--workers', '0'], args)).toBe(2);
    expect(args.stderr).toContain('Usage: leadlab optimize');
  });

  it('says what loading the base scenario said, on stderr and in --json', async () => {
    // A replayed stream with rows it cannot read: the rows are counted and reported, not lost without a word.
    const dir = optimizeDir({ base: 'replayed.json', metric: 'funded', parameters: { 'callbacks.tries': '2-3' }, budget: 8, seed: 5 });
    const start = Date.UTC(2026, 0, 5, 9);
    const rows = Array.from({ length: 30 }, (_, i) => `L${i},${new Date(start + i * 5 * 3_600_000).toISOString()}`);
    writeFileSync(join(dir, 'leads.csv'), ['lead_id,created_at', ...rows, 'X1,not a date'].join('\n') + '\n');
    writeFileSync(join(dir, 'replayed.json'), JSON.stringify({ ...dialer, days: undefined, leads: { replay: { file: 'leads.csv' } } }));
    const io = captureIO(dir);
    expect(await main(['optimize', 'optimize.json', '--workers', '0', '--json'], io)).toBe(0);
    const said = 'replayed.json: leads.csv: 30 leads kept, 1 row rejected (run `leadlab import leads.csv --kind leads` for the reasons and line numbers)';
    expect(io.stderr).toContain(`warning: ${said}`);
    expect(JSON.parse(io.stdout).warnings).toEqual([said]);
  });

  it('exits with code 2 on an unknown metric or a budget too small', async () => {
    const io = captureIO(optimizeDir({ base: dialer, metric: 'happiness', parameters: { 'callbacks.tries': '1-4' } }));
    expect(await main(['optimize', 'optimize.json', '--workers', '0'], io)).toBe(2);
    expect(io.stderr).toMatch(/optimize.metric: expected one of .*contactRate/);
    const io2 = captureIO(optimizeDir({ base: dialer, metric: 'funded', parameters: { 'callbacks.tries': '1-4' }, budget: 5 }));
    expect(await main(['optimize', 'optimize.json', '--workers', '0'], io2)).toBe(2);
    expect(io2.stderr).toMatch(/budget of 5 runs is too small for 4 candidates/);
    // Enough for the search alone, not for the confirmation of its best.
    const io3 = captureIO(optimizeDir({ base: dialer, metric: 'funded', parameters: { 'callbacks.tries': '1-4' }, budget: 10 }));
    expect(await main(['optimize', 'optimize.json', '--workers', '0'], io3)).toBe(2);
    expect(io3.stderr).toContain('a budget of 10 runs is too small for 4 candidates; it needs at least 12 (2 replications each, and 2 fresh replications of the best and of the starting policy to confirm the gain)');
  });
});
