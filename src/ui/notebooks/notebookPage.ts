/**
 * What every notebook page does: run its story on a pool of web workers (the workbench's BrowserPool), draw its
 * figures with Plot one per frame (so the main thread never holds a long task), and link to the workbench with
 * the story's scenarios loaded.
 */
import * as Plot from '@observablehq/plot';
import type { ScenarioSummary } from '../../sim/summary';
import { BrowserPool } from '../browserPool';
import { chartWidth, drawToWidth } from '../chartFit';
import { stateToHash } from '../workbenchState';
import { storySummaries, storyState, storyTasks, type Story } from './story';

const byId = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`notebook: no element #${id}`);
  return el as T;
};

const nextFrame = () => new Promise<void>((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));

/** Runs the story's scenarios (all, or those given) in web workers, showing progress in #status. */
export async function runStory(story: Story, scenarios: readonly Record<string, unknown>[] = story.scenarios): Promise<ScenarioSummary[]> {
  const status = byId('status');
  const pool = new BrowserPool(Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1)));
  const tasks = storyTasks(story, scenarios);
  status.textContent = `Simulating: 0 of ${tasks.length} runs on ${pool.size} worker${pool.size === 1 ? '' : 's'}...`;
  try {
    const outcome = await pool.run(tasks, { onProgress: (done, total) => void (status.textContent = `Simulating: ${done} of ${total} runs...`) });
    status.textContent = `Done: ${story.replications} replications of each scenario, seed ${story.seed}.`;
    return storySummaries(story, outcome.results, scenarios);
  } finally {
    pool.terminate();
  }
}

/** The widest a notebook's chart is drawn (the page's column). */
const CHART_WIDTH = 760;

/**
 * Draws a figure into `<figure id=…>` with its one-sentence caption, on the next frame, at the figure's width (a
 * phone's too, so its text stays readable) and again when that width changes, as the workbench draws its charts.
 */
export async function drawFigure(id: string, spec: (width: number) => Plot.PlotOptions, sentence: string): Promise<void> {
  await nextFrame();
  const figure = byId(id);
  drawToWidth(figure, (width) => {
    // What the chart leaves out (the days of a long run binned, the spread of a large floor) goes into the sentence.
    const { caption: note, ...chart } = spec(width);
    const caption = document.createElement('figcaption');
    caption.textContent = typeof note === 'string' ? `${sentence} ${note}` : sentence;
    figure.replaceChildren(Plot.plot(chart), caption);
  }, CHART_WIDTH, chartWidth(figure, CHART_WIDTH));
}

/** Writes a result sentence into an element. */
export function say(id: string, text: string): void {
  byId(id).textContent = text;
}

/** Points every "Open this in the workbench" link (class `open-workbench`, or #open-workbench) at the story. */
export function linkWorkbench(story: Story, id = 'open-workbench', scenarios?: readonly Record<string, unknown>[]): void {
  byId<HTMLAnchorElement>(id).href = `../index.html${stateToHash(storyState(story, scenarios))}`;
}

/** Runs a notebook's main function, writing a failure into #status instead of leaving the page blank. */
export function start(main: () => Promise<void>): void {
  performance.mark('notebook-start');
  main().then(
    () => performance.mark('notebook-done'),
    (e: unknown) => {
      byId('status').textContent = `The simulation failed: ${(e as Error).message}`;
      console.error(e);
    },
  );
}
