import { KIND_FIELDS } from '../io/fields';
import { arr, bool, byJsonType, custom, date, expectIssue, isObject, map, num, obj, optional, own, pair, record, refine, str, variant, at, type Infer, type VariantOut } from '../schema';
import { CALLBACK_PRESETS } from '../strategies/callbackPresets';
import { CADENCE_STATUSES } from '../strategies/callbackSchedule';
import { DEFAULT_PIPELINE_RULES } from '../strategies/pipelineRules';
import { distributionStrategies, strategyNamed } from '../strategies/distribution';
import { ARRIVAL_PRESETS, CONTACT_HOUR_PRESETS } from './presets/hourOfWeek';
import { scenarioRules } from './scenarioRules';

/*
 * The scenario file: every field, its default and where the default comes from. "docs/design.md" is the
 * project's design (the floor, the model, the field's rules of thumb); "assumption" marks a number chosen as
 * plausible, to be replaced by a fitted model or the user's own figure. docs/assumptions.md explains the
 * contact and conversion figures.
 *
 * A field is one line in its section: `name: num({ min, max, default, description })`, the description
 * saying where the default comes from. See docs/design.md, "Declaring a scenario field".
 */

const share = (description: string, def: number) => num({ min: 0, max: 1, default: def, description });
const positive = (description: string, def: number) => num({ exclusiveMin: 0, default: def, description });
/** "HH:MM-HH:MM", each time from 00:00 to 24:00 (the JSON Schema's pattern). */
const SHIFT_PATTERN = /^(([01]\d|2[0-3]):[0-5]\d|24:00)-(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
/** The shape alone: a shift in the right format with a time that is not a time of day is told so, not "expected HH:MM-HH:MM". */
const SHIFT_FORMAT = /^\d\d:\d\d-\d\d:\d\d$/;
/** Why "HH:MM" is not a time of day (00:00 to 24:00), or undefined when it is one. */
function notTimeOfDay(hhmm: string): string | undefined {
  const h = Number(hhmm.slice(0, 2)), m = Number(hhmm.slice(3));
  if (m > 59) return `minutes go from 00 to 59, not ${hhmm.slice(3)}`;
  if (h > 24) return `there is no hour ${hhmm.slice(0, 2)}`;
  if (h === 24 && m > 0) return '24:00 (midnight at the end of the day) is the latest';
  return undefined;
}
/** Minutes since midnight of "HH:MM". */
const clockMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const weekdaysPattern = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(-(Mon|Tue|Wed|Thu|Fri|Sat|Sun))?(,(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(-(Mon|Tue|Wed|Thu|Fri|Sat|Sun))?)*$/;

const betaParams = (description: string, alpha: number, beta: number) =>
  obj({ alpha: num({ exclusiveMin: 0, default: alpha }), beta: num({ exclusiveMin: 0, default: beta }) }, { description, defaulted: true });

/** A profile by hour of week: a preset's name or 168 numbers. */
const hourProfile = <const P extends string>(presets: readonly P[], def: P, description: string) =>
  byJsonType(
    { string: str({ values: presets }), array: arr(num({ min: 0 }), { length: 168 }) },
    `one of ${presets.map((p) => JSON.stringify(p)).join(', ')} or a list of 168 numbers (Monday 00:00 first)`,
    { default: def, description },
  );

const source = obj(
  {
    name: str({ nonEmpty: true, description: 'Lead source, e.g. an aggregator or your own web form.' }),
    share: num({ min: 0, description: 'Relative share of arriving leads.' }),
    cost: num({ min: 0, default: 0, description: 'Price paid per lead.' }),
    soldTo: arr(num({ min: 0 }), { minItems: 1, default: [1], description: 'Weights of 1, 2, 3, ... buyers of the same lead (us included).' }),
    contactabilityFactor: positive('Multiplier on contactability for this source.', 1),
    conversionFactor: positive('Multiplier on conversion for this source.', 1),
  },
  { description: 'A lead source.' },
);

const product = obj(
  {
    name: str({ nonEmpty: true }),
    share: num({ min: 0, description: 'Relative share of arriving leads.' }),
    revenuePerFunded: num({ min: 0, default: 11500, description: 'Revenue per funded deal: the lender\'s production revenue per loan (MBA 2024: 345 bps, $11,520 per loan).' }),
  },
  { description: 'A product.' },
);

const leads = obj(
  {
    // Bounds: at least some leads, or every rate is 0/0; at most 100,000 a day, because a run holds every lead in
    // memory and 100,000 a day for a year is already more than a browser can hold (the 50-agent benchmark,
    // data/scenarios/year-50-agents.json, has about 270 a day).
    perDay: num({ exclusiveMin: 0, max: 100_000, default: 40, description: 'Mean leads per day (assumption: 10 agents x 4, inside the field rule of 3-7 new leads per agent per day, docs/design.md).' }),
    arrivalProfile: hourProfile(ARRIVAL_PRESETS, 'web-forms', 'Relative arrivals by hour of week.'),
    sources: arr(source, {
      minItems: 1,
      uniqueBy: 'name',
      default: [
        // Shared aggregator leads about $40 (LendingTree about $30; shared $15-100 in vendor price lists), sold to up
        // to four buyers ("four or five" lenders per shared lead); exclusive web-form leads about $100 ($45-180).
        { name: 'aggregator', share: 0.6, cost: 40, soldTo: [0.2, 0.3, 0.3, 0.2], contactabilityFactor: 0.9, conversionFactor: 0.9 },
        { name: 'web-form', share: 0.4, cost: 100, soldTo: [1], contactabilityFactor: 1.15, conversionFactor: 1.15 },
      ],
      description: 'Lead sources and their mix.',
    }),
    products: arr(product, {
      minItems: 1,
      uniqueBy: 'name',
      default: [
        // The lender's production revenue per loan: MBA 2024, 345 bps = $11,520 on an average loan of about $330k;
        // purchase loans run larger than refinances.
        { name: 'purchase', share: 0.4, revenuePerFunded: 12000 },
        { name: 'refinance', share: 0.6, revenuePerFunded: 11000 },
      ],
      description: 'Products and their mix.',
    }),
    readyShare: share('Share of leads ready to buy now; the rest are immature (assumption).', 0.6),
    propensity: betaParams('Propensity to convert, Beta-distributed and scaled to mean 1 (assumption).', 2, 2),
    badNumberShare: share('Share of leads with a wrong phone number (assumption).', 0.06),
    replay: optional(obj(
      {
        file: str({ description: 'CSV of real leads (one row per lead: id, created time, optional source and product), relative to the scenario file.' }),
        timeZone: str({ default: 'UTC', description: 'Time zone of times written without an offset: "UTC", "+02:00" or an IANA name.' }),
        map: record(str({ values: KIND_FIELDS.leads.fields }), { default: {}, description: `Column name -> field (${KIND_FIELDS.leads.fields.join(', ')}), where auto-detection needs help.` }),
        dateOrder: optional(str({ values: ['mdy', 'dmy', 'ymd'], description: 'Order of numeric dates (mdy = US, dmy = EU); detected from the rows when left out.' })),
        delimiter: optional(str({ pattern: /^[^"\r\n]$/u, hint: 'one character other than a quote or a line break', description: 'Field separator; detected among , ; tab and | when left out.' })),
        skipLines: optional(num({ int: true, min: 0, description: 'Lines above the header to skip (a title, a report date).' })),
      },
      { description: 'Replay a historical lead stream instead of synthetic arrivals; the run covers the days of the stream (startDate and days are taken from it).' },
    )),
  },
  { defaulted: true, description: 'The lead stream: synthetic by default, or a replayed CSV.' },
);

/** The two forms of a multiplier by lead age (the shapes of the model's AgeDecay). */
const ageCurveCases = {
  exponential: {
    halfLifeMinutes: num({ exclusiveMin: 0, description: 'Minutes for the fresh-lead bonus to halve.' }),
    floor: num({ min: 0, max: 1, description: 'Multiplier left when the lead is old.' }),
  },
  table: {
    points: arr(pair(num({ min: 0 })), { minItems: 1, ascendingBy: (p) => p[0], ascendingWhat: 'an age', description: '[ageMinutes, multiplier] pairs, by age.' }),
  },
};

/** A multiplier by lead age, as the model's AgeDecay. */
type AgeCurve = VariantOut<'kind', typeof ageCurveCases>;

/** A multiplier by lead age: exponential with a floor, or a table interpolated in log(1 + age); required without `def`. */
function ageCurve(def: AgeCurve | undefined, description: string) {
  return variant('kind', ageCurveCases, { default: def, description });
}

const ageDecay = ageCurve(
  // Calibrated to the field's figures (docs/assumptions.md; `leadlab calibrate` checks them):
  // - peak 0.45 for 5-20 minutes: a stranger's first call is answered at 0.45 of the rate a known caller's
  //   follow-up is (the lead's contactability); with the mean contactability of 0.6 that is 27% on a fresh
  //   first call. It rises from 0.36 over the first 5 minutes (assumption: a call in the first minute often finds
  //   the consumer still on the form or talking to another buyer of the lead; LRM 2007 counts 0-5 minutes as one
  //   bucket, so no study contradicts it) and holds through the 20 minutes in which the radar burst makes its
  //   second call (Leads360: attempt 2 reaches almost as many leads as attempt 1);
  // - 0.054 (an eighth of the peak) from 45 minutes and 0.04 from 2 hours to 16 hours: HBR 2011, a first call in
  //   the second hour qualifies about 7 times less often than one in the first hour;
  // - 0.011 at 24 hours and 0.0055 at 48: HBR 2011, more than 60 times less often after 24 hours.
  {
    kind: 'table',
    points: [[0, 0.36], [5, 0.45], [20, 0.45], [45, 0.054], [120, 0.04], [960, 0.04], [1440, 0.011], [2880, 0.0055]],
  },
  'Multiplier on the answer probability by lead age, while the lead has never been reached (the rendezvous: the consumer is easiest to reach just after submitting the form; a consumer already reached answers at their contactability).',
);

const contact = obj(
  {
    // Calibrated with the age decay (docs/assumptions.md, figures 1-3): mean 0.6 (a consumer we have already
    // talked to answers a follow-up call more often than not; assumption) and alpha + beta = 4, enough spread that
    // the leads first reached on attempt 1 are the easy ones, who also answer the funnel's follow-ups
    // (Velocify 2012: 48% of converted leads were reached on attempt 1 against 39% of contacts, Leads360).
    contactability: betaParams('Per-lead answer probability, Beta(alpha, beta), before hour-of-week and age effects (calibrated: mean 0.6, spread alpha + beta = 4; docs/assumptions.md).', 2.4, 1.6),
    hourOfWeek: hourProfile(CONTACT_HOUR_PRESETS, 'lrm-2007', 'Answer probability multiplier by hour of week.'),
    ageDecay,
  },
  { defaulted: true, description: 'How likely a call is answered.' },
);

/** The age decay of a fitted model: the shapes of `contact.ageDecay`, but required (a fit always writes one). */
const fittedAgeDecay = ageCurve(undefined, 'Answer probability multiplier by lead age, as fitted.');

/**
 * A fitted contact model: the "contactModel" of a `leadlab fit` output. The workbench writes it into the
 * scenario; a model file a scenario names is checked with this same schema (src/scenario/load.ts).
 */
export const fittedContactModel = obj(
  {
    contactability: obj({ alpha: num({ exclusiveMin: 0 }), beta: num({ exclusiveMin: 0 }) }, { description: 'Per-lead answer probability, Beta(alpha, beta).' }),
    hourOfWeek: arr(num({ min: 0 }), { length: 168, description: 'Answer probability multiplier by hour of week, Monday 00:00 first.' }),
    ageDecay: fittedAgeDecay,
  },
  { description: 'The "contactModel" of a `leadlab fit` output, written inline.' },
);

const competitor = obj(
  {
    meanResponseMinutes: positive('Mean minutes until another buyer reaches the consumer (calibrated with the interest curve to Velocify 2012, figure 2 of docs/assumptions.md: buyers of aggregator leads are call centres that dial within minutes; HBR 2011 found a 42-hour average response across all firms, most of which are not lead buyers).', 20),
    reachProbability: share('Probability that each other buyer reaches the consumer (assumption).', 0.5),
    firstContactWins: share('Probability that a consumer reached first by a competitor goes with them (assumption; vendor studies say 35-50% of sales go to the first responder).', 0.5),
  },
  { defaulted: true, description: 'Other companies that bought the same lead.' },
);

const duration = variant(
  'distribution',
  {
    fixed: { mean: num({ exclusiveMin: 0 }) },
    exponential: { mean: num({ exclusiveMin: 0 }) },
    lognormal: { mean: num({ exclusiveMin: 0 }), sd: num({ min: 0 }) },
  },
  { default: { distribution: 'lognormal', mean: 8, sd: 6 }, description: 'Conversation length in minutes (assumption: 8 min mean, right-skewed).' },
);

const calls = obj(
  {
    noAnswerMinutes: num({ min: 0, default: 1, description: 'Minutes an unanswered attempt takes: about 30 s of ringing and a short voicemail (assumption).' }),
    talkMinutes: duration,
    wrapUpMinutes: num({ min: 0, default: 1.5, description: 'Minutes of notes after each call (assumption).' }),
  },
  { defaulted: true },
);

const funnel = obj(
  {
    applicationPerConversation: share('P(application) per conversation with a ready lead of full interest (assumption, set with the stages below so that about 2% of internet leads fund, within the 1-3% usually quoted for internet mortgage leads).', 0.15),
    immatureApplicationFactor: share('Immature leads apply at this fraction of that rate (assumption).', 0.15),
    immatureToNurture: share('P(an immature lead is moved to nurture) per conversation (assumption).', 0.3),
    notInterestedPerConversation: share('P(a contacted lead says no for good) per conversation (assumption).', 0.15),
    closingPerConversation: share('P(an application proceeds to closing) per conversation (assumption).', 0.25),
    applicationLostPerConversation: share('P(an application is withdrawn) per conversation (assumption).', 0.15),
    fundedPerConversation: share('P(a closing funds) per conversation (assumption).', 0.5),
    closingLostPerConversation: share('P(a closing falls through) per conversation (assumption).', 0.12),
    // Calibrated (docs/assumptions.md, figure 2): interest halves every 10 minutes toward 50% of its level at
    // arrival. A consumer reached at once is in the market; one reached hours later has often cooled or bought
    // (HBR 2011). With it, leads reached on attempt 1 make about half of the funded ones (Velocify 2012: 48%).
    interestByFirstContactAge: ageCurve(
      { kind: 'exponential', halfLifeMinutes: 10, floor: 0.5 },
      'Multiplier on the chance to apply by the lead\'s age at our first conversation: the consumer\'s interest cools while nobody reaches them.',
    ),
  },
  { defaulted: true, description: 'Transitions per conversation, scaled by lead propensity and agent skill.' },
);

const nurture = obj(
  {
    returnShare: share('Share of nurtured leads that become ready and come back to sales (assumption).', 0.15),
    meanReturnDays: positive('Mean days in the drip before a returning lead comes back (assumption).', 30),
  },
  { defaulted: true, description: 'The marketing drip for immature leads.' },
);

const scoreAttribute = obj(
  {
    name: str({ description: 'A lead attribute the scoring model can see, e.g. form completeness or stated timeframe.' }),
    readyMean: num({ description: 'Mean of the attribute among leads ready to buy now.' }),
    immatureMean: num({ description: 'Mean of the attribute among immature leads.' }),
    sd: num({ min: 0, description: 'Standard deviation of the attribute (normal) within each group; overlap makes the score imperfect.' }),
    weight: num({ description: 'Weight of the attribute in the score (negative when a lower value is better).' }),
  },
  { description: 'A visible lead attribute, drawn per lead with a mean that depends on its hidden readiness.' },
);

const scoring = obj(
  {
    attributes: arr(scoreAttribute, {
      minItems: 1,
      default: [
        // Assumption: ready borrowers fill in more of the optional fields, state a nearer timeframe and ask
        // for a slightly larger loan; each attribute alone overlaps a lot between the two groups.
        { name: 'formCompleteness', readyMean: 0.8, immatureMean: 0.6, sd: 0.2, weight: 1 },
        { name: 'timeframeMonths', readyMean: 2, immatureMean: 6, sd: 3, weight: -0.1 },
        { name: 'loanAmount100k', readyMean: 3, immatureMean: 2.6, sd: 1.2, weight: 0.1 },
      ],
      description: 'Attributes the score weighs; the default score averages 0.90 for ready leads and 0.26 for immature ones, sd 0.38 (assumption).',
    }),
    threshold: num({ default: 0.5, description: 'Leads scoring at or above this go to sales for a prompt call; below it, to the marketing drip (assumption: about 85% of ready and 26% of immature leads pass with the default attributes).' }),
    drip: obj(
      {
        intervalDays: positive('Days between drip emails (assumption: a weekly nurture email).', 7),
        optOutPerEmail: share('P(the lead unsubscribes) per email (Mailchimp email benchmarks: average unsubscribe rate about 0.26% per email; rounded up to 0.3%).', 0.003),
        maturePerEmail: share('P(an immature lead becomes ready) per email, when it is handed to sales (assumption).', 0.03),
        responsePerEmail: share('P(a ready lead answers an email and is handed to sales) per email (assumption).', 0.1),
      },
      { defaulted: true, description: 'The marketing drip campaign for leads scored below the threshold.' },
    ),
  },
  { description: 'Lead scoring and ownership: routes each new lead to sales or to a marketing drip. Absent: every lead goes to sales.' },
);

const agent = obj(
  {
    name: str({ nonEmpty: true, description: 'Agent name; with count > 1 a number is appended.' }),
    // At most 1,000 per group: every agent is simulated, and the largest floors seat a few hundred per team.
    count: num({ int: true, min: 1, max: 1000, default: 1, description: 'Number of identical agents.' }),
    role: str({ values: ['closer', 'telemarketer'], default: 'closer' }),
    shift: (() => {
      const format = str({ pattern: SHIFT_FORMAT, hint: '"HH:MM-HH:MM"', default: '09:00-17:00', description: 'Daily working hours (00:00 to 24:00); may pass midnight.' });
      const checked = refine(format, (shift, report) => {
        for (const [which, time] of [['start', shift.slice(0, 5)], ['end', shift.slice(6)]] as const) {
          const why = notTimeOfDay(time);
          if (why) return report([], `expected the shift's ${which} to be a time of day (00:00 to 24:00), got "${time}" in ${JSON.stringify(shift)}: ${why}`);
        }
        if (clockMinutes(shift.slice(0, 5)) === clockMinutes(shift.slice(6))) report([], `expected a shift whose end differs from its start, got ${JSON.stringify(shift)}`);
      });
      // The JSON Schema keeps the full pattern: editors check the times of day too.
      return { ...checked, jsonSchema: () => ({ ...format.jsonSchema(), pattern: SHIFT_PATTERN.source }) };
    })(),
    days: str({ pattern: weekdaysPattern, hint: 'weekdays like "Mon-Fri" or "Mon,Wed,Sat-Sun"', default: 'Mon-Fri' }),
    pipelineLimit: num({ int: true, min: 1, default: 150, description: 'Most open leads at once (docs/design.md, Pipeline management: typically 100-150).' }),
    newLeadsPerDay: num({ int: true, min: 0, default: 7, description: 'Most new leads per day (docs/design.md, Pipeline management: typically 3-7).' }),
    paceNewLeads: bool({ default: true, description: 'For leads that waited over an hour, spread newLeadsPerDay evenly over the day\'s shift time, with up to two leads ahead of the pace out of the part of the cap the day\'s expected fresh leads will not fill (docs/tradeoffs.md, "Prospecting vs pipeline"); a fresh lead may use the whole cap, as lead-distribution systems throttle, so leads that waited overnight cannot take the slots the day\'s fresh leads need.' }),
    maxLeadWaitMinutes: optional(
      num({ exclusiveMin: 0, description: 'Takes only new leads that have waited at most this many minutes since they arrived or came back: aged-lead routing, as lead-distribution systems offer it (fresh leads to the best closers, aged ones to the rest). Absent: any lead.' }),
    ),
    maxCallsPerDay: num({ int: true, min: 0, default: 400, description: 'Most calls per day (400 = effectively no cap).' }),
    skill: positive('Conversion multiplier (1 = average).', 1),
    sourceSkill: record(positive('Multiplier for this source.', 1), { default: {}, description: 'Conversion multiplier per source (a name in leads.sources).' }),
    productSkill: record(positive('Multiplier for this product.', 1), { default: {}, description: 'Conversion multiplier per product (a name in leads.products).' }),
    sources: arr(str(), { default: [], description: 'Sources the agent may take (names in leads.sources; empty = all).' }),
    products: arr(str(), { default: [], description: 'Products the agent may take (names in leads.products; empty = all).' }),
    skillSpread: num({ min: 0, max: 3, default: 0, description: 'Spread of skill within the group: the count agents get skills at evenly spaced quantiles of a log-normal with this log-sd and mean `skill` (0 = identical).' }),
    followThroughPipeline: num({ exclusiveMin: 0, default: 120, description: 'Consumers an agent has reached and still works (contacted leads, applications, closings) that the agent can keep in touch with, touching each about every 48 hours; above it follow-through (conversion, keeping borrowers) falls. Leads still being dialed do not count: their calls take the agent\'s time, which the simulation spends call by call. Default: the middle of the field\'s 100-150 rule of thumb (no published dose-response; assumption, sweep it).' }),
    followThroughElasticity: num({ min: 0, default: 1, description: 'Follow-through is (followThroughPipeline / reached leads in the pipeline) ^ this above the limit (1: twice the relationships, half the follow-through per lead; assumption).' }),
    chasesNewLeads: bool({ default: false, description: 'The agent calls unreached leads before reached leads\' callbacks (the field: "the worst salespeople chew through new leads and abandon old ones").' }),
  },
  { description: 'An agent or a group of identical agents.' },
);

// Bounds on a cadence: 100 burst calls and 1,000 attempts are far beyond any cadence in use (the radar
// cadence makes 14 attempts, dialers 6-20), and keep a typo from scheduling calls without end.
const cadencePatch = obj({
  burstMinutes: optional(arr(num({ min: 0 }), { maxItems: 100, ascendingBy: (m) => m, ascendingWhat: 'minutes' })),
  intervalHours: optional(pair(num({ min: 0 }), { ordered: true, description: '[fewest, most] hours to the next call, drawn uniformly.' })),
  maxAttempts: optional(num({ int: true, min: 0, max: 1000 })),
  onExhausted: optional(str({ values: ['nurture', 'lost'] })),
  priority: optional(num()),
});

const callbacksObject = obj(
  {
    preset: str({ values: CALLBACK_PRESETS, default: 'radar', description: 'Schedule to start from.' }),
    tries: num({ int: true, min: 1, max: 1000, default: 6, description: 'fixed-retries: tries while unreached.' }),
    everyHours: num({ exclusiveMin: 0, default: 4, description: 'fixed-retries: hours between tries.' }),
    statuses: obj(
      { attempted: optional(cadencePatch), contacted: optional(cadencePatch), application: optional(cadencePatch), closing: optional(cadencePatch) },
      { defaulted: true, description: 'Changes to the preset, per status.' },
    ),
    productionCycle: optional(
      arr(
        refine(
          obj({
            status: str({ values: CADENCE_STATUSES }),
            fromDay: num({ int: true, min: 1, max: 31 }),
            toDay: num({ int: true, min: 1, max: 31 }),
            intervalFactor: num({ exclusiveMin: 0 }),
          }),
          (m, report) => {
            if (m.toDay < m.fromDay) report(['toDay'], `expected a day >= fromDay (${m.fromDay}), got ${m.toDay}`);
          },
        ),
        { description: 'Replaces the preset production-cycle modifiers.' },
      ),
    ),
  },
);

const callbacks = byJsonType(
  {
    // A preset's name stands for the object with that preset and every other field at its default.
    string: map(str({ values: CALLBACK_PRESETS }), (preset) => callbacksObject.parse({ preset }, '', [])!),
    object: callbacksObject,
  },
  'a preset name or an object {"preset": ..., "statuses": {...}}',
  { default: { preset: 'radar' }, description: 'The callback schedule (docs/design.md, Callback periods).' },
);

const pipeline = obj(
  {
    nurtureAfterConversations: num({ int: true, min: 1, default: DEFAULT_PIPELINE_RULES.nurtureAfterConversations, description: 'Conversations in "contacted" without an application before nurture (assumption).' }),
    dropAfterDays: positive('Days after which a lead that never applied is dropped (assumption).', DEFAULT_PIPELINE_RULES.dropAfterDays),
    pruneAtLimitAfterConversations: num({ int: true, min: 0, default: DEFAULT_PIPELINE_RULES.pruneAtLimitAfterConversations, description: 'At the pipeline limit, contacted leads with this many conversations go to nurture (0 = never).' }),
    pruneAtLimitAfterAttempts: num({ int: true, min: 0, default: DEFAULT_PIPELINE_RULES.pruneAtLimitAfterAttempts, description: 'At the pipeline limit, never-reached leads with this many unanswered attempts go to nurture to make room for fresh ones (0 = never; 6: the Leads360 and Velocify studies find about 93% of first contacts by the 6th attempt).' }),
  },
  { defaulted: true, description: 'Lead evaluation each time a lead is worked.' },
);

const distributionForms = 'a strategy name or {"strategy": name, "options": {...}}';

const distribution = custom<{ strategy: string; options: unknown }>(
  (v, path, issues) => {
    const raw = typeof v === 'string' ? { strategy: v } : v;
    if (!isObject(raw)) return expectIssue(issues, path, distributionForms, v);
    const before = issues.length;
    for (const k of Object.keys(raw)) {
      if (k !== 'strategy' && k !== 'options' && k !== '$schema' && k !== 'comment') issues.push({ path: at(path, k), message: 'unknown field; expected one of: strategy, options' });
    }
    const entry = strategyNamed(own(raw, 'strategy'));
    if (!entry) return expectIssue(issues, at(path, 'strategy'), `one of ${Object.keys(distributionStrategies).map((n) => JSON.stringify(n)).join(', ')}`, own(raw, 'strategy'));
    const options = entry.options.parse(own(raw, 'options') ?? {}, at(path, 'options'), issues);
    if (issues.length > before || options === undefined) return undefined;
    return { strategy: entry.name, options };
  },
  () => ({
    oneOf: [
      { type: 'string', enum: Object.keys(distributionStrategies) },
      {
        type: 'object',
        properties: { strategy: { type: 'string', enum: Object.keys(distributionStrategies) }, options: { type: 'object' } },
        required: ['strategy'],
        additionalProperties: false,
      },
    ],
  }),
  { default: { strategy: 'round-robin', options: {} }, description: 'How new leads are given to agents (docs/design.md, Distribution patterns).' },
);

const economics = obj(
  {
    agentCostPerHour: num({ min: 0, default: 55, description: 'Loaded cost of a loan officer\'s hour on shift: BLS OES May 2023, loan officers $33.65 median to $40.62 mean per hour including commissions, x1.45 for benefits (BLS ECEC) = $49-59.' }),
    fulfillmentCostPerFunded: num({ min: 0, default: 5500, description: 'Cost per funded loan outside the sales floor: processing, underwriting, closing and overhead (STRATMOR/MBA 2023: $13,131 fully loaded cost to originate, about 55% of it sales; the other 45% is about $5,900).' }),
  },
  { defaulted: true },
);

/*
 * The model's trade-offs (docs/tradeoffs.md): what calling costs, how follow-up spacing moves a reached consumer,
 * the loan's elapsed process and the month, and what happens to leads nobody takes.
 */
const fatigue = obj(
  {
    recoveryHalfLifeHours: positive('Hours for the weight of a past attempt in a lead\'s recent-call load to halve (assumption: 4 h leaves a call 1/32 of its weight after 20 hours, the span the field\'s 3-calls-per-24-hours state caps and "after 20 hours every additional dial hurts" speak of; calls every 2-4 h, the radar sweep, stay near the free allowance).', 4),
    freeRecentCalls: num({ min: 0, default: 3, description: 'Recent attempts that cost nothing: the radar\'s first-hour burst of four calls is what a consumer who just asked for a quote expects (Leads360: the second attempt reaches almost as many as the first; most of the fall of contact with attempts is heterogeneity, Vicente et al.).' }),
    answerFactorPerCall: num({ exclusiveMin: 0, max: 1, default: 0.75, description: 'Answer multiplier per recent attempt beyond the free ones: screening and carriers\' spam labels on numbers that redial (assumption: x0.75 per crowded call, so five crowded calls answer at a quarter of the rate, between one spam label (x0.38, Hiya 2019) and the x0.5 after three calls in a day that field notes suggest; sweep it).' }),
    doNotCallPerAnswer: share('P(a consumer who answers asks not to be called again), before an application (assumption: about 1% per connected call; no published per-call figure exists).', 0.01),
    doNotCallPerCrowdedCall: share('Extra P(do not call) per recent attempt beyond the free ones (assumption: a few points per crowded call; too-short gaps raise opt-outs more than long gaps hurt, Dreze & Bonfrer 2008).', 0.05),
    persistentAfterAttempts: num({ int: true, min: 0, default: 6, description: 'Attempts since the consumer last engaged after which persistence itself annoys (LRM 2007 and Velocify 2012: make at least 6 attempts; beyond, each dial hurts).' }),
    doNotCallPerAttemptBeyond: share('Extra P(do not call) per attempt beyond persistentAfterAttempts (assumption).', 0.01),
    numbersPerAgent: num({ min: 1, default: 2, description: 'Outbound numbers each agent\'s calls are spread over: shops rotate numbers (local presence dialing) to stay under carriers\' spam thresholds (assumption: 2).' }),
    spamLabelFromCallsPerDay: num({ min: 0, default: 75, description: 'Carriers label a number "spam likely" by its call volume (and complaints); below this many calls a day from one number (its recent calls, each weighing e^(-days since)) no call is labeled. Carriers publish no threshold: 75-100 calls per number a day is dialer folklore (AAPOR task force on spam flagging, about 2018); the lower end is taken.' }),
    spamLabelFullCallsPerDay: positive('Calls a day from one number at which every call is labeled; between the two the labeled share grows in proportion (assumption: twice the folklore\'s lower end).', 150),
    spamLabelAnswerFactor: num({ exclusiveMin: 0, max: 1, default: 0.38, description: 'Answer multiplier of a labeled call to a consumer not yet reached (Hiya, State of the Phone Call 2019: 9% of calls labeled spam are answered against 24% from unidentified numbers, x0.38). A consumer already reached knows the caller.' }),
    complaintPerCrowdedCall: share('P(a consumer not yet reached reports a missed call as spam, or blocks the number, which carriers\' analytics count), per recent attempt beyond the free ones (assumption: 2%, so the fifth call of a burst is reported once in fifty and the tenth once in eight; carriers label numbers by complaints as well as volume, AAPOR task force on spam flagging, about 2018; 42% of consumers contacted 4+ times a week about a debt asked the caller to stop, CFPB 2017, a hostile upper bound). 0 turns complaints off.', 0.02),
    spamLabelFullComplaints: positive('Recent complaints against one number (each weighing e^(-days since / complaintMemoryDays)) at which every call from it shows as "spam likely"; below, the labeled share grows in proportion, on top of the share labeled by volume (assumption: 10, about one complaint a day kept for the memory\'s ten days; carriers publish no threshold).', 10),
    complaintMemoryDays: positive('Days over which carriers\' analytics remember a number\'s complaints: a complaint weighs e^(-days since / this) (assumption: 10 days; reputation services score numbers over rolling windows of days to weeks, and the label outlives the burst that earned it).', 10),
  },
  { defaulted: true, description: 'What calling costs: redialed numbers are screened, and crowded or persistent calls make consumers ask not to be called again.' },
);

const followUp = obj(
  {
    thinkHours: num({ min: 0, default: 12, description: 'Hours a reached consumer needs between conversations to move forward (compare offers, gather documents): a follow-up after g hours finds 1 - exp(-g / thinkHours) of the progress (assumption).' }),
    annoyance: num({ min: 0, default: 1, description: 'A follow-up soon after the last conversation multiplies the chance of a "no" by 1 + annoyance x exp(-g / annoyanceHours) (assumption; "drive your customer mad", Dreze & Bonfrer 2008 on short gaps).' }),
    annoyanceHours: positive('Hours over which the annoyance of a follow-up fades (assumption).', 12),
    interestHalfLifeDays: positive('Days for a reached consumer\'s interest to halve while nobody talks to them (assumption).', 7),
    competitorClosePerDay: share('Per day and per other buyer who reached the consumer: the hazard that they close a consumer who is ready to move and waiting for our follow-up, or for our first conversation when they reached the consumer before us (assumption: 2%; 77% of borrowers apply with one lender only, CFPB/FHFA NSMB 2015, so most shoppers settle with whoever keeps in touch).', 0.02),
  },
  { defaulted: true, description: 'Follow-ups to a consumer already reached: too soon finds nothing new and annoys, too late finds interest cooled and competitors closer.' },
);

const loanProcess = obj(
  {
    model: str({ values: ['elapsed', 'per-conversation'], default: 'elapsed', description: '"elapsed": after an application the loan moves by elapsed work, month-end closings and rate locks; "per-conversation": every stage advances by a chance per conversation (the funnel\'s closing and funded rates), as older versions did.' }),
    processDays: obj(
      {
        mean: positive('Mean days from application to clear-to-close.', 33),
        sd: num({ min: 0, default: 10, description: 'Standard deviation, days.' }),
      },
      { defaulted: true, description: 'Processing and underwriting days, log-normal (ICE/Ellie Mae 2013-2021: 40-53 days from application to closing, of which about a week is scheduling the closing).' },
    ),
    borrowerAnswers: share('P(a borrower whose loan is in process answers or returns the loan officer\'s call): they are waiting for news of their loan (assumption).', 0.8),
    conditionsDays: num({ min: 0, default: 10, description: 'The last days of processing are conditions the borrower must act on (documents, the closing disclosure): only there does progress stall while the borrower is not reached. Before them the lender\'s work (underwriting, appraisal) runs on the calendar (assumption).' }),
    touchWindowHours: positive('The loan advances only while the borrower was reached within this many hours (documents asked for come in over a few days); it stalls otherwise (assumption, near the field\'s rule of touching every lead about once every 48 hours).', 72),
    closingLeadDays: num({ min: 0, default: 7, description: 'Days from clear-to-close to the earliest closing date (assumption: a week to schedule the signing and deliver the closing disclosure).' }),
    monthEndShare: share('Share of borrowers who close on the month\'s last business day (NAR: closings cluster at month end, 10-17% on its last business day; with 20% here, and slipped closings, about 40% of fundings fall in a month\'s last week, inside the 35-45% quoted).', 0.2),
    disclosureDays: num({ min: 0, default: 3, description: 'The borrower must have been reached within this many days before the closing or it slips (TRID: the closing disclosure at least 3 business days before consummation).' }),
    lockStepDays: positive('Rate locks come in steps of this many days, at least 30, chosen to cover the planned closing (lender rate sheets: 30/45/60-day locks).', 15),
    walkOnExpiredLock: share('P(a borrower walks) when the closing comes after the rate lock expired (assumption: an extension costs about 0.25 points per 10 days, or a worst-of-market re-lock).', 0.3),
    withdrawPerDay: share('Hazard per day that a borrower withdraws while a skill-1 loan officer keeps in touch (set with the others so application-to-funded is about 72%: ICE/Ellie Mae closing rates 70-79%).', 0.003),
    neglectFactor: num({ min: 1, default: 3, description: 'The withdrawal hazard is this many times higher while the borrower has not been reached within the touch window (assumption).' }),
    withdrawPerCrowdedCall: share('Extra P(withdraw) for a conversation right after the last one, fading over followUp.annoyanceHours (assumption).', 0.02),
    closingFallThrough: share('P(a closing fails on the day: appraisal, title, conditions) (assumption).', 0.04),
  },
  { defaulted: true, description: 'From application to funding: weeks of work that calls keep moving but do not speed up, month-end closings and rate locks.' },
);

const backlog = obj(
  {
    maxWaitHours: positive('Hours a lead may wait unassigned before it goes to the drip (nurture) instead of being handed out stale. Default 72: leads that arrive on a Saturday evening are still called on Monday; after three days a first call almost never reaches the consumer (HBR 2011: over 60 times less often after 24 hours).', 72),
    passedOverHours: positive('Hours after which a lead still refused for lack of room while agents are on shift goes to the drip: it has lost its rendezvous (HBR 2011: a first call in the second hour qualifies about 7 times less often than in the first) and would only take the place of a fresher lead later (assumption).', 2),
  },
  { defaulted: true, description: 'What happens to leads nobody takes (the queue order is the distribution strategy\'s queueOrder).' },
);

/**
 * Default warm-up: two months, the time the open pipeline takes to settle, since a lead stays in it for the weeks of its
 * loan (a run of fewer than twice that warms up for half its days: see {@link defaultWarmupDays}). MSER-5, which the warm-up
 * check uses for its advice (src/sim/warmup.ts), finds the default floor's pipeline settling after about 50 days (10 replications of 210
 * days without warm-up) and the example scenarios' after 30-65 days (docs/design.md, Statistics); a month measured days
 * whose pipelines were still 4% short of their level (utilization 0.8 points low, first calls 44 minutes sooner on
 * average than on a settled floor).
 */
export const DEFAULT_WARMUP_DAYS = 60;

/** Default days of arrivals: the warm-up and two months of measured leads after it. */
export const DEFAULT_DAYS = DEFAULT_WARMUP_DAYS + 60;

/**
 * The warm-up of a run of `days` whose scenario sets none: {@link DEFAULT_WARMUP_DAYS}, or half the days of a shorter
 * run, so that every run measures at least half its days (a run of 61 days would otherwise measure one). The run's
 * warm-up check (src/sim/warmup.ts) then says whether the pipeline settled within it.
 */
export function defaultWarmupDays(days: number): number {
  return Math.min(DEFAULT_WARMUP_DAYS, Math.floor(days / 2));
}

/** Most replications of a run (the scenario's `replications`, and the command line's `--replications`). */
export const MAX_REPLICATIONS = 10_000;

/** Most days of lead arrivals, and of warm-up (`days`, `warmupDays`, and `--warmup-days`). */
export const MAX_DAYS = 3660;

const scenarioFields = obj(
  {
    name: str({ default: 'Untitled scenario' }),
    description: str({ default: '' }),
    // Integer seeds up to 2^53: beyond it integers are no longer exact, so two seeds could be the same number.
    seed: byJsonType({ number: num({ int: true, min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), string: str() }, 'an integer or a string', {
      default: 1,
      description: 'Run seed: same scenario and seed give the same result, bit for bit.',
    }),
    replications: num({ int: true, min: 1, max: MAX_REPLICATIONS, default: 10, description: 'Independent replications; results carry a 95% interval over them.' }),
    startDate: date({ default: '2026-01-05', description: 'First simulated day (a Monday by default).' }),
    days: num({ int: true, min: 1, max: MAX_DAYS, default: DEFAULT_DAYS, description: 'Days of lead arrivals, the warm-up included (default: the default warm-up and two months of measured leads).' }),
    warmupDays: optional(num({ int: true, min: 0, max: MAX_DAYS, description: 'Days discarded from the metrics while pipelines fill; a value you give is kept as given (below days). Left out: 60 (the default floor\'s open pipeline settles after about 50 days, by MSER-5 on 10 replications of 210 days without warm-up, src/sim/warmup.ts: leads stay in it for the weeks of their loans; every run checks that its measured days do not drift), or half the days of a run shorter than 120.' })),
    // At most a year: a lead left unworked a year after the last arrival has long been dropped (pipeline.dropAfterDays).
    cooldownDays: num({ int: true, min: 0, max: 366, default: 60, description: 'Days the run goes on after the last arrival so the last measured leads can fund: about 40 days of loan process and up to a month\'s wait for a month-end closing.' }),
    leads,
    contact,
    contactModel: optional(byJsonType(
      { string: str({ nonEmpty: true }), object: fittedContactModel },
      'the path of a fitted model file or a model {contactability, hourOfWeek, ageDecay}',
      { description: 'A fitted contact model (from `leadlab fit --out`, or "Use this fit" in the workbench): the path of the file, relative to the scenario file, or its "contactModel" object inline; replaces `contact`.' },
    )),
    competitor,
    calls,
    funnel,
    nurture,
    scoring: optional(scoring),
    agents: arr(agent, {
      minItems: 1,
      default: [
        { name: 'Day closer', count: 7, shift: '08:00-17:00', days: 'Mon-Fri', skillSpread: 0.5 },
        { name: 'Late closer', count: 3, shift: '12:00-21:00', days: 'Mon-Sat', skillSpread: 0.5 },
      ],
      description: 'The sales team (assumption: a 10-agent floor covering weekday days, evenings and Saturday, skills spread log-normally with log-sd 0.5 within each group: the field reports very unequal loan officers, 83% of production from the top 40% (STRATMOR); skill here scales conversion, which saturates, so 0.5 keeps the spread of production below that extreme).',
    }),
    callbacks,
    pipeline,
    distribution,
    economics,
    fatigue,
    followUp,
    loanProcess,
    backlog,
  },
  { description: 'A Leadlab scenario.' },
);

/** The scenario file schema: its fields, then the rules across them (src/scenario/scenarioRules.ts). */
export const scenarioSchema = refine(scenarioFields, scenarioRules);

/** A validated scenario: every field present or at its default. */
export type ScenarioInput = Infer<typeof scenarioFields>;
