import type { AgentState } from './agentState';
import { DOUBLE_FIELD, objectArray } from './stableShapes';
import { LossLedger } from './lossAttribution';
import { MINUTES_PER_DAY, type Calendar } from './calendar';
import { LEAD_STATUSES, isOpen, type Lead, type LeadStatus } from './lead';
import type { ModelConfig } from './modelConfig';
import type { AgentResult, DailySeries, FunnelCounts, MetricName, RunResult } from './runResult';
import { TIME_BINS } from './runResult';
import { shiftMinutesBetween } from './shiftTime';
import { gini, kthSmallest } from './statistics';

const OVERDUE_MINUTES = 60;
/** A status's place in LEAD_STATUSES (a switch: looking a status up by name in an object is slower on every change). */
function statusIndex(status: LeadStatus): number {
  switch (status) {
    case 'new':
      return 0;
    case 'attempted':
      return 1;
    case 'contacted':
      return 2;
    case 'application':
      return 3;
    case 'closing':
      return 4;
    case 'funded':
      return 5;
    case 'lost':
      return 6;
    case 'nurture':
      return 7;
  }
}

/** A growable Float64Array (one number per lead, not per event). */
class Column {
  data = new Float64Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/** The share labeled spam of the window's calls to consumers not yet reached, over every agent (NaN: no such call). */
function spamLabeled(agents: readonly AgentState[]): number {
  let calls = 0, labeled = 0;
  for (const a of agents) {
    calls += a.unreachedCalls;
    labeled += a.labeledSum;
  }
  return calls > 0 ? labeled / calls : NaN;
}

/**
 * Adds one to counts[k], filling the counts below k with zeros first, so that the array stays packed: a count written
 * past the end would leave holes, a different kind of array, and code compiled for the packed kind would be thrown away
 * (issue 16). The zeros are what the result reads for the holes anyway (finish).
 */
function countAt(counts: number[], k: number): void {
  while (counts.length < k) counts.push(0);
  counts[k] = (counts[k] ?? 0) + 1;
}

/**
 * The sum of delays (in order) and how many are 0 or less and a day or less. A function of its own so that finish(),
 * which runs once per run, has no loop over the leads: with one it counted as hot after a few runs of a sweep and cost
 * each worker 30 ms of TurboFan to compile, for a function it then ran a few dozen times (issue 16).
 */
function delaySummary(delays: Float64Array): { sum: number; immediate: number; withinDay: number } {
  let sum = 0, immediate = 0, withinDay = 0;
  for (let i = 0; i < delays.length; i++) {
    const d = delays[i];
    sum += d;
    if (d <= 0) immediate++;
    if (d <= MINUTES_PER_DAY) withinDay++;
  }
  return { sum, immediate, withinDay };
}

function histogram(values: Float64Array): number[] {
  const counts = new Array<number>(TIME_BINS.length).fill(0);
  // Indexed loops over the typed columns: for-of over a Float64Array allocates an iterator result per value in code
  // that runs once (unoptimized), a million times for a year of leads.
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let b = 0;
    while (v >= TIME_BINS[b]) b++;
    counts[b]++;
  }
  return counts;
}

/**
 * Accumulates a run's results as it goes, so memory grows with leads (a few numbers each) and days, never
 * with events. Only leads that arrived in the measured window (after warm-up) count towards lead metrics.
 */
export class MetricsCollector {
  private leads = 0;
  // Sums of fractions: double fields from the start (src/sim/stableShapes.ts; set to 0 in the constructor).
  private leadCost = DOUBLE_FIELD;
  private revenue = DOUBLE_FIELD;
  private attempts = 0;
  private callbacks = 0;
  private overdue = 0;
  private openCounted = 0;
  private nurtureNow = 0;
  private routedToMarketing = 0;
  private returnedFromMarketing = 0;
  private optedOut = 0;
  private dripEmails = 0;
  private fundedViaMarketing = 0;
  private agedOut = 0;
  private fundedInLastWeek = 0;
  /** Counted leads that ever reached each status, by statusIndex. */
  private readonly reachedCounts = new Float64Array(LEAD_STATUSES.length);
  private lost: Record<string, number> = {};
  private firstAttemptDelay = new Column();
  private contactDelay = new Column();
  private byAttempt: number[] = [];
  private firstContacts: number[] = [];
  private fundedByFirstContact: number[] = [];
  private daily: DailySeries;
  private day = -1;
  private pipelineDaySum = DOUBLE_FIELD;
  private pipelineDays = 0;
  private readonly losses: LossLedger;

  constructor(
    private readonly config: ModelConfig,
    private readonly calendar: Calendar,
    private readonly agents: AgentState[],
  ) {
    this.leadCost = 0;
    this.revenue = 0;
    this.pipelineDaySum = 0;
    this.losses = new LossLedger(config, agents.map((a) => a.name));
    // Dates are strings: an empty `[]` holds small integers until the first push, and onDayStart, compiled for the
    // array after it, was deoptimized in the next runs of a sweep by each new run's first date (src/sim/stableShapes.ts).
    this.daily = { date: objectArray<string>(), arrivals: [], attempts: [], contacts: [], applications: [], funded: [], pipeline: [], waiting: [], pipelineByAgent: agents.map(() => []) };
  }

  private get windowStart(): number {
    return this.config.warmupDays * MINUTES_PER_DAY;
  }

  onDayStart(day: number, waiting: number): void {
    const d = this.daily;
    this.day = day;
    d.date.push(this.calendar.isoDate(day));
    d.arrivals.push(0);
    d.attempts.push(0);
    d.contacts.push(0);
    d.applications.push(0);
    d.funded.push(0);
    d.waiting.push(waiting);
    let total = 0;
    const measured = day >= this.config.warmupDays && day < this.config.days;
    for (const a of this.agents) {
      d.pipelineByAgent[a.index].push(a.pipelineSize);
      total += a.pipelineSize;
      if (measured) {
        a.pipelineSamples++;
        a.pipelineSum += a.pipelineSize;
      }
    }
    d.pipeline.push(total);
    if (measured && this.agents.length > 0) {
      this.pipelineDaySum += total / this.agents.length;
      this.pipelineDays++;
    }
  }

  onArrival(lead: Lead): void {
    if (this.day >= 0) this.daily.arrivals[this.day]++;
    this.losses.onArrival(lead);
    if (!lead.counted) return;
    this.leads++;
    this.openCounted++;
    this.leadCost += this.config.sources[lead.source].cost;
    this.reachedCounts[0]++;
  }

  onAttempt(lead: Lead, answered: boolean, lateBy: number): void {
    if (this.day >= 0) {
      this.daily.attempts[this.day]++;
      if (answered) this.daily.contacts[this.day]++;
    }
    if (!lead.counted) return;
    this.attempts++;
    const k = lead.attempts - 1;
    countAt(this.byAttempt, k);
    if (lead.attempts === 1) this.firstAttemptDelay.push(lead.firstAttemptAt - lead.createdAt);
    if (lateBy >= 0) {
      this.callbacks++;
      if (lateBy > OVERDUE_MINUTES) this.overdue++;
    }
  }

  /** A lead waited unassigned too long and went to the drip. */
  onAgedOut(lead: Lead): void {
    // A share of leads: a lead that comes back from the drip and ages out again is one lead (metrics.agedOutShare).
    if (lead.counted && !lead.agedOut) this.agedOut++;
    lead.agedOut = true;
    this.losses.announceParking(lead, 'aged-out');
  }

  /** A pipeline rule is about to move the lead to nurture (for loss attribution). */
  onPipelineNurture(lead: Lead): void {
    this.losses.announceParking(lead, 'pipeline-rules');
  }

  onRoute(lead: Lead): void {
    if (lead.counted && lead.routedTo === 'marketing') this.routedToMarketing++;
  }

  onEmail(lead: Lead, outcome: 'opted-out' | 'handed-to-sales' | 'stays'): void {
    if (!lead.counted) return;
    this.dripEmails++;
    if (outcome === 'opted-out') this.optedOut++;
    if (outcome === 'handed-to-sales') this.returnedFromMarketing++;
  }

  /**
   * The lead has just changed status, at lead.statusSince (read there rather than passed: a fractional time passed to
   * a call that is not inlined is boxed in a fresh heap number, issue 16).
   */
  onStatus(lead: Lead, from: LeadStatus, to: LeadStatus): void {
    if (this.day >= 0) {
      if (to === 'application') this.daily.applications[this.day]++;
      if (to === 'funded') this.daily.funded[this.day]++;
    }
    this.losses.onStatus(lead, from, to);
    if (!lead.counted) return;
    const index = statusIndex(to), bit = 1 << index;
    if (!(lead.reached & bit)) {
      lead.reached |= bit;
      this.reachedCounts[index]++;
      if (to === 'contacted') {
        this.contactDelay.push(lead.firstContactAt - lead.createdAt);
        const k = lead.firstContactAttempt - 1;
        countAt(this.firstContacts, k);
      }
      if (to === 'funded') {
        this.revenue += this.config.products[lead.product].revenuePerFunded;
        const now = lead.statusSince;
        if (this.calendar.daysInMonth(now) - this.calendar.dayOfMonth(now) < 7) this.fundedInLastWeek++;
        if (lead.routedTo === 'marketing') this.fundedViaMarketing++;
        const k = lead.firstContactAttempt - 1;
        countAt(this.fundedByFirstContact, k);
      }
    }
    if (to === 'lost') this.lost[lead.lostReason ?? 'unknown'] = (this.lost[lead.lostReason ?? 'unknown'] ?? 0) + 1;
    if (isOpen(from) && !isOpen(to)) this.openCounted--;
    if (!isOpen(from) && isOpen(to)) this.openCounted++;
    if (to === 'nurture') this.nurtureNow++;
    if (from === 'nurture') this.nurtureNow--;
  }

  finish(seed: string, events: number): RunResult {
    const c = this.config;
    const n = this.leads;
    const share = (x: number) => (n > 0 ? x / n : NaN);
    const delays = this.firstAttemptDelay.values();
    const { sum: sumDelay, immediate, withinDay: within24h } = delaySummary(delays);
    const contactDelays = this.contactDelay.values();
    const sumContact = delaySummary(contactDelays).sum;
    const t0 = this.windowStart, t1 = c.days * MINUTES_PER_DAY;
    let busy = 0, shift = 0;
    const agents: AgentResult[] = this.agents.map((a) => {
      const shiftMinutes = shiftMinutesBetween(a.config.shift, this.calendar, t0, t1);
      busy += a.busyMinutes;
      shift += shiftMinutes;
      return {
        name: a.name,
        role: a.role,
        leadsReceived: a.measuredLeads,
        attempts: a.attempts,
        contacts: a.contacts,
        applications: a.applications,
        funded: a.funded,
        utilization: shiftMinutes > 0 ? a.busyMinutes / shiftMinutes : 0,
        meanPipeline: a.pipelineSamples ? a.pipelineSum / a.pipelineSamples : 0,
        maxPipeline: a.maxPipeline,
        overdueCallbacks: a.overdueCallbacks,
      };
    });
    const agentCost = (shift / 60) * c.economics.agentCostPerHour;
    const reached = (status: LeadStatus) => this.reachedCounts[statusIndex(status)];
    const funded = reached('funded');
    const fulfillmentCost = funded * c.economics.fulfillmentCostPerFunded;
    const cost = this.leadCost + agentCost + fulfillmentCost;
    const metrics = {
      leads: n,
      contactRate: share(reached('contacted')),
      applicationRate: share(reached('application')),
      fundedRate: share(funded),
      funded,
      meanMinutesToFirstAttempt: delays.length ? sumDelay / delays.length : NaN,
      medianMinutesToFirstAttempt: medianWithUncalled(delays, n),
      shareFirstAttemptDelayed: share(n - immediate),
      meanMinutesToContact: contactDelays.length ? sumContact / contactDelays.length : NaN,
      attemptsPerLead: share(this.attempts),
      spoiledShare: share(n - within24h),
      neverAttemptedShare: share(n - delays.length),
      overdueCallbackShare: this.callbacks ? this.overdue / this.callbacks : 0,
      meanPipeline: this.pipelineDays ? this.pipelineDaySum / this.pipelineDays : 0,
      agentUtilization: shift > 0 ? busy / shift : 0,
      // From this.agents, not from the results just built: an array made by map() in compiled code is not always of
      // the kind the interpreter makes, and finish(), compiled for one, was thrown away in a later run (issue 16).
      leadsPerAgentGini: gini(this.agents.map((a) => a.measuredLeads)),
      lostToCompetitorShare: share(this.lost.competitor ?? 0),
      nurtureShare: share(this.nurtureNow),
      doNotCallShare: share(this.lost['do-not-call'] ?? 0),
      spamLabeledShare: spamLabeled(this.agents),
      agedOutShare: share(this.agedOut),
      pullThrough: reached('application') > 0 ? funded / reached('application') : NaN,
      fundedInLastWeekShare: funded > 0 ? this.fundedInLastWeek / funded : NaN,
      leadCost: this.leadCost,
      agentCost,
      fulfillmentCost,
      revenue: this.revenue,
      costPerFunded: funded > 0 ? cost / funded : NaN,
      roi: cost > 0 ? (this.revenue - cost) / cost : NaN,
    } as Record<MetricName, number>;
    // Owner metrics exist only with scoring, so runs without it keep their shape.
    if (c.scoring) {
      const owners: Partial<Record<MetricName, number>> = {
        routedToMarketingShare: share(this.routedToMarketing),
        returnedFromMarketingShare: share(this.returnedFromMarketing),
        optedOutShare: share(this.optedOut),
        dripEmailsPerLead: share(this.dripEmails),
        fundedViaSales: funded - this.fundedViaMarketing,
        fundedViaMarketing: this.fundedViaMarketing,
      };
      Object.assign(metrics, owners);
    }
    const funnel: FunnelCounts = {
      leads: n,
      attempted: delays.length,
      contacted: reached('contacted'),
      application: reached('application'),
      closing: reached('closing'),
      funded,
      nurture: this.nurtureNow,
      lost: { ...this.lost },
      open: this.openCounted,
    };
    const dense = (xs: number[]) => Array.from(xs, (x) => x ?? 0);
    return {
      seed,
      metrics,
      funnel,
      byAttempt: { attempts: dense(this.byAttempt), firstContacts: dense(this.firstContacts), fundedByFirstContactAttempt: dense(this.fundedByFirstContact) },
      agents,
      daily: this.daily,
      distributions: { minutesToFirstAttempt: histogram(delays), minutesToContact: histogram(contactDelays) },
      losses: this.losses.finish(),
      events,
    };
  }
}

/**
 * The median delay from arrival to the first call over all `leads` of the window, a lead never called counting as
 * later than any call; NaN when half of them or more were never called (the median is not reached). Over the called
 * leads alone the median could fall as staff was cut: the leads a short-handed floor never calls drop out of it.
 */
export function medianWithUncalled(delays: ArrayLike<number>, leads: number): number {
  if (leads === 0 || delays.length === 0) return NaN;
  // The never called are the largest: the median is among the called only when it falls inside them.
  const hi = leads % 2 ? (leads - 1) / 2 : leads / 2;
  if (hi >= delays.length) return NaN;
  const s = Float64Array.from(delays);
  const upper = kthSmallest(s, hi);
  if (leads % 2) return upper;
  // kthSmallest left the values below the upper middle before it: the lower middle is the largest of them.
  let lower = -Infinity;
  for (let i = 0; i < hi; i++) if (s[i] > lower) lower = s[i];
  return (lower + upper) / 2;
}
