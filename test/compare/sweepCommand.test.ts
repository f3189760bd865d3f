import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

const base = { name: 'Base', days: 14, warmupDays: 3 };

function sweepDir(sweep: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'leadlab-sweep-'));
  writeFileSync(join(dir, 'base.json'), JSON.stringify(base));
  writeFileSync(join(dir, 'sweep.json'), JSON.stringify(sweep));
  return dir;
}

const sweep = { name: 'Limits', base: 'base.json', parameters: { 'agents[0].newLeadsPerDay': '4-6:2', callbacks: ['radar', 'single-call'] }, replications: 3, seed: 11 };

describe('leadlab sweep and merge', () => {
  it('writes one row per run and per combination, each run the scenario with the values set', async () => {
    const dir = sweepDir(sweep);
    const io = captureIO(dir);
    expect(await main(['sweep', 'sweep.json', '--workers', '0'], io)).toBe(0);
    const result = JSON.parse(readFileSync(join(dir, 'sweep-results.json'), 'utf8'));
    expect(result.combinations).toHaveLength(4);
    expect(result.runs).toHaveLength(12);
    const runsCsv = readFileSync(join(dir, 'sweep-results.runs.csv'), 'utf8').trim().split('\n');
    expect(runsCsv).toHaveLength(13);
    expect(runsCsv[0]).toMatch(/^combination,replication,agents\[0\]\.newLeadsPerDay,callbacks,leads,/);
    expect(readFileSync(join(dir, 'sweep-results.combinations.csv'), 'utf8').trim().split('\n')).toHaveLength(5);
    // Combination 3 is newLeadsPerDay 6 with single-call; its replication 2 is that scenario run by hand.
    const normalized = loadScenario(base).scenario as unknown as { agents: Record<string, unknown>[] };
    const agents = normalized.agents.map((a, i) => (i === 0 ? { ...a, newLeadsPerDay: 6 } : a));
    const s = loadScenario({ ...normalized, agents, callbacks: 'single-call' });
    const byHand = runReplication(s.config, s.policies, 2, { seed: 11 });
    const run = result.runs.find((r: { combination: number; replication: number }) => r.combination === 3 && r.replication === 2);
    expect(run.metrics.contactRate).toBe(byHand.metrics.contactRate);
    expect(run.metrics.attemptsPerLead).toBe(byHand.metrics.attemptsPerLead);
    expect(io.stdout).toMatch(/4 combinations x 3 replications/);
  });

  it('says once which rows of the base scenario\'s replayed lead stream it left out, as leadlab run does', async () => {
    // Found in review: `leadlab sweep` and `optimize` of a base that replays a stream said nothing of its rejected rows.
    const dir = sweepDir({ name: 'Replayed', base: 'replayed.json', parameters: { 'agents[0].newLeadsPerDay': [4, 6] }, replications: 2, seed: 3 });
    const start = Date.UTC(2026, 0, 5, 9);
    const rows = Array.from({ length: 40 }, (_, i) => `L${i},${new Date(start + i * 7 * 3_600_000).toISOString()}`);
    writeFileSync(join(dir, 'leads.csv'), ['lead_id,created_at', ...rows, 'X1,not a date', 'X2,'].join('\n') + '\n');
    writeFileSync(join(dir, 'replayed.json'), JSON.stringify({ name: 'Replayed', leads: { replay: { file: 'leads.csv' } } }));
    const io = captureIO(dir);
    expect(await main(['sweep', 'sweep.json', '--workers', '0', '--out', 'r'], io)).toBe(0);
    const warning = 'warning: replayed.json: leads.csv: 40 leads kept, 2 rows rejected (run `leadlab import leads.csv --kind leads` for the reasons and line numbers)';
    expect(io.stderr.split('\n').filter((l) => l === warning)).toHaveLength(1);
    // A script that reads --json, or the result file, finds it too (as compare --json and diagnose --json hold theirs),
    // and a sweep run in shards and merged says the same as the whole sweep.
    const json = captureIO(dir);
    expect(await main(['sweep', 'sweep.json', '--workers', '0', '--out', 'r', '--json'], json)).toBe(0);
    expect(JSON.parse(json.stdout).warnings).toEqual([warning.replace(/^warning: /, '')]);
    for (const k of [1, 2]) expect(await main(['sweep', 'sweep.json', '--workers', '0', '--shard', `${k}/2`], captureIO(dir))).toBe(0);
    expect(await main(['merge', 'sweep.shard-2-of-2.json', 'sweep.shard-1-of-2.json', '--out', 'merged'], captureIO(dir))).toBe(0);
    expect(readFileSync(join(dir, 'merged.json'), 'utf8')).toBe(readFileSync(join(dir, 'r.json'), 'utf8'));
  });

  it('gives the same files from n shards merged as from one run', async () => {
    const dir = sweepDir(sweep);
    expect(await main(['sweep', 'sweep.json', '--workers', '0'], captureIO(dir))).toBe(0);
    const n = 5;
    for (let i = 1; i <= n; i++) expect(await main(['sweep', 'sweep.json', '--shard', `${i}/${n}`, '--workers', '0'], captureIO(dir))).toBe(0);
    // Shards in any order.
    const shards = Array.from({ length: n }, (_, k) => `sweep.shard-${n - k}-of-${n}.json`);
    expect(await main(['merge', ...shards, '--out', 'merged'], captureIO(dir))).toBe(0);
    for (const ext of ['json', 'runs.csv', 'combinations.csv']) {
      expect(readFileSync(join(dir, `merged.${ext}`), 'utf8')).toBe(readFileSync(join(dir, `sweep-results.${ext}`), 'utf8'));
    }
    const io = captureIO(dir);
    expect(await main(['merge', ...shards.slice(1), '--out', 'partial'], io)).toBe(2);
    expect(io.stderr).toMatch(/missing shard 5\/5/);
  });

  it('exits with code 2 on a path the scenario does not have or a value it refuses', async () => {
    const io = captureIO(sweepDir({ base: 'base.json', parameters: { 'agents[9].pipelineLimit': '1-2' } }));
    expect(await main(['sweep', 'sweep.json', '--workers', '0'], io)).toBe(2);
    expect(io.stderr).toMatch(/agents has no element \[9\]/);
    const io2 = captureIO(sweepDir({ base: { name: 'Inline' }, parameters: { callbacks: ['radar', 'sometimes'] } }));
    expect(await main(['sweep', 'sweep.json', '--workers', '0'], io2)).toBe(2);
    expect(io2.stderr).toMatch(/combination 1 \(callbacks = "sometimes"\)/);
  });

  it('sweeps a status of a preset named as shorthand, and a strategy with the options the new one takes, saying what it dropped', async () => {
    // The base writes "callbacks": "radar", so the attempted status exists only in the preset; round-robin's options
    // (skipOffShift) are not hunt-group's.
    const dir = sweepDir({ base: { ...base, callbacks: 'radar' }, parameters: { 'callbacks.statuses.attempted.intervalHours': [[1, 1], [3, 3]], 'distribution.strategy': ['round-robin', 'hunt-group'] }, replications: 1, seed: 3 });
    const io = captureIO(dir);
    expect(await main(['sweep', 'sweep.json', '--workers', '0'], io)).toBe(0);
    const note = 'distribution.strategy = "hunt-group": drops skipOffShift (hunt-group does not take it); queueOrder is hunt-group\'s default ("fifo"), not round-robin\'s ("lifo")';
    expect(io.stdout).toContain(`Note: ${note}\n`);
    const result = JSON.parse(readFileSync(join(dir, 'sweep-results.json'), 'utf8'));
    expect(result.sweep.notes).toEqual([note]);
    // Combination 3 ([3, 3] with hunt-group) is the same override and strategy written by hand.
    const byHand = loadScenario({ ...base, callbacks: { preset: 'radar', statuses: { attempted: { intervalHours: [3, 3] } } }, distribution: 'hunt-group' });
    const run = runReplication(byHand.config, byHand.policies, 0, { seed: 3 });
    const swept = result.runs.find((r: { combination: number }) => r.combination === 3);
    expect(swept.metrics.attemptsPerLead).toBe(run.metrics.attemptsPerLead);
    expect(swept.metrics.contactRate).toBe(run.metrics.contactRate);
  });
});
