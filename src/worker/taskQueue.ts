import { proxy, type Remote } from 'comlink';
import type { RunResult } from '../sim/runResult';
import type { ScenarioSource, SimApi } from './simApi';

/**
 * The task queue both worker pools share (Node worker threads in ./pool.ts, browser web workers in
 * src/ui/browserPool.ts). No Node API and no DOM, so either side can import it.
 */

/** One replication of one scenario. */
export interface SimTask {
  source: ScenarioSource;
  replication: number;
  seed: string | number;
}

export interface PoolOutcome {
  /** One result per task, in task order; undefined where a task did not finish before the abort. */
  results: (RunResult | undefined)[];
  aborted: boolean;
}

/**
 * Hands tasks to the remotes, each free remote taking the next task, and stores each result at its task's
 * index, so results do not depend on the number of workers. Stops handing out tasks once `isStopped()`.
 *
 * Each remote has a second task queued behind the one it runs, so that it goes on to the next run at once instead of
 * waiting for this thread to take the result and send more (on a busy machine this thread may wait for a core).
 * Near the end the second requests stop, so that no worker idles while another has two tasks queued.
 */
export function drainTasks(
  remotes: readonly Remote<SimApi>[],
  tasks: readonly SimTask[],
  results: (RunResult | undefined)[],
  isStopped: () => boolean,
  onProgress?: (done: number, total: number) => void,
  onPartial?: (done: number, partial: number, total: number) => void,
): Promise<void[]> {
  let next = 0;
  let done = 0;
  // With onPartial, each running task's share done, reported from inside its replication.
  const running = new Map<number, number>();
  const partial = () => {
    let sum = 0;
    for (const f of running.values()) sum += f;
    onPartial?.(done, sum, tasks.length);
  };
  const loop = async (remote: Remote<SimApi>, ahead: boolean) => {
    while (!isStopped() && next < tasks.length) {
      if (ahead && tasks.length - next <= remotes.length) return;
      const i = next++;
      const t = tasks[i];
      if (onPartial) running.set(i, 0);
      const result = onPartial
        ? await remote.runReplication(
            t.source,
            t.replication,
            t.seed,
            proxy((fraction: number) => {
              if (isStopped() || !running.has(i)) return;
              running.set(i, fraction);
              partial();
            }),
          )
        : await remote.runReplication(t.source, t.replication, t.seed);
      running.delete(i);
      if (isStopped()) return;
      results[i] = result;
      onProgress?.(++done, tasks.length);
      if (onPartial) partial();
    }
  };
  return Promise.all([...remotes.map((r) => loop(r, false)), ...remotes.map((r) => loop(r, true))]);
}
