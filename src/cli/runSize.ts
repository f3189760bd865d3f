import type { ResolvedScenario } from '../scenario/resolve';
import { describeEstimate, estimateRun, runSizeProblems } from '../sim/runEstimate';
import { BadInputError } from './args';

/** The `--force` flag of the commands that simulate. */
export const FORCE_FLAG = { type: 'boolean' as const, describe: 'run even when the estimated events or memory are above the limits' };

/**
 * Refuses, before anything runs, a scenario whose estimated size is above the limits (see src/sim/runEstimate.ts),
 * with the estimate and how to go on; `--force` runs it anyway.
 */
export function checkRunSize(resolved: ResolvedScenario, where: string, force: boolean, options: { recordCalls?: boolean } = {}): void {
  const s = resolved.callbackSchedule.statuses;
  const estimate = estimateRun(resolved.config, { attempted: s.attempted.maxAttempts, contacted: s.contacted.maxAttempts, application: s.application.maxAttempts, closing: s.closing.maxAttempts }, options);
  const problems = runSizeProblems(estimate);
  if (problems.length === 0 || force) return;
  throw new BadInputError(`${where}: estimated ${describeEstimate(estimate)}; ${problems.join(', ')}. Reduce the leads, agents or days, or give --force to run it anyway`);
}
