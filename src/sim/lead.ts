import type { Rng } from './random';

/** Where a lead stands. Open statuses are worked from an agent's pipeline. */
export type LeadStatus = 'new' | 'attempted' | 'contacted' | 'application' | 'closing' | 'funded' | 'lost' | 'nurture';

export const LEAD_STATUSES: readonly LeadStatus[] = ['new', 'attempted', 'contacted', 'application', 'closing', 'funded', 'lost', 'nurture'];

export type LostReason = 'competitor' | 'not-interested' | 'exhausted' | 'dropped' | 'withdrawn' | 'declined' | 'opted-out' | 'do-not-call' | 'lock-expired';

/** True for statuses that sit in an agent's pipeline. */
export function isOpen(status: LeadStatus): boolean {
  return status === 'new' || status === 'attempted' || status === 'contacted' || status === 'application' || status === 'closing';
}

/**
 * One lead and its hidden traits. The traits are drawn from the lead's own random stream when it is
 * created, and each call uses a fixed block of draws from its own call stream, so two policies run on one
 * seed see the same lead with the same luck on its k-th call (common random numbers).
 */
export class Lead {
  status: LeadStatus = 'new';
  /** Index of the owning agent, or -1 while unassigned. */
  agent = -1;
  attempts = 0;
  /** Unanswered attempts since the lead entered its status or was last reached. */
  attemptsSinceContact = 0;
  /** Conversations since the last status change. */
  conversationsInStatus = 0;
  firstAttemptAt = -1;
  firstContactAt = -1;
  /** Attempt number (1-based) of the first contact, or 0. */
  firstContactAttempt = 0;
  /** When the consumer last engaged: arrival, or coming back from nurture or the marketing drip. */
  engagedAt: number;
  /** Attempts made before that engagement. */
  attemptsAtEngagement = 0;
  /** Interest left at the first conversation (multiplies the chance to apply); 1 until then. */
  interest = 1;
  /** Goodwill left after the calls before the first answer (multiplies the chance to apply; src/sim/contactFatigue.ts). */
  goodwill = 1;
  /** When the status was entered. */
  statusSince = 0;
  /** When the next callback is due (Infinity when none). */
  nextDue = Infinity;
  /** Priority the callback policy gave the next call (lower is more urgent). */
  nextPriority = 0;
  /** Bumped when a scheduled callback is superseded; stale queue entries carry the old version. */
  version = 0;
  reachedApplication = false;
  /** Bit set of the statuses the lead has ever had (bit i = LEAD_STATUSES[i]). */
  reached = 1;
  lostReason: LostReason | undefined = undefined;
  /** Times the lead has come back from nurture. */
  returns = 0;
  /** Which owner the score gave the lead on arrival (always 'sales' without scoring). */
  routedTo: 'sales' | 'marketing' = 'sales';
  /** Score on arrival (NaN without scoring). */
  score = NaN;
  /** True once the marketing drip has handed the lead to sales. */
  fromMarketing = false;
  /** True when the lead arrived inside the measured window. */
  counted = false;
  /** Time of the last attempt (-1 before the first) and the recent-call load after it (src/sim/contactFatigue.ts). */
  lastAttemptAt = -1;
  recentLoad = 0;
  /** Time of the last conversation since the consumer last engaged (-1 when none). */
  lastConversationAt = -1;
  /** Other buyers of the lead who reach the consumer at some point (competitors in the follow-up race). */
  otherBuyers = 0;
  /** When the lead joined the queue of unassigned leads. */
  waitingSince = 0;
  /** The loan after an application (src/sim/loanProcess.ts); undefined before one. */
  loan: LoanState | undefined = undefined;

  constructor(
    readonly id: number,
    readonly createdAt: number,
    readonly source: number,
    readonly product: number,
    /** P(answer) before hour-of-week and age effects. */
    public contactability: number,
    public ready: boolean,
    /** Conversion multiplier, mean 1 across leads. */
    readonly propensity: number,
    /** When a competitor reaches the consumer (Infinity if none does). */
    readonly competitorAt: number,
    /** Whether the consumer, once reached by a competitor first, goes with them. */
    readonly loyalToCompetitor: boolean,
    /** Random stream for this lead's call attempts: three draws per attempt (answer, callback jitter, do-not-call). */
    readonly callRng: Rng,
    /**
     * Random stream for this lead's conversations: two draws per conversation (talk time, outcome). Kept apart
     * from the attempts so that the k-th conversation has the same luck under any cadence, however many
     * attempts it took to get there (common random numbers for the funnel, not only for contact).
     */
    readonly conversationRng: Rng,
  ) {
    this.engagedAt = createdAt;
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
