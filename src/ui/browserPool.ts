import { wrap, type Remote } from 'comlink';
import type { RunResult } from '../sim/runResult';
import type { CallTables, SimApi } from '../worker/simApi';
import { drainTasks, type PoolOutcome, type SimTask } from '../worker/taskQueue';

/** One replication of one scenario (the same task the Node pool runs). */
export type BrowserTask = SimTask;
export type BrowserPoolOutcome = PoolOutcome;

function startWorker(): Worker {
  return new Worker(new URL('./simWorker.ts', import.meta.url), { type: 'module', name: 'leadlab-sim' });
}

/**
 * A pool of browser web workers running the simulation through comlink, the page's counterpart of
 * src/worker/pool.ts. Cancelling terminates the workers (a run in progress cannot be interrupted) and starts
 * fresh ones, so the page never waits for an abandoned run.
 */
export class BrowserPool {
  private workers: Worker[] = [];
  private remotes: Remote<SimApi>[] = [];

  constructor(readonly size: number) {
    this.start();
  }

  private start(): void {
    this.workers = Array.from({ length: this.size }, startWorker);
    this.remotes = this.workers.map((w) => wrap<SimApi>(w));
  }

  private restart(): void {
    for (const w of this.workers) w.terminate();
    this.start();
  }

  /**
   * Runs tasks; resolves when all finished, or at once with what finished when `signal` aborts. `onPartial` is also told
   * the share done of the replications running (their sum), reported from inside each replication.
   */
  run(
    tasks: readonly BrowserTask[],
    options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void; onPartial?: (done: number, partial: number, total: number) => void } = {},
  ): Promise<BrowserPoolOutcome> {
    const results: (RunResult | undefined)[] = new Array(tasks.length).fill(undefined);
    let stopped = false;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        stopped = true;
        this.restart();
        resolve({ results, aborted: true });
      };
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      drainTasks(this.remotes, tasks, results, () => stopped, options.onProgress, options.onPartial).then(
        () => {
          options.signal?.removeEventListener('abort', onAbort);
          if (!stopped) resolve({ results, aborted: false });
        },
        (e: unknown) => {
          if (stopped) return;
          stopped = true;
          options.signal?.removeEventListener('abort', onAbort);
          this.restart();
          reject(new Error(`simulation worker failed: ${(e as Error).message}`));
        },
      );
    });
  }

  /** One replication's contact and conversion tables, from the first worker (after the runs, so it is free). */
  callTables(task: BrowserTask): Promise<CallTables> {
    return this.remotes[0].callTables(task.source, task.replication, task.seed);
  }

  terminate(): void {
    for (const w of this.workers) w.terminate();
  }
}
