import * as Plot from '@observablehq/plot';
import type { Comparison } from '../compare/compareScenarios';
import type { Verdict } from '../compare/pairedDifference';
import { perMonth } from '../compare/windowTotals';
import type { MetricName } from '../sim/runResult';
import { METRICS } from '../sim/runResult';
import { xAxisRoom } from './axisRoom';
import { wrap } from './specs';
import { MINUS_SIGN, signedFixed } from '../stats/signedFixed';

/** One scenario's paired difference from the baseline on one metric, in the chart's unit. */
export interface DifferenceRow {
  scenario: string;
  mean: number;
  lo: number;
  hi: number;
  /** Null when there is no difference to judge (`defined` false); see PairedDifference in src/compare/pairedDifference.ts. */
  verdict: Verdict | null;
  /** False when no replication defines the metric in both scenarios (a rate of a run that measured no leads). */
  defined: boolean;
}

/** Verdict colors: text-safe on white (at least 4.5:1); a metric with no better direction is higher or lower in blue. */
export const VERDICT_COLORS = { better: '#1e7a34', worse: '#b00020', higher: '#2b5797', lower: '#2b5797', 'no clear difference': '#4a5568' } as const;

/**
 * The paired differences (scenario minus baseline) of one metric, with their 95% intervals: shares in percentage
 * points, funded loans a month (of the common window, or of each scenario's own when the windows differ).
 */
export function differenceRows(comparison: Comparison, metric: MetricName): DifferenceRow[] {
  const share = METRICS[metric].unit === 'share';
  const windows = comparison.windowDays;
  // With a common window the difference is of totals over it: a month of that window. Per month already otherwise.
  const scale = (v: number) => (share ? v * 100 : metric === 'funded' && windows && comparison.totals === 'window' ? perMonth(v, windows[0]) : v);
  return comparison.scenarios.slice(1).map((s) => {
    const d = s.vsBaseline![metric];
    const mean = scale(d.mean);
    return { scenario: s.name, mean, lo: d.ci95 ? scale(d.ci95[0]) : mean, hi: d.ci95 ? scale(d.ci95[1]) : mean, verdict: d.verdict, defined: d.n > 0 };
  });
}

/**
 * The x domain: zero and every interval. When that is a single point (every difference exactly zero, or none to
 * draw) the axis spans -1 to 1 around it, rather than ticks crowded at zero.
 */
function xDomain(rows: readonly DifferenceRow[]): [number, number] {
  const lo = Math.min(0, ...rows.map((r) => r.lo));
  const hi = Math.max(0, ...rows.map((r) => r.hi));
  return lo === hi ? [-1, 1] : [lo, hi];
}

/** The chart's unit in words, for its axis and title. */
export function differenceUnit(metric: MetricName, comparison: Comparison): string {
  if (METRICS[metric].unit === 'share') return 'percentage points';
  if (metric === 'funded' && comparison.windowDays) return 'funded loans a month';
  return METRICS[metric].unit;
}

/**
 * Each scenario against the baseline on one metric: a dot at the paired difference, a bar over its 95% interval,
 * and zero marked, so a bar that crosses the zero line is "no clear difference" at a glance. `against` names the
 * first scenario in the title and axis ("the best" where a notebook puts the best first).
 */
export function pairedDifferenceSpec(comparison: Comparison, metric: MetricName, width: number, against = 'the baseline'): Plot.PlotOptions {
  const rows = differenceRows(comparison, metric);
  // A row without a difference is said in words ("no data") and has no bar or dot.
  const measured = rows.filter((r) => r.defined);
  const unit = differenceUnit(metric, comparison);
  const digits = METRICS[metric].unit === 'share' || Math.max(0, ...measured.map((r) => Math.abs(r.mean))) < 10 ? 1 : 0;
  const signed = (v: number) => signedFixed(v, digits, MINUS_SIGN);
  const title = `${METRICS[metric].label}: each scenario minus ${against} (${unit}), with its 95% interval`;
  const words = (r: DifferenceRow) =>
    r.defined ? `${r.scenario}: ${signed(r.mean)} (${signed(r.lo)} to ${signed(r.hi)}), ${r.verdict}` : `${r.scenario}: no data (no replication measured leads in both scenarios)`;
  // Each row: the words above the bar (wrapped to the width, in a white halo where the zero line crosses them), the bar
  // and dot below them.
  const { lineWidth, lines } = wrap(rows.map(words), width - 30, 12);
  const above = 15 + lines * 15;
  const below = 20;
  const off = (above - below) / 2;
  const { marginBottom, labelOffset } = xAxisRoom();
  return {
    width,
    height: 4 + marginBottom + (above + below) * rows.length,
    marginTop: 4,
    marginBottom,
    marginLeft: 12,
    marginRight: 12,
    ariaLabel: title,
    ariaDescription: rows.map(words).join('; '),
    x: { label: `${METRICS[metric].label} minus ${against.replace(/^the /, '')} (${unit})`, labelOffset, grid: true, nice: true, domain: xDomain(measured) },
    y: { domain: rows.map((r) => r.scenario), axis: null, type: 'point', padding: 0.5 },
    color: { domain: Object.keys(VERDICT_COLORS), range: Object.values(VERDICT_COLORS) },
    marks: [
      Plot.ruleX([0], { stroke: '#1d2430', strokeWidth: 1.5 }),
      Plot.ruleY(measured, { y: 'scenario', x1: 'lo', x2: 'hi', stroke: 'verdict', strokeWidth: 8, strokeOpacity: 0.45, dy: off }),
      Plot.dot(measured, { y: 'scenario', x: 'mean', fill: 'verdict', r: 6, stroke: 'white', dy: off }),
      Plot.text(rows, { y: 'scenario', frameAnchor: 'left', text: words, textAnchor: 'start', lineAnchor: 'bottom', dy: off - 13, fontSize: 12, fill: (r: DifferenceRow) => r.verdict ?? 'no clear difference', lineWidth, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }),
    ],
  };
}
