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

/** Days a run may have before its pipeline chart shows weekly means, and before it shows monthly means. */
export const DAILY_UP_TO_DAYS = 180;
export const WEEKLY_UP_TO_DAYS = 730;
/** Agents a scenario may have before its pipeline chart shows their spread rather than a line per agent. */
export const LINES_UP_TO_AGENTS = 20;
/** Points a pipeline chart draws at most day by day or week by week (all its lines together), so it draws quickly. */
export const PIPELINE_POINTS = 6000;

export type PipelineBin = 'day' | 'week' | 'month';

/**
 * How a pipeline chart of `lines` lines (over all its panels) bins its days: daily up to {@link DAILY_UP_TO_DAYS},
 * then weeks up to {@link WEEKLY_UP_TO_DAYS}, then calendar months; a coarser bin too when the lines would draw more
 * than {@link PIPELINE_POINTS} points.
 */
export function pipelineBin(days: number, lines = 1): PipelineBin {
  if (days <= DAILY_UP_TO_DAYS && days * lines <= PIPELINE_POINTS) return 'day';
  if (days <= WEEKLY_UP_TO_DAYS && Math.ceil(days / 7) * lines <= PIPELINE_POINTS) return 'week';
  return 'month';
}

/** The days of each bin: index ranges [from, to) into the daily series. */
function bins(dates: readonly string[], bin: PipelineBin): [number, number][] {
  const out: [number, number][] = [];
  for (let d = 0; d < dates.length; ) {
    let to = d + 1;
    if (bin === 'week') to = Math.min(dates.length, d + 7);
    else if (bin === 'month') while (to < dates.length && dates[to].slice(0, 7) === dates[d].slice(0, 7)) to++;
    out.push([d, to]);
    d = to;
  }
  return out;
}

const meanOver = (series: readonly number[], [from, to]: [number, number]) => {
  let sum = 0;
  for (let i = from; i < to; i++) sum += series[i] ?? 0;
  return sum / (to - from);
};

/**
 * Each agent's open leads at the start of each day, mean over replications; with `bin` a week or a month, each
 * agent's mean over the days of the bin, dated at the bin's first day.
 */
export function pipelineRows(summaries: readonly ScenarioSummary[], bin: PipelineBin = 'day'): PipelineRow[] {
  return summaries.flatMap((s) => {
    const ranges = bins(s.daily.date, bin);
    const dates = ranges.map(([from]) => new Date(`${s.daily.date[from]}T00:00:00Z`));
    return s.daily.pipelineByAgent.flatMap((series, a) => {
      const agent = s.agents[a]?.name ?? `agent ${a + 1}`;
      return ranges.map((r, i) => ({ scenario: s.name, agent, date: dates[i], pipeline: meanOver(series, r) }));
    });
  });
}

export interface PipelineSpreadRow {
  scenario: string;
  date: Date;
  /** Open leads of the agents: the fewest, the quartiles, the median and the most. */
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** The q-quantile of sorted numbers (linear between ranks). */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (at - lo);
}

/** The spread of the agents' pipelines in each bin (of their means over the bin's days): one row per scenario and bin. */
export function pipelineSpreadRows(summaries: readonly ScenarioSummary[], bin: PipelineBin = 'day'): PipelineSpreadRow[] {
  return summaries.flatMap((s) => {
    const series = s.daily.pipelineByAgent;
    return bins(s.daily.date, bin).map((r) => {
      const values = series.map((agent) => meanOver(agent, r)).sort((a, b) => a - b);
      return { scenario: s.name, date: new Date(`${s.daily.date[r[0]]}T00:00:00Z`), min: values[0] ?? 0, q1: quantile(values, 0.25), median: quantile(values, 0.5), q3: quantile(values, 0.75), max: values.at(-1) ?? 0 };
    });
  });
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
