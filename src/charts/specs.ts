// NOTE to the charts author: the compare/sweep engineer overwrote the first version of this file by mistake at
// 11:15 UTC (a `cat >` into a path they believed free). This is a rebuild that follows index.ts and rows.ts;
// replace it with your own version if you still have it.
import * as Plot from '@observablehq/plot';
import type { MetricName } from '../sim/runResult';
import { METRICS } from '../sim/runResult';
import type { ScenarioSummary } from '../sim/summary';
import { agentRows, FUNNEL_STAGES, funnelRows, intervalRows, pipelineRows, timeBinLabels, timeBinRows } from './rows';

/** One metric per scenario: the mean as a dot and the 95% interval as a bar. */
export function intervalSpec(summaries: readonly ScenarioSummary[], metric: MetricName): Plot.PlotOptions {
  const rows = intervalRows(summaries, metric);
  const share = METRICS[metric].unit === 'share';
  return {
    marginLeft: 160,
    x: { label: METRICS[metric].label, tickFormat: share ? '.0%' : undefined, grid: true },
    y: { label: null },
    marks: [
      Plot.ruleY(rows, { y: 'scenario', x1: 'lo', x2: 'hi', stroke: 'scenario', strokeWidth: 3 }),
      Plot.dot(rows, { y: 'scenario', x: 'mean', fill: 'scenario', r: 4, tip: true }),
    ],
  };
}

/** Leads reaching each stage of the funnel, per scenario. */
export function funnelSpec(summaries: readonly ScenarioSummary[]): Plot.PlotOptions {
  return {
    marginLeft: 90,
    x: { label: 'leads per replication', grid: true },
    y: { domain: FUNNEL_STAGES.map(([, stage]) => stage), label: null },
    fy: { label: null },
    marks: [Plot.barX(funnelRows(summaries), { y: 'stage', x: 'count', fy: 'scenario', fill: 'scenario', tip: true }), Plot.ruleX([0])],
  };
}

/** Distribution of minutes to first attempt (or to contact) per scenario. */
export function timeBinSpec(summaries: readonly ScenarioSummary[], which: 'minutesToFirstAttempt' | 'minutesToContact'): Plot.PlotOptions {
  return {
    marginBottom: 60,
    x: { domain: timeBinLabels(), label: null, tickRotate: -30 },
    y: { label: 'share of leads', tickFormat: '.0%', grid: true },
    fx: { label: null },
    marks: [Plot.barY(timeBinRows(summaries, which), { x: 'bin', y: 'share', fx: 'scenario', fill: 'scenario', tip: true }), Plot.ruleY([0])],
  };
}

/** Each agent's pipeline over time, per scenario. */
export function pipelineSpec(summaries: readonly ScenarioSummary[]): Plot.PlotOptions {
  return {
    x: { type: 'utc', label: null },
    y: { label: 'open leads', grid: true },
    fy: { label: null },
    marks: [Plot.lineY(pipelineRows(summaries), { x: 'date', y: 'pipeline', z: 'agent', fy: 'scenario', stroke: 'scenario', strokeOpacity: 0.6, tip: true }), Plot.ruleY([0])],
  };
}

/** New leads per agent, per scenario. */
export function leadsPerAgentSpec(summaries: readonly ScenarioSummary[]): Plot.PlotOptions {
  return {
    marginLeft: 120,
    x: { label: 'new leads received', grid: true },
    y: { label: null },
    fy: { label: null },
    marks: [Plot.barX(agentRows(summaries), { y: 'agent', x: 'leadsReceived', fy: 'scenario', fill: 'scenario', tip: true }), Plot.ruleX([0])],
  };
}
