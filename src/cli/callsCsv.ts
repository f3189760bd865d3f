import type { CallRecord } from '../sim/callLog';

/** Simulated call records as a CSV call log with ISO timestamps (UTC), as `leadlab fit` reads them. */
export function callsToCsv(calls: readonly CallRecord[], startDate: string): string {
  const t0 = Date.parse(`${startDate}T00:00:00Z`);
  const iso = (minutes: number) => new Date(t0 + Math.round(minutes * 60_000)).toISOString();
  const lines = ['lead_id,lead_created,attempt_time,outcome,agent,source,product'];
  for (const c of calls) lines.push([c.leadId, iso(c.leadCreated), iso(c.attemptTime), c.outcome, c.agent ?? '', c.source ?? '', c.product ?? ''].join(','));
  return lines.join('\n') + '\n';
}
