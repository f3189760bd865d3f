import * as Plot from '@observablehq/plot';
import { funnelSpec, intervalSpec, leadsPerAgentSpec, pipelineSpec, timeBinSpec } from '../charts';
import { SAME_AS_BASELINE, WINDOW_TOTALS, type Comparison } from '../compare';
import { METRIC_NAMES, METRICS } from '../sim/runResult';
import type { ScenarioSummary } from '../sim/summary';
import { ALIKE_FOOTNOTE, alikeNote, anyAlike, formatDifference, pairsNote } from './compareFormat';
import { formatValue } from './format';
import { MINUS_SIGN } from '../stats/signedFixed';

/** A chart of the report: its title and the Plot options from the shared chart module (src/charts). */
interface ReportChart {
  title: string;
  options: Plot.PlotOptions;
  /** It draws totals over each scenario's measured window (leads, not shares): they differ with the windows' lengths. */
  windowTotals?: boolean;
}

/** The report's charts, in reading order. */
export function reportCharts(summaries: readonly ScenarioSummary[]): ReportChart[] {
  return [
    { title: 'Contact rate', options: intervalSpec(summaries, 'contactRate') },
    { title: 'Application rate', options: intervalSpec(summaries, 'applicationRate') },
    { title: 'Funded rate', options: intervalSpec(summaries, 'fundedRate') },
    { title: 'Funnel', options: funnelSpec(summaries), windowTotals: true },
    { title: 'Time to first attempt', options: timeBinSpec(summaries, 'minutesToFirstAttempt') },
    { title: 'Time to contact', options: timeBinSpec(summaries, 'minutesToContact') },
    { title: 'Pipeline size over time', options: pipelineSpec(summaries) },
    { title: 'Leads per agent', options: leadsPerAgentSpec(summaries), windowTotals: true },
  ];
}

/**
 * The sign of negatives in the report's table: the minus sign, as its charts of the same differences write them
 * (src/charts/differenceSpec.ts) and the page writes its differences; the terminal's table keeps "-".
 */

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * A self-contained HTML page (inline SVG, no scripts) with the comparison table and the charts. `document` is a DOM
 * document for Plot to draw into: `svgDocument()` (src/cli/svgDocument.ts) in Node, or jsdom's or a browser's.
 */
export function renderReport(
  comparison: Comparison,
  summaries: readonly ScenarioSummary[],
  document: Document,
  interrupted?: { replicationsFinished: number; replicationsPlanned: number },
  /** The warm-up check of each scenario that was not found adequate, as a sentence (src/sim/warmup.ts), by scenario index. */
  warmupNotes: readonly { scenario: number; sentence: string }[] = [],
  /** What a scenario warned of (rows of its replayed lead stream rejected, sources it does not declare), by scenario index. */
  warnings: readonly { scenario: number; warning: string }[] = [],
): string {
  // Unlike the table's differences, a chart of totals is not a month of each window: when the windows differ, it says so.
  const windows = comparison.totals === 'per month' ? comparison.scenarios.map((s, i) => `${s.name}: ${comparison.windowDays![i]} days`).join(', ') : '';
  const figures = reportCharts(summaries).map((c) => {
    const svg = Plot.plot({ ...c.options, document }) as Element;
    const note = c.windowTotals && windows ? `<p class="windows">Each scenario's leads over its own measured window (${escape(windows)}), not a month of it: compare their shares, or the differences per month in the table.</p>` : '';
    return `<figure><figcaption>${escape(c.title)}</figcaption>${svg.outerHTML}${note}</figure>`;
  });
  const [base, ...others] = comparison.scenarios;
  const head = `<tr><th>Metric</th>${comparison.scenarios.map((s, i) => `<th>${escape(s.name)}${i === 0 ? ' (baseline)' : ''}</th>`).join('')}${others.map((s) => `<th>${escape(s.name)} minus baseline</th>`).join('')}</tr>`;
  const rows = METRIC_NAMES.filter((m) => comparison.scenarios.some((s) => s.metrics[m])).map((m) => {
    const cells = comparison.scenarios.map((s) => {
      const x = s.metrics[m];
      if (!x) return '<td>-</td>';
      return `<td>${escape(formatValue(m, x.mean, x.mean, MINUS_SIGN))}${x.ci95 ? `<br><small>${escape(formatValue(m, x.ci95[0], x.mean, MINUS_SIGN))} to ${escape(formatValue(m, x.ci95[1], x.mean, MINUS_SIGN))}</small>` : ''}</td>`;
    });
    const diffs = others.map((s) => {
      const d = s.vsBaseline![m];
      const cls = d.verdict === 'better' ? 'better' : d.verdict === 'worse' ? 'worse' : '';
      // As in the terminal's table: differences of window totals are a month of each scenario's own window when those differ.
      const unit = comparison.totals === 'per month' && WINDOW_TOTALS.has(m) ? ' /month' : '';
      const partial = pairsNote(d, comparison.replications);
      const interval = d.ci95 ? `${escape(formatDifference(m, d.ci95[0], d.mean, MINUS_SIGN))} to ${escape(formatDifference(m, d.ci95[1], d.mean, MINUS_SIGN))}${unit}` : alikeNote(d);
      return `<td class="${cls}">${escape(formatDifference(m, d.mean, d.mean, MINUS_SIGN))}${unit}${interval && `<br><small>${interval}</small>`}${d.verdict !== null && d.verdict !== 'no clear difference' ? `<br><b>${d.verdict}</b>` : ''}${partial && `<br><small>${partial}</small>`}</td>`;
    });
    return `<tr><th>${escape(METRICS[m].label)}</th>${cells.join('')}${diffs.join('')}</tr>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(`Leadlab comparison: ${comparison.scenarios.map((s) => s.name).join(' vs ')}`)}</title>
<style>
body { font: 14px system-ui, sans-serif; margin: 2em auto; max-width: 980px; color: #222; }
table { border-collapse: collapse; margin: 1em 0; } th, td { padding: 4px 10px; border-bottom: 1px solid #ddd; text-align: right; vertical-align: top; }
th:first-child { text-align: left; } small { color: #666; } .better { background: #e3f6e3; } .worse { background: #fbe3e3; }
.interrupted, .warmup { background: #fff3cd; padding: 0.5em 1em; border: 1px solid #e0c060; } .windows { color: #444; font-size: 13px; }
body > figure { margin: 2em 0; } body > figure > figcaption { font-weight: bold; font-size: 16px; margin-bottom: 0.5em; }
figure figure { margin: 0; } figure figure figcaption { font-size: 13px; color: #444; margin-top: 0.3em; }
</style></head><body>
<h1>Leadlab comparison</h1>
${interrupted ? `<p class="interrupted"><b>Interrupted:</b> the comparison was stopped (Ctrl-C) after ${interrupted.replicationsFinished} of ${interrupted.replicationsPlanned} planned replications finished in every scenario; the numbers below rest on those ${interrupted.replicationsFinished}.</p>\n` : ''}<p>${comparison.scenarios.length} scenarios, ${comparison.replications} replications each, seed ${escape(String(comparison.seed))}. Replication r of every scenario sees the same leads (common random numbers); differences against the baseline, <b>${escape(base.name)}</b>, are paired by replication, with their own 95% interval, and called better or worse where that interval excludes zero (higher or lower for volumes and mechanisms such as leads, attempts per lead or pipeline size, which are neither better nor worse in themselves).${comparison.totals === 'per month' ? ` The measured windows differ (${escape(windows)}), so differences of counts and money are per month of each scenario's own window.` : ''}</p>
${warnings.map((w) => `<p class="warmup"><b>${escape(comparison.scenarios[w.scenario].name)}</b>: warning: ${escape(w.warning)}</p>\n`).join('')}${warmupNotes.map((w) => `<p class="warmup"><b>${escape(comparison.scenarios[w.scenario].name)}</b>: ${escape(w.sentence)}</p>\n`).join('')}${others.filter((s) => s.sameAsBaseline).map((s) => `<p><b>${escape(s.name)}</b> ${escape(SAME_AS_BASELINE)}</p>\n`).join('')}<table>${head}${rows.join('')}</table>
${anyAlike(comparison) ? `<p><small>${escape(ALIKE_FOOTNOTE)}</small></p>\n` : ''}${figures.join('\n')}
</body></html>
`;
}
