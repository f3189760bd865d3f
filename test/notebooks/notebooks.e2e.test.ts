import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTEBOOKS } from '../../vite.config';
import { readLink } from '../../src/ui/workbenchState';
import { hasChromium, openSite, warnIfSkipped, type Site } from '../ui/browserHarness';
import { misfits } from '../ui/chartMisfits';

warnIfSkipped('test/notebooks/notebooks.e2e.test.ts');

/** Plot's data marks (axes and grids are not marks of the data): an svg with none of these drew nothing. */
const DATA_MARKS = 'g[aria-label="dot"] circle, g[aria-label="bar"] rect, g[aria-label="line"] path, g[aria-label="rule"] line, g[aria-label="area"] path';

describe.skipIf(!hasChromium)('the notebooks in Chromium', () => {
  let site: Site | undefined;

  beforeAll(async () => {
    site = await openSite('dist/web-notebooks');
  }, 120_000);

  afterAll(async () => {
    await site?.close();
  });

  it('lists every notebook on the index, and the workbench links to the index', async () => {
    const { page, base } = site!;
    await page.goto(`${base}notebooks/index.html`);
    const links = await page.locator('#notebooks a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
    expect(links).toEqual(NOTEBOOKS.filter((n) => n !== 'index').map((n) => `./${n}.html`));
    await page.goto(base);
    expect(await page.locator('a[href="./notebooks/index.html"]').count()).toBe(1);
  });

  it('draws every notebook\'s charts to a 390 px phone\'s width, not shrunk from a wider chart with its text', async () => {
    const { page, base } = site!;
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const name of NOTEBOOKS.filter((n) => n !== 'index')) {
        await page.goto(`${base}notebooks/${name}.html`);
        await page.waitForFunction(() => performance.getEntriesByName('notebook-done').length > 0, undefined, { timeout: 90_000 });
        // Two quiet frames and a task: no chart is still waiting to be drawn again at its figure's width.
        await page.evaluate(() => new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 300)))));
        expect(await page.evaluate(misfits), name).toEqual([]);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  }, 300_000);

  for (const name of NOTEBOOKS.filter((n) => n !== 'index')) {
    it(`runs ${name} in web workers and draws every figure, with no error, no empty chart and no long task on the main thread`, async () => {
      const { page, base } = site!;
      const errors: string[] = [];
      const onConsole = (m: import('playwright-core').ConsoleMessage) => void (m.type() === 'error' && errors.push(m.text()));
      const onError = (e: Error) => void errors.push(e.message);
      page.on('console', onConsole);
      page.on('pageerror', onError);
      await page.addInitScript(() => {
        const w = window as unknown as { longTasks: number[] };
        w.longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.longTasks.push(e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      /** Loads the notebook, waits for its runs and charts, checks every figure; returns the main thread's long tasks. */
      const runNotebook = async (): Promise<number[]> => {
        await page.goto(`${base}notebooks/${name}.html`);
        await page.waitForFunction(() => performance.getEntriesByName('notebook-done').length > 0 || /failed/.test(document.getElementById('status')?.textContent ?? ''), undefined, { timeout: 90_000 });
        expect(await page.locator('#status').textContent()).toMatch(/^Done/);
        const figures = await page.locator('main figure').evaluateAll((fs, marks) => fs.map((f) => ({ id: f.id, svgs: f.querySelectorAll('svg').length, marks: f.querySelectorAll(marks).length, caption: f.querySelector('figcaption')?.textContent ?? '', axis: f.querySelector('[aria-label="x-axis label"]')?.textContent ?? '' })), DATA_MARKS);
        expect(figures.length).toBeGreaterThan(0);
        for (const f of figures) {
          // A count of funded loans says what it is counted over (a month in the workbench, 46 days here): found in
          // review, callback periods' "36.0" funded loans beside the workbench's 23.8 a month for the same floor.
          if (/^Funded[: ]/.test(f.axis)) expect(f.caption, `#${f.id} says its days`).toContain('the 46 measured days (after a 14-day warm-up)');
          expect(f.svgs, `#${f.id} has a chart`).toBeGreaterThan(0);
          expect(f.marks, `#${f.id} has marks`).toBeGreaterThan(0);
          expect(f.caption, `#${f.id} has its sentence`).toMatch(/\w.*\.$/);
        }
        expect(await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('longtask'))).toBe(true);
        const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
        return longTasks.filter((d) => d > 50);
      };
      try {
        // On this shared 2-core machine a busy neighbour can stretch one task past 50 ms; a page whose own work is
        // long shows it on every load. So a second load decides, and both must show long tasks to fail.
        let longTasks = await runNotebook();
        if (longTasks.length > 0) longTasks = await runNotebook();
        expect(longTasks).toEqual([]);
        expect(errors).toEqual([]);
        // Every "Open this in the workbench" link loads its scenarios there.
        const links = await page.locator('a.open-workbench').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
        expect(links.length).toBeGreaterThan(0);
        for (const href of links) {
          const link = readLink(new URL(href).hash);
          expect(link.kind).toBe('ok');
          await page.goto(href);
          await page.waitForSelector('#scenario-tabs button');
          const names = link.kind === 'ok' ? link.state.scenarios.map((s) => (JSON.parse(s) as { name: string }).name) : [];
          expect(await page.locator('#scenario-tabs button').count()).toBe(names.length);
          await expect.poll(() => page.locator('#scenario-tabs').textContent()).toContain(names[0]);
        }
        expect(errors).toEqual([]);
      } finally {
        page.off('console', onConsole);
        page.off('pageerror', onError);
      }
    }, 120_000);
  }
});
