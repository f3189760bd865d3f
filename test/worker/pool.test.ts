import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { runReplication } from '../../src/sim/runner';
import { runTasks } from '../../src/cli/runTasks';
import { SimPool, type SimTask } from '../../src/worker/pool';

const repo = fileURLToPath(new URL('../../', import.meta.url));
// Inside the repository so that the worker finds comlink in node_modules, outside dist/ so builds do not race.
const outDir = `${repo}node_modules/.cache/leadlab-test-worker`;
let workerUrl: URL;

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  await build({
    absWorkingDir: repo,
    entryPoints: ['src/worker/nodeWorker.ts'],
    outfile: `${outDir}/worker.mjs`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  workerUrl = pathToFileURL(`${outDir}/worker.mjs`);
});

const radar = { json: { name: 'Radar', days: 14, warmupDays: 3 }, files: {} };
const dialer = { json: { name: 'Dialer', days: 14, warmupDays: 3, callbacks: 'fixed-retries' }, files: {} };
const tasks: SimTask[] = [radar, dialer].flatMap((source) => Array.from({ length: 4 }, (_, r) => ({ source, replication: r, seed: 'pool' })));

function inThread(t: SimTask) {
  const s = loadScenario(t.source.json);
  return runReplication(s.config, s.policies, t.replication, { seed: t.seed });
}

async function runOn(workers: number, options: Parameters<SimPool['run']>[1] = {}) {
  const pool = new SimPool(workers, workerUrl);
  try {
    return await pool.run(tasks, options);
  } finally {
    await pool.close();
  }
}

describe('SimPool', () => {
  it('gives the same results, in task order, on 1 and 2 workers as in this thread', async () => {
    const one = await runOn(1);
    const progress: number[] = [];
    const two = await runOn(2, { onProgress: (done) => progress.push(done) });
    expect(one.aborted).toBe(false);
    expect(two.results).toEqual(one.results);
    expect(one.results).toEqual(tasks.map(inThread));
    expect(progress).toEqual(tasks.map((_, i) => i + 1));
  });

  it('stops on abort and keeps the runs that finished', async () => {
    const controller = new AbortController();
    const outcome = await runOn(2, { signal: controller.signal, onProgress: (done) => done === 2 && controller.abort() });
    expect(outcome.aborted).toBe(true);
    const finished = outcome.results.flatMap((r, i) => (r ? [i] : []));
    expect(finished.length).toBeGreaterThanOrEqual(2);
    expect(finished.length).toBeLessThan(tasks.length);
    for (const i of finished) expect(outcome.results[i]).toEqual(inThread(tasks[i]));
  });

  it('runs nothing when the signal is already aborted', async () => {
    const outcome = await runOn(1, { signal: AbortSignal.abort() });
    expect(outcome).toEqual({ results: tasks.map(() => undefined), aborted: true });
  });

  it('passes a failure in the worker back with its message', async () => {
    const pool = new SimPool(1, workerUrl);
    try {
      await expect(pool.run([{ source: { json: { days: -1 }, files: {} }, replication: 0, seed: 1 }])).rejects.toThrow(/simulation worker failed: .*days: expected an integer/s);
    } finally {
      await pool.close();
    }
  });

  it('fails the run, rather than waiting forever, when a worker thread dies', async () => {
    const broken = `${outDir}/broken-worker.mjs`;
    writeFileSync(broken, "throw new Error('cannot start');\n");
    const pool = new SimPool(1, pathToFileURL(broken));
    try {
      await expect(pool.run(tasks.slice(0, 1))).rejects.toThrow(/simulation worker crashed: cannot start/);
    } finally {
      await pool.close();
    }
  });

  it('gives the command line the same outcome on a pool as in this thread, with a progress line only on a terminal', async () => {
    const io = (isTTY: boolean) => {
      const x = { stdout: '', stderr: '', cwd: repo, isTTY, out: (t: string) => void (x.stdout += t), err: (t: string) => void (x.stderr += t) };
      return x;
    };
    const pool = new SimPool(2, workerUrl);
    try {
      const tty = io(true);
      const onPool = await runTasks(tasks, { workers: 2, io: tty, label: 'runs', pool });
      const quiet = io(false);
      const inThread = await runTasks(tasks, { workers: 0, io: quiet, label: 'runs' });
      expect(onPool).toEqual(inThread);
      expect(onPool.interrupted).toBe(false);
      expect(tty.stderr).toMatch(/8\/8 runs/);
      expect(quiet.stderr).toBe('');
    } finally {
      await pool.close();
    }
  });
});
