import * as Plot from '@observablehq/plot';
import { funnelSpec, intervalSpec, leadsPerAgentSpec, pairedDifferenceSpec, pipelineSpec, timeBinSpec } from '../charts';
import { SAME_AS_BASELINE, type Comparison } from '../compare/compareScenarios';
import type { MetricName } from '../sim/runResult';
import { METRICS } from '../sim/runResult';
import type { MetricSummary, ScenarioSummary } from '../sim/summary';
import { warmupSentence, type WarmupCheck } from '../sim/warmup';
import { chartWidth, drawToWidth, nextTask } from './chartFit';
import { download, el, savePng } from './dom';
import { differenceSentence, formatCell, perMonth } from './format';
import { MINUS_SIGN } from '../stats/signedFixed';

/** Metrics in the results table, in the order a sales manager reads them. */
export const TABLE_METRICS: MetricName[] = ['contactRate', 'fundedRate', 'funded', 'medianMinutesToFirstAttempt', 'spoiledShare', 'lostToCompetitorShare', 'costPerFunded', 'leadsPerAgentGini'];

/**
 * Owner metrics (docs/design.md, Lead strategy): shown when a scenario of the comparison scores its leads, since only
 * such runs report them.
 */
export const OWNER_METRICS: MetricName[] = ['routedToMarketingShare', 'returnedFromMarketingShare', 'optedOutShare', 'fundedViaSales', 'fundedViaMarketing'];

/** Whether any scenario of a comparison scores its leads (and so reports the owner metrics). */
export function scoresLeads(comparison: Comparison): boolean {
  return comparison.scenarios.some((s) => OWNER_METRICS.some((m) => s.metrics[m]));
}

/** Metrics said in plain words against the baseline. */
const DIFFERENCE_METRICS: MetricName[] = ['funded', 'contactRate', 'fundedRate'];

/** The counts the table shows a month rather than over the measured window. */
const PER_MONTH: ReadonlySet<MetricName> = new Set(['funded', 'fundedViaSales', 'fundedViaMarketing']);

/** The table shows funded loans a month rather than over the measured window. */
export function tableValue(m: MetricName, s: MetricSummary, windowDays: number): MetricSummary {
  if (!PER_MONTH.has(m)) return s;
  const f = (v: number) => perMonth(v, windowDays);
  return { ...s, mean: f(s.mean), ci95: s.ci95 ? [f(s.ci95[0]), f(s.ci95[1])] : null };
}

const COLUMN_TITLES: Partial<Record<MetricName, string>> = {
  funded: 'Funded loans a month',
  medianMinutesToFirstAttempt: 'Median time to first call',
  spoiledShare: 'Not called within 24 h',
  routedToMarketingShare: 'Sent to the marketing drip',
  returnedFromMarketingShare: 'Handed back to sales by marketing',
  optedOutShare: 'Opted out of the drip',
  fundedViaSales: 'Funded loans a month, straight to sales',
  fundedViaMarketing: 'Funded loans a month, via marketing',
};

function columnTitle(m: MetricName): string {
  return COLUMN_TITLES[m] ?? METRICS[m].label;
}

/**
 * A metric's name as the page's table says it ("Not called within 24 h", not the command line's "Spoiled"), for the
 * results CSV's label column, so that a number read on the page can be found in the file. The counts the table shows
 * a month keep their own label: the CSV's rows of them are over the measured window.
 */
export function pageLabel(m: MetricName): string {
  return PER_MONTH.has(m) ? METRICS[m].label : columnTitle(m);
}

function byId(id: string): HTMLElement {
  return document.getElementById(id)!;
}

/**
 * Draws a chart into its figure at the figure's width (again when that changes), with its caption (what the chart
 * leaves out of a long run or a large floor, in words) and buttons that save it as SVG or PNG.
 */
function chart(id: string, specAt: (width: number) => Plot.PlotOptions, width: number): void {
  const figure = byId(id);
  // The heading above the figure names the chart for screen readers too.
  const title = figure.previousElementSibling?.textContent ?? id;
  drawToWidth(figure, (width) => {
    const { caption, ...spec } = specAt(width);
    const note = typeof caption === 'string' ? caption : undefined;
    const svg = Plot.plot({ ariaLabel: title, ...(note ? { ariaDescription: note } : {}), ...spec });
    const save = el('button', {}, 'Save chart (SVG)');
    save.type = 'button';
    save.setAttribute('aria-label', `Save the chart "${title}" as SVG`);
    save.addEventListener('click', () => {
      const text = new XMLSerializer().serializeToString(svg);
      download(new Blob([text], { type: 'image/svg+xml' }), `leadlab-${id.replace(/^chart-/, '')}.svg`);
    });
    const png = el('button', {}, 'Save chart (PNG)');
    png.type = 'button';
    png.setAttribute('aria-label', `Save the chart "${title}" as PNG`);
    png.addEventListener('click', () => void savePng(svg as SVGSVGElement, `leadlab-${id.replace(/^chart-/, '')}.png`));
    figure.replaceChildren(...(note ? [el('figcaption', { className: 'hint' }, note)] : []), svg, el('div', { className: 'row' }, save, png));
  }, MAX_WIDTH, width);
}

/** The widest the results charts are drawn (the printed report's width). */
const MAX_WIDTH = 760;

/**
 * A results table: a row per scenario, a column per metric, each cell the mean and its 95% interval. A scenario
 * without lead scoring has no owner metrics: its cells say so.
 */
export function renderSummaryTable(table: HTMLTableElement, comparison: Comparison, windowDays: number | readonly number[], metrics: readonly MetricName[] = TABLE_METRICS): void {
  // Each scenario's funded loans a month come from its own measured window.
  const windowOf = (i: number) => (typeof windowDays === 'number' ? windowDays : windowDays[i]);
  table.replaceChildren(
    el('caption', {}, 'Each scenario: mean over replications, and below it the 95% interval'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Scenario'), ...metrics.map((m) => el('th', { scope: 'col', title: METRICS[m].describe }, columnTitle(m))))),
    el(
      'tbody',
      {},
      ...comparison.scenarios.map((s, i) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, i === 0 ? `${s.name} (baseline)` : s.name),
          ...metrics.map((m) => {
            const cell = { className: 'num', dataset: { scenario: String(i), metric: m } };
            if (!s.metrics[m]) return el('td', { ...cell, className: 'num none' }, 'no scoring');
            const [mean, interval] = formatCell(m, tableValue(m, s.metrics[m], windowOf(i)));
            return el('td', cell, el('strong', {}, mean), el('br', {}), el('span', { className: 'ci' }, interval));
          }),
        ),
      ),
    ),
  );
}

/**
 * With lead scoring, a second table below the first: who owned the leads (sales or the marketing drip) and what
 * each owner funded. It is made here, after the main table, and removed when no scenario scores its leads.
 */
function renderOwnerTable(comparison: Comparison, windowDays: readonly number[]): void {
  document.getElementById('owner-results')?.remove();
  if (!scoresLeads(comparison)) return;
  const table = el('table', { id: 'owner-table' });
  renderSummaryTable(table, comparison, windowDays, OWNER_METRICS);
  table.querySelector('caption')!.textContent = 'Lead ownership with scoring: leads sent to the marketing drip, handed back to sales or opted out, and funded loans by owner (mean, 95% interval)';
  byId('summary-table').parentElement!.after(el('div', { id: 'owner-results' }, el('h3', {}, 'Sales and the marketing drip'), el('div', { className: 'table-wrap' }, table)));
}

/**
 * The warm-up check of each scenario (src/sim/warmup.ts, the sentence `leadlab run` prints), one paragraph each, named
 * when the comparison has more than one scenario; a warm-up not found adequate (too short, or a run too short to tell)
 * is marked so the page can set it apart.
 */
export function warmupParagraphs(names: readonly string[], checks: readonly WarmupCheck[]): HTMLElement[] {
  return checks.map((c, i) =>
    el('p', { className: c.verdict === 'adequate' ? 'hint warmup-check' : 'hint warmup-check warmup-warning' }, `${names.length > 1 ? `${names[i]}: ` : ''}${warmupSentence(c, MINUS_SIGN)}`),
  );
}

/** Counts the results drawn, so the charts of an older comparison stop when a newer one is drawn. */
let drawing = 0;

/**
 * Shows a comparison: the paired differences in words (after each scenario's warm-up check, `warmups`), a table with
 * intervals, and the charts, each chart in a task of its own. The comparison holds each scenario's measured days (after warm-up), to say funded loans a month. Every
 * name is set as text. Resolves true once every chart is drawn, false when a newer comparison replaced this one.
 */
export async function renderResults(comparison: Comparison, summaries: readonly ScenarioSummary[], warmups: readonly WarmupCheck[] = []): Promise<boolean> {
  const mine = ++drawing;
  const others = comparison.scenarios.slice(1);
  const windows = comparison.windowDays ?? comparison.scenarios.map(() => NaN);
  // Differences of funded loans are a month of the common window, or already a month of each scenario's own window.
  const windowDays = comparison.totals === 'per month' ? 'per month' : windows[0];
  const windowNote =
    comparison.totals === 'per month'
      ? ` The scenarios simulate different numbers of days (${comparison.scenarios.map((s, i) => `${s.name}: ${windows[i]}`).join(', ')} measured days), so each one's funded loans a month come from its own days.`
      : '';
  const differences = byId('differences');
  differences.replaceChildren(
    el('p', { className: 'hint' }, `${comparison.replications} replications per scenario, seed ${comparison.seed}. Funded loans a month count leads that arrived in a month and later funded.${windowNote}`),
    ...warmupParagraphs(comparison.scenarios.map((s) => s.name), warmups),
    ...others.map((s, i) => {
      const d = s.vsBaseline!;
      const main = d.funded;
      return el(
        'div',
        { className: 'difference', dataset: { scenario: String(i + 1) } },
        el('h3', {}, `${s.name} vs the baseline`),
        ...(s.sameAsBaseline ? [el('p', { className: 'same-as-baseline' }, `This scenario ${SAME_AS_BASELINE}`)] : []),
        el('p', { className: main.verdict === 'better' ? 'better' : main.verdict === 'worse' ? 'worse' : '' }, differenceSentence('funded', main, windowDays)),
        el('ul', {}, ...DIFFERENCE_METRICS.slice(1).map((m) => el('li', {}, differenceSentence(m, d[m], windowDays)))),
      );
    }),
  );

  renderSummaryTable(byId('summary-table') as HTMLTableElement, comparison, windows);
  renderOwnerTable(comparison, windows);

  // Shown before the charts are drawn, so each is drawn at the width of its figure.
  byId('answer-results').hidden = false;
  byId('results').hidden = false;
  const charts: [string, (width: number) => Plot.PlotOptions][] = [
    ['chart-contact', (w) => intervalSpec(summaries, 'contactRate', w)],
    ['chart-funded', (w) => intervalSpec(summaries, 'fundedRate', w)],
    ['chart-funnel', (w) => funnelSpec(summaries, w)],
    ['chart-first-attempt', (w) => timeBinSpec(summaries, 'minutesToFirstAttempt', w)],
    ['chart-first-contact', (w) => timeBinSpec(summaries, 'minutesToContact', w)],
    ['chart-pipeline', (w) => pipelineSpec(summaries, w)],
    ['chart-agents', (w) => leadsPerAgentSpec(summaries, w)],
  ];
  // The charts of an earlier run go at once; the new ones come one per task, so no task holds the page for long. The
  // figures' widths are read together first: reading one after a chart was drawn would lay the page out again.
  for (const [id] of charts) byId(id).replaceChildren();
  const differenceCharts = drawDifferenceCharts(comparison);
  const widths = charts.map(([id]) => chartWidth(byId(id), MAX_WIDTH));
  const steps = [...differenceCharts, ...charts.map(([id, spec], i) => () => chart(id, spec, widths[i]))];
  for (const step of steps) {
    await nextTask();
    if (mine !== drawing) return false;
    step();
  }
  return true;
}

/** Metrics of the paired-difference charts at the top of the page, funded loans first. */
export const DIFFERENCE_CHART_METRICS: MetricName[] = ['funded', 'contactRate', 'fundedRate'];

/**
 * The answer's charts: for each metric, every scenario's paired difference from the baseline with its interval and
 * zero marked, drawn to the width of its box (so a phone shows it whole). The baseline alone has nothing to chart.
 * Returns the drawing of each chart, to run one per task.
 */
export function drawDifferenceCharts(comparison: Comparison): (() => void)[] {
  const box = byId('difference-charts');
  box.hidden = comparison.scenarios.length < 2;
  if (box.hidden) return [];
  const figures = DIFFERENCE_CHART_METRICS.map((m) => byId(`chart-diff-${m}`));
  const widths = figures.map((f) => chartWidth(f, MAX_WIDTH));
  return DIFFERENCE_CHART_METRICS.map((m, i) => () => {
    const figure = figures[i];
    drawToWidth(figure, (width) => figure.replaceChildren(el('h3', {}, `${columnTitle(m)} minus the baseline`), Plot.plot(pairedDifferenceSpec(comparison, m, Math.max(240, width)))), MAX_WIDTH, widths[i]);
  });
}
