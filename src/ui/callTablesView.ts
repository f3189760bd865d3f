import type { CallTables } from '../worker/simApi';
import type { BrowserPool } from './browserPool';
import { el } from './dom';
import { conversionTable } from './historyViews';

const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

/**
 * How a scenario reached its leads in one simulated run, with the tables History shows for a real call log: contact
 * on each attempt among leads not reached before, and conversion by speed to lead and by the attempt that first
 * reached the lead.
 */
export function callTablesView(scenario: number, name: string, tables: CallTables, run: ArrivalDays): HTMLElement {
  const attempts = el('div', { className: 'table-wrap' }, el('table', { id: `calls-attempt-${scenario}` },
    el('caption', {}, `${name}: contact rate on each attempt, for leads not reached before it (95% interval)`),
    el('thead', {}, el('tr', {}, ...['Attempt', 'Leads called', 'Reached', 'Contact rate (95% interval)'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...tables.contactByAttempt.map((r) => el('tr', {},
      el('th', { scope: 'row' }, String(r.attempt)),
      el('td', { className: 'num' }, r.atRisk.toLocaleString('en-US')),
      el('td', { className: 'num' }, r.reached.toLocaleString('en-US')),
      el('td', { className: 'num' }, `${percent(r.rate)} (${percent(r.lower)} to ${percent(r.upper)})`)))),
  ));
  return el('div', { className: 'call-tables', dataset: { scenario: String(scenario) } },
    // The leads of the measured window, as the funnel above counts them (src/worker/simApi.ts, callTables).
    el('h4', {}, `${name} (${tables.leads.toLocaleString('en-US')} leads called in the first replication, of the leads that arrived in its ${run.days - run.warmupDays} measured days, after the ${run.warmupDays}-day warm-up)`),
    attempts,
    conversionTable(`calls-speed-${scenario}`, `${name}: conversion by speed to lead (time from the lead to its first call)`, 'First call within', tables.bySpeedToLead),
    conversionTable(`calls-first-contact-${scenario}`, `${name}: conversion by the attempt that first reached the lead`, 'First reached on', tables.byAttemptOfFirstContact, false),
  );
}

/** The days leads arrive in a run, and how many of them are the warm-up. */
export interface ArrivalDays {
  days: number;
  warmupDays: number;
}

/** Each run counts up; call tables of an older run arrive too late and are dropped. */
let callTablesRun = 0;

/** A new run started: the call tables on their way belong to the old one. */
export function dropCallTables(): void {
  callTablesRun++;
}

/** After a run: the first replication of each scenario again, with its call log, for the contact and conversion tables. */
export async function showCallTables(pool: BrowserPool, scenarios: readonly { name: string; json: Record<string, unknown>; run: ArrivalDays }[], seed: number): Promise<void> {
  const mine = ++callTablesRun;
  const box = document.getElementById('call-tables')!;
  box.replaceChildren(el('p', { className: 'hint' }, 'Counting the calls of the first replication...'));
  try {
    const views: HTMLElement[] = [];
    for (const [i, s] of scenarios.entries()) {
      const tables = await pool.callTables({ source: { json: s.json, files: {} }, replication: 0, seed });
      if (mine !== callTablesRun) return;
      views.push(callTablesView(i, s.name, tables, s.run));
    }
    box.replaceChildren(...views);
  } catch (e) {
    if (mine === callTablesRun) box.replaceChildren(el('p', {}, `The call tables could not be made: ${(e as Error).message}`));
  }
}
