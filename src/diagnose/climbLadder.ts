import type { RunResult } from '../sim/runResult';
import { floorReach, floorResult, judgeStep, stepInPlace, type Diagnosis, type DiagnosisStep } from './diagnosis';
import { LADDER, type FloorFacts } from './ladder';

type Json = Record<string, unknown>;

/**
 * Runs every replication of a floor (replication r on the same seed for every floor: common random numbers), or
 * returns undefined when the user stopped it. The command line runs them on worker threads, the page in web workers.
 */
export type RunFloor = (scenario: Json, label: string, step: number) => Promise<RunResult[] | undefined>;

/**
 * Climbs the ladder from the current floor: each rung is run against the best floor so far and kept only when it
 * wins (docs/diagnosis.md). Stopped part way, it returns the steps that finished; undefined when the current floor
 * itself did not finish.
 */
export async function climbLadder(
  floor: Json,
  runFloor: RunFloor,
  info: { scenario: string; seed: string | number; replications: number; measuredDays: number; monthScale: number; facts?: FloorFacts },
): Promise<Diagnosis | undefined> {
  const k = info.monthScale;
  const currentRuns = await runFloor(floor, 'current floor', 0);
  if (!currentRuns) return undefined;
  const steps: DiagnosisStep[] = [];
  let interrupted = false;
  let bestJson = floor, bestRuns = currentRuns;
  for (let i = 0; i < LADDER.length; i++) {
    const rung = LADDER[i];
    const next = rung.apply(bestJson, info.facts);
    if (!next) {
      steps.push(stepInPlace(rung, bestRuns, k));
      continue;
    }
    const runs = await runFloor(next, rung.label, i + 1);
    if (!runs) {
      interrupted = true;
      break;
    }
    const step = judgeStep(rung, bestRuns, runs, k, rung.describe(bestJson, next, floorReach(bestRuns)));
    steps.push(step);
    if (step.adopted) {
      bestJson = next;
      bestRuns = runs;
    }
  }
  return {
    scenario: info.scenario,
    seed: info.seed,
    replications: info.replications,
    measuredDays: info.measuredDays,
    current: floorResult(currentRuns, k),
    steps,
    best: { ...floorResult(bestRuns, k), scenario: bestJson === floor ? floor : namedBest(bestJson, info.scenario, steps) },
    interrupted,
  };
}

/**
 * The best floor named for what it is: the diagnosed floor with the fixes kept (its name and description were the
 * floor's own, which a reader of the JSON, or of the page after "Use the best", took for the floor as it was).
 */
function namedBest(best: Json, name: string, steps: readonly DiagnosisStep[]): Json {
  const kept = steps.filter((s) => s.adopted);
  const was = typeof best.description === 'string' && best.description ? ` (${best.description})` : '';
  return {
    ...best,
    name: `${name}, with the kept fixes: ${kept.map((s) => s.label).join(', ')}`,
    description: `The floor "${name}" as diagnosed${was}, with the fixes leadlab diagnose kept: ${kept.map((s) => s.change).join(' ')}`,
  };
}
