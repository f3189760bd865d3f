import { loadScenario } from '../scenario/load';
import { runReplication } from '../sim/runner';
import type { RunResult } from '../sim/runResult';
import type { CliIO } from './command';
import type { ScenarioSource } from './scenarioJson';

export interface SimTask {
  source: ScenarioSource;
  replication: number;
  seed: string | number;
}

export interface TasksOutcome {
  /** One result per task, in task order; undefined where a task did not finish (after Ctrl-C). */
  results: (RunResult | undefined)[];
  interrupted: boolean;
}

/** Runs simulation tasks (in this thread for now) and returns their results in task order. */
export async function runTasks(tasks: readonly SimTask[], _options: { workers: number; io: CliIO; label: string }): Promise<TasksOutcome> {
  const cache = new Map<ScenarioSource, ReturnType<typeof loadScenario>>();
  const results = tasks.map((t) => {
    let resolved = cache.get(t.source);
    if (!resolved) {
      resolved = loadScenario(t.source.json, (p) => t.source.files[p]);
      cache.set(t.source, resolved);
    }
    return runReplication(resolved.config, resolved.policies, t.replication, { seed: t.seed });
  });
  return { results, interrupted: false };
}
