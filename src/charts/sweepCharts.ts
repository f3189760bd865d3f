import * as Plot from '@observablehq/plot';
import { xAxisRoom } from './axisRoom';

/** One combination of a page sweep on one metric: the varied settings' axis values, mean and 95% interval. */
export interface SweepPoint {
  x: number | string;
  y?: number | string;
  mean: number;
  lo: number;
  hi: number;
}

/** Charts narrower than this (px) label their axes with the settings' short names (as src/charts/specs.ts). */
const NARROW = 520;

/** A setting's name without its explanation in brackets: "Agents (first agent group)" is "Agents". */
const short = (label: string) => label.split(' (')[0];

/**
 * A metric against one varied setting: a band over the 95% intervals, the means joined by a line (numbers on the
 * axis), or a dot and bar per value (strategies). The axis starts at zero, as the page's other charts of levels do,
 * so a gain of a loan or two a month is not drawn as a cliff.
 */
export function sweepLineSpec(points: readonly SweepPoint[], options: { xLabel: string; yLabel: string; percent: boolean; width: number }): Plot.PlotOptions {
  const numeric = points.every((p) => typeof p.x === 'number');
  const title = `${options.yLabel} against ${options.xLabel}, with 95% intervals`;
  const value = (v: number) => (options.percent ? `${(v * 100).toFixed(1)}%` : v.toFixed(1));
  // The setting's full name is in the title; on a phone the axis has room for its short name only.
  const xLabel = options.width < NARROW ? short(options.xLabel) : options.xLabel;
  // Strategies' names are written at an angle, which takes room below the axis by the longest of them.
  const tickRotate = -20;
  const domain = bandOrder(points.map((p) => p.x));
  const { marginBottom, labelOffset } = numeric ? xAxisRoom() : xAxisRoom({ angle: tickRotate, labels: domain });
  return {
    width: options.width,
    height: 220 + marginBottom,
    marginLeft: 50,
    marginBottom,
    ariaLabel: title,
    ariaDescription: points.map((p) => `${p.x}: ${value(p.mean)} (${value(p.lo)} to ${value(p.hi)})`).join('; '),
    x: numeric ? { label: xLabel, labelOffset, grid: true } : { label: xLabel, labelOffset, type: 'band', tickRotate, domain },
    y: { label: options.yLabel, grid: true, percent: options.percent, zero: true, nice: true },
    marks: numeric
      ? [
          Plot.ruleY([0]),
          Plot.areaY(points, { x: 'x', y1: 'lo', y2: 'hi', fill: '#1f5fbf', fillOpacity: 0.18 }),
          Plot.lineY(points, { x: 'x', y: 'mean', stroke: '#1f5fbf', strokeWidth: 2 }),
          Plot.dot(points, { x: 'x', y: 'mean', fill: '#1f5fbf', r: 4, tip: true }),
        ]
      : [Plot.ruleY([0]), Plot.ruleX(points, { x: 'x', y1: 'lo', y2: 'hi', stroke: '#1f5fbf', strokeWidth: 6, strokeOpacity: 0.35 }), Plot.dot(points, { x: 'x', y: 'mean', fill: '#1f5fbf', r: 5, tip: true })],
  };
}

/**
 * The values of one axis of the heatmap, as its band scale takes them (text): numbers in numeric order (a band
 * scale sorts text, so 11 came before 3), anything else in the order the sweep gives it.
 */
export function bandOrder(values: readonly (number | string | undefined)[]): string[] {
  const distinct = [...new Set(values)];
  const numeric = distinct.every((v) => typeof v === 'number');
  return (numeric ? (distinct as number[]).sort((a, b) => a - b) : distinct).map(String);
}

/** A metric over two varied settings: a cell per combination, its mean written in it. */
export function sweepHeatmapSpec(points: readonly SweepPoint[], options: { xLabel: string; yLabel: string; metricLabel: string; percent: boolean; width: number }): Plot.PlotOptions {
  const value = (v: number) => (options.percent ? `${(v * 100).toFixed(1)}%` : v.toFixed(1));
  const ys = new Set(points.map((p) => String(p.y))).size;
  // Every cell equal (a setting that changes nothing): a color ramp needs a range, or its legend prints one raw tick.
  const means = points.map((p) => p.mean);
  const [lo, hi] = [Math.min(...means), Math.max(...means)];
  const pad = options.percent ? 0.005 : Math.max(0.5, Math.abs(lo) * 0.05);
  const domain = hi - lo > 1e-9 ? undefined : [lo - pad, hi + pad];
  // The settings' full names are in the title; the axis down the side of a few rows has room for a short name only,
  // and so has the axis across a phone.
  const xLabel = options.width < NARROW ? short(options.xLabel) : options.xLabel;
  const { marginBottom, labelOffset } = xAxisRoom();
  return {
    width: options.width,
    height: 10 + 44 * ys + marginBottom,
    marginLeft: 80,
    marginBottom,
    padding: 0.05,
    ariaLabel: `${options.metricLabel} by ${options.xLabel} and ${options.yLabel}`,
    ariaDescription: points.map((p) => `${options.xLabel} ${p.x}, ${options.yLabel} ${p.y}: ${value(p.mean)} (${value(p.lo)} to ${value(p.hi)})`).join('; '),
    x: { type: 'band', label: xLabel, labelOffset, domain: bandOrder(points.map((p) => p.x)) },
    y: { type: 'band', label: short(options.yLabel), domain: bandOrder(points.map((p) => p.y)) },
    // Room at the ends of the legend's ramp for its end ticks' labels (Plot hands a scale's margins to its legend).
    color: { type: 'linear', scheme: 'blues', label: options.metricLabel, legend: true, percent: options.percent, ...(domain ? { domain } : {}), ...{ marginLeft: 12, marginRight: 16 } },
    marks: [
      Plot.cell(points, { x: (p: SweepPoint) => String(p.x), y: (p: SweepPoint) => String(p.y), fill: 'mean', inset: 0.5 }),
      // Dark text in a white halo reads on every cell.
      Plot.text(points, { x: (p: SweepPoint) => String(p.x), y: (p: SweepPoint) => String(p.y), text: (p: SweepPoint) => value(p.mean), fill: '#1d2430', fontSize: 12, fontWeight: 'bold', stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }),
    ],
  };
}
