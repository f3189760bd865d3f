import { AgentState } from './agentState';
import { AgentsWithRoom } from './agentsWithRoom';
import { FreshLeadForecast } from './freshLeadForecast';
import { Calendar, MINUTES_PER_DAY } from './calendar';
import type { CallRecord } from './callLog';
import { ageDecayFunction } from './contactModel';
import { DOUBLE_FIELD, objectArray } from './stableShapes';
import { complaintChance, complaintDecayPerMinute, complaintsAt, doNotCallChance, fatigueMultiplier, labelMultiplier, loadDecayPerMinute, numberVolumeAt, recentLoadAt, volumeLabeledShare, withComplaintLabels } from './contactFatigue';
import { exponentialQuantile, lognormalQuantile, weightedIndex } from './distributions';
import { closedByCompetitors, followUpEffect } from './followUp';
import { closingDayOutcome, closingTime, loanSurvives, openLoan, walksAfterCrowdedCall } from './loanProcess';
import { createLead, nextPoissonArrival, scoreLead } from './leadStream';
import { LeadRow, isOpen, isRelationship, type Lead, type LeadStatus, type LostReason } from './lead';
import { LeadKindSet } from './leadKinds';
import { MetricsCollector } from './metricsCollector';
import type { PairHeap } from './pairHeap';
import type { DripConfig, DurationConfig, ElapsedLoanProcess, ModelConfig, ScoringConfig } from './modelConfig';
import type { CallbackContext, DistributionContext, LeadView, Policies } from './policies';
import { stream, type Rng } from './random';
import type { RunResult } from './runResult';
import { Simulation } from './simulation';
import { FunctionCache } from './functionCache';

/** Callbacks placed more than this many minutes after they were due count as overdue. */
const OVERDUE_MINUTES = 60;

/** Hooks for tests and tools that watch a run; all optional, and free when absent. */
export interface RunObserver {
  onAssign?(lead: Lead, agent: AgentState, now: number): void;
  onLeavePipeline?(lead: Lead, agent: AgentState, now: number): void;
  onCallStart?(lead: Lead, agent: AgentState, now: number, answered: boolean): void;
  onStatus?(lead: Lead, from: LeadStatus, to: LeadStatus, now: number): void;
  /** With scoring: the owner the lead's score gave it on arrival. */
  onRoute?(lead: Lead, owner: 'sales' | 'marketing', now: number): void;
  /** With scoring: one drip email and what came of it. */
  onEmail?(lead: Lead, outcome: 'opted-out' | 'handed-to-sales' | 'stays', now: number): void;
}

export interface RunOptions {
  seed: string;
  /** Keep a CallRecord per attempt (for `leadlab run --calls` and fitting checks). */
  recordCalls?: boolean;
  observer?: RunObserver;
  /**
   * Called with the share of the simulated horizon done (0 to 1) after every `progressEveryDays` simulated days (default
   * 1) and at the end, so a long replication can show progress. The run is the same, bit for bit, with or without it.
   */
  onProgress?: (fraction: number) => void;
  progressEveryDays?: number;
}

/** A view to fill in place, its times double fields from the start (src/sim/stableShapes.ts). */
/**
 * A lead as the per-call policies see it (the callback policy, the pipeline rules, a distribution's assign): each read
 * goes to the lead itself, so that handing a lead to a policy costs one store instead of copying a dozen fields, 2.6
 * million times in a year of the 50-agent shop (issue 16). Each getter reads the lead directly, its fractional fields
 * in its row (src/sim/lead.ts), not through another accessor: an accessor V8 inlines spends the inlining budget of the
 * policy it is inlined into. Valid while the policy runs: the next call points it at
 * another lead. A policy that keeps a lead gets a copy instead (LeadWorkflow.view).
 */
class LiveLeadView implements LeadView {
  constructor(
    private readonly sources: readonly { readonly name: string }[],
    private readonly products: readonly { readonly name: string }[],
    public lead: Lead | undefined = undefined,
  ) {}
  get id(): number {
    return this.lead!.id;
  }
  get createdAt(): number {
    const lead = this.lead!;
    return lead.d[lead.o + LeadRow.createdAt];
  }
  get source(): string {
    return this.sources[this.lead!.source].name;
  }
  get product(): string {
    return this.products[this.lead!.product].name;
  }
  get status(): LeadStatus {
    return this.lead!.status;
  }
  get attempts(): number {
    return this.lead!.attempts;
  }
  get attemptsSinceContact(): number {
    return this.lead!.attemptsSinceContact;
  }
  get conversationsInStatus(): number {
    return this.lead!.conversationsInStatus;
  }
  get statusSince(): number {
    const lead = this.lead!;
    return lead.d[lead.o + LeadRow.statusSince];
  }
  get firstContactAt(): number {
    const lead = this.lead!;
    return lead.d[lead.o + LeadRow.firstContactAt];
  }
  get everContacted(): boolean {
    const lead = this.lead!;
    return lead.d[lead.o + LeadRow.firstContactAt] >= 0;
  }
  get waitingSince(): number {
    const lead = this.lead!;
    return lead.d[lead.o + LeadRow.waitingSince];
  }
}

/**
 * The callback policy's context, filled in place before each call. A class rather than an object literal: literals
 * whose first property has the same name share V8's hidden classes, and Node's own `performance` object (a literal
 * whose `now` holds a function) made this `now` a tagged field, so that every planned callback boxed the clock in a
 * fresh heap number (issue 16). Its times are double fields from the start (src/sim/stableShapes.ts).
 */
class CallbackCtx implements CallbackContext {
  now = DOUBLE_FIELD;
  u = DOUBLE_FIELD;

  constructor(readonly calendar: Calendar) {
    this.now = 0;
    this.u = 0;
  }
}

/**
 * The distribution strategy's context. A class, so that its clock getter is one function that V8 can inline into a
 * strategy's `assign`: the object literal's getter was a new closure per run and was not inlined, so every read of
 * `now`, one per agent considered, boxed the clock in a fresh heap number (issue 16).
 */
class DistributionCtx implements DistributionContext {
  constructor(
    private readonly sim: Simulation,
    readonly calendar: Calendar,
    readonly agents: readonly AgentState[],
    readonly agentsWithRoom: AgentsWithRoom,
    readonly rng: Rng,
  ) {}

  get now(): number {
    return this.sim.now;
  }
}

// Samplers by value (src/sim/functionCache.ts): the same function for the same talk time, run after run.
const samplers = new FunctionCache<(u: number) => number>();

function durationSampler(d: DurationConfig): (u: number) => number {
  const { mean } = d;
  const sd = d.distribution === 'lognormal' ? d.sd : 0;
  return samplers.get(`${d.distribution} ${mean} ${sd}`, () => {
    switch (d.distribution) {
      case 'fixed':
        return () => mean;
      case 'exponential':
        return (u) => -mean * Math.log(1 - u);
      case 'lognormal':
        // One uniform per draw keeps each call's block of draws fixed (common random numbers).
        return (u) => lognormalQuantile(u, mean, sd);
    }
  });
}

/**
 * The lead workflow model (docs/design.md, The model): leads arrive, are distributed to agents, called on the
 * callback policy's cadence, answered or not by their hidden traits, and move through the funnel
 * new -> attempted -> contacted -> application -> closing -> funded, with lost and nurture on the side.
 */
export class LeadWorkflow {
  readonly sim = new Simulation();
  readonly calendar: Calendar;
  readonly agents: AgentState[];
  private readonly metrics: MetricsCollector;
  private readonly arrivalRng: Rng;
  private readonly strategyRng: Rng;
  private readonly decay: (age: number) => number;
  private readonly interest: (age: number) => number;
  private readonly talk: (u: number) => number;
  private readonly hourMultiplier: readonly number[];
  private readonly sourceWeights: number[];
  private readonly productWeights: number[];
  private readonly arrivalEnd: number;
  private readonly windowStart: number;
  private readonly endTime: number;
  /** Leads waiting for an agent, oldest first (a dispatch keeps the ones it leaves waiting in place: no allocation). */
  private readonly waiting: Lead[] = objectArray();
  /** Waiting leads by kind (LeadKindSet.kindOf), and the same for the leads a dispatch has yet to look at. */
  private readonly waitingOfKind: Int32Array;
  private readonly unvisitedOfKind: Int32Array;
  /** The agents on shift with room, for strategies and for the checks below (src/sim/agentsWithRoom.ts). */
  private readonly room: AgentsWithRoom;
  /**
   * Kinds (source x product) of waiting leads the strategy refused since capacity last changed. A refusal
   * stands until something that could change it happens (a lead leaves a pipeline, a day starts, an agent
   * comes on shift or, for strategies that ask, an agent finishes a call), so waiting leads are not offered
   * again after every call.
   */
  private readonly refusedKinds: LeadKindSet;
  /** Leads hot-transferred to an agent whose first call to them has not started yet. */
  private readonly onTheLine = new Set<Lead>();
  /** A recheck of waiting leads is scheduled (strategies with recheckAfterMinutes). */
  private recheckPending = false;
  private nextLeadId = 0;
  private replayIndex = 0;
  private readonly calls: CallRecord[] | undefined;
  /** With calls recorded: the ids of the leads that funded, to mark each lead's calls converted as a real log does. */
  private readonly fundedIds: Set<number> | undefined;
  private readonly dctx: DistributionContext;
  /** The fatigue model's rates, computed once per run (src/sim/contactFatigue.ts). */
  private readonly loadDecay: number;
  private readonly complaintDecay: number;
  private readonly lnAnswerFactor: number;
  private readonly maxWait: number;
  private readonly loanProcess: ElapsedLoanProcess | undefined;
  private readonly pacing: boolean;
  private readonly passedOver: number;
  /** The age evaluateDecay reads and the multiplier it writes: double fields from the start (src/sim/stableShapes.ts). */
  private decayAge = DOUBLE_FIELD;
  private decayValue = DOUBLE_FIELD;

  constructor(
    readonly config: ModelConfig,
    readonly policies: Policies,
    readonly options: RunOptions,
  ) {
    this.calendar = new Calendar(config.startDate);
    this.callbackCtx = new CallbackCtx(this.calendar);
    this.scratch = new LiveLeadView(config.sources, config.products);
    this.offered = new LiveLeadView(config.sources, config.products);
    this.agents = config.agents.map((a, i) => new AgentState(i, a, this.sim, this.calendar));
    for (const agent of this.agents) {
      agent.wakeTimer = this.sim.createTimer();
      agent.callTimer = this.sim.createTimer();
    }
    this.room = new AgentsWithRoom(this.agents, this.sim);
    this.refusedKinds = new LeadKindSet(config.sources.length, config.products.length);
    this.waitingOfKind = new Int32Array(this.refusedKinds.kinds);
    this.unvisitedOfKind = new Int32Array(this.refusedKinds.kinds);
    this.arrivalRng = stream(options.seed, 'arrivals');
    this.strategyRng = stream(options.seed, 'strategy');
    this.decay = ageDecayFunction(config.contact.ageDecay);
    this.interest = ageDecayFunction(config.funnel.interestByFirstContactAge);
    this.talk = durationSampler(config.calls.talkMinutes);
    this.hourMultiplier = config.contact.hourOfWeek;
    this.sourceWeights = config.sources.map((s) => s.share);
    this.productWeights = config.products.map((p) => p.share);
    this.windowStart = config.warmupDays * MINUTES_PER_DAY;
    this.arrivalEnd = config.days * MINUTES_PER_DAY;
    this.endTime = (config.days + config.cooldownDays) * MINUTES_PER_DAY;
    this.calls = options.recordCalls ? [] : undefined;
    this.fundedIds = options.recordCalls ? new Set() : undefined;
    this.loadDecay = loadDecayPerMinute(config.fatigue);
    this.complaintDecay = complaintDecayPerMinute(config.fatigue);
    this.lnAnswerFactor = Math.log(config.fatigue.answerFactorPerCall);
    this.maxWait = config.backlog.maxWaitHours * 60;
    this.passedOver = config.backlog.passedOverHours * 60;
    this.pacing = config.agents.some((a) => a.paceNewLeads && a.newLeadsPerDay > 0);
    if (this.pacing) {
      const forecast = new FreshLeadForecast(config.arrivals, config.days, this.calendar, this.agents, this.sim);
      for (const agent of this.agents) if (agent.config.paceNewLeads) agent.freshForecast = forecast;
    }
    this.loanProcess = config.loanProcess.model === 'elapsed' ? config.loanProcess : undefined;
    this.metrics = new MetricsCollector(config, this.calendar, this.agents);
    this.dctx = new DistributionCtx(this.sim, this.calendar, this.agents, this.room, this.strategyRng);
  }

  /** Runs the whole horizon and returns the results. */
  run(): RunResult & { calls?: CallRecord[] } {
    const { sim } = this;
    for (let d = 0; d * MINUTES_PER_DAY < this.endTime; d++) sim.scheduleAt(d * MINUTES_PER_DAY, this.onDayStart, d);
    this.scheduleNextArrival(0);
    for (const agent of this.agents) this.wakeAt(agent, sim.now);
    const { onProgress } = this.options;
    if (onProgress) {
      // The same events in the same order: the run stops between events at each step and goes on from there.
      const step = Math.max(1, this.options.progressEveryDays ?? 1) * MINUTES_PER_DAY;
      for (let t = step; t < this.endTime; t += step) {
        sim.run({ until: t });
        onProgress(t / this.endTime);
      }
      sim.run({ until: this.endTime });
      onProgress(1);
    } else {
      sim.run({ until: this.endTime });
    }
    const result = this.metrics.finish(this.options.seed, sim.eventsRun);
    if (!this.calls) return result;
    // A lead's calls carry whether it funded by the end of the run (one still open then counts as not converted).
    for (const call of this.calls) call.converted = this.fundedIds!.has(Number(call.leadId));
    return { ...result, calls: this.calls };
  }

  // ---- arrivals and distribution ------------------------------------------------------------------

  private scheduleNextArrival(t: number): void {
    const arrivals = this.config.arrivals;
    if (arrivals.kind === 'poisson') {
      const next = nextPoissonArrival(t, arrivals.leadsPerHourOfWeek, this.calendar, this.arrivalRng);
      if (next < this.arrivalEnd) this.sim.scheduleAt(next, this.onArrival, -1);
    } else if (this.replayIndex < arrivals.leads.length) {
      const next = arrivals.leads[this.replayIndex];
      if (next.t < this.arrivalEnd) this.sim.scheduleAt(Math.max(next.t, t), this.onArrival, this.replayIndex++);
    }
  }

  private readonly onArrival = (replay: number): void => {
    const now = this.sim.now;
    let source: number, product: number;
    if (replay >= 0 && this.config.arrivals.kind === 'replay') {
      ({ source, product } = this.config.arrivals.leads[replay]);
    } else {
      source = weightedIndex(this.arrivalRng, this.sourceWeights);
      product = weightedIndex(this.arrivalRng, this.productWeights);
    }
    const lead = createLead(this.config, this.options.seed, this.nextLeadId++, now, source, product);
    lead.counted = now >= this.windowStart;
    this.metrics.onArrival(lead);
    if (!this.config.scoring || !this.routeByScore(lead, this.config.scoring)) {
      this.enqueue(lead);
      if (!this.refusedKinds.has(lead)) this.dispatchWaiting();
    }
    this.scheduleNextArrival(now);
  };

  // ---- scoring and the marketing drip -------------------------------------------------------------

  private readonly dripRngs = new Map<Lead, Rng>();

  /** Scores a new lead; below the threshold it goes to the marketing drip (returns true), else to sales. */
  private routeByScore(lead: Lead, scoring: ScoringConfig): boolean {
    lead.score = scoreLead(scoring, this.options.seed, lead);
    const toMarketing = lead.score < scoring.threshold;
    lead.routedTo = toMarketing ? 'marketing' : 'sales';
    this.metrics.onRoute(lead);
    this.options.observer?.onRoute?.(lead, lead.routedTo, this.sim.now);
    if (!toMarketing) return false;
    this.setStatus(lead, 'nurture', undefined, true);
    this.dripRngs.set(lead, stream(this.options.seed, 'drip', lead.id));
    this.scheduleEmail(lead, scoring.drip);
    return true;
  }

  private scheduleEmail(lead: Lead, drip: DripConfig): void {
    const after = drip.intervalDays * MINUTES_PER_DAY;
    if (this.sim.now + after < this.endTime) this.sim.schedule(after, this.onEmail, lead);
    else this.dripRngs.delete(lead);
  }

  /** One drip email: the lead opts out, is handed to sales (ready), or stays for the next email. */
  private readonly onEmail = (lead: Lead): void => {
    const rng = this.dripRngs.get(lead);
    if (lead.status !== 'nurture' || !rng) return;
    const drip = this.config.scoring!.drip;
    // Two draws per email, always, so a lead's drip luck does not depend on its outcome.
    const optOut = rng() < drip.optOutPerEmail;
    const u = rng();
    const handOver = !optOut && (lead.ready ? u < drip.responsePerEmail : u < drip.maturePerEmail);
    const outcome = optOut ? 'opted-out' : handOver ? 'handed-to-sales' : 'stays';
    this.metrics.onEmail(lead, outcome);
    this.options.observer?.onEmail?.(lead, outcome, this.sim.now);
    if (optOut) {
      this.dripRngs.delete(lead);
      this.lose(lead, undefined, 'opted-out');
    } else if (handOver) {
      this.dripRngs.delete(lead);
      lead.fromMarketing = true;
      this.onNurtureReturn(lead);
    } else this.scheduleEmail(lead, drip);
  };

  /** The view the per-call policies read the lead through (see CallbackPolicy and PipelineRules). */
  private readonly scratch: LiveLeadView;
  /** The callback policy's context, reused like the view. */
  private readonly callbackCtx: CallbackCtx;

  /** The lead as a policy sees it, in a fresh object the policy may keep. */
  private view(lead: Lead): LeadView {
    const v = this.scratchView(lead);
    return {
      id: v.id,
      createdAt: v.createdAt,
      source: v.source,
      product: v.product,
      status: v.status,
      attempts: v.attempts,
      attemptsSinceContact: v.attemptsSinceContact,
      conversationsInStatus: v.conversationsInStatus,
      statusSince: v.statusSince,
      firstContactAt: v.firstContactAt,
      everContacted: v.everContacted,
      waitingSince: v.waitingSince,
    };
  }

  /** The view offered to the distribution strategy's assign (DistributionStrategy.assign). */
  private readonly offered: LiveLeadView;

  /** The lead as the per-call policies see it, through a reused view: valid only until the policy returns. */
  private scratchView(lead: Lead, v: LiveLeadView = this.scratch): LeadView {
    v.lead = lead;
    return v;
  }

  /** A lead joins the end of the waiting list (which is thus in order of waitingSince). */
  private enqueue(lead: Lead): void {
    lead.waitingSince = this.sim.now;
    this.waiting.push(lead);
    this.waitingOfKind[this.refusedKinds.kindOf(lead)]++;
  }

  /** Capacity may have changed: waiting leads are offered again. */
  private capacityChanged(): void {
    this.refusedKinds.clear();
    this.dispatchWaiting();
  }

  /** Offers waiting leads to the distribution strategy, in its queue order. */
  private dispatchWaiting(): void {
    if (this.waiting.length === 0) return;
    const strategy = this.policies.distribution;
    const lifo = strategy.queueOrder === 'lifo';
    const list = this.waiting;
    // Once a lead of some source and product is refused, later leads of the same kind are refused too
    // (nothing changed in between), so they are not offered again.
    const refused = this.refusedKinds;
    const n = list.length;
    const staleBefore = this.sim.now - this.maxWait;
    // A lead refused while every agent on shift has used its day's cap or filled its pipeline, after waiting longer
    // than the passed-over limit, has lost its rendezvous and would only take a fresher lead's place later: it goes
    // to the drip. (Refusals by pacing alone only delay it.)
    const room = this.room;
    const passedOverBefore = this.sim.now - this.passedOver;
    // The leads kept waiting are written back in place, from the front (FIFO) or from the back (LIFO), behind the
    // reading position; a dispatch adds no lead to the list.
    let w = lifo ? n : 0;
    // Kinds of the leads not yet looked at that are not refused: once there are none, every lead left is refused,
    // and if the oldest of them is neither stale nor passed over, none is (the list is in order of waitingSince):
    // they all stay as they are, and the dispatch stops there.
    const unvisited = this.unvisitedOfKind, ofKind = this.waitingOfKind;
    unvisited.set(ofKind);
    let open = 0;
    for (let kind = 0; kind < unvisited.length; kind++) if (unvisited[kind] > 0 && !refused.hasKind(kind)) open++;
    for (let k = 0; k < n; k++) {
      if (open === 0) {
        const oldest = list[lifo ? 0 : k].waitingSince;
        if (oldest >= staleBefore && !(oldest < passedOverBefore && room.onShift > 0 && room.size === 0)) {
          // Moved up behind the leads kept so far, unless none was taken out yet (they are then in place already).
          if (lifo) {
            if (w === n - k) w = 0;
            else for (let i = n - 1 - k; i >= 0; i--) list[--w] = list[i];
          } else if (w === k) w = n;
          else for (let i = k; i < n; i++) list[w++] = list[i];
          break;
        }
      }
      const lead = list[lifo ? n - 1 - k : k];
      const kind = refused.kindOf(lead);
      const wasRefused = refused.hasKind(kind);
      unvisited[kind]--;
      if (!wasRefused && unvisited[kind] === 0) open--;
      if (lead.waitingSince < staleBefore) {
        // Nobody took the lead in time: it goes to the drip, where it may come back ready, instead of being handed
        // out days old ahead of fresher leads (docs/tradeoffs.md, "Prospecting vs pipeline").
        ofKind[kind]--;
        this.metrics.onAgedOut(lead);
        this.toNurture(lead, undefined);
        continue;
      }
      let a = -1;
      if (!wasRefused) {
        // With no agent on shift with room, a strategy that needs room would refuse: it is not asked.
        a = strategy.needsRoom && room.size === 0 ? -1 : strategy.assign(this.scratchView(lead, this.offered), this.dctx);
        if (a === -1) {
          refused.add(lead);
          if (unvisited[kind] > 0) open--;
        }
      }
      if (a >= 0) {
        ofKind[kind]--;
        this.assign(lead, this.agents[a]);
      } else if (lead.waitingSince < passedOverBefore && room.onShift > 0 && room.size === 0) {
        ofKind[kind]--;
        this.metrics.onAgedOut(lead);
        this.toNurture(lead, undefined);
      } else if (lifo) list[--w] = lead;
      else list[w++] = lead;
    }
    if (lifo) {
      if (w > 0) for (let i = w; i < n; i++) list[i - w] = list[i];
      list.length = n - w;
    } else list.length = w;
    const kept = list.length;
    const recheck = strategy.recheckAfterMinutes;
    if (recheck && kept > 0 && !this.recheckPending && this.sim.now + recheck < this.endTime) {
      this.recheckPending = true;
      this.sim.schedule(recheck, this.onRecheck, 0);
    }
    // With paced caps, room grows with the clock: look again the moment the next agent's pace allows one more lead.
    if (this.pacing && kept > 0) {
      const minute = this.room.nextPaceMinute();
      const next = minute === Infinity ? Infinity : this.sim.now + Math.max(1, minute - Math.floor(this.sim.now));
      if (next < this.pacedRecheckAt && next < this.endTime) {
        this.pacedRecheckAt = next;
        this.sim.scheduleAt(next, this.onPacedRecheck, 0);
      }
    }
  }

  private pacedRecheckAt = Infinity;

  private readonly onPacedRecheck = (): void => {
    if (this.sim.now !== this.pacedRecheckAt) return;
    this.pacedRecheckAt = Infinity;
    this.capacityChanged();
  };

  private readonly onRecheck = (): void => {
    this.recheckPending = false;
    this.capacityChanged();
  };

  private assign(lead: Lead, agent: AgentState): void {
    lead.agent = agent.index;
    agent.pipelineSize++;
    if (isRelationship(lead.status)) agent.relationships++;
    agent.newToday++;
    agent.leadsReceived++;
    this.room.update(agent);
    if (lead.counted) agent.measuredLeads++;
    if (agent.pipelineSize > agent.maxPipeline) agent.maxPipeline = agent.pipelineSize;
    if (lead.status === 'new') agent.fresh.push(lead);
    else {
      // A lead handed on after it was worked (requeued by the strategy) is the new agent's most urgent callback.
      lead.version++;
      lead.nextPriority = -Infinity;
      agent.callbacks.level(lead.nextPriority).push(this.sim.now, lead.id, lead, lead.version);
    }
    this.options.observer?.onAssign?.(lead, agent, this.sim.now);
    this.policies.distribution.assigned?.(this.view(lead), agent.index, this.dctx);
    this.wakeAt(agent, this.sim.now);
  }

  private leavePipeline(lead: Lead): void {
    if (lead.agent < 0) return;
    const agent = this.agents[lead.agent];
    agent.pipelineSize--;
    if (isRelationship(lead.status)) agent.relationships--;
    this.room.update(agent);
    lead.agent = -1;
    lead.version++;
    this.options.observer?.onLeavePipeline?.(lead, agent, this.sim.now);
    this.capacityChanged();
  }

  // ---- agents -------------------------------------------------------------------------------------

  /** Makes sure an idle agent looks for work no later than time t. */
  private wakeAt(agent: AgentState, t: number): void {
    if (agent.busy || t === Infinity || t >= this.endTime) return;
    if (agent.wakeAt <= t && agent.wakeAt >= this.sim.now) return;
    agent.wakeAt = t;
    // Replaces the pending wake-up, if any (an engine timer: no cancelled event left in the queue).
    this.sim.setTimer(agent.wakeTimer, Math.max(t, this.sim.now), this.onWake, agent);
  }

  private readonly onWake = (agent: AgentState): void => {
    agent.wakeAt = Infinity;
    this.nextTask(agent);
  };

  /** A free agent takes the most urgent task: a fresh lead, then due callbacks by priority. */
  private nextTask(agent: AgentState): void {
    if (agent.busy) return;
    const now = this.sim.now;
    const untilShift = agent.minutesUntilShiftStart();
    if (untilShift > 0) {
      agent.wasOnShift = false;
      this.wakeAt(agent, now + untilShift);
      return;
    }
    if (!agent.wasOnShift) {
      agent.wasOnShift = true;
      this.capacityChanged();
    }
    if (agent.callsToday >= agent.config.maxCallsPerDay) {
      this.wakeAt(agent, (Math.floor(now / MINUTES_PER_DAY) + 1) * MINUTES_PER_DAY);
      return;
    }
    const fresh = agent.takeFresh();
    if (fresh) {
      this.startCall(agent, fresh, undefined);
      return;
    }
    // The first priority level with a callback due holds the one to call: a level's entries for leads re-planned or
    // handed on since are dropped as they come due (src/sim/callbackQueue.ts).
    const levels = agent.callbacks.levels;
    for (let i = 0; i < levels.length; i++) {
      const level = levels[i];
      while (level.size > 0 && level.peekK1() <= now) {
        level.pop();
        const lead = level.poppedItem!;
        if (lead.version === level.poppedVersion && lead.agent === agent.index && isOpen(lead.status)) {
          this.startCall(agent, lead, level);
          return;
        }
      }
    }
    // Idle: look again when the next callback is due, and at the end of the shift at the latest, so that
    // an agent with an empty queue still notices its shift ending and starting again (a shift start is a
    // capacity change: leads left waiting overnight are offered then).
    const shiftEnd = now + agent.minutesUntilShiftEnd();
    this.wakeAt(agent, Math.min(agent.callbacks.nextDue(), shiftEnd));
  }

  /**
   * Starts a call to a fresh lead or, with `from`, to the callback just popped from that priority level of the agent's
   * callbacks. The callback's due time is read from the level, not passed: a fractional time passed to a function that
   * is not inlined is boxed in a fresh heap number (issue 16).
   */
  private startCall(agent: AgentState, lead: Lead, from: PairHeap<Lead> | undefined): void {
    const now = this.sim.now;
    const dueAt = from ? from.poppedK1 : -1;
    // A fixed block of three draws per attempt keeps every lead's k-th call on the same luck across policies, and
    // the conversation's own draws (below) keep its k-th conversation on the same luck.
    const uAnswer = lead.callDraw(), uJitter = lead.callDraw(), uDoNotCall = lead.callDraw();
    // The lead's fractional fields, read and written in its row (src/sim/lead.ts) rather than through its accessors,
    // which would spend startCall's inlining budget (issue 16).
    const d = lead.d, o = lead.o;
    const unreached = d[o + LeadRow.firstContactAt] < 0;
    const age = now - d[o + LeadRow.engagedAt];
    // The age decay is the rendezvous: a fresh lead is easy to reach and cools by the minute. Once the
    // consumer has been reached, follow-up calls are answered by their own contactability and the hour.
    let decay = 1;
    if (unreached) {
      this.decayAge = age;
      this.evaluateDecay();
      decay = this.decayValue;
    }
    // Calls crowded together are screened (src/sim/contactFatigue.ts).
    const fatigue = this.config.fatigue;
    const load = recentLoadAt(d[o + LeadRow.recentLoad], d[o + LeadRow.lastAttemptAt], now, this.loadDecay);
    d[o + LeadRow.recentLoad] = load + 1;
    d[o + LeadRow.lastAttemptAt] = now;
    // The agent's number: its recent call volume, with this call added. A consumer not yet reached sees the number
    // labeled "spam likely" as its volume grows (src/sim/contactFatigue.ts); one already reached knows the caller.
    const volume = numberVolumeAt(agent.numberVolume, agent.numberVolumeAt, now);
    agent.numberVolume = volume + 1;
    agent.numberVolumeAt = now;
    // The share of this call shown as "spam likely" (spamLabelMultiplier's pieces): only a consumer not yet reached goes
    // by the label. The complaints' decay and share are calls made only once the agent has drawn complaints, so that a
    // floor that never does keeps startCall's inlining budget (issue 16).
    const complaints = agent.complaints === 0 ? 0 : complaintsAt(agent.complaints, agent.complaintsAt, now, this.complaintDecay);
    let labeled = unreached ? volumeLabeledShare(fatigue, volume) : -1;
    if (complaints > 0 && labeled >= 0) labeled = withComplaintLabels(fatigue, labeled, complaints);
    const label = labeled > 0 ? labelMultiplier(fatigue, labeled) : 1;
    // Only the elapsed loan process opens a loan (setStatus), so a loan in application or closing implies it.
    const inProcess = lead.loan !== undefined && (lead.status === 'application' || lead.status === 'closing');
    const p = inProcess ? this.loanProcess!.borrowerAnswers : d[o + LeadRow.contactability] * this.hourMultiplier[this.calendar.hourOfWeek(now)] * decay * fatigueMultiplier(fatigue, load, this.lnAnswerFactor) * label;
    // A hot-transferred consumer is still on the line.
    const transferred = this.onTheLine.size > 0 && this.onTheLine.delete(lead);
    const answered = transferred || uAnswer < p;
    // Before an application, a consumer who answers may ask not to be called again; more likely after crowded or
    // persistent calls. A borrower with a loan in process wants the calls (their annoyance is in the loan process).
    const doNotCall = answered && !transferred && !lead.reachedApplication && uDoNotCall < doNotCallChance(fatigue, load, lead.attempts - lead.attemptsAtEngagement);
    // A consumer not yet reached who misses a crowded call may report the number (the same draw as the do-not-call
    // request, which only an answered call makes): the complaint labels the agent's numbers for days.
    if (!answered && unreached && uDoNotCall < complaintChance(fatigue, load)) {
      agent.complaints = complaints + 1;
      agent.complaintsAt = now;
    }
    const uTalk = answered ? lead.conversationDraw() : 0;
    const uOutcome = answered ? lead.conversationDraw() : 0;
    const calls = this.config.calls;
    const duration = (answered && !doNotCall ? this.talk(uTalk) : calls.noAnswerMinutes) + calls.wrapUpMinutes;
    lead.attempts++;
    lead.version++;
    if (d[o + LeadRow.firstAttemptAt] < 0) d[o + LeadRow.firstAttemptAt] = now;
    agent.busy = true;
    agent.callsToday++;
    agent.currentLead = lead;
    agent.currentAnswered = answered;
    agent.currentDoNotCall = doNotCall;
    agent.currentOutcomeDraw = uOutcome;
    agent.currentJitterDraw = uJitter;
    agent.currentCallStart = now;
    const inWindow = now >= this.windowStart && now < this.arrivalEnd;
    if (inWindow) {
      // Utilization is a share of on-shift minutes in the window: a call that runs past the shift's end (or the window's)
      // counts its minutes up to there.
      const end = Math.min(now + duration, this.arrivalEnd, agent.shiftEndTime());
      agent.busyMinutes += end - now;
    }
    if (lead.counted) {
      agent.attempts++;
      if (answered) agent.contacts++;
      if (dueAt >= 0 && now - dueAt > OVERDUE_MINUTES) agent.overdueCallbacks++;
    }
    if (lead.counted && labeled >= 0) {
      // Summed on the agent, in startCall itself: a fourth argument made onAttempt too large to inline beside the rest.
      agent.unreachedCalls++;
      agent.labeledSum += labeled;
    }
    this.metrics.onAttempt(lead, answered, dueAt >= 0 ? now - dueAt : -1);
    this.options.observer?.onCallStart?.(lead, agent, now, answered);
    this.calls?.push({
      leadId: String(lead.id),
      leadCreated: lead.createdAt,
      attemptTime: now,
      outcome: answered ? 'contact' : lead.contactability === 0 ? 'bad-number' : 'no-answer',
      agent: agent.name,
      source: this.config.sources[lead.source].name,
      product: this.config.products[lead.product].name,
      hourOfWeek: this.calendar.hourOfWeek(now),
    });
    this.sim.setTimer(agent.callTimer, now + duration, this.onCallEnd, agent);
  }

  /**
   * The age decay at `decayAge`, into `decayValue`. The age and the multiplier pass through double fields rather than
   * as an argument and a return value: startCall spends its inlining budget before it reaches the decay's table
   * look-up (205 bytes of bytecode), and a fraction passed to or returned from a call that is not inlined is boxed in
   * a fresh heap number, two per call to a lead not yet reached, 1.1 million a year (issue 16).
   */
  private evaluateDecay(): void {
    this.decayValue = this.decay(this.decayAge);
  }

  private readonly onCallEnd = (agent: AgentState): void => {
    const lead = agent.currentLead!;
    agent.busy = false;
    agent.currentLead = undefined;
    if (this.policies.distribution.redispatchWhenAgentFree && this.waiting.length > 0) this.capacityChanged();
    if (isOpen(lead.status) && lead.agent === agent.index && lead.loan && !this.loanSurvives(lead, agent)) {
      this.lose(lead, agent, 'withdrawn');
    } else if (isOpen(lead.status) && lead.agent === agent.index && agent.currentDoNotCall) {
      // The consumer was reached (a contact, as the call log says) and asked not to be called again.
      if (lead.firstContactAt < 0) this.firstReach(lead, agent);
      if (lead.status === 'new' || lead.status === 'attempted') this.setStatus(lead, 'contacted', agent, false);
      this.lose(lead, agent, 'do-not-call');
    } else if (isOpen(lead.status) && lead.agent === agent.index) {
      if (agent.currentAnswered) {
        this.conversation(lead, agent);
        const strategy = this.policies.distribution;
        const requeue = strategy.afterConversation && isOpen(lead.status) ? strategy.afterConversation(this.view(lead), agent, this.dctx) : undefined;
        if (requeue) {
          this.leavePipeline(lead);
          if ('transferTo' in requeue) {
            this.onTheLine.add(lead);
            this.assign(lead, this.agents[requeue.transferTo]);
          } else this.sim.schedule(requeue.requeueAfterMinutes, this.onRequeue, lead);
          this.nextTask(agent);
          return;
        }
      } else {
        if (lead.status === 'new') this.setStatus(lead, 'attempted', agent, true);
        lead.attemptsSinceContact++;
      }
      if (isOpen(lead.status)) this.planNextCall(lead, agent);
      if (isOpen(lead.status)) {
        // planNextCall filled the per-call view, and a lead it left open has not changed since: the rules read it as is.
        const verdict = this.policies.pipeline.evaluate(this.scratch, agent, this.sim.now);
        if (verdict === 'nurture') {
          this.metrics.onPipelineNurture(lead);
          this.toNurture(lead, agent);
        }
        else if (verdict === 'drop') this.lose(lead, agent, 'dropped');
      }
    }
    this.nextTask(agent);
  };

  /** The first time the consumer answers: when, on which attempt, and how much interest and goodwill are left. */
  private firstReach(lead: Lead, agent: AgentState): void {
    lead.firstContactAt = agent.currentCallStart;
    // Counted from the consumer's last engagement, as a returning lead is a new inquiry to the floor.
    lead.firstContactAttempt = lead.attempts - lead.attemptsAtEngagement;
    // The consumer's interest cools while nobody reaches them (HBR 2011, "The Short Life of Online Sales Leads").
    lead.interest = this.interest(this.sim.now - lead.engagedAt);
    // A consumer who finally answers after a crowd of calls is irritated, not only harder to reach (the load at
    // the start of this call, src/sim/contactFatigue.ts).
    lead.goodwill = fatigueMultiplier(this.config.fatigue, lead.recentLoad - 1, this.lnAnswerFactor);
  }

  /**
   * The consumer answered: move the lead through the funnel by its traits and the agent's skill. The conversation's
   * draw is read from the agent's current call, not passed: a fraction passed to a function that is not inlined is
   * boxed in a fresh heap number (issue 16).
   */
  private conversation(lead: Lead, agent: AgentState): void {
    let u = agent.currentOutcomeDraw;
    const now = this.sim.now;
    const f = this.config.funnel;
    const firstConversation = lead.firstContactAt < 0;
    if (firstConversation) this.firstReach(lead, agent);
    lead.attemptsSinceContact = 0;
    lead.conversationsInStatus++;
    const lastConversationAt = lead.lastConversationAt;
    lead.lastConversationAt = now;
    if (lead.status === 'new' || lead.status === 'attempted') this.setStatus(lead, 'contacted', agent, false);
    // A consumer a competitor reached first usually goes with them (docs/design.md, The rendezvous). The race is
    // decided at our first conversation: once we were first, a later competitor call does not take the lead.
    if (firstConversation && lead.competitorAt < now) {
      if (lead.loyalToCompetitor) {
        this.lose(lead, agent, 'competitor');
        return;
      }
      // A consumer who did not go with the competitor on the spot kept shopping: ready after some thought, they
      // waited for us while the competitors could close them (src/sim/followUp.ts, closedByCompetitors).
      if (this.closedByCompetitor(lead, agent, closedByCompetitors(this.config.followUp, now - lead.competitorAt, lead.otherBuyers))) return;
      u = agent.currentOutcomeDraw;
    }
    const source = this.config.sources[lead.source];
    let skill = agent.skillFor(source.name, this.config.products[lead.product].name) * source.conversionFactor;
    const strategy = this.policies.distribution;
    if (strategy.skillMultiplier) skill *= strategy.skillMultiplier(this.view(lead), agent);
    agent.sourceConversations.set(source.name, agent.conversationsWith(source.name) + 1);
    // An agent with more open leads than it can keep in touch with follows through less (docs/tradeoffs.md, "People").
    const followThrough = agent.followThrough();
    const process = this.loanProcess;
    if (process && (lead.status === 'application' || lead.status === 'closing')) {
      this.loanConversation(lead, agent, process, lastConversationAt);
      return;
    }
    switch (lead.status) {
      case 'contacted': {
        let pApp = Math.min(0.95, f.applicationPerConversation * lead.propensity * lead.interest * lead.goodwill * skill * followThrough * (lead.ready ? 1 : f.immatureApplicationFactor));
        let pNo = f.notInterestedPerConversation;
        if (lastConversationAt >= 0) {
          // A follow-up: its spacing decides whether there is progress to make, whether it annoys, and whether a
          // competitor got there in between (src/sim/followUp.ts).
          const effect = followUpEffect(this.config.followUp, now - lastConversationAt, lead.otherBuyers);
          if (this.closedByCompetitor(lead, agent, effect.lostToCompetitor)) return;
          u = agent.currentOutcomeDraw;
          pApp *= effect.progress;
          pNo = Math.min(0.95 - pApp, pNo * effect.annoyance);
        }
        const pNurture = lead.ready ? 0 : f.immatureToNurture;
        if (u < pApp) this.setStatus(lead, 'application', agent, true);
        else if (u < pApp + pNo) this.lose(lead, agent, 'not-interested');
        else if (u < pApp + pNo + pNurture) this.toNurture(lead, agent);
        break;
      }
      case 'application': {
        const pClose = Math.min(0.95, f.closingPerConversation * skill);
        if (u < pClose) this.setStatus(lead, 'closing', agent, true);
        else if (u < pClose + f.applicationLostPerConversation) this.lose(lead, agent, 'withdrawn');
        break;
      }
      case 'closing': {
        const pFund = Math.min(0.99, f.fundedPerConversation * skill);
        if (u < pFund) this.setStatus(lead, 'funded', agent, true);
        else if (u < pFund + f.closingLostPerConversation) this.lose(lead, agent, 'declined');
        break;
      }
    }
  }

  /**
   * Whether a competitor closed the consumer before this conversation, with chance `closed` (src/sim/followUp.ts), decided
   * by the conversation's draw: if so the lead is lost; if not, the draw left is rescaled in place (agent.currentOutcomeDraw)
   * to decide the rest of the conversation, since one uniform per conversation keeps common random numbers.
   */
  private closedByCompetitor(lead: Lead, agent: AgentState, closed: number): boolean {
    const u = agent.currentOutcomeDraw;
    if (u < closed) {
      this.lose(lead, agent, 'competitor');
      return true;
    }
    agent.currentOutcomeDraw = (u - closed) / (1 - closed);
    return false;
  }

  private setStatus(lead: Lead, to: LeadStatus, agent: AgentState | undefined, resetConversations: boolean): void {
    const from = lead.status;
    if (from === to) return;
    lead.status = to;
    lead.statusSince = this.sim.now;
    if (lead.agent >= 0) {
      const owner = this.agents[lead.agent];
      owner.relationships += (isRelationship(to) ? 1 : 0) - (isRelationship(from) ? 1 : 0);
    }
    lead.attemptsSinceContact = 0;
    if (resetConversations) lead.conversationsInStatus = 0;
    lead.version++;
    if (to === 'application') {
      lead.reachedApplication = true;
      if (this.loanProcess && !lead.loan) lead.loan = openLoan(this.loanProcess, this.options.seed, lead.id, this.sim.now);
    }
    if (agent && lead.counted) {
      if (to === 'application') agent.applications++;
      if (to === 'funded') agent.funded++;
    }
    if (to === 'funded' && agent) agent.fundedTimes.push(this.sim.now);
    if (to === 'funded') this.fundedIds?.add(lead.id);
    this.metrics.onStatus(lead, from, to);
    this.options.observer?.onStatus?.(lead, from, to, this.sim.now);
    if (!isOpen(to)) this.leavePipeline(lead);
  }

  private lose(lead: Lead, agent: AgentState | undefined, reason: LostReason): void {
    lead.lostReason = reason;
    this.setStatus(lead, 'lost', agent, true);
  }

  private toNurture(lead: Lead, agent: AgentState | undefined): void {
    this.setStatus(lead, 'nurture', agent, true);
    const n = this.config.nurture;
    // Draws beyond the per-call blocks: only nurtured leads take them.
    const comesBack = lead.callDraw() < n.returnShare;
    // The next draw of the same stream, without a closure over the lead (Lead.callRng) per nurtured lead.
    const after = exponentialQuantile(lead.callDraw(), n.meanReturnDays * MINUTES_PER_DAY);
    if (comesBack && this.sim.now + after < this.endTime) this.sim.schedule(after, this.onNurtureReturn, lead);
  }

  // ---- the loan: elapsed work, closing date, rate lock (src/sim/loanProcess.ts) ------------------------

  /** Accounts for the loan's progress and withdrawal hazard up to now; false when the borrower has withdrawn. */
  private loanSurvives(lead: Lead, agent: AgentState | undefined): boolean {
    const p = this.loanProcess, loan = lead.loan;
    if (!p || !loan || (lead.status !== 'application' && lead.status !== 'closing')) return true;
    const source = this.config.sources[lead.source];
    const care = agent ? agent.skillFor(source.name, this.config.products[lead.product].name) * source.conversionFactor * agent.followThrough() : 1;
    return loanSurvives(p, loan, lead.status === 'application', lead.lastConversationAt, this.sim.now, care);
  }

  /** A conversation with a borrower whose loan is in process: it keeps the loan moving, and may clear it to close. */
  private loanConversation(lead: Lead, agent: AgentState, p: ElapsedLoanProcess, lastConversationAt: number): void {
    const loan = lead.loan!;
    const now = this.sim.now;
    if (lastConversationAt >= 0 && walksAfterCrowdedCall(p, loan, now - lastConversationAt, this.config.followUp.annoyanceHours)) {
      this.lose(lead, agent, 'withdrawn');
      return;
    }
    if (lead.status === 'application' && loan.done >= loan.needed) {
      this.setStatus(lead, 'closing', agent, true);
      this.scheduleClosing(lead, closingTime(this.calendar, p, now, loan.prefersMonthEnd));
    }
  }

  private scheduleClosing(lead: Lead, at: number): void {
    lead.loan!.closingAt = at;
    if (at < this.endTime) this.sim.scheduleAt(at, this.onClosingDay, lead);
  }

  /** The closing date: the loan funds, slips (no closing disclosure in time), or the borrower walks. */
  private readonly onClosingDay = (lead: Lead): void => {
    const p = this.loanProcess!, loan = lead.loan;
    const now = this.sim.now;
    if (lead.status !== 'closing' || !loan || loan.closingAt !== now) return;
    const agent = lead.agent >= 0 ? this.agents[lead.agent] : undefined;
    if (!this.loanSurvives(lead, agent)) return this.lose(lead, agent, 'withdrawn');
    const outcome = closingDayOutcome(p, loan, lead.lastConversationAt, now);
    // A slipped closing moves to the next possible date (for a month-end borrower, the next month's end).
    if (outcome === 'slip') this.scheduleClosing(lead, closingTime(this.calendar, p, now, loan.prefersMonthEnd));
    else if (outcome === 'funded') this.setStatus(lead, 'funded', agent, true);
    else this.lose(lead, agent, outcome);
  };

  private readonly onRequeue = (lead: Lead): void => {
    if (!isOpen(lead.status) || lead.agent >= 0) return;
    this.enqueue(lead);
    if (!this.refusedKinds.has(lead)) this.dispatchWaiting();
  };

  private readonly onNurtureReturn = (lead: Lead): void => {
    if (lead.status !== 'nurture') return;
    lead.ready = true;
    lead.returns++;
    // A consumer who comes back ready (from the drip, or from nurture) has just re-engaged: the rendezvous
    // starts again, for the first-contact curve and for interest.
    lead.engagedAt = this.sim.now;
    lead.attemptsAtEngagement = lead.attempts;
    lead.lastConversationAt = -1;
    this.setStatus(lead, 'new', undefined, true);
    this.enqueue(lead);
    if (!this.refusedKinds.has(lead)) this.dispatchWaiting();
  };

  /**
   * Asks the callback policy when to call next, or ends the lead's attempts in this status. The jitter draw is read
   * from the agent's current call, not passed, for the same reason as in {@link conversation}.
   */
  private planNextCall(lead: Lead, agent: AgentState): void {
    const ctx = this.callbackCtx;
    ctx.now = this.sim.now;
    ctx.u = agent.currentJitterDraw;
    const decision = this.policies.callbacks.next(this.scratchView(lead), ctx);
    if (decision.kind === 'exhausted') {
      if (decision.then === 'nurture') this.toNurture(lead, agent);
      else this.lose(lead, agent, 'exhausted');
      return;
    }
    const due = Math.max(decision.due, this.sim.now);
    lead.version++;
    // An agent who chases new leads leaves reached leads' callbacks for last (docs/tradeoffs.md, "People").
    lead.nextPriority = agent.config.chasesNewLeads && lead.status !== 'attempted' ? decision.priority + 100 : decision.priority;
    agent.callbacks.level(lead.nextPriority).push(due, lead.id, lead, lead.version);
  }

  // ---- calendar -----------------------------------------------------------------------------------

  private readonly onDayStart = (day: number): void => {
    for (const agent of this.agents) {
      agent.newToday = 0;
      agent.callsToday = 0;
    }
    this.room.updateAll();
    this.metrics.onDayStart(day, this.waiting.length);
    this.capacityChanged();
  };
}
