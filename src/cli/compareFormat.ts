import { DAYS_PER_MONTH, MIN_PAIRS_AGREEING, SAME_AS_BASELINE, WINDOW_TOTALS, type Comparison } from '../compare';
import type { PairedDifference, Verdict } from '../compare';
import { METRIC_NAMES, METRICS, type MetricName } from '../sim/runResult';
import type { MetricSummary } from '../sim/summary';
import { signedFixed } from '../stats/signedFixed';
import { formatValue } from './format';
import { plural } from '../format/plural';

const GREEN = '\x1b[32m';
const RED = '\x1b[31m';
const RESET = '\x1b[0m';

/**
 * A signed difference in the metric's unit; shares differ in percentage points. `minus` is the sign of negatives: "-"
 * in the terminal, "\u2212" in the HTML report, as its charts write them (src/charts/differenceSpec.ts).
 */
export function formatDifference(metric: MetricName, d: number, scaleOf = d, minus = '-'): string {
  if (!Number.isFinite(d)) return 'n/a';
  const unit = METRICS[metric].unit;
  // Shares, ratios and counts that are not zero but round to it keep their first significant digit ("+0.03"), so
  // that an interval's end beside a verdict never reads as zero.
  if (unit === 'share') return `${signedFixed(d * 100, 1, minus)} pp`;
  // Ratios with the two decimals their values have (src/format/metricValue.ts).
  if (unit === 'ratio') return signedFixed(d, 2, minus);
  const text = formatValue(metric, Math.abs(d), scaleOf);
  if (unit === 'count' && d !== 0 && /^0(\.0*)?$/.test(text)) return signedFixed(d, 1, minus);
  return `${d > 0 ? '+' : d < 0 ? minus : ''}${text}`;
}

function cellOf(metric: MetricName, s: MetricSummary | undefined): string {
  if (!s) return '-';
  const mean = formatValue(metric, s.mean);
  return s.ci95 ? `${mean} [${formatValue(metric, s.ci95[0], s.mean)}, ${formatValue(metric, s.ci95[1], s.mean)}]` : mean;
}

/**
 * On how many replication pairs a difference rests, when only some define it (a rate whose denominator is zero in a
 * replication of either side): "(3 of 4 pairs)", or "" when every pair or none does. The table and the report say it alike.
 */
export function pairsNote(d: PairedDifference, replications: number): string {
  return d.n > 0 && d.n < replications ? `(${d.n} of ${replications} pairs)` : '';
}

/**
 * "all 3 alike" when every pair gave the same non-zero difference and they are too few to believe it fixed (no interval,
 * no verdict: {@link MIN_PAIRS_AGREEING}), or "". {@link ALIKE_FOOTNOTE} says what it means; the table and the report say both.
 */
export function alikeNote(d: PairedDifference): string {
  return d.agreeExactly && !d.ci95 ? `all ${d.n} alike` : '';
}

/** What "all n alike" means, under the table and the report. */
export const ALIKE_FOOTNOTE = `"all n alike": every replication gave the same difference; with fewer than ${MIN_PAIRS_AGREEING} replications that may be luck, so there is no interval and no verdict (run more replications).`;

/** Whether some difference of the comparison is "all n alike" (then the footnote says what that means). */
export function anyAlike(c: Comparison): boolean {
  return c.scenarios.some((s) => s.vsBaseline && METRIC_NAMES.some((m) => alikeNote(s.vsBaseline![m]) !== ''));
}

export function letter(i: number): string {
  return String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : '');
}

/**
 * The comparison table: every metric per scenario (mean and 95% interval), then each scenario minus the baseline
 * (paired by replication) with its interval and a verdict; with `color`, better is green and worse red.
 */
export function formatComparison(c: Comparison, options: { color: boolean }): string {
  const out: string[] = [];
  out.push(`${c.scenarios.length} scenarios, ${c.replications} replications each, seed ${c.seed} (common random numbers: replication r of every scenario sees the same leads)`);
  c.scenarios.forEach((s, i) => out.push(`  ${letter(i)}: ${s.name}${i === 0 ? ' (baseline)' : ''}${c.windowDays ? `, ${plural(c.windowDays[i], 'measured day')}` : ''}`));
  if (c.totals === 'per month') {
    out.push(
      'The measured windows differ, so differences of counts and money (leads, funded, costs, revenue) are per month',
      `(${DAYS_PER_MONTH.toFixed(2)} days) of each scenario's own window; each scenario's column is its total over its own window.`,
    );
  }
  out.push('');
  const header = ['Metric', ...c.scenarios.map((_, i) => letter(i)), ...c.scenarios.slice(1).map((_, i) => `${letter(i + 1)} - A`)];
  const rows: { text: string[]; verdicts: (Verdict | null)[] }[] = METRIC_NAMES.filter((m) => c.scenarios.some((s) => s.metrics[m])).map((m) => {
    const text = [METRICS[m].label, ...c.scenarios.map((s) => cellOf(m, s.metrics[m]))];
    const verdicts: (Verdict | null)[] = text.map(() => null);
    for (const s of c.scenarios.slice(1)) {
      const d = s.vsBaseline![m];
      const interval = d.ci95 ? ` [${formatDifference(m, d.ci95[0], d.mean)}, ${formatDifference(m, d.ci95[1], d.mean)}]` : alikeNote(d) ? ` [${alikeNote(d)}]` : '';
      // No verdict (null: no replication defines the metric on both sides) is said as nothing, like no clear difference.
      const word = d.verdict === null || d.verdict === 'no clear difference' ? '' : ` ${d.verdict}`;
      const unit = c.totals === 'per month' && WINDOW_TOTALS.has(m) ? ' /month' : '';
      const partial = pairsNote(d, c.replications);
      text.push(`${formatDifference(m, d.mean)}${interval}${unit}${word}${partial && ` ${partial}`}`);
      verdicts.push(d.verdict);
    }
    return { text, verdicts };
  });
  const all = [header, ...rows.map((r) => r.text)];
  const widths = header.map((_, col) => Math.max(...all.map((r) => r[col].length)));
  const pad = (cell: string, col: number) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]));
  out.push(header.map(pad).join('  '));
  out.push(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) {
    out.push(
      r.text
        .map((cell, col) => {
          const padded = pad(cell, col);
          const v = r.verdicts[col];
          if (!options.color || (v !== 'better' && v !== 'worse')) return padded;
          return `${v === 'better' ? GREEN : RED}${padded}${RESET}`;
        })
        .join('  '),
    );
  }
  out.push('');
  out.push('Differences are paired by replication; "better" or "worse" where the 95% interval excludes zero, "higher" or "lower" for');
  out.push('volumes and mechanisms that are neither better nor worse in themselves (leads, attempts, pipeline, utilization, spread).');
  if (anyAlike(c)) out.push(ALIKE_FOOTNOTE);
  c.scenarios.forEach((s, i) => {
    if (s.sameAsBaseline) {
      out.push(
        `${letter(i)} ${SAME_AS_BASELINE.replace("the baseline's", "the baseline's (A's)")}`,
      );
    }
  });
  return out.join('\n') + '\n';
}
