import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { wrap, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { RunResult } from '../sim/runResult';
import type { SimApi } from './simApi';
import { drainTasks, type PoolOutcome, type SimTask } from './taskQueue';

export type { PoolOutcome, SimTask };

export interface PoolRunOptions {
  /** Stops handing out tasks and returns what finished; running tasks are abandoned. */
  signal?: AbortSignal;
  /** Called after each finished task with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** dist/worker.mjs beside the bundled CLI, or in the repository's dist/ when running from source (tests). */
export function defaultWorkerUrl(): URL {
  const sibling = new URL('./worker.mjs', import.meta.url);
  if (existsSync(fileURLToPath(sibling))) return sibling;
  const built = new URL('../../dist/worker.mjs', import.meta.url);
  if (existsSync(fileURLToPath(built))) return built;
  throw new Error('dist/worker.mjs is missing: run `npm run build:cli` first');
}

/**
 * Keeps V8's own work for a worker on the worker's thread: its optimizing compiler and the helpers of its young-generation
 * collections. Alone on a core, a worker thread gets that work done beside it by background threads for free; when
 * every core runs a worker, the background threads can run only by taking a core from a worker, and doing the work in
 * place costs less CPU. On the 2-core development machine, 200 runs of the default scenario on 2 workers used 6.74 s of
 * CPU instead of 7.02 s and took 3.44 s instead of 3.64 s, medians of 5 alternating sweeps (issue 16). V8 reads the
 * compiler flag when an isolate starts (the workers started after this) and the collector's at each collection; they
 * change where work is done, never what a program computes. Worker threads cannot be given V8 flags of their own.
 */
function keepV8WorkOnWorkerThreads(): void {
  setFlagsFromString('--no-concurrent-recompilation');
  setFlagsFromString('--no-parallel-scavenge');
}

/**
 * A pool of Node worker threads running simulation tasks through comlink. Tasks are queued and handed to the
 * next free worker; results come back in task order, so they do not depend on the number of workers.
 *
 * @example
 * const pool = new SimPool(2);
 * const { results } = await pool.run(tasks, { onProgress: (done, total) => console.log(done, total) });
 * await pool.close();
 */
export class SimPool {
  private readonly workers: Worker[];
  private readonly remotes: Remote<SimApi>[];

  constructor(size: number, workerUrl: URL = defaultWorkerUrl()) {
    if (!(size >= 1)) throw new Error(`SimPool: expected at least 1 worker, got ${size}`);
    if (size >= availableParallelism()) keepV8WorkOnWorkerThreads();
    this.workers = Array.from({ length: size }, () => new Worker(workerUrl));
    this.remotes = this.workers.map((w) => wrap<SimApi>(nodeEndpoint(w)));
    // A thread that dies (an exception at load, out of memory) would leave its call pending forever: fail the run instead.
    for (const w of this.workers) w.on('error', (e: Error) => this.onWorkerError?.(e));
  }

  private onWorkerError?: (e: Error) => void;

  get size(): number {
    return this.workers.length;
  }

  /** Runs tasks on the pool; resolves when all finished, or at once with what finished when `signal` aborts. */
  run(tasks: readonly SimTask[], options: PoolRunOptions = {}): Promise<PoolOutcome> {
    const results: (RunResult | undefined)[] = new Array(tasks.length).fill(undefined);
    let stopped = Boolean(options.signal?.aborted);
    return new Promise<PoolOutcome>((resolve, reject) => {
      const onAbort = () => {
        stopped = true;
        resolve({ results, aborted: true });
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.onWorkerError = (e) => {
        stopped = true;
        options.signal?.removeEventListener('abort', onAbort);
        reject(new Error(`simulation worker crashed: ${e.message}`));
      };
      if (stopped) return onAbort();
      drainTasks(this.remotes, tasks, results, () => stopped, options.onProgress).then(
        () => {
          options.signal?.removeEventListener('abort', onAbort);
          resolve({ results, aborted: stopped });
        },
        (e: unknown) => {
          stopped = true;
          options.signal?.removeEventListener('abort', onAbort);
          // comlink rebuilds errors as plain Error: the name and message are what crosses.
          const err = e as Error;
          reject(new Error(`simulation worker failed: ${err.message}`));
        },
      );
    });
  }

  /** Stops every worker thread. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
