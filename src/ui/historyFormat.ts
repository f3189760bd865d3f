import { durationLabel as ageLabel, formatFixed, formatPercent, formatPValue, plural } from '../format';
import type { ConversionRow } from '../fit/conversionTables';
import { noDecayFound } from '../fit/exponentialDecayFit';
import type { FittedModel } from '../fit/fitCallLog';
import type { RejectReason } from '../io/importReport';

/*
 * The words and numbers the History section shows for a read file and its fit. Pure, so a test can compute what the
 * page must show from a fit made in Node.
 */

/** Why rows were rejected, in a sales analyst's words. */
export const REJECT_REASON_WORDS: Record<RejectReason, string> = {
  'missing-field': 'a required value is empty',
  'unparseable-time': 'a date or time could not be read',
  'attempt-before-created': 'call placed before the lead was created',
  'unknown-outcome': 'call outcome not recognized',
  'bad-value': 'a value is not what the column should hold',
  'wrong-field-count': 'wrong number of fields on the line',
  'malformed-quotes': 'broken quotes',
};

/** The fields of an import, in words, for the column selects. */
export const FIELD_WORDS: Record<string, string> = {
  leadId: 'Lead ID',
  leadCreated: 'Lead created (date and time)',
  attemptTime: 'Call placed (date and time)',
  outcome: 'Call outcome',
  agent: 'Agent',
  source: 'Lead source',
  product: 'Product',
  converted: 'Converted (yes/no)',
  convertedTime: 'Converted on (date)',
  attempts: 'Number of calls',
  contacted: 'Reached (yes/no)',
};

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
/** A count with thousands separators. */
export const count = (n: number): string => (finite(n) ? Math.round(n).toLocaleString('en-US') : '-');
/** A share as a percentage with one decimal. */
export const percent = (x: number): string => formatPercent(x, '-');
const fixed = (x: number, d: number): string => formatFixed(x, d, '-');

/** One key number of a fit: a stable key (for tests and styles), its label, its value and a plain explanation. */
export interface KeyNumber {
  key: string;
  label: string;
  value: string;
  note?: string;
}

/** The key numbers of a call-log fit, in the order the page shows them. */
export function fitKeyNumbers(fit: FittedModel): KeyNumber[] {
  const d = fit.data;
  const bg = fit.attemptsToContact;
  const c = fit.contactModel.contactability;
  const t = fit.timeToContact;
  const e = fit.contactByLeadAge.exponential;
  const gof = bg.goodnessOfFit;
  return [
    { key: 'leads', label: 'Leads', value: count(d.leads) },
    { key: 'calls', label: 'Call attempts', value: count(d.rows) },
    { key: 'reached', label: 'Share of leads ever reached', value: percent(d.contactedLeads / d.leads), note: `${count(d.contactedLeads)} of ${count(d.leads)} leads` },
    { key: 'median', label: 'Median time to first conversation', value: t.median.t === undefined ? 'not reached' : ageLabel(t.median.t), note: 'Kaplan-Meier; leads never reached count until their last call' },
    { key: 'bg-alpha', label: 'Beta-geometric alpha', value: fixed(bg.alpha, 3), note: `standard error ${fixed(bg.se.alpha, 3)}` },
    { key: 'bg-beta', label: 'Beta-geometric beta', value: fixed(bg.beta, 3), note: `standard error ${fixed(bg.se.beta, 3)}` },
    { key: 'bg-mean', label: 'Chance a fresh lead answers a call', value: percent(bg.meanProbability), note: 'alpha / (alpha + beta), over the hours and ages this log called at' },
    { key: 'bg-fit', label: 'Goodness of fit (attempts to contact)', value: gof.verdict, note: gof.df > 0 ? `chi-squared ${fixed(gof.chiSquare, 1)} on ${gof.df} degrees of freedom, ${formatPValue(gof.pValue, '-')}` : `not testable: ${plural(gof.cells, 'cell')} after pooling for ${plural(gof.fittedParameters, 'fitted parameter')}` },
    { key: 'contactability', label: 'Contactability in the model', value: `Beta(${fixed(c.alpha, 3)}, ${fixed(c.beta, 3)})`, note: `mean ${percent(c.alpha / (c.alpha + c.beta))} per call for a fresh lead at an average hour, with hour and age effects separated out` },
    { key: 'age-decay', label: 'Age decay', value: !finite(e.halfLifeMinutes) ? 'none fitted' : noDecayFound(e) ? 'no decay with age found' : `half-life ${ageLabel(e.halfLifeMinutes)}, floor ${fixed(e.floor, 2)}`, note: 'how fast the chance of an answer falls as the lead ages (the model uses the fitted table)' },
  ];
}

/**
 * A reader's message in the page's words: the import core names the command line's options (`--outcome`,
 * `--date-order`, `--tz`); the page has a control for each.
 *
 * @example
 * inPageWords('unknown outcome "x"; name it with --outcome "x=contact" (or no-answer, voicemail, bad-number, busy)')
 * // 'unknown outcome "x"; say what it means under "Call outcomes this page does not know"'
 */
export function inPageWords(message: string): string {
  return message
    .replace(/; name it with --outcome ".*" \(or no-answer, voicemail, bad-number, busy\)$/s, '; say what it means under "Call outcomes this page does not know"')
    .replace(/; state the order with --date-order mdy or --date-order dmy$/, '; choose the "Order of numeric dates"')
    .replace(/: state that order with (?:dateOrder \(--date-order\)|--date-order) (dmy|mdy)$/, (_m, o: string) => `: choose "${o === 'dmy' ? 'day/month/year' : 'month/day/year (US)'}" as the "Order of numeric dates"`)
    .replace(/^no time zone given \(--tz\): /, 'no time zone given: ');
}

/** A row of a conversion table as the page shows it: group, leads, reached, converted, rate with its interval. */
export function conversionCells(r: ConversionRow, reached = true): string[] {
  return [
    r.thin ? `${r.label} (few leads)` : r.label,
    count(r.leads),
    ...(reached ? [percent(r.contactRate)] : []),
    count(r.converted),
    `${percent(r.conversionRate)} (${percent(r.lower)} to ${percent(r.upper)})`,
  ];
}
