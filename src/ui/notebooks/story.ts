/**
 * What a notebook runs, as plain data shared by its page and by the test that checks it against the command line:
 * the scenarios, the seed and the replications, and the one function that turns finished replications into
 * summaries. No DOM and no workers here, so Node can import it.
 */
import { summarize, type ScenarioSummary } from '../../sim/summary';
import type { RunResult } from '../../sim/runResult';
import type { SimTask } from '../../worker/taskQueue';
import type { WorkbenchState } from '../workbenchState';
import { floor as presetFloor } from '../presets';

export interface Story {
  /** Scenario JSONs as `leadlab` reads them; each has a name. */
  scenarios: Record<string, unknown>[];
  seed: number;
  replications: number;
}

/**
 * The notebooks' floor: the workbench presets' default floor (10 closers, 40 leads a day, radar cadence) over a
 * shorter run, so a few replications of several scenarios finish in seconds in a browser: 60 days with a 14-day
 * warm-up and 30 days of follow-up (most loans fund within a month of application, docs/tradeoffs.md, "Process
 * time and the month").
 */
export function notebookFloor(over: Record<string, unknown>): Record<string, unknown> {
  return presetFloor({ name: over.name, days: NOTEBOOK_DAYS, warmupDays: NOTEBOOK_WARMUP_DAYS, cooldownDays: 30, ...over });
}

const NOTEBOOK_DAYS = 60;
const NOTEBOOK_WARMUP_DAYS = 14;

/**
 * What the notebooks' funded loans are counted over, for their captions: "the 46 measured days (after a 14-day
 * warm-up)". A count of funded loans is of the measured window, not a month as the workbench says them; without
 * its days a reader could not weigh 36 loans here against the workbench's 24 a month for the same floor.
 */
export const MEASURED_DAYS = `the ${NOTEBOOK_DAYS - NOTEBOOK_WARMUP_DAYS} measured days (after a ${NOTEBOOK_WARMUP_DAYS}-day warm-up)`;

/** The story's runs, replication-major (replication r of every scenario, then r + 1), as the workbench orders them. */
export function storyTasks(story: Story, scenarios: readonly Record<string, unknown>[] = story.scenarios): SimTask[] {
  const tasks: SimTask[] = [];
  for (let r = 0; r < story.replications; r++) for (const json of scenarios) tasks.push({ source: { json, files: {} }, replication: r, seed: story.seed });
  return tasks;
}

/** Summaries of the finished runs of {@link storyTasks}, one per scenario, by the summary code the CLI uses. */
export function storySummaries(story: Story, results: readonly (RunResult | undefined)[], scenarios: readonly Record<string, unknown>[] = story.scenarios): ScenarioSummary[] {
  return scenarios.map((json, s) =>
    summarize(
      String(json.name),
      story.seed,
      Array.from({ length: story.replications }, (_, r) => {
        const run = results[r * scenarios.length + s];
        if (!run) throw new Error(`"${String(json.name)}": replication ${r} did not finish`);
        return run;
      }),
    ),
  );
}

/** The workbench state that loads the story's scenarios, seed and replications (the page's share-link format). */
export function storyState(story: Story, scenarios: readonly Record<string, unknown>[] = story.scenarios): WorkbenchState {
  return { scenarios: scenarios.map((s) => JSON.stringify(s, null, 2)), seed: story.seed, replications: story.replications, selected: 0 };
}
