import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command';
import { main } from '../../src/cli/main';
import { Gen, mulberry32, scenario } from '../helpers/randomScenario';

/*
 * `leadlab sweep` over random valid base scenarios (the generator of test/sim/randomScenarios.test.ts, with the files
 * they name beside them) and random grids. Checked from what a sweep means: every combination appears once per
 * replication; its files do not depend on the number of shards (merged) or of worker threads (the bundled command with
 * 2 workers, for a few); the combinations' intervals hold their means; no NaN, undefined, Infinity or [object Object] in
 * the table or the CSV files.
 */

const BAD_TEXT = /NaN|undefined|Infinity|\[object Object\]/;
const BIN = resolve(__dirname, '../../bin/leadlab.mjs');

function captureIO(cwd: string): CliIO & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', cwd, isTTY: false, out: (t: string) => void (io.stdout += t), err: (t: string) => void (io.stderr += t) };
  return io;
}

function grid(g: Gen, base: Record<string, unknown>): Record<string, unknown> {
  const all: [string, unknown][] = [
    ['callbacks', ['radar', 'single-call', { preset: 'fixed-retries', tries: g.int(1, 8), everyHours: g.pick([1, 4, 24]) }]],
    ['distribution', ['round-robin', 'hunt-group', 'pull']],
    ['agents[0].pipelineLimit', `${g.int(1, 20)}-${g.int(20, 120)}:${g.int(30, 90)}`],
    ['agents[0].newLeadsPerDay', g.pick(['0,1,5', '2-10:4'])],
    ['economics.fulfillmentCostPerFunded', '0,5500'],
    ...(JSON.stringify(base.distribution ?? '').includes('weights') ? [] : ([['agents[0].count', '1-2']] as [string, unknown][])),
  ];
  const chosen = all.filter(() => g.chance(0.3));
  return Object.fromEntries(chosen.length ? chosen : [all[g.int(0, all.length - 1)]]);
}

const SWEEPS = Number(process.env.RANDOM_SWEEPS ?? 10);
const MASTER_SEED = Number(process.env.RANDOM_SWEEPS_SEED ?? 20261130);

describe('Sweeps of random valid scenarios', () => {
  it(`run every combination once per replication, whatever the shards and workers, on ${SWEEPS} random sweeps`, async () => {
    const failures: string[] = [];
    for (let i = 0; i < SWEEPS; i++) {
      const g = new Gen(mulberry32(MASTER_SEED + i * 7919));
      const drawn = scenario(g, i);
      const base = drawn.scenario;
      if (!(base.leads as { replay?: unknown }).replay) base.days = Math.max(2, Math.ceil((base.days as number) / 4));
      if (typeof base.warmupDays === 'number') base.warmupDays = Math.min(base.warmupDays, (base.days as number) - 1);
      base.cooldownDays = Math.min(base.cooldownDays as number, 10);
      const dir = mkdtempSync(join(tmpdir(), 'leadlab-random-sweep-'));
      for (const [name, text] of Object.entries(drawn.files)) writeFileSync(join(dir, name), text);
      writeFileSync(join(dir, 'base.json'), JSON.stringify(base));
      const replications = g.int(1, 3);
      const spec = { name: `random sweep ${i}`, base: 'base.json', parameters: grid(g, base), replications, seed: g.int(1, 1000) };
      writeFileSync(join(dir, 'sweep.json'), JSON.stringify(spec));
      const problems: string[] = [];
      try {
        const io = captureIO(dir);
        const code = await main(['sweep', 'sweep.json', '--workers', '0', '--out', 'whole'], io);
        if (code !== 0) throw new Error(`exit code ${code}: ${io.stderr}`);
        const hit = BAD_TEXT.exec(io.stdout);
        if (hit) problems.push(`the table says "${io.stdout.slice(Math.max(0, hit.index - 80), hit.index + 30)}"`);
        const json = JSON.parse(readFileSync(join(dir, 'whole.json'), 'utf8'));
        const combos = Object.values(spec.parameters).length;
        const count = json.combinations.length;
        const seen = new Map<string, number>();
        for (const r of json.runs) seen.set(`${r.combination}/${r.replication}`, (seen.get(`${r.combination}/${r.replication}`) ?? 0) + 1);
        if (json.runs.length !== count * replications || [...seen.values()].some((n) => n !== 1)) problems.push(`${json.runs.length} runs for ${count} combinations x ${replications} replications (${combos} parameters)`);
        for (let c = 0; c < count; c++) for (let r = 0; r < replications; r++) if (!seen.has(`${c}/${r}`)) problems.push(`combination ${c} replication ${r} missing`);
        for (const c of json.combinations) {
          for (const [m, s] of Object.entries(c.metrics ?? {}) as [string, { mean: number | null; ci95: [number, number] | null }][]) {
            if (s.ci95 && s.mean !== null && !(s.ci95[0] <= s.mean + 1e-9 * Math.max(1, Math.abs(s.mean)) && s.mean <= s.ci95[1] + 1e-9 * Math.max(1, Math.abs(s.mean)))) problems.push(`combination ${c.index} ${m}: interval ${s.ci95} does not hold ${s.mean}`);
          }
        }
        for (const ext of ['.runs.csv', '.combinations.csv']) {
          const csv = readFileSync(join(dir, `whole${ext}`), 'utf8');
          const bad = BAD_TEXT.exec(csv);
          if (bad) problems.push(`whole${ext} says "${csv.slice(Math.max(0, bad.index - 60), bad.index + 20)}"`);
        }
        // Shards, merged: the same files, byte for byte.
        const n = g.int(2, Math.min(5, count * replications + 1));
        for (let k = 1; k <= n; k++) {
          const sio = captureIO(dir);
          if ((await main(['sweep', 'sweep.json', '--workers', '0', '--shard', `${k}/${n}`], sio)) !== 0) throw new Error(`shard ${k}/${n}: ${sio.stderr}`);
        }
        const mio = captureIO(dir);
        const shards = Array.from({ length: n }, (_, k) => `sweep.shard-${k + 1}-of-${n}.json`);
        if ((await main(['merge', ...shards, '--out', 'merged'], mio)) !== 0) throw new Error(`merge: ${mio.stderr}`);
        for (const ext of ['.json', '.runs.csv', '.combinations.csv']) {
          if (readFileSync(join(dir, `merged${ext}`), 'utf8') !== readFileSync(join(dir, `whole${ext}`), 'utf8')) problems.push(`${n} shards merged give another ${ext}`);
        }
        // Worker threads (the bundled command): the same files, for the first few sweeps.
        if (i < 3) {
          execFileSync(process.execPath, [BIN, 'sweep', 'sweep.json', '--workers', '2', '--out', 'threads'], { cwd: dir, stdio: 'pipe' });
          for (const ext of ['.json', '.runs.csv', '.combinations.csv']) {
            if (readFileSync(join(dir, `threads${ext}`), 'utf8') !== readFileSync(join(dir, `whole${ext}`), 'utf8')) problems.push(`2 worker threads give another ${ext}`);
          }
        }
      } catch (e) {
        problems.push(`threw ${(e as Error).message.split('\n').slice(0, 3).join(' | ')}`);
      }
      if (problems.length) failures.push(`sweep ${i} (in ${dir}):\n  ${problems.slice(0, 6).join('\n  ')}\n  ${JSON.stringify(spec)}`);
    }
    expect(failures, `${failures.length} sweeps failed:\n${failures.slice(0, 3).join('\n\n')}`).toEqual([]);
  });
});
