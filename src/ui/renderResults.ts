import * as Plot from '@observablehq/plot';
import { funnelSpec, intervalSpec, leadsPerAgentSpec, pipelineSpec, timeBinSpec } from '../charts';
import type { Comparison } from '../compare/compareScenarios';
import type { MetricName } from '../sim/runResult';
import { METRICS } from '../sim/runResult';
import type { ScenarioSummary } from '../sim/summary';
import { el } from './dom';
import { formatSummary, pairedDifferenceInWords, verdictInWords } from './format';

/** Metrics in the results table, in the order a sales manager reads them. */
export const TABLE_METRICS: MetricName[] = ['contactRate', 'fundedRate', 'funded', 'medianMinutesToFirstAttempt', 'spoiledShare', 'lostToCompetitorShare', 'costPerFunded', 'leadsPerAgentGini'];

/** Metrics said in plain words against the baseline. */
const DIFFERENCE_METRICS: MetricName[] = ['funded', 'contactRate', 'fundedRate'];

function byId(id: string): HTMLElement {
  return document.getElementById(id)!;
}

function chart(id: string, spec: Plot.PlotOptions): void {
  byId(id).replaceChildren(Plot.plot(spec));
}

/**
 * Shows a comparison: the paired differences in words, a table with intervals, and the charts. `windowDays` are the
 * measured days of the baseline (after warm-up), to say funded loans a month. Every name is set as text.
 */
export function renderResults(comparison: Comparison, summaries: readonly ScenarioSummary[], windowDays: number): void {
  const [base, ...others] = comparison.scenarios;
  const differences = byId('differences');
  differences.replaceChildren(
    el('p', { className: 'hint' }, `Baseline: ${base.name}. ${comparison.replications} replications per scenario, seed ${comparison.seed}. Funded loans a month count leads that arrived in a month and later funded.`),
    ...others.map((s, i) => {
      const d = s.vsBaseline!;
      const main = d.funded;
      return el(
        'div',
        { className: 'difference', dataset: { scenario: String(i + 1) } },
        el('h3', {}, `${s.name} vs the baseline`),
        el('p', { className: main.verdict === 'better' ? 'better' : main.verdict === 'worse' ? 'worse' : '' }, `${pairedDifferenceInWords('funded', main, windowDays)} (${verdictInWords(main)}).`),
        el('ul', {}, ...DIFFERENCE_METRICS.slice(1).map((m) => el('li', {}, `${pairedDifferenceInWords(m, d[m], windowDays)} (${verdictInWords(d[m])}).`))),
      );
    }),
  );

  const table = byId('summary-table') as HTMLTableElement;
  table.replaceChildren(
    el('caption', {}, 'Each scenario: mean over replications, with its 95% interval'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Scenario'), ...TABLE_METRICS.map((m) => el('th', { scope: 'col', title: METRICS[m].describe }, METRICS[m].label)))),
    el(
      'tbody',
      {},
      ...comparison.scenarios.map((s, i) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, i === 0 ? `${s.name} (baseline)` : s.name),
          ...TABLE_METRICS.map((m) => el('td', { className: 'num', dataset: { scenario: String(i), metric: m } }, formatSummary(m, s.metrics[m]))),
        ),
      ),
    ),
  );

  chart('chart-contact', intervalSpec(summaries, 'contactRate'));
  chart('chart-funded', intervalSpec(summaries, 'fundedRate'));
  chart('chart-funnel', funnelSpec(summaries));
  chart('chart-first-attempt', timeBinSpec(summaries, 'minutesToFirstAttempt'));
  chart('chart-pipeline', pipelineSpec(summaries));
  chart('chart-agents', leadsPerAgentSpec(summaries));
  byId('results').hidden = false;
}
