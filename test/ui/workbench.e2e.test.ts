import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESET_COMPARISONS } from '../../src/ui/presets';
import { scenarioSchema } from '../../src/scenario/schema';
import { distributionStrategies } from '../../src/strategies/distribution';
import { expectTableAsInNode, hasChromium, nodeCells, openSite, warnIfSkipped, type Site } from './browserHarness';

warnIfSkipped('test/ui/workbench.e2e.test.ts');

describe.skipIf(!hasChromium)('the workbench page in Chromium', () => {
  let site: Site | undefined;
  let base: string;
  // Types come from playwright-core, imported only when Chromium is there.
  let browser: import('playwright-core').Browser;
  let page: import('playwright-core').Page;
  const replications = 3;

  beforeAll(async () => {
    site = await openSite('dist/web');
    ({ base, browser, page } = site);
  });

  afterAll(async () => {
    await site?.close();
  });

  it('runs a preset comparison in web workers and shows the numbers runScenario gives in Node for the same seed', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: { start: number; duration: number }[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(base);
    await page.getByLabel('Start from a comparison').selectOption({ index: 0 });
    await page.getByRole('button', { name: 'Load comparison' }).click();
    await page.getByLabel('Replications per scenario').fill(String(replications));
    await page.getByLabel('Seed').fill('7');
    await page.getByRole('button', { name: 'Run comparison' }).click();
    await page.waitForSelector('#chart-pipeline svg', { timeout: 45_000 });
    // The simulation runs in workers: no main-thread task over 50 ms while it runs. The task that ends the run (it
    // summarizes and draws the charts) holds the end mark, so it does not end before it.
    const blocking = await page.evaluate(() => {
      const start = performance.getEntriesByName('leadlab-run-start').at(-1)!.startTime;
      const end = performance.getEntriesByName('leadlab-run-end').at(-1)!.startTime;
      return (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks.filter((t) => t.start >= start && t.start + t.duration <= end);
    });
    expect(blocking).toEqual([]);
    const preset = PRESET_COMPARISONS[0];
    await expectTableAsInNode(page, preset.scenarios, 7, replications);
    const words = await page.locator('#differences').textContent();
    expect(words).toMatch(/[+\u2212]?[\d.]+ funded loans a month, 95% interval [+\u2212]?[\d.]+ to [+\u2212]?[\d.]+/);
    for (const id of ['chart-contact', 'chart-funded', 'chart-funnel', 'chart-first-attempt', 'chart-first-contact', 'chart-agents']) expect(await page.locator(`#${id} svg`).count()).toBeGreaterThan(0);
    // On a 1280 px desktop every column of the results table is in view, none behind a sideways scroll.
    const table = await page.locator('#summary-table').evaluate((t) => ({ table: t.scrollWidth, box: t.parentElement!.clientWidth }));
    expect(table.table).toBeLessThanOrEqual(table.box);
    await page.screenshot({ path: '/tmp/workbench.png', fullPage: true });
    expect(errors).toEqual([]);
  });

  it('downloads the results as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download results (CSV)' }).click()]);
    const path = await download.path();
    const csv = readFileSync(path, 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^scenario,baseline,metric,/);
    expect(csv).toContain('One-call firm: a single call per lead,no,funded,');
  });

  it('saves a chart as SVG and as PNG', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#chart-funnel').getByRole('button', { name: /as SVG/ }).click()]);
    expect(readFileSync(await download.path(), 'utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#chart-funnel').getByRole('button', { name: /as PNG/ }).click()]);
    expect(readFileSync(await png.path()).subarray(1, 4).toString()).toBe('PNG');
  });

  it('cancels a long run and says so', async () => {
    await page.getByLabel('Replications per scenario').fill('60');
    await page.getByRole('button', { name: 'Run comparison' }).click();
    // A run this long may first ask whether to start it (src/ui/runEstimateView.ts, CONFIRM_SECONDS): it is started.
    const start = page.getByRole('button', { name: 'Start the long run' });
    const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
    await expect.poll(async () => (await start.count()) > 0 || (await cancel.isEnabled())).toBe(true);
    if ((await start.count()) > 0) await start.click();
    await cancel.click();
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/Cancelled/);
    expect(await page.getByRole('button', { name: 'Run comparison' }).isEnabled()).toBe(true);
    await page.getByLabel('Replications per scenario').fill(String(replications));
  });

  it('validates as you type, naming the path of the bad field', async () => {
    await page.getByLabel('Pipeline limit (open leads)').first().fill('0');
    await expect.poll(() => page.locator('#issues').textContent()).toContain('agents[0].pipelineLimit');
    await page.getByLabel('Pipeline limit (open leads)').first().fill('120');
    await expect.poll(() => page.locator('#issues').textContent()).toContain('The scenario is valid.');
  });

  it('names a number field holding text that is no number, instead of running the default in its place', async () => {
    const perDay = page.getByLabel('New leads per day (whole floor)');
    await perDay.fill('55');
    await expect.poll(async () => JSON.parse(await page.locator('#scenario-json').inputValue()).leads.perDay).toBe(55);
    // "5e" is half of "5e1": the browser reads it as no number at all and hides the text from the page.
    await perDay.fill('');
    await perDay.pressSequentially('5e');
    await expect.poll(() => page.locator('#issues').textContent()).toContain('leads.perDay');
    expect(await page.locator('#issues').textContent()).not.toContain('The scenario is valid.');
    expect(await perDay.getAttribute('aria-invalid')).toBe('true');
    await perDay.fill('40');
    await expect.poll(() => page.locator('#issues').textContent()).toContain('The scenario is valid.');
  });

  it('keeps the scenarios after a reload and in a link', async () => {
    const name = page.getByLabel('Scenario name');
    await name.fill('My <b>team</b> plan');
    await page.reload();
    // A packed link is unpacked before the page shows its scenarios.
    await expect.poll(() => page.getByLabel('Scenario name').inputValue()).toBe('My <b>team</b> plan');
    // The name is shown as text, never as markup.
    expect(await page.locator('#scenario-tabs b').count()).toBe(0);
    const link = page.url();
    expect(link).toMatch(/#[cz]=/);
    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(link);
    await expect.poll(() => other.getByLabel('Scenario name').inputValue()).toBe('My <b>team</b> plan');
    await fresh.close();
  });

  it('brings back the scenarios a loaded comparison replaced with the Back button', async () => {
    await page.getByLabel('Start from a comparison').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Load comparison' }).click();
    expect(await page.getByLabel('Scenario name').inputValue()).toBe(PRESET_COMPARISONS[1].scenarios[0].name);
    await page.goBack();
    await expect.poll(() => page.getByLabel('Scenario name').inputValue()).toBe('My <b>team</b> plan');
  });
  it('loads the grab-bag comparison, takes lead-mix and per-status cadence edits from the keyboard, and runs its three scenarios', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const preset = PRESET_COMPARISONS.find((c) => c.id === 'round-robin-vs-hunt-group-vs-grab-bag')!;
    await page.getByLabel('Start from a comparison').selectOption({ label: preset.title });
    await page.getByRole('button', { name: 'Load comparison' }).click();
    await page.getByRole('button', { name: /^Grab bag/ }).click();
    expect(await page.locator('#f-strategy option:checked').textContent()).toBe('Grab bag (a shared pool agents pick from on a break)');
    // Every registered strategy is offered in words, not by its file name.
    const offered = await page.locator('#f-strategy option').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    expect(offered.map(([value]) => value).sort()).toEqual(Object.keys(distributionStrategies).sort());
    for (const [value, words] of offered) expect(words, value!).not.toBe(value);
    await page.getByRole('button', { name: /^Round robin/ }).click();

    // Open the lead mix with the keyboard, tab to the first (default) source's price, and type one.
    const focusedPath = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.path);
    await page.locator('summary', { hasText: 'Lead mix' }).focus();
    await page.keyboard.press('Enter');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    expect(await focusedPath()).toBe('leads.sources[0].cost');
    expect(await page.getByLabel('Price per lead ($)').first().getAttribute('placeholder')).toBe('40');
    await page.keyboard.type('45');
    // The same for the cadence: the five of "attempted", then "contacted" (fixed-retries' two fields are off under the
    // grab-bag comparison's radar cadence, out of the way of the keyboard).
    await page.locator('summary', { hasText: 'Callback cadence per status' }).focus();
    await page.keyboard.press('Enter');
    for (let i = 0; i < 7; i++) await page.keyboard.press('Tab');
    expect(await focusedPath()).toBe('callbacks.statuses.contacted.intervalHours');
    expect(await page.getByLabel('Contacted: then every (hours, min, max)').getAttribute('placeholder')).toBe('18, 24');
    await page.keyboard.type('12, 18');
    await expect.poll(() => page.locator('#issues').textContent()).toContain('The scenario is valid.');

    // What the JSON beside the form holds, written out here: the baseline with the default sources copied in,
    // the first one at $45, and radar changed for "contacted" only.
    const defaults = (scenarioSchema.jsonSchema() as { properties: { leads: { properties: { sources: { default: Record<string, unknown>[] } } } } }).properties.leads.properties.sources.default;
    const expected = {
      ...preset.scenarios[0],
      leads: { perDay: 40, sources: [{ ...defaults[0], cost: 45 }, defaults[1]] },
      callbacks: { preset: 'radar', statuses: { contacted: { intervalHours: [12, 18] } } },
    };
    expect(defaults[0].cost).toBe(40);
    expect(JSON.parse(await page.locator('#scenario-json').inputValue())).toEqual(expected);

    await page.getByLabel('Replications per scenario').fill(String(replications));
    await page.getByLabel('Seed').fill('11');
    await page.getByRole('button', { name: 'Run comparison' }).click();
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 60_000 }).toMatch(/^Done/);
    expect(await page.locator('#summary-table tbody tr').count()).toBe(3);
    expect(await page.locator('#differences .difference').count()).toBe(2);
    expect(await page.locator('#summary-table tbody').textContent()).toContain('Grab bag: agents pick from a shared pool');
    // The edited baseline ran in the workers as it reads in the JSON: the page shows what Node gives for it.
    const edited = nodeCells(expected, 11, replications);
    for (const m of ['contactRate', 'fundedRate', 'costPerFunded'] as const) {
      const [mean] = edited(m);
      expect(await page.locator(`td[data-scenario="0"][data-metric="${m}"] strong`).textContent(), m).toBe(mean);
    }
    await page.screenshot({ path: '/tmp/workbench-form-1280.png', fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: '/tmp/workbench-form-390.png', fullPage: true });
    // Nothing on a phone is wider than the screen, except the results table, which scrolls in its own box.
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap, figure')).map((e) => e.tagName + (e.id ? `#${e.id}` : '')),
    );
    expect(wide).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(errors).toEqual([]);
  });
  it('shows who owned the leads when a scenario scores them, with the numbers Node gives', async () => {
    const preset = PRESET_COMPARISONS.find((c) => c.id === 'scoring-vs-all-to-sales')!;
    await page.getByLabel('Start from a comparison').selectOption({ label: preset.title });
    await page.getByRole('button', { name: 'Load comparison' }).click();
    await page.getByRole('button', { name: 'Run comparison' }).click();
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 60_000 }).toMatch(/^Done/);
    const owners = page.locator('#owner-table');
    expect(await owners.locator('thead').textContent()).toContain('Sent to the marketing drip');
    expect(await owners.locator('td[data-scenario="0"][data-metric="routedToMarketingShare"]').textContent()).toBe('no scoring');
    const scored = nodeCells(preset.scenarios[1], 11, replications);
    for (const m of ['routedToMarketingShare', 'optedOutShare', 'fundedViaSales', 'fundedViaMarketing'] as const) {
      const [mean, interval] = scored(m);
      expect(await owners.locator(`td[data-scenario="1"][data-metric="${m}"] strong`).textContent(), m).toBe(mean);
      expect(await owners.locator(`td[data-scenario="1"][data-metric="${m}"] .ci`).textContent(), m).toBe(interval);
    }
    await page.locator('#owner-results').screenshot({ path: '/tmp/workbench-owners.png' });
  });
});
