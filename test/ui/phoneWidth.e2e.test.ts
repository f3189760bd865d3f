import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESET_COMPARISONS } from '../../src/ui/presets';
import { stateToHash } from '../../src/ui/workbenchState';
import { hasChromium, openSite, warnIfSkipped, type Site } from './browserHarness';
import { misfits } from './chartMisfits';

warnIfSkipped('test/ui/phoneWidth.e2e.test.ts');

/*
 * Issue 13: at phone width (390 px) every chart fits the screen, with no sideways scroll and no clipped title. The
 * page is filled with every kind of chart it draws (the answer's differences, the results' charts, sensitivity as a
 * line and as a heatmap, a History fit and the diagnosis) and checked at 390 px, at 1400 px, and at 390 px again
 * after the resize (charts are drawn at their figure's width and drawn again when it changes). Screenshots of each
 * section at both widths go to /tmp/leadlab-shots/<width>-<section>-<part>.png.
 */

const SECTIONS = ['answer', 'results', 'diagnosis', 'sensitivity', 'history'] as const;
const SHOTS = '/tmp/leadlab-shots';

/** The preset comparison with the longest scenario names, shortened to a few simulated days. */
function hash(): string {
  const preset = [...PRESET_COMPARISONS].sort((a, b) => Math.max(...b.scenarios.map((s) => String(s.name).length)) - Math.max(...a.scenarios.map((s) => String(s.name).length)))[0];
  const scenarios = preset.scenarios.map((s) => JSON.stringify({ ...s, days: 30, warmupDays: 7, cooldownDays: 20 }, null, 2));
  return stateToHash({ scenarios, seed: 5, replications: 2, selected: 0 });
}

describe.skipIf(!hasChromium)('charts at phone width, in Chromium', () => {
  let site: Site | undefined;
  let page: import('playwright-core').Page;
  const errors: string[] = [];

  beforeAll(async () => {
    site = await openSite('dist/web-phone');
    page = site.page;
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(site.base + hash());
  }, 120_000);

  afterAll(async () => {
    await site?.close();
  });

  /** Waits until no chart is waiting to be drawn again at a new width (two quiet frames and a task). */
  async function settled(): Promise<void> {
    await page.evaluate(() => new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 300)))));
  }

  /** Screenshots of each section, in parts at most 1,200 px high (a long section is easier to look at in parts). */
  async function screenshots(width: number): Promise<void> {
    mkdirSync(SHOTS, { recursive: true });
    for (const id of SECTIONS) {
      const box = await page.locator(`#${id}`).evaluate((s) => {
        const r = s.getBoundingClientRect();
        return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height };
      });
      for (let part = 0, top = 0; top < box.height; part++, top += 1200)
        await page.screenshot({ path: `${SHOTS}/${width}-${id}-${part + 1}.png`, fullPage: true, clip: { x: box.x, y: box.y + top, width: box.width, height: Math.min(1200, box.height - top) } });
    }
  }

  it('draws every chart of the page within a 390 px screen', async () => {
    await page.getByRole('button', { name: 'Run comparison' }).click();
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 90_000 }).toMatch(/^Done/);
    await settled();
    expect(await page.evaluate(misfits)).toEqual([]);

    // Sensitivity: a line over one setting, then a heatmap over two.
    await page.getByLabel('Values').first().fill('100, 150');
    await page.getByRole('button', { name: 'Run sensitivity' }).click();
    await expect.poll(() => page.locator('#sens-status').textContent(), { timeout: 90_000 }).toMatch(/^Done/);
    await settled();
    expect(await page.evaluate(misfits)).toEqual([]);
    await page.getByLabel('Second setting (optional, for a heatmap)').selectOption({ label: 'Agents (first agent group)' });
    await page.getByLabel('Values').nth(1).fill('3, 6');
    await page.getByRole('button', { name: 'Run sensitivity' }).click();
    await expect.poll(() => page.locator('#sens-status').textContent(), { timeout: 90_000 }).toMatch(/^Done/);

    // A fit of the sample call log, and the diagnosis of the baseline.
    await page.getByRole('button', { name: 'No file at hand? Try the sample call log' }).click();
    await expect.poll(() => page.locator('#history-status').textContent(), { timeout: 90_000 }).toMatch(/^Fitted/);
    await page.getByRole('button', { name: 'Diagnose the baseline' }).click();
    await page.waitForSelector('#diagnosis-losses svg', { timeout: 90_000 });
    await settled();
    const charts = await page.locator('figure svg[class^="plot"]').count();
    expect(charts).toBeGreaterThanOrEqual(20);
    expect(await page.evaluate(misfits)).toEqual([]);
    // A table that scrolls sideways keeps its caption within the screen: found in review, the conversion tables'
    // captions ran as wide as their tables, cut off at the edge.
    const captions = await page.evaluate(() =>
      [...document.querySelectorAll('.table-wrap caption')].filter((c) => c.getClientRects().length > 0).map((c) => {
        const wrap = c.closest('.table-wrap')!.getBoundingClientRect();
        return { table: c.closest('table')!.id, beyond: Math.round(c.getBoundingClientRect().right - wrap.right) };
      }),
    );
    expect(captions.length).toBeGreaterThan(3);
    expect(captions.filter((c) => c.beyond > 0)).toEqual([]);
    await screenshots(390);
  }, 300_000);

  it('draws them again to fit a 1400 px window, and a phone again after that', async () => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await settled();
    expect(await page.evaluate(misfits)).toEqual([]);
    // Drawn at the wider figures' width (up to their largest), not left at a phone's.
    const funnel = await page.locator('#chart-funnel svg').first().evaluate((s) => (s as SVGSVGElement).width.baseVal.value);
    expect(funnel).toBeGreaterThan(700);
    await screenshots(1400);
    await page.setViewportSize({ width: 390, height: 844 });
    await settled();
    expect(await page.evaluate(misfits)).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);
});
