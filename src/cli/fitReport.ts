import { formatDuration, formatFixed, formatPercent, formatPValue } from '../format';
import { plural } from '../format/plural';
import { noDecayFound } from '../fit/exponentialDecayFit';
import type { FittedModel } from '../fit/fitCallLog';
import type { GoodnessOfFit } from '../fit/goodnessOfFit';
import type { LeadSummaryFit } from '../fit/fitLeadSummary';

const pct = (x: number): string => formatPercent(x, '-');
const num = (x: number, d = 3): string => formatFixed(x, d, '-');
const minutes = (m: number | undefined): string => (m === undefined ? 'not reached' : formatDuration(m, 'none'));
/** Beyond this a multiplier's interval end says nothing a reader can use (the data do not bound it). */
const MULTIPLIER_SHOWN_UP_TO = 1000;

/** A multiplier's 95% interval, its upper end "unbounded" when the data do not bound it (above 1000 or infinite). */
export function multiplierInterval(lower: number, upper: number): string {
  const low = Number.isFinite(lower) ? num(lower, 2) : '-';
  return `${low}-${upper > MULTIPLIER_SHOWN_UP_TO || upper === Infinity || Number.isNaN(upper) ? 'unbounded' : num(upper, 2)}`;
}

function table(header: string[], rows: (string | number)[][]): string {
  // Counts as the command line writes them elsewhere: "3,000 leads", not "3000".
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? c.toLocaleString('en-US') : c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  return cells.map((r) => '  ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

/** The chi-squared line; with no degrees of freedom left the fit cannot be tested, and says so. */
export function chiSquaredLine(g: GoodnessOfFit): string {
  if (g.df <= 0) return `  chi-squared: not testable (${plural(g.cells, 'cell')} after pooling for ${plural(g.fittedParameters, 'fitted parameter')})`;
  return `  chi-squared ${num(g.chiSquare, 1)} on ${g.df} df, ${formatPValue(g.pValue, '-')}`;
}

const DEGENERATE = ' [DEGENERATE: at a bound, not a result; see the notes]';

function notes(list: readonly string[]): string[] {
  return list.map((n) => `  - ${n}`);
}

/** A plain-text report of a call-log fit, for the terminal. */
export function describeCallLogFit(fit: FittedModel): string {
  const out: string[] = [];
  const d = fit.data;
  out.push(`Call log: ${plural(d.rows, 'attempt')} on ${plural(d.leads, 'lead')}; ${plural(d.contactedLeads, 'lead')} reached (${pct(d.contactedLeads / d.leads)}); ${plural(d.searchAttempts, 'attempt')} up to first contact.`);
  if (d.leadsWithConversion > 0) out.push(`Conversion known for ${plural(d.leadsWithConversion, 'lead')}, ${d.convertedLeads.toLocaleString('en-US')} converted.`);
  out.push(...notes(fit.notes), '');

  const c = fit.contactModel.contactability;
  out.push('Contact model (contactModel in the JSON; a scenario can load it):');
  out.push(`  contactability ~ Beta(alpha ${num(c.alpha)}, beta ${num(c.beta)}), mean ${pct(c.alpha / (c.alpha + c.beta))} per attempt for a fresh lead at an average hour${fit.contactModelFit.atBound ? DEGENERATE : ''}`);
  out.push(`  age decay: ${fit.contactModel.ageDecay.kind === 'table' ? `table of ${fit.contactModel.ageDecay.points.length} point${fit.contactModel.ageDecay.points.length === 1 ? '' : 's'}` : 'exponential'}; exponential summary: ${noDecayFound(fit.contactByLeadAge.exponential) ? 'no decay with age found' : `half-life ${minutes(fit.contactByLeadAge.exponential.halfLifeMinutes)}, floor ${num(fit.contactByLeadAge.exponential.floor, 2)}`}`);
  out.push(`  joint fit: log-likelihood ${num(fit.contactModelFit.logLik, 1)}, ${fit.contactModelFit.iterations} iterations${fit.contactModelFit.converged ? '' : ' (not converged)'}`);
  out.push(...notes(fit.contactModelFit.notes), '');

  const t = fit.timeToContact;
  out.push(`Time to first contact (Kaplan-Meier, ${plural(t.censored, 'lead')} never reached ${t.censored === 1 ? 'is censored at its' : 'are censored at their'} last attempt):`);
  out.push(`  median ${minutes(t.median.t)} (95% ${minutes(t.median.lower)} to ${minutes(t.median.upper)})`);
  out.push(table(['reached within', 'share', '95% interval'], t.contactedWithin.map((r) => [r.label, pct(r.share), `${pct(r.lower)}-${pct(r.upper)}`])));
  out.push(...notes(t.notes), '');

  const bg = fit.attemptsToContact;
  out.push(`Attempts to contact (beta-geometric): alpha ${num(bg.alpha)} (se ${num(bg.se.alpha)}), beta ${num(bg.beta)} (se ${num(bg.se.beta)}), log-likelihood ${num(bg.logLik, 1)}${bg.atBound ? DEGENERATE : ''}`);
  out.push(table(['attempt', 'at risk', 'reached', 'fitted', 'rate', 'fitted rate'], bg.perAttempt.slice(0, 12).map((r) => [r.attempt, r.atRisk, r.observed, r.fitted.toFixed(1), pct(r.observedRate), pct(r.fittedRate)])));
  out.push(chiSquaredLine(bg.goodnessOfFit));
  out.push(...notes(bg.notes), '');

  out.push('Contact by lead age (search-phase attempts):');
  out.push(table(['age', 'attempts', 'contact rate', '95% interval', 'multiplier', '95% interval'], fit.contactByLeadAge.buckets.filter((b) => b.attempts > 0).map((b) => [
    b.label, b.attempts, pct(b.rate), `${pct(b.lower)}-${pct(b.upper)}`, b.estimated || b.multiplier === 1 ? num(b.multiplier, 2) : 'thin', multiplierInterval(b.multiplierLower, b.multiplierUpper),
  ])));
  out.push(...notes(fit.contactByLeadAge.notes), '');

  out.push('Contact by hour of week (estimated hours):');
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const grid = days.map((day, i) => [day, ...Array.from({ length: 24 }, (_, h) => {
    const row = fit.contactByHourOfWeek.hours[i * 24 + h];
    return row.estimated ? row.multiplier.toFixed(1) : '.';
  })]);
  out.push(table(['', ...Array.from({ length: 24 }, (_, h) => String(h))], grid));
  out.push(...notes(fit.contactByHourOfWeek.notes), '');

  if (fit.conversion) {
    out.push('Conversion by speed to lead (delay to the first attempt):');
    out.push(table(['first attempt', 'leads', 'reached', 'converted', 'rate', '95% interval'], fit.conversion.bySpeedToLead.map((r) => [r.label + (r.thin ? ' (thin)' : ''), r.leads, pct(r.contactRate), r.converted, pct(r.conversionRate), `${pct(r.lower)}-${pct(r.upper)}`])));
    out.push('Conversion by attempt of first contact:');
    out.push(table(['first reached on', 'leads', 'converted', 'rate', '95% interval'], fit.conversion.byAttemptOfFirstContact.map((r) => [r.label + (r.thin ? ' (thin)' : ''), r.leads, r.converted, pct(r.conversionRate), `${pct(r.lower)}-${pct(r.upper)}`])));
    out.push(...notes(fit.conversion.notes), '');
  }
  return out.join('\n');
}

/** A plain-text report of a per-lead summary fit. */
export function describeLeadSummaryFit(fit: LeadSummaryFit): string {
  const out: string[] = [];
  out.push(`Per-lead summary: ${plural(fit.data.withEvent, 'lead')} with a number of calls and "${fit.event}", ${plural(fit.data.events, 'event')}.`);
  out.push(...notes(fit.notes), '');
  out.push(`P(${fit.event} | number of calls):`);
  out.push(table(['calls', 'leads', fit.event, 'rate', '95% interval'], fit.byAttempts.map((r) => [r.label, r.leads, r.events, pct(r.rate), `${pct(r.lower)}-${pct(r.upper)}`])));
  const bg = fit.attemptsToEvent;
  out.push('', `Calls to ${fit.event} (beta-geometric): alpha ${num(bg.alpha)} (se ${num(bg.se.alpha)}), beta ${num(bg.beta)} (se ${num(bg.se.beta)}), log-likelihood ${num(bg.logLik, 1)}${bg.atBound ? DEGENERATE : ''}`);
  out.push(table(['call', 'at risk', 'events', 'fitted', 'hazard', 'fitted hazard'], bg.perAttempt.slice(0, 12).map((r) => [r.attempt, r.atRisk, r.observed, r.fitted.toFixed(1), pct(r.observedRate), pct(r.fittedRate)])));
  out.push(chiSquaredLine(bg.goodnessOfFit));
  out.push(...notes(bg.notes));
  out.push('  - A per-lead summary has no times: no contact model (contactModel) is written; fit a call log for that.');
  return out.join('\n') + '\n';
}
