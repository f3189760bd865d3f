import type { CallRecord } from './callLog';
import { LeadWorkflow, type RunObserver } from './leadWorkflow';
import type { ModelConfig } from './modelConfig';
import type { PolicyFactory } from './policies';
import { replicationSeed } from './random';
import type { RunResult } from './runResult';

export interface ReplicationOptions {
  /** Base seed of the run; replication r uses replicationSeed(seed, r). */
  seed: string | number;
  /** Keep a record per call attempt. */
  recordCalls?: boolean;
  observer?: RunObserver;
  /** Called with the share of the simulated horizon done, every `progressEveryDays` simulated days (see RunOptions). */
  onProgress?: (fraction: number) => void;
  progressEveryDays?: number;
}

/**
 * Runs replication `replication` of a model with fresh policies. The same config, policies, seed and
 * replication give the same result, bit for bit, in any process or worker.
 */
export function runReplication(config: ModelConfig, policies: PolicyFactory, replication: number, options: ReplicationOptions): RunResult & { calls?: CallRecord[] } {
  const model = new LeadWorkflow(config, policies(), {
    seed: replicationSeed(options.seed, replication),
    recordCalls: options.recordCalls,
    observer: options.observer,
    onProgress: options.onProgress,
    progressEveryDays: options.progressEveryDays,
  });
  return model.run();
}
