import * as Plot from '@observablehq/plot';
import type { MetricName } from '../sim/runResult';
import { METRICS } from '../sim/runResult';
import type { ScenarioSummary } from '../sim/summary';
import { agentRows, FUNNEL_STAGES, funnelRows, intervalRows, pipelineRows, timeBinLabels, timeBinRows } from './rows';

/*
 * Results as @observablehq/plot specs: `Plot.plot(spec)` draws them (in the page, or with `document` from a DOM
 * implementation for a report). One function per chart. Colors follow the scenario order, baseline first, and
 * every panel is labeled with its scenario's full name, so no legend is needed.
 */

const WIDTH = 760;

/**
 * Scenario colors, baseline first: each at least 4.5:1 on white, since scenario names are written in them (Plot's
 * default yellow and orange were 1.9:1 and 2.7:1).
 */
export const SCENARIO_COLORS = ['#1f5fbf', '#b34700', '#1e7a34', '#8e3bb0', '#b00020', '#00707a', '#6b5a00', '#4a5568'];

const color = (summaries: readonly ScenarioSummary[]) => ({ domain: summaries.map((s) => s.name), range: SCENARIO_COLORS });

/** The scenario's full name written inside the top of its panel. */
function panelTitle(summaries: readonly ScenarioSummary[]): Plot.Markish {
  return Plot.text(
    summaries.map((s) => ({ scenario: s.name })),
    { fy: 'scenario', text: 'scenario', frameAnchor: 'top-left', lineAnchor: 'bottom', dy: -6, textAnchor: 'start', fontWeight: 'bold', fontSize: 13, fill: 'scenario' },
  );
}

/** One metric per scenario: a dot at the mean, a bar over the 95% interval, the value and the name written beside it. */
export function intervalSpec(summaries: readonly ScenarioSummary[], metric: MetricName): Plot.PlotOptions {
  const rows = intervalRows(summaries, metric);
  const share = METRICS[metric].unit === 'share';
  const value = (v: number) => (share ? `${(v * 100).toFixed(1)}%` : v.toFixed(1));
  return {
    width: WIDTH,
    height: 40 + 56 * rows.length,
    marginTop: 10,
    marginRight: 100,
    x: { label: `${METRICS[metric].label}${share ? ' (%)' : ''}: mean and 95% interval`, percent: share, grid: true, nice: true, zero: true },
    y: { domain: rows.map((r) => r.scenario), axis: null, inset: 20 },
    color: color(summaries),
    marks: [
      Plot.ruleY(rows, { y: 'scenario', x1: 'lo', x2: 'hi', stroke: 'scenario', strokeWidth: 8, strokeOpacity: 0.35 }),
      Plot.dot(rows, { y: 'scenario', x: 'mean', fill: 'scenario', r: 6, stroke: 'white' }),
      Plot.text(rows, { y: 'scenario', x: 'mean', text: (d: { mean: number; lo: number; hi: number }) => `${value(d.mean)} (${value(d.lo)} to ${value(d.hi)})`, dy: 16, fontSize: 12 }),
      Plot.text(rows, { y: 'scenario', frameAnchor: 'left', text: 'scenario', textAnchor: 'start', dy: -16, fontSize: 12, fontWeight: 'bold', fill: 'scenario' }),
    ],
  };
}

/** Leads reaching each stage of the funnel, one panel per scenario. */
export function funnelSpec(summaries: readonly ScenarioSummary[]): Plot.PlotOptions {
  const rows = funnelRows(summaries);
  return {
    width: WIDTH,
    height: 40 + 170 * summaries.length,
    marginTop: 30,
    marginLeft: 90,
    marginRight: 60,
    x: { label: 'Leads per run (mean over replications)', grid: true },
    y: { domain: FUNNEL_STAGES.map(([, stage]) => stage), label: null },
    fy: { domain: summaries.map((s) => s.name), axis: null, padding: 0.25 },
    color: color(summaries),
    marks: [
      Plot.barX(rows, { y: 'stage', x: 'count', fy: 'scenario', fill: 'scenario' }),
      Plot.text(rows, { y: 'stage', x: 'count', fy: 'scenario', text: (d: { count: number }) => Math.round(d.count).toLocaleString('en-US'), textAnchor: 'start', dx: 4 }),
      Plot.ruleX([0]),
      panelTitle(summaries),
    ],
  };
}

/** How long leads waited for their first call (or first conversation), as shares of leads, one panel per scenario. */
export function timeBinSpec(summaries: readonly ScenarioSummary[], which: 'minutesToFirstAttempt' | 'minutesToContact'): Plot.PlotOptions {
  return {
    width: WIDTH,
    height: 80 + 200 * summaries.length,
    marginTop: 30,
    marginBottom: 60,
    x: { domain: timeBinLabels(), label: which === 'minutesToFirstAttempt' ? 'Time from arrival to first call' : 'Time from arrival to first conversation', tickRotate: -25 },
    y: { label: 'Share of leads (%)', percent: true, grid: true },
    fy: { domain: summaries.map((s) => s.name), axis: null, padding: 0.25 },
    color: color(summaries),
    marks: [Plot.barY(timeBinRows(summaries, which), { x: 'bin', y: 'share', fy: 'scenario', fill: 'scenario' }), Plot.ruleY([0]), panelTitle(summaries)],
  };
}

/** Each agent's pipeline (open leads) over time, one line per agent, one panel per scenario. */
export function pipelineSpec(summaries: readonly ScenarioSummary[]): Plot.PlotOptions {
  return {
    width: WIDTH,
    height: 60 + 200 * summaries.length,
    marginTop: 30,
    x: { type: 'utc', label: null },
    y: { label: 'Open leads per agent', grid: true },
    fy: { domain: summaries.map((s) => s.name), axis: null, padding: 0.25 },
    color: color(summaries),
    marks: [
      Plot.lineY(pipelineRows(summaries), { x: 'date', y: 'pipeline', z: 'agent', fy: 'scenario', stroke: 'scenario', strokeOpacity: 0.6, tip: true, title: 'agent' }),
      Plot.ruleY([0]),
      panelTitle(summaries),
    ],
  };
}

/** New leads each agent received in the measured window, one panel per scenario: equal bars are fair distribution. */
export function leadsPerAgentSpec(summaries: readonly ScenarioSummary[]): Plot.PlotOptions {
  const rows = agentRows(summaries);
  const agents = [...new Set(rows.map((r) => r.agent))];
  return {
    width: WIDTH,
    height: 50 + summaries.length * (40 + agents.length * 16),
    marginTop: 30,
    marginLeft: 120,
    marginRight: 40,
    x: { label: 'New leads received per agent (mean per run)', grid: true },
    y: { domain: agents, label: null },
    fy: { domain: summaries.map((s) => s.name), axis: null, padding: 0.25 },
    color: color(summaries),
    marks: [
      Plot.barX(rows, { y: 'agent', x: 'leadsReceived', fy: 'scenario', fill: 'scenario' }),
      Plot.text(rows, { y: 'agent', x: 'leadsReceived', fy: 'scenario', text: (d: { leadsReceived: number }) => Math.round(d.leadsReceived).toString(), textAnchor: 'start', dx: 3, fontSize: 10 }),
      Plot.ruleX([0]),
      panelTitle(summaries),
    ],
  };
}
