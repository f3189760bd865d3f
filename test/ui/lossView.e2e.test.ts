import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { climbLadder } from '../../src/diagnose/climbLadder';
import { monthScale, stepSentenceFor } from '../../src/diagnose/diagnosis';
import { LOST_REVENUE_NOTE } from '../../src/diagnose/lossWords';
import { LOSS_BUCKET_INFO, LOSS_BUCKETS } from '../../src/sim/lossAttribution';
import { loadScenario } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runScenario';
import { hasChromium, openSite, warnIfSkipped, type Site } from './browserHarness';

warnIfSkipped('test/ui/lossView.e2e.test.ts');

// A small slow floor (test/cli/diagnose.test.ts checks the ladder's verdicts); here the page must say what Node says.
const floor = { name: 'Slow page floor', days: 32, warmupDays: 11, cooldownDays: 60, leads: { perDay: 25 }, agents: [{ name: 'Closer', count: 5, shift: '08:00-18:00', days: 'Mon-Fri' }], callbacks: 'single-call' };

describe.skipIf(!hasChromium)('the "Where production is lost" view in Chromium', () => {
  let site: Site | undefined;

  beforeAll(async () => {
    site = await openSite('dist/web-loss-view');
  }, 120_000);

  afterAll(async () => {
    await site?.close();
  });

  it('climbs the ladder on the baseline in web workers and writes the sentences the same ladder gives in Node', async () => {
    const { page, base } = site!;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base);
    await page.locator('#scenario-json').fill(JSON.stringify(floor, null, 2));
    await page.getByLabel('Replications per scenario').fill('4');
    await page.getByLabel('Seed').fill('4');
    await page.getByRole('button', { name: 'Diagnose the baseline' }).click();
    await page.waitForSelector('#diagnosis-waterfall svg', { timeout: 90_000 });
    expect(await page.locator('#diagnosis-losses svg').count()).toBe(1);
    const sentences = await page.locator('#diagnosis-steps li').allTextContents();
    const resolved = loadScenario(floor);
    const days = resolved.config.days - resolved.config.warmupDays;
    const node = await climbLadder(floor, async (json) => runScenario(loadScenario(json), { seed: 4, replications: 4 }).runs, { scenario: floor.name, seed: 4, replications: 4, measuredDays: days, monthScale: monthScale(days) });
    // The same sentences, with the page's minus sign for negatives (the terminal's "-" is the JSON's `sentence`).
    expect(sentences).toEqual(node!.steps.map((s) => stepSentenceFor(s, '\u2212')));
    expect(sentences.join(' ')).not.toMatch(/(^|[\s(])-\d/);
    expect(sentences).toHaveLength(5);
    // Each bucket with its definition, in the words the command line prints, and what lost revenue is not.
    const defined = await page.locator('#diagnosis-loss-definitions dt').allTextContents();
    expect(new Set(defined)).toEqual(new Set(LOSS_BUCKETS.map((b) => LOSS_BUCKET_INFO[b].label)));
    expect(await page.locator('#diagnosis-loss-definitions dd').allTextContents()).toEqual(defined.map((label) => LOSS_BUCKET_INFO[LOSS_BUCKETS.find((b) => LOSS_BUCKET_INFO[b].label === label)!].describe));
    expect(await page.locator('#diagnosis-loss-note').textContent()).toBe(LOST_REVENUE_NOTE);
    await page.locator('#diagnosis').screenshot({ path: '/tmp/loss-view.png' });
    expect(errors).toEqual([]);
  }, 120_000);

  it('interrupts a long diagnosis and says so, leaving the page ready to run again', async () => {
    const { page } = site!;
    await page.getByLabel('Replications per scenario').fill('150');
    await page.getByRole('button', { name: 'Diagnose the baseline' }).click();
    await page.getByRole('button', { name: 'Interrupt the diagnosis' }).click();
    await expect.poll(() => page.locator('#diagnosis-status').textContent(), { timeout: 30_000 }).toMatch(/^Interrupted/);
    expect(await page.getByRole('button', { name: 'Diagnose the baseline' }).isEnabled()).toBe(true);
  }, 60_000);

  it('interrupted once the baseline has run, says how many fixes were tried and leaves the bar short of the end', async () => {
    const { page } = site!;
    await page.getByLabel('Replications per scenario').fill('40');
    // Interrupt the moment the status says the baseline is run and the first fix is being tried, from within the page:
    // polled from the test, the status could pass through "Step 1 of 5" unseen on a loaded machine (the whole ladder
    // finished, "Done: 5 steps", between two polls).
    const interrupted = page.evaluate(
      () =>
        new Promise<string[]>((done) => {
          const status = document.getElementById('diagnosis-status')!;
          const seen: string[] = [];
          const observer = new MutationObserver(() => {
            seen.push(status.textContent ?? '');
            if (!/^Step 1 of 5/.test(status.textContent ?? '')) return;
            observer.disconnect();
            document.querySelector<HTMLButtonElement>('button[aria-label="Interrupt the diagnosis"]')!.click();
            done(seen);
          });
          observer.observe(status, { childList: true, characterData: true, subtree: true });
        }),
    );
    await page.getByRole('button', { name: 'Diagnose the baseline' }).click();
    // The floor as it is runs first, and is not counted as a step of the ladder ("Step 0 of 5" it read before).
    const seen = await interrupted;
    expect(seen).toContain('The floor as it is, then the 5 steps');
    expect(seen.some((s) => /Step 0/.test(s))).toBe(false);
    await expect.poll(() => page.locator('#diagnosis-status').textContent(), { timeout: 30_000 }).toMatch(/^Interrupted/);
    const said = (await page.locator('#diagnosis-status').textContent())!;
    const steps = await page.locator('#diagnosis-steps li').count();
    // The ladder has 5 steps and was stopped before its end: the words give the steps listed, never "the 0 steps".
    expect(steps).toBeLessThan(5);
    expect(said).not.toContain(' 0 steps');
    expect(said).toBe(steps === 0 ? 'Interrupted after the baseline ran, before any fix was tried: the best found is the floor as it is.' : `Interrupted: showing the ${steps} of 5 steps that finished.`);
    expect(await page.locator('#diagnosis progress').evaluate((p) => (p as HTMLProgressElement).value)).toBeLessThan(1);
  }, 90_000);
});
