import type { LeadSummaryTable } from '../io/leadSummaryReader';
import { attemptCounts, fitBetaGeometric, type BetaGeometricFit } from './betaGeometric';
import { wilsonInterval } from '../stats/wilsonInterval';

/** Event rate among leads that got exactly `attempts` calls (or at least, for the last, grouped row). */
export interface AttemptsRow {
  label: string;
  attempts: number;
  /** True for the grouped tail row ("10+"). */
  orMore: boolean;
  leads: number;
  events: number;
  rate: number;
  lower: number;
  upper: number;
}

/** The fit of a per-lead attempt summary (no timestamps). */
export interface LeadSummaryFit {
  format: 'leadlab-fit/1';
  kind: 'summary';
  event: 'converted' | 'contacted';
  data: { leads: number; withEvent: number; events: number; leftOut: number };
  /** P(event | the lead got exactly k calls), from the data alone. */
  byAttempts: AttemptsRow[];
  /**
   * Beta-geometric of calls to the event, reading each lead's count as right-censored: a lead with the event
   * had it on its last call; a lead without it stopped after its count.
   */
  attemptsToEvent: BetaGeometricFit & { notes: string[] };
  notes: string[];
}

/**
 * Fits a per-lead summary: the event rate by number of calls, and a beta-geometric model of calls to the
 * event (`converted` by default, or `contacted`). Leads without a value for the event are left out and counted.
 *
 * @example
 * const s = parseLeadSummaryText(bankCsv, { map: { campaign: 'attempts', y: 'converted' } });
 * fitLeadSummary(s.table).byAttempts[0].rate // P(y = yes | campaign = 1) = 0.146
 */
/** A per-lead summary with nothing to fit: no lead with a value of the event (`no-values`), or not one yes (`no-events`). */
export class NoEventError extends RangeError {
  constructor(message: string, readonly reason: 'no-values' | 'no-events') {
    super(message);
    this.name = 'NoEventError';
  }
}

export function fitLeadSummary(table: LeadSummaryTable, options: { event?: 'converted' | 'contacted'; groupFrom?: number } = {}): LeadSummaryFit {
  const eventName = options.event ?? (table.converted.some((v) => v >= 0) ? 'converted' : 'contacted');
  const values = eventName === 'converted' ? table.converted : table.contacted;
  const groupFrom = options.groupFrom ?? 10;
  const notes: string[] = [];
  const attempts: number[] = [], event: number[] = [];
  let leftOut = 0;
  for (let i = 0; i < table.length; i++) {
    if (values[i] < 0 || table.attempts[i] < 1) {
      leftOut++;
      continue;
    }
    attempts.push(table.attempts[i]);
    event.push(values[i]);
  }
  if (attempts.length === 0) throw new NoEventError(`fit: no lead has both a number of attempts and a "${eventName}" value`, 'no-values');
  // Not one yes: calls to the event cannot be fitted (the beta-geometric would run to its bound), and a column left
  // blank, which reads as no, is the likeliest cause.
  if (!event.some((v) => v > 0)) throw new NoEventError(`fit: none of the ${attempts.length.toLocaleString('en-US')} leads with a number of calls has "${eventName}" yes (a blank cell reads as no): there is no event to fit calls to`, 'no-events');
  if (leftOut > 0) notes.push(`${leftOut} lead${leftOut === 1 ? ' was' : 's were'} left out: no "${eventName}" value or no attempts.`);
  const n = new Map<number, number>(), e = new Map<number, number>();
  for (let i = 0; i < attempts.length; i++) {
    const k = Math.min(attempts[i], groupFrom);
    n.set(k, (n.get(k) ?? 0) + 1);
    e.set(k, (e.get(k) ?? 0) + event[i]);
  }
  const byAttempts = [...n.keys()].sort((a, b) => a - b).map((k) => {
    const leads = n.get(k)!, events = e.get(k)!;
    const [lower, upper] = wilsonInterval(events, leads);
    return { label: k === groupFrom ? `${k}+` : String(k), attempts: k, orMore: k === groupFrom, leads, events, rate: events / leads, lower, upper };
  });
  const thin = byAttempts.filter((r) => r.leads < 30).map((r) => r.label);
  if (thin.length > 0) notes.push(`Fewer than 30 leads for ${thin.join(', ')} calls: those rates are rough.`);
  const bg = fitBetaGeometric(attemptCounts(attempts, event));
  const bgNotes = [
    `Goodness of fit: ${bg.goodnessOfFit.verdict}.`,
    'Counts are read as right-censored: this assumes calling stopped for reasons unrelated to how likely the lead was to say yes, which a campaign that stops calling after a "no" breaks; read the hazard as descriptive.',
  ];
  for (const n of bg.boundNotes) bgNotes.unshift(`Degenerate fit: ${n}.`);
  const events = event.reduce((a, b) => a + b, 0);
  if (events < 50) bgNotes.push(`Only ${events} event${events === 1 ? '' : 's'}: alpha and beta are poorly determined.`);
  return {
    format: 'leadlab-fit/1',
    kind: 'summary',
    event: eventName,
    data: { leads: table.length, withEvent: attempts.length, events, leftOut },
    byAttempts,
    attemptsToEvent: { ...bg, notes: bgNotes },
    notes,
  };
}
