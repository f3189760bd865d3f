import type { CallRecord } from '../sim/callLog';

/**
 * Simulated call records as a CSV call log with ISO timestamps (UTC), as `leadlab fit` reads them; `converted` says
 * whether the lead funded by the end of the run, so the fit's conversion tables can be read from a simulated log too.
 */
export function callsToCsv(calls: readonly CallRecord[], startDate: string): string {
  const t0 = Date.parse(`${startDate}T00:00:00Z`);
  const iso = (minutes: number) => new Date(t0 + Math.round(minutes * 60_000)).toISOString();
  const lines = ['lead_id,lead_created,attempt_time,outcome,agent,source,product,converted'];
  for (const c of calls) lines.push([c.leadId, iso(c.leadCreated), iso(c.attemptTime), c.outcome, c.agent ?? '', c.source ?? '', c.product ?? '', c.converted === undefined ? '' : c.converted ? 'yes' : 'no'].join(','));
  return lines.join('\n') + '\n';
}
