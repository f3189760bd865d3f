// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/compare/compareScenarios';
import type { ScenarioSummary } from '../../src/sim/summary';
import { compareScenarios } from '../../src/compare';
import { loadScenario } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runScenario';
import { PRESET_COMPARISONS } from '../../src/ui/presets';
import { OWNER_METRICS, renderSummaryTable, scoresLeads } from '../../src/ui/renderResults';

describe('the results table with lead scoring', () => {
  let summaries: ScenarioSummary[];
  let comparison: Comparison;
  const table = document.createElement('table');
  // The runs happen before the tests, not while the suite is collected, so `-t` on another test skips them.
  beforeAll(() => {
    const preset = PRESET_COMPARISONS.find((c) => c.id === 'scoring-vs-all-to-sales')!;
    const short = preset.scenarios.map((s) => ({ ...s, days: 40 }));
    summaries = short.map((s) => runScenario(loadScenario(s), { seed: 3, replications: 3 }).summary);
    comparison = compareScenarios(summaries);
    renderSummaryTable(table, comparison, 40 - 14, ['funded', ...OWNER_METRICS]);
  });
  const cell = (scenario: number, metric: string) => table.querySelector(`td[data-scenario="${scenario}"][data-metric="${metric}"]`)!;
  const number = (scenario: number, metric: string) => Number(cell(scenario, metric).querySelector('strong')!.textContent!.replace(/[%$,]/g, ''));

  it('shows the owner metrics in plain words when a scenario scores its leads', () => {
    expect(scoresLeads(comparison)).toBe(true);
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headers).toEqual(expect.arrayContaining(['Sent to the marketing drip', 'Handed back to sales by marketing', 'Opted out of the drip', 'Funded loans a month, straight to sales', 'Funded loans a month, via marketing']));
  });

  it('says "no scoring" for the scenario without it, and gives the scored one a mean and an interval', () => {
    expect(cell(0, 'routedToMarketingShare').textContent).toBe('no scoring');
    expect(cell(1, 'routedToMarketingShare').querySelector('.ci')!.textContent).toMatch(/^\d+\.\d% to \d+\.\d%$/);
    // The default score passes about 85% of ready leads and 26% of immature ones (schema.ts): with 60% of leads
    // ready, 0.6 x 0.15 + 0.4 x 0.74 = 39% go to marketing; five points either side for a short run.
    expect(Math.abs(number(1, 'routedToMarketingShare') - 39)).toBeLessThan(5);
  });

  it('splits the funded loans a month between the two owners', () => {
    // Every funded lead either went straight to sales or through the drip first.
    expect(number(1, 'fundedViaSales') + number(1, 'fundedViaMarketing')).toBeCloseTo(number(1, 'funded'), 0);
  });

  it('has no owner table when no scenario scores its leads', () => {
    expect(scoresLeads(compareScenarios([summaries[0], summaries[0]]))).toBe(false);
  });
});
