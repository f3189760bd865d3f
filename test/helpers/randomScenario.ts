/*
 * Random valid scenarios for property tests: a seeded generator (mulberry32, not the project's own streams) that draws
 * scenarios across the whole schema. test/sim/randomScenarios.test.ts checks single runs on them; the tests of the
 * layers above a run (compare, diagnose, optimize, calibrate) draw from the same generator.
 */

import { mulberry32 } from './random';

export { mulberry32 };

export class Gen {
  /**
   * A wild scenario draws every field over its whole range; a tame one (most) moves shares within a factor of 2 of
   * their defaults and keeps shifts, caps and backlogs that let leads be worked, so that runs reach applications,
   * closings and fundings and the properties are checked there too.
   */
  wild = true;
  constructor(readonly u: () => number) {}
  num(lo: number, hi: number): number {
    return lo + (hi - lo) * this.u();
  }
  /** Log-uniform between lo and hi (both > 0). */
  log(lo: number, hi: number): number {
    return Math.exp(this.num(Math.log(lo), Math.log(hi)));
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.u() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.u() * xs.length)];
  }
  chance(p: number): boolean {
    return this.u() < p;
  }
  /** A share in [0, 1]: wild, anywhere and sometimes exactly at an end; tame, within a factor of 2 of `def`. */
  share(def: number): number {
    if (!this.wild) return Math.min(1, this.r3(def * this.log(0.5, 2)));
    const r = this.u();
    return r < 0.1 ? 0 : r < 0.2 ? 1 : Number(this.u().toFixed(3));
  }
  /** Rounds to 3 decimals so scenarios print short. */
  r3(x: number): number {
    return Number(x.toFixed(3));
  }
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const DAY_SETS = ['Mon-Fri', 'Mon-Sun', 'Sat-Sun', 'Fri-Mon', 'Sun', 'Mon,Wed,Fri', 'Tue-Thu,Sat', 'Sun-Sat', 'Wed'];

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function shift(g: Gen): string {
  if (!g.wild) return g.pick(['08:00-17:00', '09:00-17:00', '12:00-21:00', '20:00-04:00', '07:00-19:00', '00:00-24:00']);
  const fixed = ['08:00-17:00', '20:00-04:00', '00:00-24:00', '23:30-00:30', '12:00-21:00', '06:00-06:01', '22:00-06:00', '24:00-08:00'];
  if (g.chance(0.5)) return g.pick(fixed);
  const start = g.int(0, 24 * 4) * 15;
  let end = g.int(0, 24 * 4) * 15;
  if (end === start || (start % 1440 === 0 && end % 1440 === 0)) end = (start + 480) % 1440;
  return `${hhmm(start)}-${hhmm(end)}`;
}

function days(g: Gen): string {
  if (!g.wild) return g.pick(['Mon-Fri', 'Mon-Sat', 'Mon-Sun', 'Fri-Mon', 'Sun-Thu']);
  if (g.chance(0.6)) return g.pick(DAY_SETS);
  const n = g.int(1, 3);
  return Array.from({ length: n }, () => {
    const a = g.pick(WEEKDAYS);
    return g.chance(0.5) ? a : `${a}-${g.pick(WEEKDAYS)}`;
  }).join(',');
}

function hourProfile(g: Gen, zeros: number): number[] {
  const out = Array.from({ length: 168 }, () => (g.chance(zeros) ? 0 : g.r3(g.log(0.01, 5))));
  if (!out.some((x) => x > 0)) out[g.int(0, 167)] = 1;
  return out;
}

function ageCurve(g: Gen): unknown {
  if (g.chance(0.5)) return { kind: 'exponential', halfLifeMinutes: g.r3(g.log(0.1, 5000)), floor: g.share(0.5) };
  const n = g.int(1, 6);
  let age = g.chance(0.5) ? 0 : g.r3(g.log(0.5, 100));
  const points: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    points.push([age, g.r3(g.num(0, 1.2))]);
    age = g.r3(age + g.log(0.5, 3000));
  }
  return { kind: 'table', points };
}

function cadencePatch(g: Gen): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  if (g.chance(0.5)) {
    let m = 0;
    p.burstMinutes = Array.from({ length: g.int(0, 5) }, () => (m = g.r3(m + g.log(0.01, 120))));
  }
  if (g.chance(0.6)) {
    const a = g.chance(0.2) ? 0 : g.r3(g.log(0.05, 96));
    p.intervalHours = [a, g.chance(0.3) ? a : g.r3(a + g.log(0.05, 48))];
  }
  if (g.chance(0.6)) p.maxAttempts = g.pick([0, 1, 2, 5, 14, 30]);
  if (g.chance(0.4)) p.onExhausted = g.pick(['nurture', 'lost']);
  if (g.chance(0.4)) p.priority = g.pick([-5, 0, 1, 2.5, 4, 100]);
  return p;
}

function callbacks(g: Gen): unknown {
  if (g.chance(0.35)) return g.pick(['radar', 'single-call', 'fixed-retries']);
  const c: Record<string, unknown> = { preset: g.pick(['radar', 'single-call', 'fixed-retries']) };
  if (g.chance(0.5)) c.tries = g.pick([1, 2, 6, 20, 50]);
  if (g.chance(0.5)) c.everyHours = g.r3(g.log(0.05, 72));
  if (g.chance(0.7)) {
    const statuses: Record<string, unknown> = {};
    for (const s of ['attempted', 'contacted', 'application', 'closing']) if (g.chance(0.5)) statuses[s] = cadencePatch(g);
    c.statuses = statuses;
  }
  if (g.chance(0.3)) {
    c.productionCycle = Array.from({ length: g.int(0, 3) }, () => {
      const from = g.int(1, 31);
      return { status: g.pick(['attempted', 'contacted', 'application', 'closing']), fromDay: from, toDay: g.int(from, 31), intervalFactor: g.r3(g.log(0.05, 5)) };
    });
  }
  return c;
}

export interface Drawn {
  scenario: Record<string, unknown>;
  /** Whether the strategy keeps pipelines within their limits and daily caps (push and switched-off checks do not). */
  limits: { pipeline: boolean; daily: boolean };
  /** Files the scenario names (a replayed lead stream, a fitted contact model), by name. */
  files: Record<string, string>;
  /** The "single-call" preset where no lead comes back as a new chance: at most one call before an application. */
  singleCall: boolean;
}

/** A lead stream to replay: ISO times over a few days, sources and products mostly the scenario's, some rows bad. */
function leadStream(g: Gen, sources: string[], products: string[]): string {
  const rows = ['Lead ID,Created,Lead Source,Product'];
  const start = Date.UTC(2026, g.int(0, 11), g.int(1, 28), g.int(0, 23), g.int(0, 59));
  const n = g.int(1, 400), span = g.log(0.01, 30) * 86_400_000;
  for (let i = 0; i < n; i++) {
    const t = new Date(start + g.u() * span).toISOString().slice(0, 16).replace('T', ' ');
    const source = g.chance(0.05) ? 'unknown-source' : g.pick(sources);
    const row = g.chance(0.03) ? [`L${i}`, 'not a date', source, g.pick(products)] : [g.chance(0.02) ? '' : `L${i}`, t, source, g.pick(products)];
    rows.push(row.join(','));
  }
  return rows.join('\n');
}

export function scenario(g: Gen, index: number): Drawn {
  g.wild = g.chance(0.35);
  const perDay = g.r3(g.wild ? g.log(0.2, 300) : g.log(3, 300));
  let nDays = g.int(1, 60);
  // Keep each run small: at most about 2,500 leads.
  nDays = Math.max(1, Math.min(nDays, Math.floor(2500 / perDay)));
  const s: Record<string, unknown> = { name: `random ${index}`, days: nDays, replications: g.pick([1, 1, 2]) };
  if (g.chance(0.8)) s.warmupDays = g.chance(0.3) ? 0 : g.int(0, g.wild ? nDays - 1 : Math.floor(nDays / 3));
  // Tame runs go on long enough for the loans of the measured leads to fund (about 40 days of process).
  s.cooldownDays = g.wild ? g.pick([0, 0, 1, 3, 10, 30, 45]) : g.pick([30, 45, 60]);
  if (g.chance(0.3)) s.startDate = g.pick(['2024-02-29', '2025-12-31', '2026-03-28', '2027-01-01', '2026-06-30']);
  if (g.chance(0.3)) s.seed = g.chance(0.5) ? g.int(-1e9, 1e9) : `s${g.int(0, 999)}`;

  const nSources = g.int(1, 4);
  const sources = Array.from({ length: nSources }, (_, i) => {
    const src: Record<string, unknown> = { name: `src${i}`, share: i === 0 ? g.r3(g.log(0.001, 10)) : g.chance(0.2) ? 0 : g.r3(g.log(0.001, 10)) };
    if (g.chance(0.7)) src.cost = g.r3(g.num(0, 300));
    if (g.chance(0.5)) src.soldTo = Array.from({ length: g.int(1, 6) }, () => (g.chance(0.2) ? 0 : g.r3(g.num(0, 2))));
    if (g.chance(0.5)) src.contactabilityFactor = g.r3(g.log(0.05, 4));
    if (g.chance(0.5)) src.conversionFactor = g.r3(g.log(0.05, 4));
    return src;
  });
  const nProducts = g.int(1, 3);
  const products = Array.from({ length: nProducts }, (_, i) => {
    const p: Record<string, unknown> = { name: `prod${i}`, share: i === 0 ? g.r3(g.log(0.001, 10)) : g.chance(0.2) ? 0 : g.r3(g.log(0.001, 10)) };
    if (g.chance(0.6)) p.revenuePerFunded = g.r3(g.num(0, 20000));
    return p;
  });
  const leads: Record<string, unknown> = { perDay, sources, products };
  if (g.chance(0.4)) leads.arrivalProfile = g.chance(0.5) ? g.pick(['flat', 'web-forms']) : hourProfile(g, g.pick([0, 0.5, 0.95]));
  if (g.chance(0.5)) leads.readyShare = g.share(0.6);
  if (g.chance(0.4)) leads.propensity = { alpha: g.r3(g.log(0.05, 20)), beta: g.r3(g.log(0.05, 20)) };
  if (g.chance(0.5)) leads.badNumberShare = g.share(0.06);
  s.leads = leads;
  const files: Record<string, string> = {};
  if (g.chance(0.08)) {
    // A replayed stream sets the days; the warm-up stays at its default (a third of a short stream).
    files['leads.csv'] = leadStream(g, sources.map((x) => x.name as string), products.map((x) => x.name as string));
    leads.replay = { file: 'leads.csv', timeZone: g.pick(['UTC', 'America/Chicago', '+05:30']), ...(g.chance(0.5) ? { dateOrder: 'ymd' } : {}) };
    delete s.warmupDays;
  }

  // Agents: 1-40 in 1-4 groups.
  const total = g.chance(0.2) ? 1 : g.int(1, 40);
  const nGroups = Math.min(total, g.int(1, 4));
  const counts = Array.from({ length: nGroups }, () => 1);
  for (let k = nGroups; k < total; k++) counts[g.int(0, nGroups - 1)]++;
  const agents = counts.map((count, i) => {
    const a: Record<string, unknown> = { name: `G${i}`, count, shift: shift(g), days: days(g) };
    if (g.chance(0.3)) a.role = g.pick(['closer', 'telemarketer']);
    if (g.chance(0.7)) a.pipelineLimit = g.pick([1, 2, 3, 10, 40, 150, 1000, 100000]);
    if (g.chance(0.7)) a.newLeadsPerDay = g.wild ? g.pick([0, 1, 2, 5, 7, 20, 1000]) : g.pick([2, 5, 7, 20, 1000]);
    if (g.chance(0.3)) a.paceNewLeads = g.chance(0.5);
    if (g.chance(0.2)) a.maxLeadWaitMinutes = g.r3(g.wild ? g.log(0.5, 5000) : g.log(60, 5000));
    if (g.chance(0.3)) a.maxCallsPerDay = g.wild ? g.pick([0, 1, 5, 30, 400]) : g.pick([30, 100, 400]);
    if (g.chance(0.4)) a.skill = g.r3(g.log(0.05, 5));
    if (g.chance(0.4)) a.skillSpread = g.r3(g.num(0, 3));
    if (g.chance(0.3)) a.followThroughPipeline = g.r3(g.log(0.5, 500));
    if (g.chance(0.3)) a.followThroughElasticity = g.r3(g.num(0, 4));
    if (g.chance(0.3)) a.chasesNewLeads = g.chance(0.5);
    if (g.chance(0.3)) a.sources = sources.filter(() => g.chance(0.5)).map((x) => x.name);
    if (g.chance(0.3)) a.products = products.filter(() => g.chance(0.5)).map((x) => x.name);
    if (g.chance(0.3)) a.sourceSkill = Object.fromEntries(sources.filter(() => g.chance(0.5)).map((x) => [x.name, g.r3(g.log(0.1, 5))]));
    if (g.chance(0.3)) a.productSkill = Object.fromEntries(products.filter(() => g.chance(0.5)).map((x) => [x.name, g.r3(g.log(0.1, 5))]));
    return a;
  });
  s.agents = agents;

  // Distribution: every registered strategy with its options.
  const strategy = g.pick(['round-robin', 'hunt-group', 'push', 'pull', 'top-producers', 'source-specialist', 'grab-bag', 'product-specialist', 'telemarketing-warm-up']);
  const options: Record<string, unknown> = {};
  const limits = { pipeline: true, daily: true };
  const group = () => g.pick(agents).name as string;
  switch (strategy) {
    case 'round-robin':
      if (g.chance(0.4)) options.skipOffShift = g.chance(0.5);
      if (g.chance(0.4)) options.respectLimits = g.chance(0.5);
      if (g.chance(0.3)) {
        const w = Array.from({ length: total }, () => (g.chance(0.2) ? 0 : g.r3(g.log(0.1, 10))));
        if (!w.some((x) => x > 0)) w[0] = 1;
        options.weights = w;
      }
      if (g.chance(0.4)) options.queueOrder = g.pick(['fifo', 'lifo']);
      break;
    case 'hunt-group':
      if (g.chance(0.5)) options.hunt = g.pick(['first', 'circular']);
      if (g.chance(0.4)) options.respectLimits = g.chance(0.5);
      if (g.chance(0.4)) options.queueOrder = g.pick(['fifo', 'lifo']);
      break;
    case 'push':
      if (g.chance(0.5)) options.order = g.pick(['in-turn', 'random']);
      limits.pipeline = limits.daily = false;
      break;
    case 'pull':
      if (g.chance(0.5)) options.wipLimit = g.pick([1, 2, 10, 200]);
      if (g.chance(0.4)) options.respectDailyLimit = g.chance(0.5);
      if (g.chance(0.4)) options.queueOrder = g.pick(['fifo', 'lifo']);
      if (options.respectDailyLimit === false) limits.daily = false;
      break;
    case 'top-producers':
      if (g.chance(0.5)) options.windowDays = g.r3(g.log(0.1, 90));
      if (g.chance(0.5)) options.mode = g.pick(['rank', 'proportional']);
      if (g.chance(0.5)) options.weights = Array.from({ length: g.int(1, 5) }, () => g.pick([0, 0.5, 1, 3]));
      if (g.chance(0.5)) options.prior = g.pick([0, 0.1, 1, 5]);
      if (g.chance(0.3)) options.skipOffShift = g.chance(0.5);
      if (g.chance(0.3)) options.respectLimits = g.chance(0.5);
      if (g.chance(0.3)) options.queueOrder = g.pick(['fifo', 'lifo']);
      break;
    case 'source-specialist':
      if (g.chance(0.6)) options.teams = Object.fromEntries(sources.filter(() => g.chance(0.6)).map((x) => [x.name, Array.from({ length: g.int(0, 2) }, group)]));
      if (g.chance(0.5)) options.learning = { maxGain: g.pick([0, 0.5, 3]), conversationsToHalf: g.r3(g.log(0.5, 1000)) };
      if (g.chance(0.3)) options.skipOffShift = g.chance(0.5);
      if (g.chance(0.3)) options.respectLimits = g.chance(0.5);
      if (g.chance(0.3)) options.queueOrder = g.pick(['fifo', 'lifo']);
      break;
    case 'grab-bag':
      if (g.chance(0.5)) options.prefer = sources.filter(() => g.chance(0.5)).map((x) => x.name);
      if (g.chance(0.5)) options.otherAfterMinutes = g.pick([0, 0.5, 10, 60, 1000]);
      if (g.chance(0.4)) options.respectLimits = g.chance(0.5);
      break;
    case 'product-specialist':
      if (g.chance(0.6)) options.teams = Object.fromEntries(products.filter(() => g.chance(0.6)).map((x) => [x.name, Array.from({ length: g.int(0, 2) }, group)]));
      if (g.chance(0.5)) options.mislabeledShare = g.share(0.1);
      if (g.chance(0.5)) options.bounceMinutes = g.pick([0, 1, 120, 5000]);
      if (g.chance(0.3)) options.skipOffShift = g.chance(0.5);
      if (g.chance(0.3)) options.respectLimits = g.chance(0.5);
      if (g.chance(0.3)) options.queueOrder = g.pick(['fifo', 'lifo']);
      break;
    case 'telemarketing-warm-up':
      if (g.chance(0.5)) options.callbackMinutes = g.pick([0, 1, 60, 2000]);
      if (g.chance(0.4)) options.respectLimits = g.chance(0.5);
      // A hot transfer goes to a free closer under its pipeline limit, whatever its count of new leads today.
      limits.daily = false;
      break;
  }
  if (options.respectLimits === false) limits.pipeline = limits.daily = false;
  s.distribution = g.chance(0.2) && Object.keys(options).length === 0 ? strategy : { strategy, options };

  s.callbacks = callbacks(g);
  if (g.chance(0.5)) {
    s.pipeline = {
      nurtureAfterConversations: g.int(1, 10),
      dropAfterDays: g.r3(g.log(0.1, 200)),
      pruneAtLimitAfterConversations: g.int(0, 5),
      pruneAtLimitAfterAttempts: g.int(0, 8),
    };
  }
  if (g.chance(0.5)) {
    const contact: Record<string, unknown> = { contactability: g.wild ? { alpha: g.r3(g.log(0.05, 20)), beta: g.r3(g.log(0.05, 20)) } : { alpha: g.r3(g.log(1, 5)), beta: g.r3(g.log(0.5, 3)) } };
    if (g.chance(0.5)) contact.hourOfWeek = g.chance(0.5) ? g.pick(['flat', 'lrm-2007', 'velocify-2016']) : hourProfile(g, g.pick([0, 0.5, 0.99]));
    if (g.chance(0.5)) contact.ageDecay = ageCurve(g);
    s.contact = contact;
  } else if (g.chance(0.15)) {
    const model = { contactability: { alpha: g.r3(g.log(0.1, 10)), beta: g.r3(g.log(0.1, 10)) }, hourOfWeek: hourProfile(g, 0.2), ageDecay: ageCurve(g) };
    // Inline, or a model file as `leadlab fit --out` writes it.
    if (g.chance(0.5)) s.contactModel = model;
    else {
      files['model.json'] = JSON.stringify({ contactModel: model });
      s.contactModel = 'model.json';
    }
  }
  if (g.chance(0.4)) s.competitor = { meanResponseMinutes: g.r3(g.log(0.1, 5000)), reachProbability: g.share(0.5), firstContactWins: g.share(0.5) };
  if (g.chance(0.4)) {
    const talk = g.pick([
      { distribution: 'fixed', mean: g.r3(g.log(0.01, 60)) },
      { distribution: 'exponential', mean: g.r3(g.log(0.01, 60)) },
      { distribution: 'lognormal', mean: g.r3(g.log(0.01, 60)), sd: g.r3(g.num(0, 60)) },
    ]);
    s.calls = { noAnswerMinutes: g.pick([0, 0.5, 1, 5]), talkMinutes: talk, wrapUpMinutes: g.pick([0, 1.5, 10]) };
  }
  if (g.chance(0.5)) {
    const f: Record<string, unknown> = {};
    const defaults = { applicationPerConversation: 0.15, immatureApplicationFactor: 0.15, immatureToNurture: 0.3, notInterestedPerConversation: 0.15, closingPerConversation: 0.25, applicationLostPerConversation: 0.15, fundedPerConversation: 0.5, closingLostPerConversation: 0.12 };
    for (const [k, def] of Object.entries(defaults)) {
      if (g.chance(0.6)) f[k] = g.share(def);
    }
    if (g.chance(0.3)) f.interestByFirstContactAge = ageCurve(g);
    s.funnel = f;
  }
  if (g.chance(0.3)) s.nurture = { returnShare: g.chance(0.3) ? 0 : g.share(0.15), meanReturnDays: g.r3(g.log(0.1, 90)) };
  if (g.chance(0.25)) {
    s.scoring = g.chance(0.4)
      ? {}
      : {
          attributes: Array.from({ length: g.int(1, 3) }, (_, i) => ({ name: `a${i}`, readyMean: g.r3(g.num(-5, 5)), immatureMean: g.r3(g.num(-5, 5)), sd: g.pick([0, 0.5, 3]), weight: g.r3(g.num(-2, 2)) })),
          threshold: g.r3(g.num(-3, 3)),
          drip: { intervalDays: g.r3(g.log(0.1, 30)), optOutPerEmail: g.share(0.003), maturePerEmail: g.share(0.03), responsePerEmail: g.share(0.1) },
        };
  }
  if (g.chance(0.3)) s.economics = { agentCostPerHour: g.pick([0, 55, 200]), fulfillmentCostPerFunded: g.pick([0, 5500]) };
  if (g.chance(0.4)) {
    s.fatigue = {
      recoveryHalfLifeHours: g.r3(g.log(0.01, 200)),
      freeRecentCalls: g.pick([0, 1, 3, 50]),
      answerFactorPerCall: g.pick([0.001, 0.5, 0.75, 1]),
      doNotCallPerAnswer: g.share(0.01),
      doNotCallPerCrowdedCall: g.share(0.05),
      persistentAfterAttempts: g.pick([0, 1, 6, 100]),
      doNotCallPerAttemptBeyond: g.share(0.01),
    };
  }
  if (g.chance(0.4)) {
    s.followUp = {
      thinkHours: g.pick([0, 0.1, 12, 500]),
      annoyance: g.pick([0, 1, 50]),
      annoyanceHours: g.r3(g.log(0.01, 100)),
      interestHalfLifeDays: g.r3(g.log(0.01, 100)),
      competitorClosePerDay: g.share(0.02),
    };
  }
  if (g.chance(0.5)) {
    s.loanProcess = g.chance(0.25)
      ? { model: 'per-conversation' }
      : {
          model: 'elapsed',
          processDays: { mean: g.r3(g.log(0.01, 90)), sd: g.pick([0, 1, 10, 200]) },
          borrowerAnswers: g.share(0.8),
          conditionsDays: g.pick([0, 1, 10, 200]),
          touchWindowHours: g.r3(g.log(0.1, 500)),
          closingLeadDays: g.pick([0, 1, 7, 60]),
          monthEndShare: g.share(0.2),
          disclosureDays: g.pick([0, 3, 100]),
          lockStepDays: g.r3(g.log(0.1, 90)),
          walkOnExpiredLock: g.share(0.3),
          withdrawPerDay: g.share(0.003),
          neglectFactor: g.pick([1, 3, 1000]),
          withdrawPerCrowdedCall: g.share(0.02),
          closingFallThrough: g.share(0.04),
        };
  }
  if (g.chance(0.4)) s.backlog = g.wild ? { maxWaitHours: g.r3(g.log(0.01, 1000)), passedOverHours: g.r3(g.log(0.01, 1000)) } : { maxWaitHours: g.r3(g.log(12, 1000)), passedOverHours: g.r3(g.log(0.5, 100)) };
  if (s.callbacks === 'single-call' && g.chance(0.6)) s.nurture = { ...(s.nurture as object), returnShare: 0 };
  // Leads come back from nurture or the drip (returnShare, scoring), or are handed on (hot transfer, a bounce), as new chances.
  const nurture = s.nurture as { returnShare?: number } | undefined;
  const singleCall = s.callbacks === 'single-call' && nurture?.returnShare === 0 && !s.scoring && !['telemarketing-warm-up', 'product-specialist'].includes(strategy);
  return { scenario: s, limits, files, singleCall };
}

