import type { AleaState } from './alea';
import type { Rng } from './random';

const TWO_TO_MINUS_32 = 2.3283064365386963e-10;

/** An Alea fraction (a multiple of 2^-32 in [0, 1)) as its 32-bit word, signed so that it fits a small integer. */
function toWord(fraction: number): number {
  return (fraction * 4294967296) | 0;
}

/** Where a lead stands. Open statuses are worked from an agent's pipeline. */
export type LeadStatus = 'new' | 'attempted' | 'contacted' | 'application' | 'closing' | 'funded' | 'lost' | 'nurture';

export const LEAD_STATUSES: readonly LeadStatus[] = ['new', 'attempted', 'contacted', 'application', 'closing', 'funded', 'lost', 'nurture'];

export type LostReason = 'competitor' | 'not-interested' | 'exhausted' | 'dropped' | 'withdrawn' | 'declined' | 'opted-out' | 'do-not-call' | 'lock-expired';

/** True for statuses that sit in an agent's pipeline. */
/**
 * Whether a lead in this status is a relationship its agent has to keep up: a consumer reached and not yet funded
 * or gone. A lead still being dialed is work for the agent's time, not for their memory of who said what.
 */
export function isRelationship(status: LeadStatus): boolean {
  return status === 'contacted' || status === 'application' || status === 'closing';
}

export function isOpen(status: LeadStatus): boolean {
  return status === 'new' || status === 'attempted' || status === 'contacted' || status === 'application' || status === 'closing';
}

/*
 * A lead's fractional fields (times in minutes, probabilities, multipliers) live outside the lead, in rows of a shared
 * Float64Array, DOUBLES numbers a lead, and the lead's accessors read and write its row. As fields of the lead, each
 * was a pointer to a number object of its own (V8 boxes every fractional field), 384 bytes a lead of the lead's ~670,
 * all made in the young generation and copied by the scavenger once or twice while the lead lives: most of a year's
 * collector time (issue 16). A row is 128 bytes outside the collected heap; the lead keeps the array and its offset.
 * Numbers are stored as they are (a Float64Array keeps every double, -0 and Infinity included): the same results.
 */
const DOUBLES = 16;
/** The place of each fractional field in a lead's row (a const enum: its numbers are written into the code that reads them). */
export const enum LeadRow {
  // What every call reads or writes (startCall, the callback policy, planNextCall) first, in the row's first 64 bytes.
  engagedAt = 0,
  firstContactAt = 1,
  lastAttemptAt = 2,
  recentLoad = 3,
  contactability = 4,
  firstAttemptAt = 5,
  statusSince = 6,
  nextPriority = 7,
  createdAt = 8,
  lastConversationAt = 9,
  propensity = 10,
  competitorAt = 11,
  interest = 12,
  goodwill = 13,
  score = 14,
  waitingSince = 15,
}
/** Leads a block of rows holds: 64 kB, outside the collected heap (V8 keeps typed arrays above 64 bytes there). */
const LEADS_PER_BLOCK = 512;
/** The block that new leads take their rows from, and the offset of the next free row. Shared by every run. */
let block = new Float64Array(LEADS_PER_BLOCK * DOUBLES);
let nextRow = 0;

/**
 * One lead and its hidden traits. The traits are drawn from the lead's own random stream when it is
 * created, and each call uses a fixed block of draws from its own call stream, so two policies run on one
 * seed see the same lead with the same luck on its k-th call (common random numbers).
 *
 * Every field is created here, in one fixed order and with a value of its own type, so that all leads share one
 * hidden class and the functions that read them stay monomorphic (src/sim/stableShapes.ts); no field is added later.
 * The fractional fields are accessors of the lead's row of doubles (above).
 */
export class Lead {
  // The fields a call reads and writes come first, so that they share the object's first cache lines: a year of the
  // 50-agent shop makes 1.3 million calls, each to a lead last touched long before (issue 16).
  /** Bumped when a scheduled callback is superseded; stale queue entries carry the old version. */
  version = 0;
  /** Index of the owning agent, or -1 while unassigned. */
  agent = -1;
  status: LeadStatus = 'new';
  /*
   * The lead's two random streams (Alea, src/sim/alea.ts), their state kept in the lead's own fields rather than in a
   * closure and an object per stream, so that a lead costs two objects fewer and a call, which reads the lead anyway,
   * reads nothing more to draw. Alea's three fractions are multiples of 2^-32 in [0, 1), so each is kept as its 32-bit
   * word (as a signed integer, which V8 stores in the field itself where a fraction would need a number object of its
   * own): the step below is Alea's step (aleaNext) in those words, exact in doubles, and gives the same numbers. The
   * carry is a whole number below 2091640 (the multiplier), so it too is kept as a small integer.
   */
  private callK0 = 0;
  private callK1 = 0;
  private callK2 = 0;
  private callC = 0;
  /**
   * The block holding the lead's fractional fields, and the offset of its row there: the accessors below read them,
   * and the hottest code reads them directly (`lead.d[lead.o + LeadRow.lastAttemptAt]`), since an accessor V8 inlines counts
   * against the inlining budget of the function it is inlined into (issue 16).
   */
  readonly d: Float64Array = block;
  readonly o: number = 0;
  /** The loan after an application (src/sim/loanProcess.ts); undefined before one. */
  loan: LoanState | undefined = undefined;
  reachedApplication = false;
  attempts = 0;
  /** Attempts made before the consumer last engaged (engagedAt). */
  attemptsAtEngagement = 0;
  /** True when the lead arrived inside the measured window. */
  counted = false;
  readonly id: number = 0;
  readonly source: number = 0;
  readonly product: number = 0;
  /** Unanswered attempts since the lead entered its status or was last reached. */
  attemptsSinceContact = 0;
  private talkK0 = 0;
  private talkK1 = 0;
  private talkK2 = 0;
  private talkC = 0;
  /** Conversations since the last status change. */
  conversationsInStatus = 0;
  ready = false;
  /** Whether the consumer, once reached by a competitor first, goes with them. */
  readonly loyalToCompetitor: boolean = false;
  /** Attempt number (1-based) of the first contact, or 0. */
  firstContactAttempt = 0;
  /** Bit set of the statuses the lead has ever had (bit i = LEAD_STATUSES[i]). */
  reached = 1;
  lostReason: LostReason | undefined = undefined;
  /** Times the lead has come back from nurture. */
  returns = 0;
  /** Which owner the score gave the lead on arrival (always 'sales' without scoring). */
  routedTo: 'sales' | 'marketing' = 'sales';
  /** True once the marketing drip has handed the lead to sales. */
  fromMarketing = false;
  /** True once the lead has aged out unassigned (a lead back from the drip may age out again; it counts once). */
  agedOut = false;
  /** Other buyers of the lead who reach the consumer at some point (competitors in the follow-up race). */
  otherBuyers = 0;

  constructor(
    id: number,
    createdAt: number,
    source: number,
    product: number,
    contactability: number,
    ready: boolean,
    propensity: number,
    competitorAt: number,
    loyalToCompetitor: boolean,
    /** Start of the random stream for this lead's call attempts (copied; see {@link callDraw}). */
    calls: AleaState,
    /** Start of the random stream for this lead's conversations (copied; see {@link conversationDraw}). */
    conversations: AleaState,
    /** Other buyers who reach the consumer at some point. */
    otherBuyers = 0,
  ) {
    if (nextRow === block.length) {
      block = new Float64Array(LEADS_PER_BLOCK * DOUBLES);
      nextRow = 0;
    }
    const d = block, o = nextRow;
    nextRow += DOUBLES;
    this.d = d;
    this.o = o;
    this.id = id;
    this.source = source;
    this.product = product;
    this.ready = ready;
    this.loyalToCompetitor = loyalToCompetitor;
    d[o + LeadRow.engagedAt] = createdAt;
    d[o + LeadRow.firstContactAt] = -1;
    d[o + LeadRow.lastAttemptAt] = -1;
    d[o + LeadRow.recentLoad] = 0;
    d[o + LeadRow.contactability] = contactability;
    d[o + LeadRow.firstAttemptAt] = -1;
    d[o + LeadRow.createdAt] = createdAt;
    d[o + LeadRow.nextPriority] = 0;
    d[o + LeadRow.lastConversationAt] = -1;
    d[o + LeadRow.statusSince] = 0;
    d[o + LeadRow.propensity] = propensity;
    d[o + LeadRow.competitorAt] = competitorAt;
    d[o + LeadRow.interest] = 1;
    d[o + LeadRow.goodwill] = 1;
    d[o + LeadRow.score] = NaN;
    d[o + LeadRow.waitingSince] = 0;
    this.otherBuyers = otherBuyers;
    this.callK0 = toWord(calls.s0);
    this.callK1 = toWord(calls.s1);
    this.callK2 = toWord(calls.s2);
    this.callC = calls.c | 0;
    this.talkK0 = toWord(conversations.s0);
    this.talkK1 = toWord(conversations.s1);
    this.talkK2 = toWord(conversations.s2);
    this.talkC = conversations.c | 0;
  }

  /** When the consumer last engaged: arrival, or coming back from nurture or the marketing drip. */
  get engagedAt(): number {
    return this.d[this.o + LeadRow.engagedAt];
  }
  set engagedAt(t: number) {
    this.d[this.o + LeadRow.engagedAt] = t;
  }
  /** When the consumer was first reached (-1 before). */
  get firstContactAt(): number {
    return this.d[this.o + LeadRow.firstContactAt];
  }
  set firstContactAt(t: number) {
    this.d[this.o + LeadRow.firstContactAt] = t;
  }
  /** Time of the last attempt (-1 before the first) and the recent-call load after it (src/sim/contactFatigue.ts). */
  get lastAttemptAt(): number {
    return this.d[this.o + LeadRow.lastAttemptAt];
  }
  set lastAttemptAt(t: number) {
    this.d[this.o + LeadRow.lastAttemptAt] = t;
  }
  get recentLoad(): number {
    return this.d[this.o + LeadRow.recentLoad];
  }
  set recentLoad(x: number) {
    this.d[this.o + LeadRow.recentLoad] = x;
  }
  /** P(answer) before hour-of-week and age effects. */
  get contactability(): number {
    return this.d[this.o + LeadRow.contactability];
  }
  /** When the first attempt was made (-1 before it). */
  get firstAttemptAt(): number {
    return this.d[this.o + LeadRow.firstAttemptAt];
  }
  set firstAttemptAt(t: number) {
    this.d[this.o + LeadRow.firstAttemptAt] = t;
  }
  get createdAt(): number {
    return this.d[this.o + LeadRow.createdAt];
  }
  /** Priority the callback policy gave the next call (lower is more urgent). */
  get nextPriority(): number {
    return this.d[this.o + LeadRow.nextPriority];
  }
  set nextPriority(x: number) {
    this.d[this.o + LeadRow.nextPriority] = x;
  }
  /** Time of the last conversation since the consumer last engaged (-1 when none). */
  get lastConversationAt(): number {
    return this.d[this.o + LeadRow.lastConversationAt];
  }
  set lastConversationAt(t: number) {
    this.d[this.o + LeadRow.lastConversationAt] = t;
  }
  /** When the status was entered. */
  get statusSince(): number {
    return this.d[this.o + LeadRow.statusSince];
  }
  set statusSince(t: number) {
    this.d[this.o + LeadRow.statusSince] = t;
  }
  /** Conversion multiplier, mean 1 across leads. */
  get propensity(): number {
    return this.d[this.o + LeadRow.propensity];
  }
  /** When a competitor reaches the consumer (Infinity if none does). */
  get competitorAt(): number {
    return this.d[this.o + LeadRow.competitorAt];
  }
  /** Interest left at the first conversation (multiplies the chance to apply); 1 until then. */
  get interest(): number {
    return this.d[this.o + LeadRow.interest];
  }
  set interest(x: number) {
    this.d[this.o + LeadRow.interest] = x;
  }
  /** Goodwill left after the calls before the first answer (multiplies the chance to apply; src/sim/contactFatigue.ts). */
  get goodwill(): number {
    return this.d[this.o + LeadRow.goodwill];
  }
  set goodwill(x: number) {
    this.d[this.o + LeadRow.goodwill] = x;
  }
  /** Score on arrival (NaN without scoring). */
  get score(): number {
    return this.d[this.o + LeadRow.score];
  }
  set score(x: number) {
    this.d[this.o + LeadRow.score] = x;
  }
  /** When the lead joined the queue of unassigned leads. */
  get waitingSince(): number {
    return this.d[this.o + LeadRow.waitingSince];
  }
  set waitingSince(t: number) {
    this.d[this.o + LeadRow.waitingSince] = t;
  }

  /** The next draw of this lead's call-attempt stream: three draws per attempt (answer, callback jitter, do-not-call). */
  callDraw(): number {
    // Alea: t = 2091639 s0 + c 2^-32; the new fraction is t's fractional part and the new carry its integer part.
    const x = 2091639 * (this.callK0 >>> 0) + this.callC;
    const k = x >>> 0;
    this.callC = ((x - k) * TWO_TO_MINUS_32) | 0;
    this.callK0 = this.callK1;
    this.callK1 = this.callK2;
    this.callK2 = k | 0;
    return k * TWO_TO_MINUS_32;
  }

  /**
   * The next draw of this lead's conversation stream: two draws per conversation (talk time, outcome). Kept apart
   * from the attempts so that the k-th conversation has the same luck under any cadence, however many attempts it
   * took to get there (common random numbers for the funnel, not only for contact).
   */
  conversationDraw(): number {
    const x = 2091639 * (this.talkK0 >>> 0) + this.talkC;
    const k = x >>> 0;
    this.talkC = ((x - k) * TWO_TO_MINUS_32) | 0;
    this.talkK0 = this.talkK1;
    this.talkK1 = this.talkK2;
    this.talkK2 = k | 0;
    return k * TWO_TO_MINUS_32;
  }

  /** The call-attempt stream as an Rng (the same draws as {@link callDraw}; a new function each time). */
  get callRng(): Rng {
    return () => this.callDraw();
  }

  /** The conversation stream as an Rng (the same draws as {@link conversationDraw}; a new function each time). */
  get conversationRng(): Rng {
    return () => this.conversationDraw();
  }
}

/** A loan in process: progress toward clear-to-close, the closing date and the rate lock. */
export interface LoanState {
  /** Minutes of touched processing needed, and done so far. */
  needed: number;
  done: number;
  /** Up to when progress and the withdrawal hazard have been accounted for. */
  checkedAt: number;
  prefersMonthEnd: boolean;
  lockExpiresAt: number;
  /** Scheduled closing time (-1 before clear-to-close). */
  closingAt: number;
  /** The loan's own random stream (withdrawal, closing-day outcomes). */
  rng: Rng;
}
