import * as Plot from '@observablehq/plot';
import type { MetricName } from '../sim/runResult';
import { METRICS } from '../sim/runResult';
import type { ScenarioSummary } from '../sim/summary';
import { xAxisRoom } from './axisRoom';
import { agentRows, DAILY_UP_TO_DAYS, type IntervalRow, FUNNEL_STAGES, funnelRows, intervalRows, LINES_UP_TO_AGENTS, PIPELINE_POINTS, pipelineBin, pipelineRows, pipelineSpreadRows, timeBinLabels, timeBinRows, WEEKLY_UP_TO_DAYS } from './rows';

/*
 * Results as @observablehq/plot specs: `Plot.plot(spec)` draws them (in the page, or with `document` from a DOM
 * implementation for a report). One function per chart. Colors follow the scenario order, baseline first, and
 * every panel is labeled with its scenario's full name, so no legend is needed. Each takes the width to draw at
 * (760 by default, as the printed report): below {@link NARROW} px (a phone) a chart lays its labels out to fit,
 * and names wrap rather than run off the edge.
 */

/** The width a chart is drawn at when none is given (the printed report's). */
export const WIDTH = 760;

/** Charts narrower than this (px) lay their labels out for a phone. */
export const NARROW = 520;

/**
 * Scenario colors, baseline first: each at least 4.5:1 on white, since scenario names are written in them (Plot's
 * default yellow and orange were 1.9:1 and 2.7:1).
 */
export const SCENARIO_COLORS = ['#1f5fbf', '#b34700', '#1e7a34', '#8e3bb0', '#b00020', '#00707a', '#6b5a00', '#4a5568'];

const color = (summaries: readonly ScenarioSummary[]) => ({ domain: summaries.map((s) => s.name), range: SCENARIO_COLORS });

/**
 * Wrapping of a text in `px` pixels at `fontSize`: Plot's `lineWidth` (in ems, with room for bold letters and for
 * wide system fonts such as DejaVu Sans, which Plot's estimate of widths does not allow for) and the lines that takes
 * at most (a generous 0.72 em a character).
 */
export function wrap(texts: readonly string[], px: number, fontSize: number): { lineWidth: number; lines: number } {
  const ems = Math.max(8, px / fontSize);
  const longest = Math.max(0, ...texts.map((t) => t.length));
  return { lineWidth: ems * 0.8, lines: Math.max(1, Math.ceil((longest * 0.72) / ems)) };
}

/** Line height (px) of the 13 px panel titles. */
const TITLE_LINE = 16;

/**
 * Facets one panel per scenario, each `panel` px high with its title (wrapped to the width) in a gap above it: the
 * chart's height, its top margin (the first title's gap) and the `fy` scale. Plot pads facets only between them, by
 * a fraction of the step: a gap of `gap` px is a padding of gap / (panel + gap).
 */
function panels(summaries: readonly ScenarioSummary[], width: number, panel: number, marginBottom: number) {
  const { lineWidth, lines } = wrap(
    summaries.map((s) => s.name),
    width - 8,
    13,
  );
  const gap = 12 + lines * TITLE_LINE;
  const n = summaries.length;
  return {
    /** The plot options every faceted chart shares: its height, the margins around the panels, and the panels. */
    frame: {
      height: Math.round(gap + marginBottom + n * panel + (n - 1) * gap),
      marginTop: gap,
      marginBottom,
      fy: { domain: summaries.map((s) => s.name), axis: null, padding: gap / (panel + gap) },
    },
    title: (marginLeft: number) =>
      Plot.text(
        summaries.map((s) => ({ scenario: s.name })),
        // From the left edge of the chart (not of the frame), wrapped to the chart's width.
        { fy: 'scenario', text: 'scenario', frameAnchor: 'top-left', lineAnchor: 'bottom', dx: 4 - marginLeft, dy: -6, textAnchor: 'start', fontWeight: 'bold', fontSize: 13, fill: 'scenario', lineWidth },
      ),
  };
}

/** What a chart says of a scenario whose metric has no value: a rate of a run that measured no leads. */
export const NO_VALUE = 'no data: no leads measured';
/** What the time charts say in the panel of a scenario that called no lead, or reached none. */
export const NO_CALL = 'no data: no lead was called';
export const NO_CONVERSATION = 'no data: no lead was reached';

/** One metric per scenario: a dot at the mean, a bar over the 95% interval, the value and the name written beside it. */
export function intervalSpec(summaries: readonly ScenarioSummary[], metric: MetricName, width = WIDTH): Plot.PlotOptions {
  const rows = intervalRows(summaries, metric);
  // A scenario whose metric has no value (a rate of a run that measured no leads) is said in words, with no bar or dot.
  const measured = rows.filter((r) => Number.isFinite(r.mean));
  const unmeasured = rows.filter((r) => !Number.isFinite(r.mean));
  const share = METRICS[metric].unit === 'share';
  const value = (v: number) => (share ? `${(v * 100).toFixed(1)}%` : v.toFixed(1));
  const narrow = width < NARROW;
  const marginRight = narrow ? 16 : 100;
  const { lineWidth, lines } = wrap(
    rows.map((r) => r.scenario),
    width - 24,
    12,
  );
  // Each row: the name above the bar (wrapped), the values below it (at the dot, or from the left on a phone).
  const above = 16 + lines * 14;
  const below = 28;
  const off = (above - below) / 2;
  const { marginBottom, labelOffset } = xAxisRoom();
  return {
    width,
    height: marginBottom + (above + below) * rows.length,
    marginTop: 0,
    marginBottom,
    marginLeft: 20,
    marginRight,
    x: { label: `${METRICS[metric].label}${share ? ' (%)' : ''}: mean and 95% interval`, labelOffset, percent: share, grid: true, nice: true, zero: true, ticks: narrow ? 4 : undefined, ...(measured.length ? {} : { domain: [0, 1] }) },
    y: { domain: rows.map((r) => r.scenario), axis: null, type: 'point', padding: 0.5 },
    color: color(summaries),
    marks: [
      Plot.ruleY(measured, { y: 'scenario', x1: 'lo', x2: 'hi', stroke: 'scenario', strokeWidth: 8, strokeOpacity: 0.35, dy: off }),
      Plot.dot(measured, { y: 'scenario', x: 'mean', fill: 'scenario', r: 6, stroke: 'white', dy: off }),
      ...valueTexts(measured, narrow, off + 17, value),
      Plot.text(unmeasured, { y: 'scenario', frameAnchor: 'left', textAnchor: 'start', dx: -16, text: () => NO_VALUE, dy: off, fontSize: 12 }),
      Plot.text(rows, { y: 'scenario', frameAnchor: 'left', text: 'scenario', textAnchor: 'start', lineAnchor: 'bottom', dx: -16, dy: off - 10, fontSize: 12, fontWeight: 'bold', fill: 'scenario', lineWidth }),
    ],
  };
}

/**
 * The mean and interval written below each bar: from the left on a phone; elsewhere under the dot, starting at it
 * near the left end of the axis and ending at it near the right end, so the text stays within the chart.
 */
function valueTexts(rows: readonly IntervalRow[], narrow: boolean, dy: number, value: (v: number) => string): Plot.Markish[] {
  const text = (d: IntervalRow) => `${value(d.mean)} (${value(d.lo)} to ${value(d.hi)})`;
  if (narrow) return [Plot.text(rows, { y: 'scenario', frameAnchor: 'left', textAnchor: 'start', dx: -16, text, dy, fontSize: 12 })];
  const lo = Math.min(0, ...rows.map((r) => r.lo));
  const span = Math.max(0, ...rows.map((r) => r.hi)) - lo || 1;
  const at = (r: IntervalRow) => (r.mean - lo) / span;
  return (
    [
      ['start', rows.filter((r) => at(r) < 0.25), -8],
      ['middle', rows.filter((r) => at(r) >= 0.25 && at(r) <= 0.75), 0],
      ['end', rows.filter((r) => at(r) > 0.75), 8],
    ] as const
  ).map(([textAnchor, part, dx]) => Plot.text(part, { y: 'scenario', x: 'mean', textAnchor, dx, text, dy, fontSize: 12 }));
}

/**
 * The funnel's and the leads-per-agent chart's axes: they count the leads that arrived after the warm-up (the
 * measured window), about half of a run's leads on the page's floors, which "leads per run" beside the estimate's
 * "6,000 leads ... per replication" misread as all of them.
 */
export const FUNNEL_AXIS = 'Leads that arrived after the warm-up (mean per run)';
export const LEADS_PER_AGENT_AXIS = 'New leads per agent after the warm-up (mean per run)';

/** Leads reaching each stage of the funnel, one panel per scenario. */
export function funnelSpec(summaries: readonly ScenarioSummary[], width = WIDTH): Plot.PlotOptions {
  const rows = funnelRows(summaries);
  const marginLeft = 80;
  const { marginBottom, labelOffset } = xAxisRoom();
  const facets = panels(summaries, width, 130, marginBottom);
  return {
    width,
    ...facets.frame,
    marginLeft,
    marginRight: 56,
    x: { label: FUNNEL_AXIS, labelOffset, grid: true, ticks: width < NARROW ? 4 : undefined },
    y: { domain: FUNNEL_STAGES.map(([, stage]) => stage), label: null },
    color: color(summaries),
    marks: [
      Plot.barX(rows, { y: 'stage', x: 'count', fy: 'scenario', fill: 'scenario' }),
      Plot.text(rows, { y: 'stage', x: 'count', fy: 'scenario', text: (d: { count: number }) => Math.round(d.count).toLocaleString('en-US'), textAnchor: 'start', dx: 4 }),
      Plot.ruleX([0]),
      facets.title(marginLeft),
    ],
  };
}

/**
 * How long leads waited for their first call (or first conversation), as shares of leads, one panel per scenario:
 * columns over the time bins, or on a phone bars with the bins down the side.
 */
export function timeBinSpec(summaries: readonly ScenarioSummary[], which: 'minutesToFirstAttempt' | 'minutesToContact', width = WIDTH): Plot.PlotOptions {
  const rows = timeBinRows(summaries, which);
  const label = which === 'minutesToFirstAttempt' ? 'Time from arrival to first call' : 'Time from arrival to first conversation';
  // A scenario none of whose leads was called (or reached) has no shares to draw: its panel says so.
  const empty = summaries.filter((s) => s.distributions[which].every((c) => c === 0)).map((s) => ({ scenario: s.name }));
  const noData = Plot.text(empty, { fy: 'scenario', frameAnchor: 'middle', text: () => (which === 'minutesToFirstAttempt' ? NO_CALL : NO_CONVERSATION), fontSize: 12 });
  if (width < NARROW) {
    const marginLeft = 84;
    const { marginBottom, labelOffset } = xAxisRoom();
    const facets = panels(summaries, width, 14 * timeBinLabels().length, marginBottom);
    return {
      width,
      ...facets.frame,
      marginLeft,
      marginRight: 16,
      x: { label: 'Share of leads (%)', labelOffset, percent: true, grid: true, ticks: 4 },
      y: { domain: timeBinLabels(), label: null, tickSize: 0 },
      color: color(summaries),
      ariaDescription: `${label}, as shares of leads`,
      marks: [Plot.barX(rows, { y: 'bin', x: 'share', fy: 'scenario', fill: 'scenario' }), Plot.ruleX([0]), noData, facets.title(marginLeft)],
    };
  }
  // The bins' labels are written at an angle, which takes room below the axis by the longest of them.
  const tickRotate = -25;
  const { marginBottom, labelOffset } = xAxisRoom({ angle: tickRotate, labels: timeBinLabels() });
  const facets = panels(summaries, width, 150, marginBottom);
  return {
    width,
    ...facets.frame,
    x: { domain: timeBinLabels(), label, labelOffset, tickRotate },
    y: { label: 'Share of leads (%)', percent: true, grid: true },
    color: color(summaries),
    marks: [Plot.barY(rows, { x: 'bin', y: 'share', fy: 'scenario', fill: 'scenario' }), Plot.ruleY([0]), noData, facets.title(40)],
  };
}

/** The pipeline chart's shape: days, agents, whether it draws the agents' spread, its lines and its bin. */
function pipelineShape(summaries: readonly ScenarioSummary[]) {
  const days = Math.max(0, ...summaries.map((s) => s.daily.date.length));
  const agents = Math.max(0, ...summaries.map((s) => s.agents.length));
  const spread = agents > LINES_UP_TO_AGENTS;
  const lines = summaries.reduce((n, s) => n + (spread ? 3 : s.agents.length), 0);
  return { days, agents, spread, lines, bin: pipelineBin(days, lines) };
}

/** What the pipeline chart shows of a run, in words: its bins and, on a large floor, the spread over agents. */
export function pipelineCaption(summaries: readonly ScenarioSummary[]): string | undefined {
  const { days, agents, spread, lines, bin } = pipelineShape(summaries);
  const n = (x: number) => x.toLocaleString('en-US');
  const parts: string[] = [];
  if (bin !== 'day') {
    const why =
      days > (bin === 'week' ? DAILY_UP_TO_DAYS : WEEKLY_UP_TO_DAYS)
        ? `The run is ${n(days)} days long (more than ${n(bin === 'week' ? DAILY_UP_TO_DAYS : WEEKLY_UP_TO_DAYS)})`
        : `${n(lines)} lines of ${n(days)} days are more points than the chart draws ${bin === 'week' ? 'day by day' : 'week by week'} (${n(PIPELINE_POINTS)})`;
    parts.push(`${why}, so each point is the mean of a ${bin}, drawn at its first day.`);
  }
  if (spread) parts.push(`With ${n(agents)} agents (more than ${LINES_UP_TO_AGENTS}) the chart shows their spread rather than a line each: the line is the median agent, the dark band the middle half of the agents, the light band the fewest to the most open leads.`);
  return parts.length ? parts.join(' ') : undefined;
}

/**
 * Each agent's pipeline (open leads) over time, one line per agent, one panel per scenario. Long runs are binned by
 * week or month and a floor of many agents is drawn as the spread over its agents ({@link pipelineCaption} says so).
 */
export function pipelineSpec(summaries: readonly ScenarioSummary[], width = WIDTH): Plot.PlotOptions {
  const { spread, bin } = pipelineShape(summaries);
  const facets = panels(summaries, width, 150, 30);
  const marks: Plot.Markish[] = spread
    ? (() => {
        const rows = pipelineSpreadRows(summaries, bin);
        return [
          Plot.areaY(rows, { x: 'date', y1: 'min', y2: 'max', fy: 'scenario', fill: 'scenario', fillOpacity: 0.15 }),
          Plot.areaY(rows, { x: 'date', y1: 'q1', y2: 'q3', fy: 'scenario', fill: 'scenario', fillOpacity: 0.35 }),
          Plot.lineY(rows, { x: 'date', y: 'median', fy: 'scenario', stroke: 'scenario', strokeWidth: 1.5 }),
        ];
      })()
    : // The agent's name in each line's title (a tooltip), rather than Plot's pointer tip, which doubles the drawing time.
      [Plot.lineY(pipelineRows(summaries, bin), { x: 'date', y: 'pipeline', z: 'agent', fy: 'scenario', stroke: 'scenario', strokeOpacity: 0.6, title: 'agent' })];
  return {
    width,
    ...facets.frame,
    x: { type: 'utc', label: null, ticks: width < NARROW ? 4 : undefined },
    y: { label: 'Open leads per agent', grid: true },
    color: color(summaries),
    caption: pipelineCaption(summaries),
    marks: [...marks, Plot.ruleY([0]), facets.title(40)],
  };
}

/** What the leads-per-agent chart shows of a large floor, in words. */
export function leadsPerAgentCaption(summaries: readonly ScenarioSummary[]): string | undefined {
  const agents = Math.max(0, ...summaries.map((s) => s.agents.length));
  return agents > LINES_UP_TO_AGENTS
    ? `With ${agents.toLocaleString('en-US')} agents (more than ${LINES_UP_TO_AGENTS}) each agent is one tick rather than a named bar; ticks bunched together are fair distribution, and the numbers say the fewest, the median and the most.`
    : undefined;
}

/**
 * New leads each agent received in the measured window, one panel per scenario: equal bars are fair distribution.
 * A floor of more than {@link LINES_UP_TO_AGENTS} agents gets one tick per agent on a row per scenario.
 */
export function leadsPerAgentSpec(summaries: readonly ScenarioSummary[], width = WIDTH): Plot.PlotOptions {
  const rows = agentRows(summaries);
  const agents = [...new Set(rows.map((r) => r.agent))];
  const caption = leadsPerAgentCaption(summaries);
  if (caption) {
    const spread = summaries.map((s) => {
      const values = s.agents.map((a) => a.leadsReceived).sort((a, b) => a - b);
      const at = (q: number) => Math.round(values[Math.round((values.length - 1) * q)] ?? 0).toLocaleString('en-US');
      return { scenario: s.name, text: `${s.name}: ${values.length.toLocaleString('en-US')} agents, ${at(0)} to ${at(1)} leads, median ${at(0.5)}` };
    });
    const { lineWidth, lines } = wrap(
      spread.map((r) => r.text),
      width - 24,
      12,
    );
    // Each row: the numbers above (wrapped), a tick per agent below them.
    const above = 12 + lines * 14;
    const step = above + 26;
    const { marginBottom, labelOffset } = xAxisRoom();
    return {
      width,
      height: marginBottom + step * summaries.length,
      marginTop: 0,
      marginBottom,
      marginLeft: 20,
      marginRight: 20,
      x: { label: LEADS_PER_AGENT_AXIS, labelOffset, grid: true, ticks: width < NARROW ? 4 : undefined },
      y: { domain: summaries.map((s) => s.name), axis: null, padding: 0 },
      color: color(summaries),
      caption,
      marks: [
        Plot.tickX(rows, { y: 'scenario', x: 'leadsReceived', stroke: 'scenario', strokeOpacity: 0.5, insetTop: above, insetBottom: 4 }),
        Plot.text(spread, { y: 'scenario', frameAnchor: 'left', text: 'text', textAnchor: 'start', lineAnchor: 'bottom', dx: -16, dy: above - step / 2 - 4, fontSize: 12, fontWeight: 'bold', fill: 'scenario', lineWidth }),
        Plot.ruleX([0]),
      ],
    };
  }
  const marginLeft = width < NARROW ? 90 : 120;
  const { marginBottom, labelOffset } = xAxisRoom();
  const facets = panels(summaries, width, agents.length * 16, marginBottom);
  return {
    width,
    ...facets.frame,
    marginLeft,
    marginRight: 40,
    x: { label: LEADS_PER_AGENT_AXIS, labelOffset, grid: true, ticks: width < NARROW ? 4 : undefined },
    y: { domain: agents, label: null },
    color: color(summaries),
    marks: [
      Plot.barX(rows, { y: 'agent', x: 'leadsReceived', fy: 'scenario', fill: 'scenario' }),
      Plot.text(rows, { y: 'agent', x: 'leadsReceived', fy: 'scenario', text: (d: { leadsReceived: number }) => Math.round(d.leadsReceived).toString(), textAnchor: 'start', dx: 3, fontSize: 10 }),
      Plot.ruleX([0]),
      facets.title(marginLeft),
    ],
  };
}
