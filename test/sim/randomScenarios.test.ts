import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AgentState } from '../../src/sim/agentState';
import type { Lead } from '../../src/sim/lead';
import { Calendar } from '../../src/sim/calendar';
import { isOnShift } from '../../src/sim/shift';
import { METRICS, type MetricName, type RunResult } from '../../src/sim/runResult';
import { LOSS_BUCKETS } from '../../src/sim/lossAttribution';
import { loadScenario, ScenarioError } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runScenario';
import type { ScenarioSummary } from '../../src/sim/summary';

/*
 * A property test over random valid scenarios: a seeded generator (mulberry32, not the project's own streams) draws
 * scenarios across the whole schema, each is loaded with the project's loader and run small, and every run is checked
 * against what the model means, whatever the numbers: no throw, no NaN where a metric is defined, shares in [0, 1],
 * an ordered funnel whose ends add up, loss buckets that add up to the leads they split, intervals around their means,
 * determinism, and the floor's invariants watched over the run (as test/sim/invariants.test.ts).
 *
 * A failure prints the scenario as JSON, to paste into a file for `leadlab run` or into a focused test.
 */

/** mulberry32: a small seeded PRNG, independent of the simulator's own generators. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
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

interface Drawn {
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

function scenario(g: Gen, index: number): Drawn {
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

// ---- properties ---------------------------------------------------------------------------------------------------

/** Metrics that are NaN exactly when what they divide by is zero (src/sim/runResult.ts: "NaN where undefined"). */
function undefinedMetric(name: MetricName, r: RunResult): boolean {
  const f = r.funnel;
  switch (name) {
    case 'meanMinutesToFirstAttempt':
    case 'medianMinutesToFirstAttempt':
      return f.attempted === 0;
    case 'meanMinutesToContact':
      return f.contacted === 0;
    case 'pullThrough':
      return f.application === 0;
    case 'fundedInLastWeekShare':
    case 'costPerFunded':
      return f.funded === 0;
    case 'roi':
      return r.metrics.leadCost + r.metrics.agentCost + r.metrics.fulfillmentCost === 0;
    default:
      return METRICS[name].unit === 'share' || name === 'attemptsPerLead' || name === 'dripEmailsPerLead' ? f.leads === 0 : false;
  }
}

/** Every number under `value` (but the metrics, checked one by one), with its path. */
function numbersIn(value: unknown, path: string, out: [string, number][]): void {
  if (typeof value === 'number') out.push([path, value]);
  else if (Array.isArray(value) || ArrayBuffer.isView(value)) Array.from(value as ArrayLike<unknown>).forEach((v, i) => numbersIn(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) numbersIn(v, `${path}.${k}`, out);
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));


/** Problems with one run, in words (empty when it keeps every property). */
function runProblems(r: RunResult, limits: Map<string, number>): string[] {
  const bad: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) bad.push(what);
  };
  const f = r.funnel, m = r.metrics;
  // Numbers: every metric finite unless it is undefined for this run; everything else finite.
  for (const [name, v] of Object.entries(m) as [MetricName, number][]) {
    if (Number.isNaN(v)) check(undefinedMetric(name, r), `metrics.${name} is NaN though it is defined`);
    else check(Number.isFinite(v), `metrics.${name} = ${v}`);
    if (Number.isFinite(v) && METRICS[name].unit === 'share') check(v >= 0 && v <= 1, `metrics.${name} = ${v} outside [0, 1]`);
    if (Number.isFinite(v) && (METRICS[name].unit === 'count' || name === 'attemptsPerLead' || name === 'meanMinutesToFirstAttempt' || name === 'meanMinutesToContact' || name === 'medianMinutesToFirstAttempt'))
      check(v >= 0, `metrics.${name} = ${v} < 0`);
    if (Number.isFinite(v) && METRICS[name].unit === 'money' && name !== 'roi') check(v >= 0, `metrics.${name} = ${v} < 0`);
  }
  if (Number.isFinite(m.roi)) check(m.roi >= -1, `metrics.roi = ${m.roi} < -1 (revenue cannot be negative)`);
  check(Number.isFinite(m.leadsPerAgentGini) && m.leadsPerAgentGini >= 0 && m.leadsPerAgentGini <= 1, `metrics.leadsPerAgentGini = ${m.leadsPerAgentGini} outside [0, 1]`);
  const numbers: [string, number][] = [];
  numbersIn({ funnel: r.funnel, byAttempt: r.byAttempt, agents: r.agents, daily: r.daily, distributions: r.distributions, losses: r.losses, events: r.events }, 'result', numbers);
  for (const [p, v] of numbers) check(Number.isFinite(v) && v >= 0, `${p} = ${v}`);

  // The funnel: each stage within the one before it; every measured lead ends funded, lost, in nurture or open.
  check(m.leads === f.leads, `metrics.leads ${m.leads} != funnel.leads ${f.leads}`);
  check(m.funded === f.funded, `metrics.funded ${m.funded} != funnel.funded ${f.funded}`);
  check(f.attempted <= f.leads, `attempted ${f.attempted} > leads ${f.leads}`);
  check(f.contacted <= f.attempted, `contacted ${f.contacted} > attempted ${f.attempted}`);
  check(f.application <= f.contacted, `application ${f.application} > contacted ${f.contacted}`);
  check(f.closing <= f.application, `closing ${f.closing} > application ${f.application}`);
  check(f.funded <= f.closing, `funded ${f.funded} > closing ${f.closing}`);
  const lost = sum(Object.values(f.lost));
  check(f.funded + lost + f.nurture + f.open === f.leads, `funded ${f.funded} + lost ${lost} + nurture ${f.nurture} + open ${f.open} != leads ${f.leads}`);
  if (f.leads > 0) {
    check(close(m.contactRate, f.contacted / f.leads), `contactRate ${m.contactRate} != contacted / leads`);
    check(close(m.fundedRate, f.funded / f.leads), `fundedRate ${m.fundedRate} != funded / leads`);
    check(close(m.neverAttemptedShare, 1 - f.attempted / f.leads), `neverAttemptedShare ${m.neverAttemptedShare} != 1 - attempted / leads`);
    check(m.spoiledShare >= m.neverAttemptedShare - 1e-12, `spoiledShare ${m.spoiledShare} < neverAttemptedShare ${m.neverAttemptedShare}`);
  }

  // Attempts: leads with >= k + 1 attempts fall with k; first contacts and histograms count the funnel's leads.
  const att = r.byAttempt.attempts;
  check(att.length === 0 ? f.attempted === 0 : att[0] === f.attempted, `byAttempt.attempts[0] ${att[0]} != attempted ${f.attempted}`);
  for (let k = 1; k < att.length; k++) check(att[k] <= att[k - 1], `byAttempt.attempts rises at ${k}`);
  check(close(sum(att), m.attemptsPerLead * f.leads) || f.leads === 0, `sum of byAttempt.attempts ${sum(att)} != attempts ${m.attemptsPerLead * f.leads}`);
  check(sum(r.byAttempt.firstContacts) === f.contacted, `sum of firstContacts ${sum(r.byAttempt.firstContacts)} != contacted ${f.contacted}`);
  check(sum(r.byAttempt.fundedByFirstContactAttempt) === f.funded, `sum of fundedByFirstContactAttempt != funded ${f.funded}`);
  check(sum(r.distributions.minutesToFirstAttempt) === f.attempted, `histogram of first attempts ${sum(r.distributions.minutesToFirstAttempt)} != attempted ${f.attempted}`);
  check(sum(r.distributions.minutesToContact) === f.contacted, `histogram of contacts ${sum(r.distributions.minutesToContact)} != contacted ${f.contacted}`);

  // Losses: funded plus the buckets is the measured leads; each bucket splits into agents and unassigned.
  const L = r.losses;
  check(L.leads === f.leads && L.funded === f.funded, `losses count ${L.leads} leads / ${L.funded} funded, funnel ${f.leads} / ${f.funded}`);
  const bucketLeads = sum(LOSS_BUCKETS.map((b) => L.buckets[b].leads));
  check(L.funded + bucketLeads === L.leads, `funded ${L.funded} + buckets ${bucketLeads} != leads ${L.leads}`);
  for (const b of LOSS_BUCKETS) {
    const split = sum(L.byAgent.map((a) => a.buckets[b])) + L.unassigned[b];
    check(split === L.buckets[b].leads, `losses.${b}: agents + unassigned ${split} != ${L.buckets[b].leads}`);
  }
  check(L.buckets['still-open'].leads === f.open, `still-open ${L.buckets['still-open'].leads} != funnel.open ${f.open}`);
  const bucketCost = sum(LOSS_BUCKETS.map((b) => L.buckets[b].leadCost));
  check(bucketCost <= m.leadCost + 1e-6 * Math.max(1, m.leadCost), `lost leads cost ${bucketCost} > all leads ${m.leadCost}`);

  // Agents: shares in [0, 1]; pipelines within limits where the strategy keeps them.
  for (const a of r.agents) {
    check(a.utilization >= 0 && a.utilization <= 1 + 1e-9, `agent ${a.name} utilization ${a.utilization}`);
    const limit = limits.get(a.name);
    if (limit !== undefined) check(a.maxPipeline <= limit, `agent ${a.name} maxPipeline ${a.maxPipeline} > limit ${limit}`);
    check(a.contacts <= a.attempts, `agent ${a.name} contacts ${a.contacts} > attempts ${a.attempts}`);
  }
  // Daily columns are all of one length.
  const len = r.daily.date.length;
  for (const k of ['arrivals', 'attempts', 'contacts', 'applications', 'funded', 'pipeline', 'waiting'] as const) check(r.daily[k].length === len, `daily.${k} has ${r.daily[k].length} days, dates ${len}`);
  for (const col of r.daily.pipelineByAgent) check(col.length === len, 'daily.pipelineByAgent has a column of another length');
  check(sum(r.daily.arrivals) >= f.leads, `daily arrivals ${sum(r.daily.arrivals)} < measured leads ${f.leads}`);
  return bad;
}

function summaryProblems(s: ScenarioSummary): string[] {
  const bad: string[] = [];
  for (const [name, v] of Object.entries(s.metrics)) {
    if (!v.ci95) continue;
    const [lo, hi] = v.ci95;
    if (Number.isNaN(v.mean)) continue;
    if (!(lo <= v.mean + 1e-9 * Math.abs(v.mean) && v.mean <= hi + 1e-9 * Math.abs(v.mean))) bad.push(`metrics.${name}: interval [${lo}, ${hi}] does not hold the mean ${v.mean}`);
  }
  for (const b of LOSS_BUCKETS) {
    const v = s.losses.buckets[b].leads;
    if (v.ci95 && !(v.ci95[0] <= v.mean + 1e-9 && v.mean <= v.ci95[1] + 1e-9)) bad.push(`losses.${b}.leads: interval [${v.ci95}] does not hold the mean ${v.mean}`);
  }
  return bad;
}

// ---- the test -----------------------------------------------------------------------------------------------------

const SCENARIOS = Number(process.env.RANDOM_SCENARIOS ?? 300);
const FIRST = Number(process.env.RANDOM_SCENARIOS_FROM ?? 0);
const MASTER_SEED = Number(process.env.RANDOM_SCENARIOS_SEED ?? 20261126);

describe('Random valid scenarios', () => {
  it(`${SCENARIOS} scenarios load, run and keep the model's properties`, () => {
    const failures: string[] = [];
    let ran = 0, leads = 0;
    /** Replications that reached each stage or feature: what the properties were checked on. */
    const reached = new Map<string, number>();
    for (let i = FIRST; i < FIRST + SCENARIOS; i++) {
      const drawn = scenario(new Gen(mulberry32(MASTER_SEED + i * 7919)), i);
      const json = JSON.stringify(drawn.scenario);
      // RANDOM_SCENARIOS_TRACE=file appends each scenario's number before it runs, to find one that does not finish.
      if (process.env.RANDOM_SCENARIOS_TRACE) writeFileSync(process.env.RANDOM_SCENARIOS_TRACE, `${i} ${json}\n`, { flag: 'a' });
      const readFile = (name: string) => {
        if (!(name in drawn.files)) throw new Error(`no file ${name}`);
        return drawn.files[name];
      };
      const shownFiles = Object.keys(drawn.files).length ? `\n  files: ${JSON.stringify(drawn.files)}` : '';
      const fail = (what: string[]) => failures.push(`scenario ${i}:\n  ${what.slice(0, 8).join('\n  ')}\n  ${json}${shownFiles}`);
      let resolved;
      try {
        resolved = loadScenario(drawn.scenario, readFile);
      } catch (e) {
        fail([`rejected: ${e instanceof ScenarioError ? e.message : String(e)}`]);
        continue;
      }
      const cal = new Calendar(resolved.config.startDate);
      const problems: string[] = [];
      const once = (what: string) => {
        if (!problems.includes(what) && problems.length < 8) problems.push(what);
      };
      const owner = new Map<Lead, AgentState>();
      const perDay = new Map<string, number>();
      const prospecting = new Map<Lead, number>();
      const callsPerDay = new Map<string, number>();
      const limits = new Map<string, number>();
      let rep = 0;
      if (drawn.limits.pipeline) for (const a of resolved.config.agents) limits.set(a.name, a.pipelineLimit);
      try {
        const { summary, runs } = runScenario(resolved, {
          // Each replication starts with empty floors: the observer's state is per replication.
          onProgress: () => {
            rep++;
            owner.clear();
          },
          observer: {
            onAssign(lead, agent, now) {
              if (owner.has(lead)) once(`lead ${lead.id} assigned to ${agent.name} while in ${owner.get(lead)!.name}'s pipeline`);
              owner.set(lead, agent);
              if (drawn.limits.pipeline && agent.pipelineSize > agent.pipelineLimit) once(`${agent.name}'s pipeline ${agent.pipelineSize} > limit ${agent.pipelineLimit}`);
              // An agent takes only the sources and products it may (agents[].sources and products, empty = all).
              const src = resolved.config.sources[lead.source].name, prod = resolved.config.products[lead.product].name;
              if ((agent.config.sources.length > 0 && !agent.config.sources.includes(src)) || (agent.config.products.length > 0 && !agent.config.products.includes(prod))) once(`${agent.name} took a ${src}/${prod} lead it may not take`);
              // Aged-lead routing: a new lead that waited longer than the agent's maxLeadWaitMinutes is not its to take.
              if (drawn.limits.pipeline && lead.status === 'new' && now - lead.waitingSince > agent.config.maxLeadWaitMinutes) once(`${agent.name} took a lead that waited ${now - lead.waitingSince} min, more than its ${agent.config.maxLeadWaitMinutes}`);
              const key = `${rep}/${agent.index}/${Math.floor(now / 1440)}`;
              perDay.set(key, (perDay.get(key) ?? 0) + 1);
              // A paced cap: a lead that waited over an hour is taken only within the day's cap spread over the day's
              // shift time, two leads ahead (agents[].paceNewLeads).
              if (drawn.limits.daily && agent.config.paceNewLeads && lead.status === 'new' && now - lead.waitingSince > 60) {
                const t = Math.floor(now), dayStart = t - (t % 1440), dayMow = cal.minuteOfWeek(dayStart);
                let elapsed = 0, total = 0;
                for (const [a, b] of agent.config.shift.intervals) {
                  const from = Math.max(a, dayMow), to = Math.min(b, dayMow + 1440);
                  if (to <= from) continue;
                  total += to - from;
                  elapsed += Math.max(0, Math.min(to, dayMow + t - dayStart) - from);
                }
                const cap = agent.newLeadsPerDay, allowed = Math.min(cap, Math.floor((cap * elapsed) / total) + Math.min(cap, 2));
                if (perDay.get(key)! > allowed) once(`${agent.name} took its ${perDay.get(key)}th lead of the day, one that waited, at minute ${t - dayStart} of the day: its paced cap allows ${allowed}`);
              }
              if (drawn.limits.daily && perDay.get(key)! > agent.newLeadsPerDay) once(`${agent.name} got ${perDay.get(key)} new leads on day ${Math.floor(now / 1440)}, limit ${agent.newLeadsPerDay}`);
            },
            onLeavePipeline(lead, agent) {
              if (owner.get(lead) !== agent) once(`lead ${lead.id} left ${agent.name}'s pipeline but was in ${owner.get(lead)?.name ?? 'none'}`);
              owner.delete(lead);
            },
            onCallStart(lead, agent, now) {
              // "single-call": one attempt to reach each lead (where no lead can come back as a new chance).
              if (drawn.singleCall && !lead.reachedApplication) {
                const n = (prospecting.get(lead) ?? 0) + 1;
                prospecting.set(lead, n);
                if (n > 1) once(`lead ${lead.id} got ${n} calls under "single-call"`);
              }
              if (!isOnShift(agent.config.shift, cal.minuteOfWeek(now))) once(`${agent.name} called at minute ${now}, off shift`);
              if (owner.get(lead) !== agent) once(`${agent.name} called lead ${lead.id} held by ${owner.get(lead)?.name ?? 'no one'}`);
              const key = `${rep}/${agent.index}/${Math.floor(now / 1440)}`;
              callsPerDay.set(key, (callsPerDay.get(key) ?? 0) + 1);
              if (callsPerDay.get(key)! > agent.config.maxCallsPerDay) once(`${agent.name} made ${callsPerDay.get(key)} calls on day ${Math.floor(now / 1440)}, limit ${agent.config.maxCallsPerDay}`);
            },
          },
        });
        runs.forEach((r, k) => {
          for (const p of runProblems(r, limits)) once(`replication ${k}: ${p}`);
          leads += r.funnel.leads;
          const f = r.funnel;
          for (const [what, yes] of [['leads', f.leads > 0], ['contacted', f.contacted > 0], ['applications', f.application > 0], ['closings', f.closing > 0], ['funded', f.funded > 0], ['aged out', r.metrics.agedOutShare > 0], ['a pipeline at its limit', r.agents.some((a) => a.maxPipeline === limits.get(a.name))], ['replay', 'replay' in (drawn.scenario.leads as object)], ['scoring', 'scoring' in drawn.scenario], ['single call checked', drawn.singleCall]] as const) {
            if (yes) reached.set(what, (reached.get(what) ?? 0) + 1);
          }
        });
        for (const p of summaryProblems(summary)) once(p);
        // Each third scenario is run a second time (to keep the file fast), with one of three changes.
        if (i % 3 === 0) {
          // Same scenario and seed: the same result, bit for bit.
          const again = runScenario(loadScenario(JSON.parse(json), readFile));
          if (JSON.stringify(again.runs) !== JSON.stringify(runs)) once('a second run of the same scenario and seed differs');
        } else if (i % 3 === 1) {
          // Another policy on the same seed: the same leads (common random numbers, docs/design.md, Statistics).
          const other = { ...JSON.parse(json), callbacks: 'single-call', distribution: 'push' };
          const b = runScenario(loadScenario(other, readFile)).runs;
          runs.forEach((r, k) => {
            if (r.metrics.leads !== b[k].metrics.leads || r.metrics.leadCost !== b[k].metrics.leadCost) once(`replication ${k}: another policy saw ${b[k].metrics.leads} leads costing ${b[k].metrics.leadCost}, not ${r.metrics.leads} costing ${r.metrics.leadCost}`);
            if (JSON.stringify(r.daily.arrivals) !== JSON.stringify(b[k].daily.arrivals)) once(`replication ${k}: another policy saw other daily arrivals`);
          });
        } else {
          // Other economics: only money moves. Agent cost doubles with the hourly cost, fulfillment adds per funded loan.
          const base = JSON.parse(json) as { economics?: { agentCostPerHour?: number; fulfillmentCostPerFunded?: number } };
          const rate = base.economics?.agentCostPerHour ?? 55, per = base.economics?.fulfillmentCostPerFunded ?? 5500;
          const b = runScenario(loadScenario({ ...base, economics: { agentCostPerHour: 2 * rate, fulfillmentCostPerFunded: per + 1000 } }, readFile)).runs;
          const money = new Set<string>(['agentCost', 'fulfillmentCost', 'costPerFunded', 'roi']);
          runs.forEach((r, k) => {
            const m2 = b[k].metrics;
            for (const [name, v] of Object.entries(r.metrics)) if (!money.has(name) && !Object.is(v, m2[name as MetricName])) once(`replication ${k}: other economics moved ${name} from ${v} to ${m2[name as MetricName]}`);
            if (JSON.stringify(r.funnel) !== JSON.stringify(b[k].funnel)) once(`replication ${k}: other economics moved the funnel`);
            if (m2.agentCost !== 2 * r.metrics.agentCost) once(`replication ${k}: agent cost ${m2.agentCost} at twice the rate is not twice ${r.metrics.agentCost}`);
            if (!close(m2.fulfillmentCost, r.metrics.fulfillmentCost + 1000 * r.funnel.funded)) once(`replication ${k}: fulfillment cost ${m2.fulfillmentCost} is not ${r.metrics.fulfillmentCost} + 1000 x ${r.funnel.funded}`);
          });
        }
        ran++;
      } catch (e) {
        once(`threw: ${e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 4).join(' | ') : String(e)}`);
      }
      if (problems.length) fail(problems);
    }
    // RANDOM_SCENARIOS_STATS=1 prints how many replications reached each stage or feature.
    if (process.env.RANDOM_SCENARIOS_STATS) console.log(`${leads} leads; replications with ${[...reached].map(([k, v]) => `${k}: ${v}`).join(', ')}`);
    // RANDOM_SCENARIOS_OUT=file.json writes every failure (problems and scenario) for reducing them by hand.
    if (process.env.RANDOM_SCENARIOS_OUT) writeFileSync(process.env.RANDOM_SCENARIOS_OUT, JSON.stringify(failures, null, 1));
    expect(failures, `${failures.length} of ${SCENARIOS} scenarios failed:\n${failures.slice(0, 6).join('\n\n')}`).toEqual([]);
    expect(ran).toBe(SCENARIOS);
    expect(leads).toBeGreaterThan(SCENARIOS * 50);
  });
});
