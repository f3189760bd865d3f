import { durationLabel } from '../format';
import type { MetricName } from '../sim/runResult';
import { TIME_BINS } from '../sim/runResult';
import type { ScenarioSummary } from '../sim/summary';

/*
 * Results turned into tidy rows (one object per mark datum), the input of the chart specs. Plain data, so the page
 * and the command-line report share them.
 */

export interface IntervalRow {
  scenario: string;
  mean: number;
  lo: number;
  hi: number;
}

/** Mean and 95% interval of one metric per scenario; without an interval the bar collapses to the mean. */
export function intervalRows(summaries: readonly ScenarioSummary[], metric: MetricName): IntervalRow[] {
  return summaries.map((s) => {
    const m = s.metrics[metric];
    return { scenario: s.name, mean: m.mean, lo: m.ci95?.[0] ?? m.mean, hi: m.ci95?.[1] ?? m.mean };
  });
}

/** The funnel stages in order, with the words the page shows. */
export const FUNNEL_STAGES = [
  ['leads', 'Leads'],
  ['attempted', 'Called'],
  ['contacted', 'Reached'],
  ['application', 'Application'],
  ['closing', 'Closing'],
  ['funded', 'Funded'],
] as const;

export interface FunnelRow {
  scenario: string;
  stage: string;
  /** Mean leads per replication that reached this stage (a funded lead was also called and reached). */
  count: number;
}

/** Leads that reached each stage of the funnel, per scenario. */
export function funnelRows(summaries: readonly ScenarioSummary[]): FunnelRow[] {
  return summaries.flatMap((s) => FUNNEL_STAGES.map(([key, stage]) => ({ scenario: s.name, stage, count: s.funnel[key] })));
}

/** "under 1 min", "1-5 min", ..., "over 7 days": the bins of {@link TIME_BINS}. */
export function timeBinLabels(): string[] {
  const word = durationLabel;
  return TIME_BINS.map((hi, i) => (i === 0 ? `under ${word(hi)}` : Number.isFinite(hi) ? `${word(TIME_BINS[i - 1])}-${word(hi)}` : `over ${word(TIME_BINS[i - 1])}`));
}

export interface TimeBinRow {
  scenario: string;
  bin: string;
  /** Share of the scenario's leads in this bin. */
  share: number;
}

/** Histogram of minutes to first attempt (or to contact) as shares of each scenario's leads in the histogram. */
export function timeBinRows(summaries: readonly ScenarioSummary[], which: 'minutesToFirstAttempt' | 'minutesToContact'): TimeBinRow[] {
  const labels = timeBinLabels();
  return summaries.flatMap((s) => {
    const counts = s.distributions[which];
    const total = counts.reduce((a, b) => a + b, 0) || 1;
    return labels.map((bin, i) => ({ scenario: s.name, bin, share: (counts[i] ?? 0) / total }));
  });
}

export interface PipelineRow {
  scenario: string;
  agent: string;
  date: Date;
  pipeline: number;
}

/** Each agent's open leads at the start of each day, mean over replications. */
export function pipelineRows(summaries: readonly ScenarioSummary[]): PipelineRow[] {
  return summaries.flatMap((s) =>
    s.daily.pipelineByAgent.flatMap((series, a) => series.map((pipeline, d) => ({ scenario: s.name, agent: s.agents[a]?.name ?? `agent ${a + 1}`, date: new Date(`${s.daily.date[d]}T00:00:00Z`), pipeline }))),
  );
}

export interface AgentRow {
  scenario: string;
  agent: string;
  leadsReceived: number;
  funded: number;
}

/** New leads each agent received in the measured window (fairness), mean over replications. */
export function agentRows(summaries: readonly ScenarioSummary[]): AgentRow[] {
  return summaries.flatMap((s) => s.agents.map((a) => ({ scenario: s.name, agent: a.name, leadsReceived: a.leadsReceived, funded: a.funded })));
}
