/**
 * The summary of a scenario's replications (`summarize`, src/sim/summary.ts) made on the page's main thread in
 * slices: averaging the daily series of a long run or a large floor (a series per agent) at once held the page for
 * tens of milliseconds, so the series are averaged a few at a time with a pause for the browser in between. The
 * result is the same object `summarize` returns (test/ui/summarizeInSlices.test.ts checks it).
 */
import type { DailySeries, RunResult } from '../sim/runResult';
import { DAILY_KEYS, meanArrays, summarize, type ScenarioSummary } from '../sim/summary';
import { nextTask } from './chartFit';

/** Time (ms) a slice of averaging may take before the page gets a turn. */
const SLICE_MS = 6;

/** `summarize(name, seed, runs)`, with the daily series averaged in slices of about `sliceMs` ms at most. */
export async function summarizeInSlices(name: string, seed: string | number, runs: RunResult[], sliceMs = SLICE_MS): Promise<ScenarioSummary> {
  const empty: DailySeries = { date: [], arrivals: [], attempts: [], contacts: [], applications: [], funded: [], pipeline: [], waiting: [], pipelineByAgent: [] };
  // Everything but the daily series at once: a few numbers per metric, agent and loss bucket.
  const summary = summarize(
    name,
    seed,
    runs.map((r) => ({ ...r, daily: empty })),
  );
  const series = [...DAILY_KEYS.map((k) => runs.map((r) => r.daily[k])), ...runs[0].daily.pipelineByAgent.map((_, a) => runs.map((r) => r.daily.pipelineByAgent[a]))];
  const means: number[][] = [];
  let sliceStart = performance.now();
  for (const arrays of series) {
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTask();
      sliceStart = performance.now();
    }
    means.push(meanArrays(arrays));
  }
  const daily = { date: runs[0].daily.date, ...Object.fromEntries(DAILY_KEYS.map((k, i) => [k, means[i]])), pipelineByAgent: means.slice(DAILY_KEYS.length) } as DailySeries;
  return { ...summary, daily };
}
