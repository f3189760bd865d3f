import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openSite, warnIfSkipped, type Site } from './browserHarness';
import { lowContrastText } from './textContrast';

warnIfSkipped('test/ui/contrast.e2e.test.ts');

describe.skipIf(!hasChromium)('text contrast on the workbench page', () => {
  let site: Site | undefined;
  let page: import('playwright-core').Page;

  beforeAll(async () => {
    site = await openSite('dist/web-contrast');
    page = site.page;
    await page.goto(site.base);
  });

  afterAll(async () => {
    await site?.close();
  });

  it('keeps every visible text at 4.5:1 or more against its background, with results, a sensitivity run and a fit on screen', async () => {
    await page.getByLabel('Replications per scenario').fill('2');
    await page.getByRole('button', { name: 'Run comparison' }).click();
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 90_000 }).toMatch(/^Done/);
    await page.getByLabel('Values').first().fill('100, 150');
    await page.getByRole('button', { name: 'Run sensitivity' }).click();
    await expect.poll(() => page.locator('#sens-status').textContent(), { timeout: 90_000 }).toMatch(/^Done/);
    await page.getByRole('button', { name: 'No file at hand? Try the sample call log' }).click();
    await expect.poll(() => page.locator('#history-status').textContent(), { timeout: 90_000 }).toMatch(/^Fitted/);
    expect(await page.evaluate(lowContrastText)).toEqual([]);
  });
});
