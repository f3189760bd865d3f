import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateToHash } from '../../src/ui/workbenchState';
import { Gen, mulberry32, scenario } from '../helpers/randomScenario';
import { expectTableAsInNode, hasChromium, openSite, warnIfSkipped, type Site } from './browserHarness';

warnIfSkipped('test/ui/randomScenarios.e2e.test.ts');

/*
 * Random valid scenarios (test/helpers/randomScenario.ts), brought to the workbench in a page link the way a user
 * brings a comparison, run there, and read back from the rendered page: no "NaN", "undefined", "Infinity" or
 * "[object Object]" in the answer, the tables, the call tables or the charts' text; no console error and no page
 * error; every chart drawn for the run has marks or says it has nothing to draw; and the table's numbers are the
 * ones runScenario gives in Node for the same scenario and seed. Degenerate floors are among them: one agent and
 * a lead every five days for one day, a floor where nothing funds, an agent on duty around the clock.
 */

const SEED = 5;
/** A link keeps at least two replications (parseState), so each scenario runs two. */
const REPLICATIONS = 2;
/** At most about this many leads a scenario, so that every comparison runs in a second or two. */
const MAX_LEADS = 400;

type Json = Record<string, unknown>;

/** A random scenario the page can run on its own (no files), cut to a few hundred leads. */
function small(g: Gen, index: number): Json {
  for (;;) {
    const d = scenario(g, index);
    if (Object.keys(d.files).length > 0) continue;
    const s = d.scenario;
    const perDay = (s.leads as { perDay: number }).perDay;
    s.days = Math.max(1, Math.min(s.days as number, Math.floor(MAX_LEADS / perDay)));
    if (typeof s.warmupDays === 'number') s.warmupDays = Math.min(s.warmupDays, (s.days as number) - 1);
    return s;
  }
}

/** The degenerate floors, each checked on every draw. */
const DEGENERATE: Json[] = [
  { name: 'One agent, a lead every five days, one day', days: 1, warmupDays: 0, leads: { perDay: 0.2 }, agents: [{ name: 'Solo', count: 1, shift: '09:00-17:00', days: 'Mon-Fri' }] },
  {
    name: 'Nothing funds',
    days: 10,
    warmupDays: 2,
    leads: { perDay: 20 },
    agents: [{ name: 'Floor', count: 3, shift: '08:00-17:00', days: 'Mon-Fri' }],
    funnel: { applicationPerConversation: 0, fundedPerConversation: 0 },
  },
  { name: 'One agent around the clock', days: 7, warmupDays: 1, leads: { perDay: 30 }, agents: [{ name: 'Always', count: 1, shift: '00:00-24:00', days: 'Mon-Sun' }] },
];

/**
 * The comparisons to run: the degenerate floors alone and beside random ones, and the minimal cases of bugs this
 * test found, 14 distinct scenarios in all.
 */
function comparisons(): Json[][] {
  const g = new Gen(mulberry32(20261126));
  const r = (i: number) => small(g, i);
  return [
    [DEGENERATE[0]],
    [DEGENERATE[0], r(1)],
    [DEGENERATE[1], DEGENERATE[2]],
    [r(2), r(3)],
    [r(4), r(5), r(6)],
    [r(7), r(8)],
    [r(9), r(10)],
    // Found here: a baseline that measured no leads (its rates have no value) read "-NaN percentage points contact
    // rate" in words and in the difference charts.
    [{ name: 'No leads', days: 1, warmupDays: 0, leads: { perDay: 0.2 } }, { name: 'Default floor', days: 5 }],
  ];
}

/** Text nothing on the page should say. */
const BAD_TEXT = /NaN|undefined|Infinity|\[object Object\]/;

describe.skipIf(!hasChromium)('random scenarios in the workbench, in Chromium', () => {
  let site: Site | undefined;
  let page: import('playwright-core').Page;
  const errors: string[] = [];
  let loads = 0;

  beforeAll(async () => {
    site = await openSite('dist/web-random');
    page = site.page;
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console error: ${m.text()}`);
    });
  }, 120_000);

  afterAll(async () => {
    await site?.close();
  });

  for (const [k, scenarios] of comparisons().entries()) {
    it(`runs comparison ${k + 1} (${scenarios.map((s) => s.name).join(', ')}) and shows sound numbers, the same as Node's`, async () => {
      errors.length = 0;
      const hash = stateToHash({ scenarios: scenarios.map((s) => JSON.stringify(s, null, 2)), seed: SEED, replications: REPLICATIONS, selected: 0 });
      await page.goto(`${site!.base}?case=${++loads}${hash}`);
      await page.getByRole('button', { name: 'Run comparison' }).click();
      await expect.poll(() => page.locator('#status').textContent(), { timeout: 30_000, interval: 100 }).toMatch(/^Done/);
      // The call tables come after "Done", scenario by scenario.
      await expect.poll(() => page.locator('#call-tables').textContent(), { timeout: 20_000, interval: 100 }).not.toMatch(/^Counting the calls/);
      const context = JSON.stringify(scenarios);

      // Every word and label the results show, the charts' text and accessible names included.
      const shown = await page.evaluate(() => {
        const parts = ['answer-results', 'results'].map((id) => document.getElementById(id)!);
        const texts: string[] = [];
        for (const part of parts) {
          texts.push(part.textContent ?? '');
          for (const e of part.querySelectorAll('[aria-label], [aria-description], title')) texts.push(e.getAttribute('aria-label') ?? '', e.getAttribute('aria-description') ?? '', e.tagName === 'title' ? (e.textContent ?? '') : '');
        }
        return texts.join('\n');
      });
      const bad = shown.split('\n').filter((line) => BAD_TEXT.test(line));
      expect(bad, context).toEqual([]);

      // Every chart drawn for the run has marks, or says in words that it has nothing to draw.
      const charts = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('#answer-results figure, #results figure')]
          .filter((f) => !f.closest('[hidden]'))
          .map((f) => {
            const svg = f.querySelector('svg');
            const marks = svg
              ? [...svg.querySelectorAll('g[aria-label]')]
                  .filter((m) => !/axis|grid|rule|text/.test(m.getAttribute('aria-label')!))
                  .reduce((n, m) => n + m.querySelectorAll('rect, circle, path, line').length, 0)
              : 0;
            return { id: f.id, marks, says: /no data|nothing to (draw|chart|show)/i.test(f.textContent ?? '') };
          }),
      );
      expect(charts.length, context).toBeGreaterThanOrEqual(7);
      expect(charts.filter((c) => c.marks === 0 && !c.says).map((c) => c.id), `charts with no marks that say nothing: ${context}`).toEqual([]);

      // The table shows what runScenario gives in Node for the same scenario and seed.
      await expectTableAsInNode(page, scenarios, SEED, REPLICATIONS);
      expect(errors, context).toEqual([]);
    }, 60_000);
  }
});
