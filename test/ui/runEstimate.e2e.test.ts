import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openSite, warnIfSkipped, type Site } from './browserHarness';

warnIfSkipped('test/ui/runEstimate.e2e.test.ts');

/** A floor of one agent group; `over` changes the size. */
const floor = (over: Record<string, unknown>, count: number) =>
  JSON.stringify({
    name: 'Big floor',
    days: 90,
    warmupDays: 30,
    cooldownDays: 60,
    leads: { perDay: 40 },
    agents: [{ name: 'Closer', count, shift: '08:00-17:00', days: 'Mon-Fri', pipelineLimit: 150, newLeadsPerDay: 7, skillSpread: 0.5 }],
    callbacks: 'radar',
    distribution: { strategy: 'round-robin', options: {} },
    ...over,
  });

describe.skipIf(!hasChromium)('the estimate before a run, and progress within a replication, in Chromium', () => {
  let site: Site | undefined;
  let page: import('playwright-core').Page;

  beforeAll(async () => {
    site = await openSite('dist/web-run-estimate');
    page = site.page;
    await page.goto(site.base);
  }, 120_000);

  afterAll(async () => {
    await site?.close();
  });

  async function setBaseline(json: string): Promise<void> {
    await page.locator('#scenario-tabs button').first().click();
    await page.locator('#scenario-json').fill(json);
    await page.getByLabel('Replications per scenario').fill('2');
  }

  it('shows the estimate of 1,000 agents and 4,000 leads a day and asks before running it', async () => {
    await setBaseline(floor({ leads: { perDay: 4000 } }, 1000));
    await page.getByRole('button', { name: 'Run comparison' }).click();
    const box = page.locator('#run-estimate');
    await page.getByRole('button', { name: 'Start the long run' }).waitFor({ timeout: 10_000 });
    const text = await box.textContent();
    expect(text).toMatch(/Estimate: about (\d+ min )?\d+ s for 2 replications of 2 scenarios/);
    expect(text).toContain('Big floor: 360,000 leads, 1,000 agents, 150 days: about');
    expect(text).toMatch(/This run may take about .*\. Start it\?/);
    // Nothing runs while the question is open.
    expect(await page.locator('#progress').evaluate((p) => (p as HTMLProgressElement).value)).toBe(0);
    expect(await page.getByRole('button', { name: 'Run comparison' }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: "Don't run" }).click();
    await expect.poll(() => page.locator('#status').textContent()).toContain('Not run');
    expect(await page.getByRole('button', { name: 'Start the long run' }).count()).toBe(0);
  }, 60_000);

  it('refuses a run above the limits in the CLI\'s words and offers "Run anyway"', async () => {
    await setBaseline(floor({ days: 3650, cooldownDays: 60, leads: { perDay: 4000 } }, 1000));
    await page.getByRole('button', { name: 'Run comparison' }).click();
    await page.getByRole('button', { name: 'Run anyway' }).waitFor({ timeout: 10_000 });
    const text = await page.locator('#run-estimate').textContent();
    expect(text).toMatch(/"Big floor": estimated 14\.6 million leads, 1,000 agents, 3,710 days: about .* per replication; .* of memory is above the limit of 4\.00 GiB\. Reduce the leads, agents or days, or press "Run anyway" to run it anyway\./);
    await page.getByRole('button', { name: "Don't run" }).click();
    await expect.poll(() => page.locator('#status').textContent()).toContain('Not run');
  }, 60_000);
});
