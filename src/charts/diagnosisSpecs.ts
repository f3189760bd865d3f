import * as Plot from '@observablehq/plot';
import type { Diagnosis } from '../diagnose/diagnosis';
import { LOSS_BUCKET_INFO, LOSS_BUCKETS } from '../sim/lossAttribution';
import type { LossSummary } from '../sim/summary';
import { leadCount } from '../diagnose/lossWords';
import { xAxisRoom } from './axisRoom';
import { wrap } from './specs';
import { MINUS_SIGN, signedFixed } from '../stats/signedFixed';

/*
 * The diagnosis as Plot specs, shared by the printed report and the page: the production waterfall and the loss
 * buckets as money. One function per chart.
 */

const WIDTH = 720;

/**
 * Charts narrower than this (px) write each bar's label above it rather than in a margin on the left (a phone has no
 * room for a 230 px margin).
 */
const NARROW = 560;

/** One bar of the waterfall: a floor total (current, best) or a step's win floating from the level before it. */
export interface WaterfallRow {
  label: string;
  kind: 'total' | 'won' | 'no clear difference' | 'worse' | 'in place';
  from: number;
  to: number;
  /** The text written beside the bar. */
  text: string;
}

/**
 * Current funded loans a month, each step's paired win (kept wins raise the level; steps without a clear win are
 * drawn as a thin grey mark at the level and do not raise it), and the best floor found.
 */
export function waterfallRows(d: Diagnosis): WaterfallRow[] {
  const rows: WaterfallRow[] = [{ label: 'Current floor', kind: 'total', from: 0, to: d.current.fundedPerMonth.mean, text: d.current.fundedPerMonth.mean.toFixed(1) }];
  let level = d.current.fundedPerMonth.mean;
  for (const s of d.steps) {
    const w = s.fundedPerMonth.win.mean;
    if (s.adopted) {
      rows.push({ label: s.label, kind: 'won', from: level, to: level + w, text: `+${w.toFixed(1)}` });
      level += w;
    } else rows.push({ label: s.label, kind: s.status, from: level, to: level, text: s.status === 'in place' ? 'in place' : s.nothingToJudge ? 'nothing to judge' : `${signed(w)}, ${s.status === 'worse' ? 'worse, not kept' : 'not clear'}` });
  }
  rows.push({ label: 'Best found', kind: 'total', from: 0, to: d.best.fundedPerMonth.mean, text: d.best.fundedPerMonth.mean.toFixed(1) });
  return rows;
}

/**
 * One decimal with its sign, never "-0.0"; negatives with the minus sign, as the paired-difference charts write them
 * (differenceSpec.ts): these charts are drawn only on the page and in the printed report.
 */
const signed = (x: number) => signedFixed(x, 1, MINUS_SIGN);

const KIND_COLORS = { domain: ['total', 'won', 'no clear difference', 'worse', 'in place'], range: ['#4c78a8', '#54a24b', '#bab0ac', '#e45756', '#bab0ac'] };

/**
 * On a phone: bars of `rows` on a band per row, each row's words (wrapped, in a white halo where the zero line
 * crosses them, so the line goes before them in the marks) above its bar. Returns the chart's frame (size, margins, scales), the text mark, and the inset the
 * bars take (`insetTop: inset`) so they sit below the words.
 */
function labelledAbove<T>(rows: readonly T[], words: (r: T) => string, width: number, key: keyof T & string, xLabel: string) {
  const { lineWidth, lines } = wrap(rows.map(words), width - 28, 12);
  const above = 8 + lines * 15;
  const step = above + 18;
  const { marginBottom, labelOffset } = xAxisRoom();
  return {
    /** The chart's size, margins and scales. */
    frame: {
      width,
      height: 4 + marginBottom + step * rows.length,
      marginTop: 4,
      marginBottom,
      marginLeft: 12,
      // Room for half the last tick's label, where a nice domain ends on a tick ("80,000" ran 2 px past 16).
      marginRight: 24,
      x: { label: xLabel, labelOffset, grid: true, nice: true, zero: true, ticks: 4 },
      y: { domain: rows.map((r) => String(r[key])), axis: null, padding: 0 },
    },
    inset: above,
    text: Plot.text(rows as T[], { y: key, frameAnchor: 'left', text: words, textAnchor: 'start', lineAnchor: 'bottom', dx: -8, dy: above - step / 2 - 3, fontSize: 12, lineWidth, fill: '#1d2430', stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }),
  };
}

/** The production waterfall: funded loans a month from the current floor through each fix to the best found. */
export function waterfallSpec(d: Diagnosis, width = WIDTH): Plot.PlotOptions {
  const rows = waterfallRows(d);
  const x2 = (r: WaterfallRow) => (r.to === r.from ? r.from + 1e-9 : r.to);
  if (width < NARROW) {
    const layout = labelledAbove(rows, (r) => `${r.label}: ${r.text}`, width, 'label', 'Funded loans a month');
    return {
      ...layout.frame,
      color: KIND_COLORS,
      // The zero line first: the words are drawn over it, in their halo.
      marks: [
        Plot.ruleX([0]),
        Plot.barX(rows, { y: 'label', x1: 'from', x2, fill: 'kind', insetTop: layout.inset, insetBottom: 4 }),
        Plot.tickX(rows.filter((r) => r.kind !== 'total' && r.kind !== 'won'), { y: 'label', x: 'from', stroke: 'kind', strokeWidth: 3, insetTop: layout.inset, insetBottom: 4 }),
        layout.text,
      ],
    };
  }
  const { marginBottom, labelOffset } = xAxisRoom();
  return {
    width,
    height: 60 + 34 * rows.length,
    marginLeft: 230,
    marginRight: 150,
    marginBottom,
    x: { label: 'Funded loans a month', labelOffset, grid: true, nice: true, zero: true },
    y: { domain: rows.map((r) => r.label), label: null },
    color: KIND_COLORS,
    marks: [
      Plot.barX(rows, { y: 'label', x1: 'from', x2, fill: 'kind', insetTop: 4, insetBottom: 4 }),
      Plot.tickX(rows.filter((r) => r.kind !== 'total' && r.kind !== 'won'), { y: 'label', x: 'from', stroke: 'kind', strokeWidth: 3 }),
      Plot.text(rows, { y: 'label', x: (r: WaterfallRow) => Math.max(r.from, r.to), text: 'text', textAnchor: 'start', dx: 6, fontSize: 12 }),
      Plot.ruleX([0]),
    ],
  };
}

/** The loss buckets as money: revenue a month each bucket would have brought, largest first. */
export function lossMoneySpec(losses: LossSummary, width = WIDTH): Plot.PlotOptions {
  const rows = LOSS_BUCKETS.map((b) => ({ bucket: LOSS_BUCKET_INFO[b].label, revenue: losses.buckets[b].lostRevenue.mean, leads: losses.buckets[b].leads.mean })).sort((a, b) => b.revenue - a.revenue || b.leads - a.leads);
  // A month's mean count of leads is often a fraction: 0.1 leads, not "0 leads" beside a sum of money.
  const money = (r: { revenue: number; leads: number }) => `$${Math.round(r.revenue).toLocaleString('en-US')} (${leadCount(r.leads)})`;
  if (width < NARROW) {
    const layout = labelledAbove(rows, (r) => `${r.bucket}: ${money(r)}`, width, 'bucket', 'Revenue lost a month ($)');
    return {
      ...layout.frame,
      marks: [Plot.ruleX([0]), Plot.barX(rows, { y: 'bucket', x: 'revenue', fill: '#e45756', insetTop: layout.inset, insetBottom: 4 }), layout.text],
    };
  }
  const { marginBottom, labelOffset } = xAxisRoom();
  return {
    width,
    height: 60 + 26 * rows.length,
    marginLeft: 260,
    marginRight: 150,
    marginBottom,
    x: { label: 'Revenue lost a month ($)', labelOffset, grid: true, nice: true, zero: true },
    y: { domain: rows.map((r) => r.bucket), label: null },
    marks: [
      Plot.barX(rows, { y: 'bucket', x: 'revenue', fill: '#e45756', insetTop: 3, insetBottom: 3 }),
      Plot.text(rows, { y: 'bucket', x: 'revenue', text: money, textAnchor: 'start', dx: 6, fontSize: 11 }),
      Plot.ruleX([0]),
    ],
  };
}
