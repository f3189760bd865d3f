import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { floor } from '../../src/ui/presets';
import { stateToHash } from '../../src/ui/workbenchState';
import { hasChromium, openSite, warnIfSkipped, type Site } from './browserHarness';

warnIfSkipped('test/ui/drawResults.e2e.test.ts');

/*
 * Issue 13: no main-thread task over 50 ms while the page draws results, for a run of 3,650 simulated days and for a
 * floor of 150 agents. Each case runs a small-but-long comparison through the page itself (light enough that its
 * workers finish in seconds) and watches the main thread with a PerformanceObserver for 'longtask' from the end of
 * the simulation ("leadlab-run-end", marked by the page) until the status says "Done": the summaries, the tables and
 * every chart. Nothing is throttled; the simulation's own tasks (in the workers) are outside the window.
 */

/** The issue's limit: a task longer than this blocks the page (the Long Tasks API reports tasks over 50 ms). */
const LIMIT_MS = 50;

/**
 * A task's duration is wall time: on a shared 2-core machine under load the page's thread can wait for the CPU in
 * the middle of a 10 ms task (seen once in three runs beside two other browser test files). Each case gets a second
 * try, so it fails when both show a long task; drawing on main's code blocks for 244-433 ms every time.
 */
const TRIES = { retry: 1, timeout: 180_000 };

interface Task {
  start: number;
  duration: number;
}

/** Two scenarios of one floor, the second with a lower pipeline limit, as a page link. */
function link(over: Record<string, unknown>, agents: number): string {
  const group = (name: string, limit: number) => ({ name, count: agents, shift: '08:00-17:00', days: 'Mon-Fri', pipelineLimit: limit, newLeadsPerDay: 7, skillSpread: 0.5 });
  const scenarios = [
    floor({ name: 'Pipelines of 150', agents: [group('Closer', 150)], ...over }),
    floor({ name: 'Pipelines of 60', agents: [group('Closer', 60)], ...over }),
  ].map((s) => JSON.stringify(s, null, 2));
  return stateToHash({ scenarios, seed: 3, replications: 2, selected: 0 });
}

describe.skipIf(!hasChromium)('drawing results keeps the main thread free, in Chromium', () => {
  let site: Site | undefined;
  let page: import('playwright-core').Page;
  let loads = 0;

  beforeAll(async () => {
    site = await openSite('dist/web-draw');
    page = site.page;
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: Task[]; doneAt?: number };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask', buffered: true });
      // When the status first says "Done": the end of the drawing.
      addEventListener('DOMContentLoaded', () => {
        const status = document.getElementById('status')!;
        new MutationObserver(() => {
          if (w.doneAt === undefined && status.textContent?.startsWith('Done')) w.doneAt = performance.now();
        }).observe(status, { childList: true, characterData: true, subtree: true });
      });
    });
  }, 120_000);

  /** Screenshots of the figures, at the page's width and at a phone's, to look at: /tmp/leadlab-shots/draw-*.png. */
  async function shoot(name: string, ids: string[]): Promise<void> {
    mkdirSync('/tmp/leadlab-shots', { recursive: true });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      // Charts are drawn again at the new width, one per task.
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 300))));
      for (const id of ids) await page.locator(`#${id}`).screenshot({ path: `/tmp/leadlab-shots/draw-${name}-${id}-${width}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  afterAll(async () => {
    await site?.close();
  });

  /**
   * Runs the comparison of `hash` and returns the main-thread tasks over 50 ms that block the drawing of its results:
   * each long task that runs past the end of the simulation ("leadlab-run-end") and starts before the status says
   * "Done", with the part of it after that mark (the task that receives the last replication from a worker and
   * marks the end may go on to draw; what it did before the mark is the simulation's).
   */
  async function drawingLongTasks(hash: string): Promise<{ tasks: Task[]; drawMs: number }> {
    // A fresh load each time (a new address, not only a new fragment), so the observer sees this run alone.
    await page.goto(`${site!.base}?case=${++loads}${hash}`);
    await page.getByRole('button', { name: 'Run comparison' }).click();
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 100_000, interval: 250 }).toMatch(/^Done/);
    await page.locator('#chart-agents svg').first().waitFor();
    // Observer callbacks are delivered after the task they report: give them a moment.
    await page.evaluate(() => new Promise((ok) => setTimeout(ok, 300)));
    return page.evaluate(() => {
      const w = window as unknown as { longTasks: Task[]; doneAt: number };
      const end = performance.getEntriesByName('leadlab-run-end').at(-1)!.startTime;
      const tasks = w.longTasks
        .filter((t) => t.start + t.duration > end && t.start < w.doneAt)
        .map((t) => ({ start: Math.max(t.start, end) - end, duration: t.start + t.duration - Math.max(t.start, end) }));
      return { tasks, drawMs: w.doneAt - end };
    });
  }

  it('draws a run of 3,650 simulated days with no task over 50 ms', TRIES, async () => {
    const { tasks, drawMs } = await drawingLongTasks(link({ days: 3650, leads: { perDay: 6 } }, 10));
    console.log(`3,650 days: drawing took ${drawMs.toFixed(0)} ms; long tasks (ms after the end of the simulation: duration) ${JSON.stringify(tasks.map((t) => `${Math.round(t.start)}: ${Math.round(t.duration)}`))}`);
    expect(tasks.filter((t) => t.duration > LIMIT_MS)).toEqual([]);
    // The caption says the days are binned.
    expect(await page.locator('#chart-pipeline figcaption').textContent()).toMatch(/^The run is 3,7\d\d days long \(more than 730\), so each point is the mean of a month/);
    await shoot('3650-days', ['chart-pipeline']);
  });

  it('draws a floor of 150 agents with no task over 50 ms', TRIES, async () => {
    const { tasks, drawMs } = await drawingLongTasks(link({ leads: { perDay: 150 } }, 150));
    console.log(`150 agents: drawing took ${drawMs.toFixed(0)} ms; long tasks (ms after the end of the simulation: duration) ${JSON.stringify(tasks.map((t) => `${Math.round(t.start)}: ${Math.round(t.duration)}`))}`);
    expect(tasks.filter((t) => t.duration > LIMIT_MS)).toEqual([]);
    // The captions say the agents are drawn as their spread and as one tick each.
    expect(await page.locator('#chart-pipeline figcaption').textContent()).toMatch(/^With 150 agents \(more than 20\) the chart shows their spread/);
    expect(await page.locator('#chart-agents figcaption').textContent()).toMatch(/^With 150 agents \(more than 20\) each agent is one tick/);
    await shoot('150-agents', ['chart-pipeline', 'chart-agents']);
  });
});
