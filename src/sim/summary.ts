import { LOSS_BUCKETS, type LossBucket } from './lossAttribution';
import type { AgentResult, DailySeries, FunnelCounts, MetricName, RunResult } from './runResult';
import { METRIC_NAMES } from './runResult';
import { clampInterval } from './metricRange';
import { meanInterval } from './statistics';

/** A metric over replications: mean, two-sided 95% t interval (null with one replication), sd and count. */
export interface MetricSummary {
  mean: number;
  ci95: [number, number] | null;
  sd: number;
  n: number;
}

/** One loss bucket over replications: leads, their cost and the revenue they would have brought (src/sim/lossAttribution.ts). */
export interface LossBucketSummary {
  leads: MetricSummary;
  leadCost: MetricSummary;
  lostRevenue: MetricSummary;
}

/** Loss attribution over replications: each bucket with intervals, and mean lost leads per agent. */
export interface LossSummary {
  buckets: Record<LossBucket, LossBucketSummary>;
  byAgent: { name: string; buckets: Record<LossBucket, number> }[];
  unassigned: Record<LossBucket, number>;
}

/** Results of one scenario over its replications, plain data for the CLI, the page and the report. */
export interface ScenarioSummary {
  name: string;
  seed: string | number;
  replications: number;
  metrics: Record<MetricName, MetricSummary>;
  /** Mean counts per replication. */
  funnel: FunnelCounts;
  byAttempt: RunResult['byAttempt'];
  agents: AgentResult[];
  daily: DailySeries;
  distributions: RunResult['distributions'];
  losses: LossSummary;
  /** The headline metrics of each replication, in replication order. */
  runs: Record<MetricName, number>[];
}

function meanOf(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

/** Element-wise mean of arrays of possibly different lengths (missing entries count as 0). */
export function meanArrays(arrays: readonly (readonly number[])[]): number[] {
  const n = Math.max(0, ...arrays.map((a) => a.length));
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (const a of arrays) sum += a[i] ?? 0;
    out[i] = arrays.length ? sum / arrays.length : 0;
  }
  return out;
}

/** The daily series a summary averages over replications, besides one per agent. */
export const DAILY_KEYS = ['arrivals', 'attempts', 'contacts', 'applications', 'funded', 'pipeline', 'waiting'] as const;

/** Loss buckets over replications; counts and money cannot be negative, so intervals are cut at zero. */
export function summarizeLosses(runs: readonly RunResult[]): LossSummary {
  const interval = (xs: number[]): MetricSummary => {
    const s = meanInterval(xs);
    return s.ci95 ? { ...s, ci95: [Math.max(0, s.ci95[0]), s.ci95[1]] } : s;
  };
  const meanRow = (rows: Record<LossBucket, number>[]) => Object.fromEntries(LOSS_BUCKETS.map((b) => [b, meanOf(rows.map((r) => r[b]))])) as Record<LossBucket, number>;
  return {
    buckets: Object.fromEntries(
      LOSS_BUCKETS.map((b) => [
        b,
        {
          leads: interval(runs.map((r) => r.losses.buckets[b].leads)),
          leadCost: interval(runs.map((r) => r.losses.buckets[b].leadCost)),
          lostRevenue: interval(runs.map((r) => r.losses.buckets[b].lostRevenue)),
        },
      ]),
    ) as Record<LossBucket, LossBucketSummary>,
    byAgent: runs[0].losses.byAgent.map((a, i) => ({ name: a.name, buckets: meanRow(runs.map((r) => r.losses.byAgent[i].buckets)) })),
    unassigned: meanRow(runs.map((r) => r.losses.unassigned)),
  };
}

/** Summarizes replications of one scenario. */
export function summarize(name: string, seed: string | number, runs: RunResult[]): ScenarioSummary {
  // Metrics that only some scenarios report (e.g. scoring's) are summarized only where the runs have them.
  const reported = METRIC_NAMES.filter((m) => runs.some((r) => m in r.metrics));
  const metrics = Object.fromEntries(reported.map((m) => [m, clampInterval(m, meanInterval(runs.map((r) => r.metrics[m])))])) as Record<MetricName, MetricSummary>;
  const f = runs.map((r) => r.funnel);
  const lostReasons = [...new Set(f.flatMap((x) => Object.keys(x.lost)))].sort();
  const funnel: FunnelCounts = {
    leads: meanOf(f.map((x) => x.leads)),
    attempted: meanOf(f.map((x) => x.attempted)),
    contacted: meanOf(f.map((x) => x.contacted)),
    application: meanOf(f.map((x) => x.application)),
    closing: meanOf(f.map((x) => x.closing)),
    funded: meanOf(f.map((x) => x.funded)),
    nurture: meanOf(f.map((x) => x.nurture)),
    lost: Object.fromEntries(lostReasons.map((k) => [k, meanOf(f.map((x) => x.lost[k] ?? 0))])),
    open: meanOf(f.map((x) => x.open)),
  };
  const first = runs[0];
  const agents: AgentResult[] = first.agents.map((a, i) => {
    const all = runs.map((r) => r.agents[i]);
    const m = (k: keyof AgentResult) => meanOf(all.map((x) => x[k] as number));
    return {
      name: a.name,
      role: a.role,
      leadsReceived: m('leadsReceived'),
      attempts: m('attempts'),
      contacts: m('contacts'),
      applications: m('applications'),
      funded: m('funded'),
      utilization: m('utilization'),
      meanPipeline: m('meanPipeline'),
      maxPipeline: Math.max(...all.map((x) => x.maxPipeline)),
      overdueCallbacks: m('overdueCallbacks'),
    };
  });
  const daily: DailySeries = {
    date: first.daily.date,
    ...(Object.fromEntries(DAILY_KEYS.map((k) => [k, meanArrays(runs.map((r) => r.daily[k]))])) as Record<(typeof DAILY_KEYS)[number], number[]>),
    pipelineByAgent: first.daily.pipelineByAgent.map((_, a) => meanArrays(runs.map((r) => r.daily.pipelineByAgent[a]))),
  };
  return {
    name,
    seed,
    replications: runs.length,
    metrics,
    funnel,
    byAttempt: {
      attempts: meanArrays(runs.map((r) => r.byAttempt.attempts)),
      firstContacts: meanArrays(runs.map((r) => r.byAttempt.firstContacts)),
      fundedByFirstContactAttempt: meanArrays(runs.map((r) => r.byAttempt.fundedByFirstContactAttempt)),
    },
    agents,
    daily,
    distributions: {
      minutesToFirstAttempt: meanArrays(runs.map((r) => r.distributions.minutesToFirstAttempt)),
      minutesToContact: meanArrays(runs.map((r) => r.distributions.minutesToContact)),
    },
    losses: summarizeLosses(runs),
    runs: runs.map((r) => r.metrics),
  };
}
