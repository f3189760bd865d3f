import { MINUTES_PER_DAY, MINUTES_PER_HOUR, MINUTES_PER_WEEK, type Calendar } from './calendar';
import { CallbackQueue } from './callbackQueue';
import { DOUBLE_FIELD, doubleArray, objectArray } from './stableShapes';
import type { FreshLeadForecast } from './freshLeadForecast';
import type { Lead } from './lead';
import type { AgentConfig } from './modelConfig';
import type { AgentView } from './policies';
import { minutesUntilShiftEnd, minutesUntilShiftStart, shiftMinutesPerWeek } from './shift';

/** Leads that waited an agent with a paced cap may take ahead of its even pace. */
function paceAhead(cap: number): number {
  return Math.min(cap, 2);
}

/** An agent during a run: its queues, counters and the call in progress. Implements the read-only AgentView. */
export class AgentState implements AgentView {
  busy = false;
  /** Whether the agent was on shift when it last looked for work (a change means capacity changed). */
  wasOnShift = false;
  pipelineSize = 0;
  /** Leads in the pipeline the agent has reached: contacted, applications and closings (isRelationship). */
  relationships = 0;
  newToday = 0;
  callsToday = 0;
  leadsReceived = 0;
  fundedTimes: number[] = doubleArray();
  /** New leads not yet called, in arrival order (taken newest first). */
  fresh: Lead[] = objectArray();
  /** Scheduled callbacks, by priority and due time (src/sim/callbackQueue.ts). */
  readonly callbacks = new CallbackQueue<Lead>();
  /** Pending wake-up: its time (Infinity when none), and the engine timers of the agent's wake-up and call end. */
  wakeAt = Infinity;
  wakeTimer = -1;
  callTimer = -1;
  // The call in progress.
  currentLead: Lead | undefined = undefined;
  currentAnswered = false;
  currentDoNotCall = false;
  currentOutcomeDraw = DOUBLE_FIELD;
  currentJitterDraw = DOUBLE_FIELD;
  /** When the current call started: a first contact is timed from the start of the answered attempt, as the fit times it. */
  currentCallStart = DOUBLE_FIELD;
  /** The recent call volume of the agent's own number, calls a day, after its last call at `numberVolumeAt` (src/sim/contactFatigue.ts). */
  numberVolume = DOUBLE_FIELD;
  numberVolumeAt = DOUBLE_FIELD;
  /** Complaints against the agent's numbers, after the last one at `complaintsAt` (src/sim/contactFatigue.ts). */
  complaints = DOUBLE_FIELD;
  complaintsAt = DOUBLE_FIELD;
  /** Calls to consumers not yet reached, of the window's leads, and the sum of the share of each labeled spam. */
  unreachedCalls = 0;
  labeledSum = DOUBLE_FIELD;
  // Measured-window statistics.
  busyMinutes = DOUBLE_FIELD;
  measuredLeads = 0;
  attempts = 0;
  contacts = 0;
  applications = 0;
  funded = 0;
  overdueCallbacks = 0;
  pipelineSamples = 0;
  pipelineSum = 0;
  maxPipeline = 0;
  /** Conversations so far, by source name. */
  readonly sourceConversations = new Map<string, number>();
  /**
   * The shift as of the last look, kept until the next shift change (start or end) instead of recomputed from the
   * calendar on every question: on shift or not, the first whole minute the answer may change (`shiftChangeAt`),
   * and while on shift the start of the current shift interval, its length and the minute the shift ends.
   */
  private shiftCheckedAt = Infinity;
  shiftChangeAt = -Infinity;
  private onShiftNow = false;
  private shiftEndAt = 0;
  /** On shift every minute of the week (00:00-24:00 every day). */
  private readonly alwaysOnShift: boolean;
  /**
   * The shift's time on the current calendar day, as run minutes [from, to) pairs, and its total: a paced cap (a cap
   * per calendar day) is spread over it. A shift within a day is one pair; one that passes midnight gives the day its
   * morning end and its evening start, and a shift of whole days (00:00-24:00) the day itself.
   */
  private readonly paceSpans: number[] = [];
  private paceMinutes = 0;
  /** The day (whole days since the start) `paceSpans` are for. */
  private paceDay = -1;
  /** The floor's forecast of fresh leads, given by the workflow when this agent's cap is paced (src/sim/freshLeadForecast.ts). */
  freshForecast: FreshLeadForecast | undefined = undefined;
  /** The fresh leads the agent expects for the rest of its shift today, for the hour and sharing count it was worked out for. */
  private reserveHour = -1;
  private reserveSharing = -1;
  private reserveValue = DOUBLE_FIELD;
  private sourceSet: Set<string> | undefined;
  private readonly hasSourceSkill: boolean;
  private readonly hasProductSkill: boolean;
  private productSet: Set<string> | undefined;

  constructor(
    readonly index: number,
    readonly config: AgentConfig,
    private readonly clock: { now: number },
    private readonly calendar: Calendar,
  ) {
    // The initial values of the double fields (given DOUBLE_FIELD above: src/sim/stableShapes.ts).
    this.currentOutcomeDraw = 0;
    this.currentJitterDraw = 0;
    this.currentCallStart = 0;
    this.busyMinutes = 0;
    this.numberVolume = 0;
    this.numberVolumeAt = -1;
    this.complaints = 0;
    this.complaintsAt = -1;
    this.labeledSum = 0;
    this.reserveValue = 0;
    this.alwaysOnShift = shiftMinutesPerWeek(config.shift) === MINUTES_PER_WEEK;
    this.sourceSet = config.sources.length ? new Set(config.sources) : undefined;
    this.hasSourceSkill = Object.keys(config.sourceSkill).length > 0;
    this.hasProductSkill = Object.keys(config.productSkill).length > 0;
    this.productSet = config.products.length ? new Set(config.products) : undefined;
  }

  get name(): string {
    return this.config.name;
  }
  get role(): 'closer' | 'telemarketer' {
    return this.config.role;
  }
  get pipelineLimit(): number {
    return this.config.pipelineLimit;
  }
  get newLeadsPerDay(): number {
    return this.config.newLeadsPerDay;
  }
  get maxLeadWaitMinutes(): number {
    return this.config.maxLeadWaitMinutes;
  }
  get onShift(): boolean {
    const now = this.clock.now;
    if (now >= this.shiftChangeAt || now < this.shiftCheckedAt) this.checkShift(now);
    return this.onShiftNow;
  }

  /** Looks up the shift at `now` on the calendar (src/sim/shift.ts) and keeps the answer until the next change. */
  private checkShift(now: number): void {
    const whole = Math.floor(now);
    const mow = this.calendar.minuteOfWeek(now);
    this.shiftCheckedAt = whole;
    this.onShiftNow = false;
    for (const [s, e] of this.config.shift.intervals) {
      if (mow >= s && mow < e) {
        this.onShiftNow = true;
        this.shiftChangeAt = whole + (e - mow);
        this.shiftEndAt = whole + minutesUntilShiftEnd(this.config.shift, mow);
        return;
      }
    }
    this.shiftChangeAt = whole + minutesUntilShiftStart(this.config.shift, mow);
  }

  /** Minutes from now until the shift next starts: 0 on shift, as minutesUntilShiftStart counts them. */
  minutesUntilShiftStart(): number {
    return this.onShift ? 0 : this.shiftChangeAt - Math.floor(this.clock.now);
  }

  /** Minutes from now until the current shift ends (0 off shift), as minutesUntilShiftEnd counts them. */
  minutesUntilShiftEnd(): number {
    return this.onShift ? this.shiftEndAt - Math.floor(this.clock.now) : 0;
  }
  /**
   * When the current shift ends, as a run minute: Infinity for a shift of the whole week, which never ends (its weekly
   * interval ends at Sunday midnight only to start again at once, where minutesUntilShiftEnd stops counting).
   */
  shiftEndTime(): number {
    return this.alwaysOnShift ? Infinity : Math.floor(this.clock.now) + this.minutesUntilShiftEnd();
  }
  /** Looks up the shift's time on the day of `t` (a whole minute), once a day. */
  private paceSpansFor(t: number): void {
    const day = Math.floor(t / MINUTES_PER_DAY);
    if (day === this.paceDay) return;
    this.paceDay = day;
    const dayStart = day * MINUTES_PER_DAY, dayMow = this.calendar.minuteOfWeek(dayStart);
    this.paceSpans.length = 0;
    this.paceMinutes = 0;
    for (const [a, b] of this.config.shift.intervals) {
      const from = Math.max(a, dayMow), to = Math.min(b, dayMow + MINUTES_PER_DAY);
      if (to <= from) continue;
      this.paceSpans.push(dayStart + from - dayMow, dayStart + to - dayMow);
      this.paceMinutes += to - from;
    }
  }
  /** Minutes of the day's shift time before whole minute `t`. */
  private paceElapsed(t: number): number {
    this.paceSpansFor(t);
    const spans = this.paceSpans;
    let elapsed = 0;
    for (let i = 0; i < spans.length; i += 2) if (t > spans[i]) elapsed += Math.min(t, spans[i + 1]) - spans[i];
    return elapsed;
  }
  /**
   * New leads that have waited may take by now today: with pacing, the daily cap spread over the day's shift time
   * with two leads ahead, so leads that waited overnight cannot take the whole day's cap at the start of the shift and
   * leave the day's fresh leads waiting (docs/tradeoffs.md, "Prospecting vs pipeline"). A fresh lead may use the whole cap. The two
   * ahead of the pace are given only from the part of the cap the day's fresh leads are not expected to fill
   * ({@link freshReserve}): where more fresh leads come than the cap takes, leads that waited get the even pace and no
   * more, so a floor that buys more leads does not spend its slots on stale ones. Off shift (a strategy that assigns
   * to agents off shift) the pace is where the day's shift time has brought it: two leads before the shift, the whole
   * cap after it or on a day without one.
   */
  get newLeadsAllowedNow(): number {
    const cap = this.config.newLeadsPerDay;
    if (!this.config.paceNewLeads) return cap;
    const elapsed = this.paceElapsed(Math.floor(this.clock.now));
    if (this.paceMinutes === 0) return cap;
    return this.waitedAllowance(cap, Math.floor((cap * elapsed) / this.paceMinutes));
  }

  /** {@link newLeadsAllowedNow} once the even pace has reached `paced` leads: two ahead, out of what fresh leads will not fill. */
  private waitedAllowance(cap: number, paced: number): number {
    const ahead = Math.min(cap, paced + paceAhead(cap));
    const forecast = this.freshForecast;
    if (forecast === undefined || ahead <= paced) return ahead;
    return Math.min(ahead, Math.max(paced, Math.ceil(cap - this.freshReserve(forecast))));
  }

  /**
   * Fresh leads this agent can expect before its shift's time today ends: the floor's expected arrivals from the start
   * of the current hour to the end of today's shift time, shared evenly among the agents on shift who take new leads
   * (an agent whose colleagues start later expects more than it will get: the reserve errs towards fresh leads). Kept
   * for the hour and while as many agents share, so the allowance changes only at hour boundaries, pace steps and
   * shift changes. `paceSpans` must be today's (paceElapsed looks them up).
   */
  private freshReserve(forecast: FreshLeadForecast): number {
    const hour = Math.floor(this.clock.now / MINUTES_PER_HOUR);
    const sharing = forecast.sharing();
    if (hour !== this.reserveHour || sharing !== this.reserveSharing) {
      this.reserveHour = hour;
      this.reserveSharing = sharing;
      const from = hour * MINUTES_PER_HOUR, spans = this.paceSpans;
      let expected = 0;
      for (let i = 0; i < spans.length; i += 2) if (spans[i + 1] > from) expected += forecast.expectedBetween(Math.max(from, spans[i]), spans[i + 1]);
      this.reserveValue = expected / Math.max(1, sharing);
    }
    return this.reserveValue;
  }
  /** When a paced cap next lets the agent take one more lead (Infinity when it will not today on this shift). */
  nextPaceAt(): number {
    const at = this.nextPaceMinute();
    return at === Infinity ? Infinity : this.clock.now + Math.max(1, at - Math.floor(this.clock.now));
  }

  /**
   * The whole minute at which a paced cap next lets the agent take one more lead (Infinity when it will not today on
   * this shift). It stays the same until that minute comes or a shift changes (the agent's, or one that changes how many
   * share the day's fresh leads).
   */
  nextPaceMinute(): number {
    const cap = this.config.newLeadsPerDay;
    if (!this.config.paceNewLeads || cap <= 0 || !this.onShift) return Infinity;
    const elapsed = this.paceElapsed(Math.floor(this.clock.now)), length = this.paceMinutes;
    const steps = Math.floor((cap * elapsed) / length);
    // Held back for the day's fresh leads, the allowance also grows at the next hour, when fewer are still to come.
    const untilHour = this.waitedAllowance(cap, steps) < Math.min(cap, steps + paceAhead(cap)) ? (Math.floor(this.clock.now / MINUTES_PER_HOUR) + 1) * MINUTES_PER_HOUR : Infinity;
    if (steps + paceAhead(cap) >= cap) return untilHour;
    // The minute the day's shift time reaches the next step.
    let left = Math.ceil(((steps + 1) * length) / cap);
    const spans = this.paceSpans;
    for (let i = 0; i < spans.length; i += 2) {
      if (left <= spans[i + 1] - spans[i]) return Math.min(untilHour, spans[i] + left);
      left -= spans[i + 1] - spans[i];
    }
    return untilHour;
  }

  get freshWaiting(): number {
    return this.fresh.length;
  }
  handles(source: string, product: string): boolean {
    return (!this.sourceSet || this.sourceSet.has(source)) && (!this.productSet || this.productSet.has(product));
  }

  get callbackDue(): boolean {
    // Entries for leads re-planned since are discarded lazily, so this may rarely report a stale callback.
    return this.callbacks.nextDue() <= this.clock.now;
  }

  conversationsWith(source: string): number {
    return this.sourceConversations.get(source) ?? 0;
  }

  /**
   * Follow-through: 1 while the consumers the agent has reached and still works are within what the agent can keep
   * in touch with, falling as (followThroughPipeline / relationships) ^ elasticity above it. Leads still being
   * dialed do not count: they cost the agent time, which the calls themselves take, not attention to a consumer's
   * case (docs/tradeoffs.md, "People").
   */
  followThrough(): number {
    const c = this.config.followThroughPipeline;
    return this.relationships <= c ? 1 : Math.pow(c / this.relationships, this.config.followThroughElasticity);
  }

  /** Conversion multiplier for a lead of this source and product. */
  skillFor(source: string, product: string): number {
    // Most agents have no skill by source or product: their (empty) tables are not searched by name on every call.
    const bySource = this.hasSourceSkill ? (this.config.sourceSkill[source] ?? 1) : 1;
    const byProduct = this.hasProductSkill ? (this.config.productSkill[product] ?? 1) : 1;
    return this.config.skill * bySource * byProduct;
  }

  /**
   * Takes the freshest new lead still owned by this agent, or undefined: a lead cools by the minute, so of two new
   * leads the younger is worth calling first (docs/tradeoffs.md, "Prospecting vs pipeline").
   */
  takeFresh(): Lead | undefined {
    while (this.fresh.length > 0) {
      const lead = this.fresh.pop()!;
      if (lead.status === 'new' && lead.agent === this.index) return lead;
    }
    return undefined;
  }
}
