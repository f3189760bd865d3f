import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Ctrl-C with a real SIGINT to a child `leadlab`: the finished runs must be kept and written, marked partial, for
 * one Ctrl-C and for a second one during the draining. The signal is sent once the child has said (on stderr,
 * LEADLAB_PROGRESS=lines) that enough runs finished; nothing here depends on how long a run takes. The child runs
 * the bundled command in dist/, which `npm test` builds first (`npm run build:cli` before running this file alone).
 */
const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'bin/leadlab.mjs');

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'leadlab-int-'));
  // A short base scenario and 100 combinations x 2 replications: far more runs than finish before the signal.
  writeFileSync(join(dir, 'sweep.json'), JSON.stringify({
    name: 'interrupt test',
    base: { days: 10, warmupDays: 0, cooldownDays: 2, leads: { perDay: 30 } },
    parameters: { 'leads.perDay': '20-119:1' },
    replications: 2,
    seed: 1,
  }));
  writeFileSync(join(dir, 'optimize.json'), JSON.stringify({
    base: { days: 10, warmupDays: 0, cooldownDays: 2 }, metric: 'contactRate', parameters: { 'leads.perDay': '20-119:1' }, budget: 800, seed: 1,
  }));
  writeFileSync(join(dir, 'a.json'), JSON.stringify({ name: 'A', days: 10, warmupDays: 0, cooldownDays: 2, replications: 200 }));
  writeFileSync(join(dir, 'b.json'), JSON.stringify({ name: 'B', days: 10, warmupDays: 0, cooldownDays: 2, callbacks: 'single-call', replications: 200 }));
  return dir;
}

/** Runs leadlab in `cwd`; sends SIGINT `signals` times, the first once `finished` runs are reported, the next after "Stopping". */
function interrupted(args: string[], cwd: string, finished: number, signals = 1): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, LEADLAB_PROGRESS: 'lines' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let sent = 0;
    child.stdout.resume();
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const done = [...err.matchAll(/runs (\d+)\/\d+ finished/g)].length;
      if (sent === 0 && done >= finished) {
        sent++;
        child.kill('SIGINT');
      } else if (sent > 0 && sent < signals && /Stopping:/.test(err)) {
        sent++;
        child.kill('SIGINT');
      }
    });
    child.on('exit', (code) => resolve({ code, err }));
  });
}

describe('Ctrl-C keeps finished runs', () => {
  it('sweep --workers 0: one Ctrl-C writes the finished runs, marked partial with the right counts', async () => {
    const dir = folder();
    const r = await interrupted(['sweep', 'sweep.json', '--workers', '0', '--out', 'res'], dir, 3);
    expect(r.code).toBe(130);
    const result = JSON.parse(readFileSync(join(dir, 'res.json'), 'utf8'));
    expect(result.partial.runsPlanned).toBe(200);
    expect(result.partial.runsFinished).toBe(result.runs.length);
    expect(result.runs.length).toBeGreaterThanOrEqual(3);
    expect(r.err).toContain(`Interrupted: ${result.runs.length} of 200 runs finished; writing those, marked partial.`);
    expect(existsSync(join(dir, 'res.combinations.csv'))).toBe(true);
  });

  it('sweep --workers 0: a second Ctrl-C during the draining still writes them', async () => {
    const dir = folder();
    const r = await interrupted(['sweep', 'sweep.json', '--workers', '0', '--out', 'res'], dir, 2, 2);
    expect(r.code).toBe(130);
    const result = JSON.parse(readFileSync(join(dir, 'res.json'), 'utf8'));
    expect(result.partial.runsFinished).toBe(result.runs.length);
    expect(result.runs.length).toBeGreaterThanOrEqual(2);
  });

  it('sweep --shard on worker threads: two Ctrl-C write a partial shard with its true counts, which merge refuses', async () => {
    const dir = folder();
    const r = await interrupted(['sweep', 'sweep.json', '--workers', '2', '--shard', '1/2', '--out', 'part1.json'], dir, 2, 2);
    expect(r.code).toBe(130);
    const shard = JSON.parse(readFileSync(join(dir, 'part1.json'), 'utf8'));
    expect(shard.range).toEqual({ first: 1, last: 100 });
    expect(shard.partial).toEqual({ runsFinished: shard.runs.length, runsPlanned: 100 });
    expect(r.err).toContain(`Shard 1/2 (interrupted): ${shard.runs.length} of its 100 runs (1-100 of 200) finished`);
    const merge = await new Promise<{ code: number | null; err: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, 'merge', 'part1.json', 'part1.json'], { cwd: dir });
      let err = '';
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.on('exit', (code) => resolve({ code, err }));
    });
    expect(merge.code).toBe(2);
    expect(merge.err).toMatch(/shard 1\/2 is partial \(interrupted: \d+ of its 100 runs finished\); run it again/);
  });

  it('compare --workers 0 --report: the report of an interrupted comparison says so', async () => {
    const dir = folder();
    const r = await interrupted(['compare', 'a.json', 'b.json', '--workers', '0', '--report', 'report.html'], dir, 6);
    expect(r.code).toBe(130);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    const m = /Interrupted:<\/b> the comparison was stopped \(Ctrl-C\) after (\d+) of 200 planned replications/.exec(html);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThanOrEqual(3);
  });

  it('optimize --workers 0: the runs finished before Ctrl-C are listed by candidate, none lost', async () => {
    const dir = folder();
    const r = await interruptedOut(['optimize', 'optimize.json', '--workers', '0', '--json'], dir, 3);
    expect(r.code).toBe(130);
    const out = JSON.parse(r.out);
    expect(out.interrupted).toBe(true);
    expect(out.runsFinished).toBeGreaterThanOrEqual(3);
    expect(out.candidates.reduce((a: number, c: { runs: number }) => a + c.runs, 0)).toBe(out.runsFinished);
    expect(r.err).toContain(`Interrupted during the search: ${out.runsFinished} runs finished and are listed`);
  });
});

/** As {@link interrupted}, keeping stdout too. */
function interruptedOut(args: string[], cwd: string, finished: number): Promise<{ code: number | null; err: string; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, LEADLAB_PROGRESS: 'lines' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '', out = '';
    let sent = false;
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      if (!sent && [...err.matchAll(/runs (\d+)\/\d+ finished/g)].length >= finished) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    child.on('exit', (code) => resolve({ code, err, out }));
  });
}
