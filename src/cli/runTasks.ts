import { loadScenario } from '../scenario/load';
import { runReplication } from '../sim/runner';
import type { RunResult } from '../sim/runResult';
import { SimPool, type SimTask } from '../worker/pool';
import type { CliIO } from './command';
import { interruptSignal } from './interrupt';
import { progressLine } from './progressBar';

export type { SimTask };

export interface TasksOutcome {
  /** One result per task, in task order; undefined where a task did not finish (after Ctrl-C). */
  results: (RunResult | undefined)[];
  interrupted: boolean;
}

/**
 * Runs simulation tasks on `workers` worker threads (0: in this thread) with a progress bar on a terminal (or
 * one line per finished run on stderr with `LEADLAB_PROGRESS=lines`, for logs); Ctrl-C stops handing out tasks
 * and returns what finished (see src/cli/interrupt.ts). Results are in task order whatever the workers.
 */
export async function runTasks(tasks: readonly SimTask[], options: { workers: number; io: CliIO; label: string; quiet?: boolean; pool?: SimPool }): Promise<TasksOutcome> {
  const { io } = options;
  const started = Date.now();
  const showProgress = io.isTTY && !options.quiet;
  const progressLines = !io.isTTY && !options.quiet && process.env.LEADLAB_PROGRESS === 'lines';
  let lastDraw = 0;
  const onProgress = (done: number, total: number) => {
    if (progressLines) io.err(`${options.label} ${done}/${total} finished\n`);
    const now = Date.now();
    if (!showProgress || (now - lastDraw < 100 && done < total)) return;
    lastDraw = now;
    io.err(`\r\x1b[K${progressLine(done, total, now - started, options.label)}`);
  };
  const signal = interruptSignal(io);
  try {
    // Awaited here, so that the progress line is cleared only when the runs are over.
    if (options.workers === 0 && !options.pool) return await runInThread(tasks, signal, onProgress);
    // A caller that runs several batches (optimize's rounds) passes its own pool, so threads start once.
    const pool = options.pool ?? new SimPool(Math.min(options.workers, Math.max(1, tasks.length)));
    try {
      const { results, aborted } = await pool.run(tasks, { signal, onProgress });
      return { results, interrupted: aborted };
    } finally {
      if (!options.pool) await pool.close();
    }
  } finally {
    if (showProgress) io.err('\r\x1b[K');
  }
}

async function runInThread(tasks: readonly SimTask[], signal: AbortSignal, onProgress: (done: number, total: number) => void): Promise<TasksOutcome> {
  const cache = new Map<SimTask['source'], ReturnType<typeof loadScenario>>();
  const results: (RunResult | undefined)[] = new Array(tasks.length).fill(undefined);
  for (let i = 0; i < tasks.length; i++) {
    // Yield to the event loop so that Ctrl-C is seen between runs.
    await new Promise((r) => setImmediate(r));
    if (signal.aborted) return { results, interrupted: true };
    const t = tasks[i];
    let resolved = cache.get(t.source);
    if (!resolved) {
      resolved = loadScenario(t.source.json, (p) => t.source.files[p]);
      cache.set(t.source, resolved);
    }
    results[i] = runReplication(resolved.config, resolved.policies, t.replication, { seed: t.seed });
    onProgress(i + 1, tasks.length);
  }
  return { results, interrupted: false };
}
