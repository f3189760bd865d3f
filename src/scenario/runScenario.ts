import type { CallRecord } from '../sim/callLog';
import type { RunObserver } from '../sim/leadWorkflow';
import { runReplication } from '../sim/runner';
import type { RunResult } from '../sim/runResult';
import { summarize, type ScenarioSummary } from '../sim/summary';
import type { ResolvedScenario } from './resolve';

export interface RunScenarioOptions {
  seed?: string | number;
  replications?: number;
  recordCalls?: boolean;
  observer?: RunObserver;
  /** Called after each replication with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** Runs replications of a resolved scenario in this thread and summarizes them. */
export function runScenario(resolved: ResolvedScenario, options: RunScenarioOptions = {}): { summary: ScenarioSummary; runs: (RunResult & { calls?: CallRecord[] })[] } {
  const seed = options.seed ?? resolved.scenario.seed;
  const replications = options.replications ?? resolved.scenario.replications;
  const runs: (RunResult & { calls?: CallRecord[] })[] = [];
  for (let r = 0; r < replications; r++) {
    runs.push(runReplication(resolved.config, resolved.policies, r, { seed, recordCalls: options.recordCalls, observer: options.observer }));
    options.onProgress?.(r + 1, replications);
  }
  return { summary: summarize(resolved.scenario.name, seed, runs), runs };
}
