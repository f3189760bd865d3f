import { formatCount, formatMetric, formatMoney, formatTenths } from '../format';
import { LOSS_BUCKET_INFO, LOSS_BUCKETS } from '../sim/lossAttribution';
import { METRICS, type MetricName } from '../sim/runResult';
import type { MetricSummary, ScenarioSummary } from '../sim/summary';

/**
 * Why a metric can have no value: each is a ratio whose denominator can be 0 in a replication (a mean over
 * replications is then undefined too). The output says the reason instead of a bare null.
 */
export const NO_VALUE_REASONS: ReadonlyArray<readonly [MetricName, string]> = [
  ['costPerFunded', 'no funded loans'],
  ['roi', 'no cost'],
  ['meanMinutesToFirstAttempt', 'no lead was called'],
  ['medianMinutesToFirstAttempt', 'half the leads or more were never called'],
  ['meanMinutesToContact', 'no contacts'],
  ['pullThrough', 'no applications'],
  ['fundedInLastWeekShare', 'no funded loans'],
  ['spamLabeledShare', 'no call to a consumer not yet reached'],
  // Shares and ratios of the window's leads.
  ...(['contactRate', 'applicationRate', 'fundedRate', 'shareFirstAttemptDelayed', 'attemptsPerLead', 'spoiledShare', 'neverAttemptedShare', 'lostToCompetitorShare', 'nurtureShare', 'doNotCallShare', 'agedOutShare', 'routedToMarketingShare', 'returnedFromMarketingShare', 'optedOutShare', 'dripEmailsPerLead'] as const).map(
    (m) => [m, 'no leads measured'] as const,
  ),
];

/** The metrics of a summary that have no value, each with the reason (in at least one replication). */
export function noValueReasons(s: ScenarioSummary): Partial<Record<MetricName, string>> {
  const out: Partial<Record<MetricName, string>> = {};
  for (const [m, reason] of NO_VALUE_REASONS) {
    if (s.metrics[m] && !Number.isFinite(s.metrics[m].mean)) out[m] = `${reason} in at least one replication`;
  }
  return out;
}

/** Formats a metric value by its unit (the one formatter of src/format, shared with the page). */
export const formatValue = formatMetric;

export function formatInterval(metric: MetricName, s: MetricSummary): string {
  if (!s.ci95) return s.n === 1 ? '(1 replication)' : 'n/a';
  return `${formatValue(metric, s.ci95[0], s.mean)} to ${formatValue(metric, s.ci95[1], s.mean)}`;
}

/** Counts in the tables as in the metrics above them: whole with thousands separators, or with one decimal. */
const whole = (x: number) => Math.round(x).toLocaleString('en-US');

/** Left-aligned first column, right-aligned others. */
export function table(rows: string[][], header: string[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The readable summary `leadlab run` prints; `warmup` is the sentence on the warm-up (src/sim/warmup.ts), under the run's description. */
export function formatSummary(s: ScenarioSummary, info: { days: number; warmupDays: number; cooldownDays: number; agents: number; warmup?: string }): string {
  const out: string[] = [];
  out.push(`${s.name}`);
  out.push(
    `${s.replications} replication${s.replications === 1 ? '' : 's'}, seed ${s.seed}, ${info.agents} agent${info.agents === 1 ? '' : 's'}, ${info.days} day${info.days === 1 ? '' : 's'} of leads ` +
      `(${info.warmupDays === 0 ? 'no warm-up' : info.warmupDays === 1 ? 'first discarded as warm-up' : `first ${info.warmupDays} discarded as warm-up`}, ${info.cooldownDays} day${info.cooldownDays === 1 ? '' : 's'} of follow-up after the last lead)`,
  );
  if (info.warmup) out.push(info.warmup);
  out.push('');
  // A metric with no value says why in a numbered note under the table, so that the reason does not widen its column.
  const reasons = noValueReasons(s);
  const notes: string[] = [];
  const note = (reason: string) => {
    if (!notes.includes(reason)) notes.push(reason);
    return `n/a [${notes.indexOf(reason) + 1}]`;
  };
  const rows = (Object.keys(METRICS) as MetricName[]).filter((m) => s.metrics[m]).map((m) => [METRICS[m].label, reasons[m] ? note(reasons[m]) : formatValue(m, s.metrics[m].mean), formatInterval(m, s.metrics[m])]);
  out.push(table(rows, ['Metric', 'Mean', '95% interval']));
  for (const [i, reason] of notes.entries()) out.push(`[${i + 1}] n/a: ${reason}`);
  out.push('');
  const f = s.funnel;
  const pct = (x: number) => (f.leads ? `${((100 * x) / f.leads).toFixed(1)}%` : '-');
  out.push('Funnel (mean per replication, leads of the measured window)');
  out.push(
    table(
      [
        ['Leads', whole(f.leads), f.leads ? '100%' : '-'],
        ['Attempted', whole(f.attempted), pct(f.attempted)],
        ['Contacted', whole(f.contacted), pct(f.contacted)],
        ['Application', whole(f.application), pct(f.application)],
        ['Closing', whole(f.closing), pct(f.closing)],
        ['Funded', formatTenths(f.funded), pct(f.funded)],
        ['In nurture at end', whole(f.nurture), pct(f.nurture)],
        ...Object.entries(f.lost).map(([k, v]) => [`Lost: ${k}`, whole(v), pct(v)]),
        ['Still open at end', whole(f.open), pct(f.open)],
      ],
      ['Stage', 'Leads', 'Share'],
    ),
  );
  out.push('');
  out.push(formatLosses(s));
  out.push('');
  out.push('Agents (mean per replication)');
  out.push(
    table(
      s.agents.map((a) => [
        a.name,
        whole(a.leadsReceived),
        whole(a.attempts),
        whole(a.contacts),
        formatTenths(a.applications),
        formatTenths(a.funded),
        `${(a.utilization * 100).toFixed(0)}%`,
        whole(a.meanPipeline),
        String(a.maxPipeline),
      ]),
      ['Agent', 'Leads', 'Calls', 'Contacts', 'Apps', 'Funded', 'Busy', 'Pipeline', 'Max'],
    ),
  );
  // A lead handed on (back from nurture or the drip, requeued, transferred) is received again by its new agent.
  out.push('Leads: leads each agent received, a lead handed on to another agent counted again by each; they can add up to more than the leads of the window.');
  return out.join('\n') + '\n';
}

/** The loss buckets as a table: leads with their interval, lead cost and the revenue they would have brought. */
export function formatLosses(s: ScenarioSummary): string {
  const l = s.losses;
  const pct = (x: number) => (s.funnel.leads ? `${((100 * x) / s.funnel.leads).toFixed(1)}%` : '-');
  const rows = LOSS_BUCKETS.map((b) => {
    const x = l.buckets[b];
    const ci = x.leads.ci95 ? `${formatCount(x.leads.ci95[0])} to ${formatCount(x.leads.ci95[1])}` : '';
    return [LOSS_BUCKET_INFO[b].label, formatTenths(x.leads.mean), ci, pct(x.leads.mean), formatMoney(x.leadCost.mean), formatMoney(x.lostRevenue.mean)];
  });
  rows.push(['Funded', formatTenths(s.funnel.funded), '', pct(s.funnel.funded), '', '']);
  const perAgent = [...l.byAgent.map((a) => [a.name, a.buckets] as const), ['(no agent)', l.unassigned] as const].map(([name, buckets]) => {
    const total = LOSS_BUCKETS.reduce((t, b) => t + buckets[b], 0);
    const top = LOSS_BUCKETS.reduce((best, b) => (buckets[b] > buckets[best] ? b : best), LOSS_BUCKETS[0]);
    return [name, formatTenths(total), total > 0 ? `${LOSS_BUCKET_INFO[top].label} (${formatTenths(buckets[top])})` : '-'];
  });
  return [
    'Where production is lost (mean per replication; revenue at the floor\'s own conversion from the stage each lead reached)',
    table(rows, ['Bucket', 'Leads', '95% interval', 'Share', 'Lead cost', 'Lost revenue']),
    '',
    'Lost leads by agent (the agent holding the lead when it was lost or parked)',
    table(perAgent, ['Agent', 'Lost', 'Largest bucket']),
  ].join('\n');
}
