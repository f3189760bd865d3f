import * as Plot from '@observablehq/plot';
import type { Diagnosis } from '../diagnose/diagnosis';
import { LOSS_BUCKET_INFO, LOSS_BUCKETS } from '../sim/lossAttribution';
import type { LossSummary } from '../sim/summary';

/*
 * The diagnosis as Plot specs, shared by the printed report and the page: the production waterfall and the loss
 * buckets as money. One function per chart.
 */

const WIDTH = 720;

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
    } else rows.push({ label: s.label, kind: s.status, from: level, to: level, text: s.status === 'in place' ? 'in place' : `${signed(w)}, ${s.status === 'worse' ? 'worse, not kept' : 'not clear'}` });
  }
  rows.push({ label: 'Best found', kind: 'total', from: 0, to: d.best.fundedPerMonth.mean, text: d.best.fundedPerMonth.mean.toFixed(1) });
  return rows;
}

/** One decimal with its sign, never "-0.0". */
const signed = (x: number) => `${Number(x.toFixed(1)) >= 0 ? '+' : '-'}${Math.abs(x).toFixed(1)}`;

const KIND_COLORS = { domain: ['total', 'won', 'no clear difference', 'worse', 'in place'], range: ['#4c78a8', '#54a24b', '#bab0ac', '#e45756', '#bab0ac'] };

/** The production waterfall: funded loans a month from the current floor through each fix to the best found. */
export function waterfallSpec(d: Diagnosis): Plot.PlotOptions {
  const rows = waterfallRows(d);
  return {
    width: WIDTH,
    height: 60 + 34 * rows.length,
    marginLeft: 230,
    marginRight: 150,
    x: { label: 'Funded loans a month', grid: true, nice: true, zero: true },
    y: { domain: rows.map((r) => r.label), label: null },
    color: KIND_COLORS,
    marks: [
      Plot.barX(rows, { y: 'label', x1: 'from', x2: (r: WaterfallRow) => (r.to === r.from ? r.from + 1e-9 : r.to), fill: 'kind', insetTop: 4, insetBottom: 4 }),
      Plot.tickX(rows.filter((r) => r.kind !== 'total' && r.kind !== 'won'), { y: 'label', x: 'from', stroke: 'kind', strokeWidth: 3 }),
      Plot.text(rows, { y: 'label', x: (r: WaterfallRow) => Math.max(r.from, r.to), text: 'text', textAnchor: 'start', dx: 6, fontSize: 12 }),
      Plot.ruleX([0]),
    ],
  };
}

/** The loss buckets as money: revenue a month each bucket would have brought, largest first. */
export function lossMoneySpec(losses: LossSummary): Plot.PlotOptions {
  const rows = LOSS_BUCKETS.map((b) => ({ bucket: LOSS_BUCKET_INFO[b].label, revenue: losses.buckets[b].lostRevenue.mean, leads: losses.buckets[b].leads.mean })).sort((a, b) => b.revenue - a.revenue);
  return {
    width: WIDTH,
    height: 60 + 26 * rows.length,
    marginLeft: 260,
    marginRight: 150,
    x: { label: 'Revenue lost a month ($)', grid: true, nice: true, zero: true },
    y: { domain: rows.map((r) => r.bucket), label: null },
    marks: [
      Plot.barX(rows, { y: 'bucket', x: 'revenue', fill: '#e45756', insetTop: 3, insetBottom: 3 }),
      Plot.text(rows, { y: 'bucket', x: 'revenue', text: (r: { revenue: number; leads: number }) => `$${Math.round(r.revenue).toLocaleString('en-US')} (${r.leads.toFixed(0)} lead${r.leads.toFixed(0) === '1' ? '' : 's'})`, textAnchor: 'start', dx: 6, fontSize: 11 }),
      Plot.ruleX([0]),
    ],
  };
}
