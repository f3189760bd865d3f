import { CONTACT_CODE, UNKNOWN_HOUR, type CallLogTable } from '../io/callLogTable';
import type { AgeDecay, ContactModel } from '../sim/contactModel';
import { attemptCounts, fitBetaGeometric, type AttemptFitRow, type BetaGeometricFit } from './betaGeometric';
import { AGE_BUCKET_EDGES, bucketLabel, bucketOf } from './buckets';
import { fitContactModel, type Multiplier } from './contactModelFit';
import { conversionBySpeedToLead, conversionByContactAttempt, type ConversionRow } from './conversionTables';
import { fitExponentialDecay } from './exponentialDecayFit';
import { betaBoundNotes } from './betaBound';
import { binaryGoodnessOfFit, type GoodnessOfFit } from './goodnessOfFit';
import { kaplanMeier, medianSurvival, survivalAt, thinCurve } from './kaplanMeier';
import { leadHistories } from './leadHistories';
import { wilsonInterval } from '../stats/wilsonInterval';

/** Options of {@link fitCallLog}. */
export interface FitCallLogOptions {
  /** Hours and age buckets with fewer search attempts are not estimated. Default 30. */
  minAttempts?: number;
  /** Form of `contactModel.ageDecay`: the fitted bucket table (default) or its exponential summary. */
  ageDecayForm?: 'table' | 'exponential';
  /** Most points in `timeToContact.km`. Default 200. */
  maxCurvePoints?: number;
  /** EM iteration cap. Default 500. */
  maxIterations?: number;
}

/** A rate with its 95% Wilson interval. */
export interface RateRow {
  attempts: number;
  contacts: number;
  rate: number;
  lower: number;
  upper: number;
}

/** The fitted model file: `contactModel` for scenarios, the rest for the analyst. */
export interface FittedModel {
  format: 'leadlab-fit/1';
  /** The shape a scenario's `"contactModel": "model.json"` loads (see src/sim/contactModel.ts). */
  contactModel: ContactModel;
  data: {
    rows: number;
    leads: number;
    /** Attempts up to and including each lead's first contact: what the contact fits use. */
    searchAttempts: number;
    contactedLeads: number;
    leadsWithConversion: number;
    convertedLeads: number;
    /** First and last attempt, ISO (for imported logs) or minutes (simulated). */
    span?: { first: number; last: number };
  };
  timeToContact: {
    /** Kaplan-Meier estimate of P(not yet reached) by lead age t (minutes), with Greenwood-based 95% bands. */
    km: { t: number; survival: number; atRisk: number; lower: number; upper: number; se: number }[];
    leads: number;
    contacted: number;
    censored: number;
    median: { t?: number; lower?: number; upper?: number };
    /** Share reached within common horizons: 1 - S(t) with its band. */
    contactedWithin: { t: number; label: string; share: number; lower: number; upper: number }[];
    notes: string[];
  };
  attemptsToContact: Omit<BetaGeometricFit, 'perAttempt'> & { perAttempt: AttemptFitRow[]; notes: string[] };
  contactByHourOfWeek: {
    hours: (RateRow & { hour: number; day: string; hourOfDay: number; multiplier: number; multiplierLower: number; multiplierUpper: number; fitted: number; estimated: boolean })[];
    notes: string[];
  };
  contactByLeadAge: {
    buckets: (RateRow & { fromMinutes: number; toMinutes: number | null; label: string; typicalAgeMinutes: number | null; multiplier: number; multiplierLower: number; multiplierUpper: number; fitted: number; estimated: boolean })[];
    /** floor + (1 - floor) 2^(-age / halfLife), fitted to the bucket multipliers (weighted by attempts). */
    exponential: { halfLifeMinutes: number; floor: number };
    notes: string[];
  };
  /** The joint model behind `contactModel`, checked against the data. */
  contactModelFit: {
    logLik: number;
    iterations: number;
    converged: boolean;
    /** True when contactability stopped at a bound or its mean is at the edge of [0, 1] (see the notes): not a result. */
    atBound: boolean;
    anchorAge: { fromMinutes: number; toMinutes: number | null };
    byAttempt: { attempt: number; attempts: number; observed: number; fitted: number }[];
    goodnessOfFit: { byAttempt: GoodnessOfFit; byLeadAge: GoodnessOfFit; byHourOfWeek: GoodnessOfFit };
    notes: string[];
  };
  conversion: {
    bySpeedToLead: ConversionRow[];
    byAttemptOfFirstContact: ConversionRow[];
    notes: string[];
  } | null;
  /** Plain statements about what the data can and cannot support. */
  notes: string[];
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const HORIZONS: [number, string][] = [[5, '5 min'], [15, '15 min'], [60, '1 h'], [240, '4 h'], [1440, '1 d'], [10080, '7 d']];

function rate(contacts: number, attempts: number): RateRow {
  const [lower, upper] = wilsonInterval(contacts, attempts);
  return { attempts, contacts, rate: attempts > 0 ? contacts / attempts : NaN, lower, upper };
}

/**
 * Fits a call log: time to first contact (Kaplan-Meier), attempts to contact (beta-geometric), contact
 * by hour of week and by lead age (raw rates and the joint model's multipliers), conversion by speed to
 * lead and by attempt of first contact, each with goodness of fit and plain notes where the data are thin.
 * The result's `contactModel` is what a scenario loads.
 *
 * @example
 * const log = parseCallLogText(text, { timeZone: 'America/Chicago' });
 * const model = fitCallLog(log.table);
 * JSON.stringify(model.contactModel) // { contactability: { alpha, beta }, hourOfWeek: [...168], ageDecay: {...} }
 */
export function fitCallLog(table: CallLogTable, options: FitCallLogOptions = {}): FittedModel {
  const minAttempts = options.minAttempts ?? 30;
  const notes: string[] = [];
  const hist = leadHistories(table);
  const L = hist.leads;
  if (L === 0) throw new RangeError('fit: the call log has no rows to fit');

  // Search-phase attempts, flattened lead by lead.
  const searchCount = new Int32Array(L);
  let searchAttempts = 0;
  for (let l = 0; l < L; l++) {
    searchCount[l] = hist.contactAttempt[l] || hist.start[l + 1] - hist.start[l];
    searchAttempts += searchCount[l];
  }
  const A = AGE_BUCKET_EDGES.length - 1;
  const leadStart = new Int32Array(L + 1);
  const hour = new Uint8Array(searchAttempts), ageBucket = new Uint8Array(searchAttempts), contact = new Uint8Array(searchAttempts);
  // Mean of log(1 + age) by age bucket, summed here (no array a row).
  const ageLogSum = new Float64Array(A);
  let knownHours = 0;
  for (let l = 0, j = 0; l < L; l++) {
    leadStart[l] = j;
    for (let k = 0; k < searchCount[l]; k++, j++) {
      const row = hist.order[hist.start[l] + k];
      const hw = table.hourOfWeek[row];
      hour[j] = hw === UNKNOWN_HOUR ? 168 : hw;
      if (hw !== UNKNOWN_HOUR) knownHours++;
      const age = table.attemptTime[row] - hist.created[l];
      ageBucket[j] = bucketOf(age, AGE_BUCKET_EDGES);
      ageLogSum[ageBucket[j]] += Math.log1p(age);
      contact[j] = table.outcome[row] === CONTACT_CODE ? 1 : 0;
    }
  }
  leadStart[L] = searchAttempts;
  const contacted = hist.contactAttempt.reduce((s, k) => s + (k > 0 ? 1 : 0), 0);
  if (L < 30) notes.push(`Only ${L} lead${L === 1 ? '' : 's'}: every fit below is too thin to rely on; read the counts, not the curves.`);
  if (contacted < 20) notes.push(`Only ${contacted} lead${contacted === 1 ? ' was' : 's were'} ever reached: contact curves rest on very few events.`);
  if (hist.inconsistentCreated > 0) notes.push(`${hist.inconsistentCreated} lead${hist.inconsistentCreated === 1 ? ' has' : 's have'} rows that disagree on the creation time; the earliest was used.`);

  // Time to first contact.
  const event = Uint8Array.from(hist.contactAttempt, (k) => (k > 0 ? 1 : 0));
  const curve = kaplanMeier(hist.contactOrCensorAge, event);
  const kmNotes: string[] = [];
  if (contacted === 0) kmNotes.push('No lead was reached: the curve stays at 1.');
  const km = thinCurve(curve, options.maxCurvePoints ?? 200).map(({ t, survival, atRisk, lower, upper, se }) => ({ t, survival, atRisk, lower, upper, se }));
  if (curve.length > km.length) kmNotes.push(`The curve has ${curve.length} steps; ${km.length} are listed (exact values at log-spaced times).`);
  const contactedWithin = HORIZONS.map(([t, label]) => {
    const p = survivalAt(curve, t);
    return p ? { t, label, share: 1 - p.survival, lower: 1 - p.upper, upper: 1 - p.lower } : { t, label, share: 0, lower: 0, upper: 0 };
  });
  const median = medianSurvival(curve);
  if (median.t === undefined) kmNotes.push('Fewer than half of the leads were reached in the log, so the median time to contact is not known.');

  // Attempts to contact: the plain beta-geometric.
  const bg = fitBetaGeometric(attemptCounts(searchCount, event));
  const bgNotes = [`Goodness of fit: ${bg.goodnessOfFit.verdict}.`];
  for (const n of bg.boundNotes) bgNotes.push(`Degenerate fit: ${n}.`);
  if (contacted < 50) bgNotes.push(`Only ${contacted} contact${contacted === 1 ? '' : 's'}: alpha and beta are poorly determined (see their standard errors).`);
  bgNotes.push('These alpha and beta describe the per-attempt contact probability averaged over the hours and lead ages at which this log called; contactModel.contactability separates those effects out.');

  // The joint model.
  const joint = fitContactModel({ leadStart, hour, ageBucket, contact }, {
    ageBuckets: A, minAttempts, start: bg.atBound ? { alpha: 1, beta: 1 } : { alpha: bg.alpha, beta: bg.beta }, maxIterations: options.maxIterations,
  });
  const jointNotes: string[] = [];
  for (const n of betaBoundNotes(joint.alpha, joint.beta)) jointNotes.push(`Degenerate fit of contactability Beta(${joint.alpha.toPrecision(4)}, ${joint.beta.toPrecision(4)}): ${n}. Do not use this contactModel as it is.`);
  if (!joint.converged) jointNotes.push(`The joint fit stopped after ${joint.iterations} iterations without settling; treat its parameters as approximate.`);

  // Observed against fitted, by attempt, hour and age.
  const byAttemptMap = new Map<number, { attempts: number; observed: number; fitted: number }>();
  const hourObs = new Float64Array(169), hourExp = new Float64Array(169), hourN = new Float64Array(169);
  const ageObs = new Float64Array(A), ageExp = new Float64Array(A), ageN = new Float64Array(A);
  for (let j = 0, l = 0; j < searchAttempts; j++) {
    while (leadStart[l + 1] <= j) l++;
    const attemptNo = j - leadStart[l] + 1;
    const row = byAttemptMap.get(attemptNo) ?? { attempts: 0, observed: 0, fitted: 0 };
    row.attempts++;
    row.observed += contact[j];
    row.fitted += joint.expected[j];
    byAttemptMap.set(attemptNo, row);
    hourObs[hour[j]] += contact[j];
    hourExp[hour[j]] += joint.expected[j];
    hourN[hour[j]]++;
    ageObs[ageBucket[j]] += contact[j];
    ageExp[ageBucket[j]] += joint.expected[j];
    ageN[ageBucket[j]]++;
  }
  const byAttempt = [...byAttemptMap].sort((a, b) => a[0] - b[0]).map(([attempt, r]) => ({ attempt, ...r }));
  const gof = (obs: ArrayLike<number>, exp: ArrayLike<number>, n: ArrayLike<number>, params: number): GoodnessOfFit =>
    binaryGoodnessOfFit(Array.from({ length: obs.length }, (_, i) => ({ observed: obs[i], expected: exp[i], trials: n[i] })).filter((c) => c.trials > 0), params);
  const freeHours = joint.hourOfWeek.filter((m) => !m.fixed).length;
  const goodnessOfFit = {
    byAttempt: gof(byAttempt.map((r) => r.observed), byAttempt.map((r) => r.fitted), byAttempt.map((r) => r.attempts), 2),
    byLeadAge: gof(ageObs, ageExp, ageN, 1),
    byHourOfWeek: gof(hourObs.slice(0, 168), hourExp.slice(0, 168), hourN.slice(0, 168), 1),
  };
  jointNotes.push(`By attempt number: ${goodnessOfFit.byAttempt.verdict}.`);
  jointNotes.push('By lead age and by hour of week each cell has its own multiplier, so those two tests check calibration (predicted against observed contacts given each lead\'s history), not the shape of the curves.');

  // Hour of week.
  const hourNotes: string[] = [];
  const hours = joint.hourOfWeek.map((m: Multiplier, w) => ({
    hour: w, day: DAYS[Math.floor(w / 24)], hourOfDay: w % 24,
    ...rate(hourObs[w], hourN[w]),
    multiplier: m.value, multiplierLower: m.lower, multiplierUpper: m.upper, fitted: hourExp[w], estimated: !m.fixed,
  }));
  if (knownHours === 0) hourNotes.push('The log has no times of day (or they are unknown): every hour-of-week multiplier is 1.');
  else {
    const thin = 168 - freeHours;
    if (thin > 0) hourNotes.push(`${thin} of 168 hours have fewer than ${minAttempts} search attempts; their multiplier is left at 1 (no effect).`);
    hourNotes.push('Multipliers average 1 over the attempts in this log; the rate columns are raw contact rates of search-phase attempts, which also reflect which leads were called when.');
  }

  // Lead age.
  const ageNotes: string[] = [];
  const buckets = joint.ageDecay.map((m, a) => ({
    fromMinutes: AGE_BUCKET_EDGES[a], toMinutes: AGE_BUCKET_EDGES[a + 1] === Infinity ? null : AGE_BUCKET_EDGES[a + 1],
    label: bucketLabel(AGE_BUCKET_EDGES[a], AGE_BUCKET_EDGES[a + 1]),
    typicalAgeMinutes: ageN[a] > 0 ? +Math.expm1(ageLogSum[a] / ageN[a]).toFixed(2) : null,
    ...rate(ageObs[a], ageN[a]),
    multiplier: m.value, multiplierLower: m.lower, multiplierUpper: m.upper, fitted: ageExp[a], estimated: !m.fixed && m.attempts >= minAttempts,
  }));
  const anchor = joint.anchorBucket;
  const anchorMin = Math.max(minAttempts, 0.02 * searchAttempts);
  if (buckets[anchor].attempts < anchorMin) {
    ageNotes.push(`No lead-age bucket has the ${Math.ceil(anchorMin)} attempts needed to anchor the multipliers: they are relative to leads aged ${buckets[anchor].label} (${buckets[anchor].attempts} attempt${buckets[anchor].attempts === 1 ? '' : 's'}, multiplier 1), and none of them is a result.`);
  } else ageNotes.push(`Multipliers are relative to leads aged ${buckets[anchor].label} (multiplier 1); raw rates fall with age partly because the easy leads are reached early (selection), which the multipliers separate out.`);
  const thinAges = buckets.filter((b, a) => a !== anchor && b.attempts > 0 && b.attempts < minAttempts).map((b) => b.label);
  if (thinAges.length > 0) ageNotes.push(`Too thin to estimate (fewer than ${minAttempts} attempts): ${thinAges.join(', ')}; left out of the decay table.`);
  // A bucket's multiplier is the average over its attempts, so its table point sits at their typical age
  // (the mean of log(1 + age), the scale on which the simulator interpolates the table).
  const representative = (a: number): number => Math.expm1(ageLogSum[a] / ageN[a]);
  const tablePoints: [number, number][] = [];
  joint.ageDecay.forEach((m, a) => {
    if (a === anchor || (m.attempts >= minAttempts && !m.fixed)) tablePoints.push([+representative(a).toFixed(2), m.value]);
  });
  const exponential = fitExponentialDecay(tablePoints, tablePoints.map(([age]) => ageN[bucketOf(age, AGE_BUCKET_EDGES)]));

  // No decay fitted is written as a one-point table (multiplier 1 at every age): the exponential form would need an
  // infinite half-life, which JSON cannot hold and a scenario refuses.
  const ageDecay: AgeDecay = tablePoints.length < 2
    ? { kind: 'table', points: [[0, 1]] }
    : options.ageDecayForm === 'exponential'
      ? { kind: 'exponential', halfLifeMinutes: exponential.halfLifeMinutes, floor: exponential.floor }
      : { kind: 'table', points: tablePoints };
  if (tablePoints.length < 2) ageNotes.push(`Fewer than two lead-age buckets have enough attempts: no age decay is fitted (multiplier 1 at every age, written as a table of one point${options.ageDecayForm === 'exponential' ? ', as an exponential would need an infinite half-life' : ''}).`);

  // Conversion.
  const leadsWithConversion = hist.converted.reduce((s, c) => s + (c >= 0 ? 1 : 0), 0);
  const convertedLeads = hist.converted.reduce((s, c) => s + (c === 1 ? 1 : 0), 0);
  let conversion: FittedModel['conversion'] = null;
  if (leadsWithConversion === 0) notes.push('The log has no conversion column: conversion by speed to lead and by attempt of first contact are left out.');
  else {
    const cNotes: string[] = [];
    const bySpeedToLead = conversionBySpeedToLead(hist);
    const byAttemptOfFirstContact = conversionByContactAttempt(hist);
    const thinRows = [...bySpeedToLead, ...byAttemptOfFirstContact].filter((r) => r.thin).length;
    if (thinRows > 0) cNotes.push(`${thinRows} rows have fewer than 30 leads (marked thin): their rates are rough.`);
    if (convertedLeads < 20) cNotes.push(`Only ${convertedLeads} conversion${convertedLeads === 1 ? '' : 's'}: differences between buckets are mostly noise.`);
    cNotes.push('These are associations, not effects: leads called fast may differ from leads called late.');
    conversion = { bySpeedToLead, byAttemptOfFirstContact, notes: cNotes };
  }

  let first = Infinity, last = -Infinity;
  for (let i = 0; i < table.length; i++) {
    if (table.attemptTime[i] < first) first = table.attemptTime[i];
    if (table.attemptTime[i] > last) last = table.attemptTime[i];
  }

  return {
    format: 'leadlab-fit/1',
    contactModel: {
      contactability: { alpha: joint.alpha, beta: joint.beta },
      hourOfWeek: joint.hourOfWeek.map((m) => m.value),
      ageDecay,
    },
    data: { rows: table.length, leads: L, searchAttempts, contactedLeads: contacted, leadsWithConversion, convertedLeads, span: { first, last } },
    timeToContact: { km, leads: L, contacted, censored: L - contacted, median, contactedWithin, notes: kmNotes },
    attemptsToContact: { ...bg, notes: bgNotes },
    contactByHourOfWeek: { hours, notes: hourNotes },
    contactByLeadAge: { buckets, exponential, notes: ageNotes },
    contactModelFit: {
      logLik: joint.logLik, iterations: joint.iterations, converged: joint.converged, atBound: betaBoundNotes(joint.alpha, joint.beta).length > 0,
      anchorAge: { fromMinutes: AGE_BUCKET_EDGES[anchor], toMinutes: AGE_BUCKET_EDGES[anchor + 1] === Infinity ? null : AGE_BUCKET_EDGES[anchor + 1] },
      byAttempt, goodnessOfFit, notes: jointNotes,
    },
    conversion,
    notes,
  };
}
