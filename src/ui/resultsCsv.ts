import type { Comparison } from '../compare/compareScenarios';
import { perMonth, WINDOW_TOTALS } from '../compare/windowTotals';
import { fundedDifferenceAMonth } from './format';
import { pageLabel } from './renderResults';
import { METRIC_NAMES, METRICS } from '../sim/runResult';

/** A CSV field: quoted when needed, and text a spreadsheet would run as a formula is prefixed with a quote. */
function field(v: string | number | null | undefined): string {
  if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One row per scenario and metric: mean and 95% interval, and the paired difference against the baseline with its
 * interval and verdict (empty for the baseline). `diff_per` says what a difference of a count or money is over: the
 * common measured window, or a month of each scenario's own window when the windows differ. When the comparison knows
 * its measured windows (the page's do), each scenario also has a `fundedPerMonth` row: the page's headline number,
 * funded loans a month (each scenario's own window) and the paired difference a month, the values the page rounds.
 */
export function comparisonCsv(c: Comparison): string {
  const header = ['scenario', 'baseline', 'metric', 'label', 'unit', 'mean', 'ci95_low', 'ci95_high', 'diff_vs_baseline', 'diff_ci95_low', 'diff_ci95_high', 'verdict', 'seed', 'replications', 'diff_per'];
  const lines = [header.join(',')];
  const windows = c.windowDays;
  // Differences a month of the common window, or already a month of each scenario's own (as the page says them).
  const differenceWindow = c.totals === 'per month' ? 'per month' : windows?.[0];
  c.scenarios.forEach((s, i) => {
    for (const m of METRIC_NAMES) {
      const v = s.metrics[m];
      if (!v) continue;
      const d = s.vsBaseline?.[m];
      lines.push(
        [s.name, i === 0 ? 'yes' : 'no', m, pageLabel(m), METRICS[m].unit, v.mean, v.ci95?.[0], v.ci95?.[1], d?.mean, d?.ci95?.[0], d?.ci95?.[1], d?.verdict, String(c.seed), c.replications, d && WINDOW_TOTALS.has(m) ? (c.totals === 'per month' ? 'month' : 'window') : '']
          .map(field)
          .join(','),
      );
      if (m === 'funded' && windows && differenceWindow !== undefined) {
        const month = (x: number | undefined) => (x === undefined ? undefined : perMonth(x, windows[i]));
        const diff = (x: number | undefined) => (x === undefined ? undefined : fundedDifferenceAMonth(x, differenceWindow));
        lines.push(
          [s.name, i === 0 ? 'yes' : 'no', 'fundedPerMonth', 'Funded loans a month', METRICS[m].unit, month(v.mean), month(v.ci95?.[0]), month(v.ci95?.[1]), diff(d?.mean), diff(d?.ci95?.[0]), diff(d?.ci95?.[1]), d?.verdict, String(c.seed), c.replications, d ? 'month' : '']
            .map(field)
            .join(','),
        );
      }
    }
  });
  return lines.join('\n') + '\n';
}
