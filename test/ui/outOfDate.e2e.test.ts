import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateToHash } from '../../src/ui/workbenchState';
import { hasChromium, openSite, warnIfSkipped, type Site } from './browserHarness';

warnIfSkipped('test/ui/outOfDate.e2e.test.ts');

/*
 * Results computed from other inputs than the page holds now are marked "Out of date", as the comparison's are: found by
 * users, the diagnosis and the sensitivity results stayed unmarked after "Use the best (...)" or an edit changed the
 * baseline scenario.
 */
describe.skipIf(!hasChromium)('the "Out of date" marker of the diagnosis and the sensitivity results', () => {
  let site: Site | undefined;
  let page: import('playwright-core').Page;
  const errors: string[] = [];
  const floor = { name: 'Tiny floor', days: 14, warmupDays: 4, cooldownDays: 20, leads: { perDay: 10 }, agents: [{ name: 'A', count: 2 }] };

  beforeAll(async () => {
    site = await openSite('dist/web-out-of-date');
    page = site.page;
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site.base + stateToHash({ scenarios: [JSON.stringify(floor, null, 2)], seed: 3, replications: 2, selected: 0 }));
  }, 120_000);

  afterAll(async () => {
    await site?.close();
  });

  /** The note's text ('' when hidden) and whether the results are dimmed. */
  const marker = async (note: string, results: string) => ({
    note: (await page.locator(note).isVisible()) ? await page.locator(note).textContent() : '',
    dimmed: await page.locator(results).evaluate((e) => e.classList.contains('out-of-date')),
  });

  it('marks the diagnosis once the baseline changes, and unmarks it when the baseline is as it was', async () => {
    await page.getByRole('button', { name: 'Diagnose the baseline' }).click();
    await expect.poll(() => page.locator('#diagnosis-status').textContent(), { timeout: 90_000 }).toMatch(/^Done/);
    expect(await marker('#diagnosis-stale', '#diagnosis-output')).toEqual({ note: '', dimmed: false });
    await page.locator('#scenario-json').fill(JSON.stringify({ ...floor, leads: { perDay: 12 } }, null, 2));
    const stale = await marker('#diagnosis-stale', '#diagnosis-output');
    expect(stale.dimmed).toBe(true);
    expect(stale.note).toMatch(/^Out of date: the baseline scenario, seed or replications changed after this diagnosis\. Press "Diagnose the baseline"/);
    // The same words as the comparison's note begin with, and the same look.
    expect(await page.locator('#diagnosis-stale').getAttribute('class')).toBe(await page.locator('#stale-note').getAttribute('class'));
    // Laid out differently, the same scenario is not a change.
    await page.locator('#scenario-json').fill(JSON.stringify(floor));
    expect(await marker('#diagnosis-stale', '#diagnosis-output')).toEqual({ note: '', dimmed: false });
    await page.getByLabel('Seed').fill('4');
    expect((await marker('#diagnosis-stale', '#diagnosis-output')).dimmed).toBe(true);
    await page.getByLabel('Seed').fill('3');
    expect(errors).toEqual([]);
  }, 120_000);

  it('marks the sensitivity results, and the diagnosis of the same scenario, after "Use the best (...)" writes into it', async () => {
    await page.getByLabel('Setting to vary').selectOption({ label: 'Pipeline limit (open leads per agent, first agent group)' });
    await page.getByLabel('Values').first().fill('1-11:10');
    await page.getByRole('button', { name: 'Run sensitivity' }).click();
    await expect.poll(() => page.locator('#sens-status').textContent(), { timeout: 90_000 }).toMatch(/^Done/);
    expect(await marker('#sens-stale', '#sens-results')).toEqual({ note: '', dimmed: false });
    expect((await marker('#diagnosis-stale', '#diagnosis-output')).dimmed).toBe(false);
    await page.getByRole('button', { name: /^Use the best/ }).click();
    const sens = await marker('#sens-stale', '#sens-results');
    expect(sens.dimmed).toBe(true);
    expect(sens.note).toMatch(/^Out of date: the selected scenario, seed or replications changed after this sensitivity run\. Press "Run sensitivity"/);
    expect((await marker('#diagnosis-stale', '#diagnosis-output')).dimmed).toBe(true);
    await page.locator('#sens-results').screenshot({ path: '/tmp/sens-out-of-date.png' });
    expect(errors).toEqual([]);
  }, 120_000);
});
