import type { AgeDecay, ContactModel } from './contactModel';
import type { WeeklyShift } from './shift';

/**
 * The resolved, validated inputs of one simulation run. Scenario files (src/scenario) are normalized into
 * this shape at the edge; the model trusts it. Every default number lives with the scenario schema, beside
 * its source.
 */
export interface ModelConfig {
  /** First simulated day, "YYYY-MM-DD" (UTC calendar). */
  startDate: string;
  /** Days during which leads arrive. */
  days: number;
  /** Leads arriving before this day are worked but not measured (pipelines start empty). */
  warmupDays: number;
  /** Days the run goes on after the last arrival so late leads are worked; nothing arrives then. */
  cooldownDays: number;
  arrivals: ArrivalConfig;
  sources: SourceConfig[];
  products: ProductConfig[];
  leadTraits: LeadTraitConfig;
  contact: ContactModel;
  competitor: CompetitorConfig;
  calls: CallConfig;
  funnel: FunnelConfig;
  nurture: NurtureConfig;
  /** Lead scoring and the marketing drip; absent means every lead goes straight to sales. */
  scoring?: ScoringConfig;
  agents: AgentConfig[];
  economics: EconomicsConfig;
  /** What calling costs: fatigue of redialed numbers and do-not-call requests (docs/tradeoffs.md). */
  fatigue: FatigueConfig;
  /** How the spacing of follow-ups to a reached consumer moves the conversation (docs/tradeoffs.md). */
  followUp: FollowUpConfig;
  /** From application to funding: elapsed work, month-end closings and rate locks (docs/tradeoffs.md). */
  loanProcess: LoanProcessConfig;
  /** What happens to leads nobody takes. */
  backlog: BacklogConfig;
}

export interface FatigueConfig {
  /** Hours for the weight of a past attempt in the lead's recent-call load to halve. */
  recoveryHalfLifeHours: number;
  /** Recent attempts that cost nothing (a first-hour burst is what a consumer who just asked expects). */
  freeRecentCalls: number;
  /** Answer probability multiplier per recent attempt beyond the free ones (screening, spam labels). */
  answerFactorPerCall: number;
  /** P(the consumer asks not to be called again) on any answered call. */
  doNotCallPerAnswer: number;
  /** Extra P(do not call) on an answered call per recent attempt beyond the free ones. */
  doNotCallPerCrowdedCall: number;
  /** Attempts since the consumer's last engagement after which persistence itself annoys. */
  persistentAfterAttempts: number;
  /** Extra P(do not call) on an answered call per attempt beyond `persistentAfterAttempts`. */
  doNotCallPerAttemptBeyond: number;
  /** Numbers each agent's calls are spread over (rotation, local presence). */
  numbersPerAgent: number;
  /** Calls a day from one number below which carriers never label it as spam. */
  spamLabelFromCallsPerDay: number;
  /** Calls a day from one number at which every call shows as "spam likely". */
  spamLabelFullCallsPerDay: number;
  /** Answer probability multiplier of a call shown as "spam likely" to a consumer not yet reached. */
  spamLabelAnswerFactor: number;
  /** P(a consumer not yet reached reports a missed crowded call as spam), per recent attempt beyond the free ones. */
  complaintPerCrowdedCall: number;
  /** Recent complaints against one number (each weighing e^(-days since / complaintMemoryDays)) at which every call is labeled. */
  spamLabelFullComplaints: number;
  /** Days over which carriers' analytics remember a number's complaints (the weight of a complaint falls by e per this many days). */
  complaintMemoryDays: number;
}

export interface FollowUpConfig {
  /**
   * Hours a reached consumer needs between conversations to move forward (compare offers, gather documents):
   * the chance to apply at a follow-up is scaled by 1 - exp(-gap / thinkHours).
   */
  thinkHours: number;
  /** A follow-up soon after the last conversation multiplies the chance of a "no" by 1 + annoyance x exp(-gap / annoyanceHours). */
  annoyance: number;
  annoyanceHours: number;
  /** Days for a reached consumer's interest to halve while nobody talks to them. */
  interestHalfLifeDays: number;
  /** Per day and per other buyer who reached the consumer: the hazard that they close a consumer ready and waiting for our follow-up, or for our first call when they reached the consumer before us. */
  competitorClosePerDay: number;
}

export type LoanProcessConfig =
  /** The older model: every stage advances by a chance per conversation (FunnelConfig). */
  | { model: 'per-conversation' }
  | ElapsedLoanProcess;

export interface ElapsedLoanProcess {
  model: 'elapsed';
  /** Days of processing and underwriting from application to clear-to-close, log-normal. */
  processDays: { mean: number; sd: number };
  /** P(a borrower with a loan in process answers, or returns, the loan officer's call), whatever their contactability. */
  borrowerAnswers: number;
  /**
   * The last days of processing are conditions the borrower must act on (documents, the closing disclosure): there
   * progress stalls while the borrower has not been reached for longer than `touchWindowHours`. Before them the
   * lender's own work (underwriting, appraisal) runs on the calendar.
   */
  conditionsDays: number;
  touchWindowHours: number;
  /** Days from clear-to-close to the earliest closing date. */
  closingLeadDays: number;
  /** Share of borrowers who close on the month's last business day (the first one on or after the earliest date). */
  monthEndShare: number;
  /** Days before the closing within which the borrower must have been reached (the closing disclosure), or it slips. */
  disclosureDays: number;
  /** Days of rate-lock buffer beyond the planned closing; locks come in steps of `lockStepDays`. */
  lockStepDays: number;
  /** P(a borrower walks) when the closing comes after the lock expired. */
  walkOnExpiredLock: number;
  /** Hazard per day that a borrower withdraws, for an agent of skill 1 keeping in touch. */
  withdrawPerDay: number;
  /** The hazard is multiplied by this while the borrower has not been reached within `touchWindowHours`. */
  neglectFactor: number;
  /** Extra P(withdraw) for a conversation within `annoyanceHours` of the last one (followUp). */
  withdrawPerCrowdedCall: number;
  /** P(a closing falls through on the day), e.g. appraisal or title. */
  closingFallThrough: number;
}

export interface BacklogConfig {
  /** Hours a lead may wait unassigned before it goes to the marketing drip (nurture); Infinity keeps it. */
  maxWaitHours: number;
  /** Hours after which a lead refused for lack of room while agents are on shift goes to the drip. */
  passedOverHours: number;
}

export type ArrivalConfig =
  /** Non-homogeneous Poisson arrivals: expected leads per hour for each of the 168 hours of the week. */
  | { kind: 'poisson'; leadsPerHourOfWeek: readonly number[] }
  /** Replayed leads (minutes since the start of the run, with source and product indexes). */
  | { kind: 'replay'; leads: ReadonlyArray<{ t: number; source: number; product: number }> };

export interface SourceConfig {
  name: string;
  /** Share of arriving leads from this source. */
  share: number;
  /** Price paid per lead. */
  cost: number;
  /** Weights for how many companies bought the lead: soldTo[k] is the weight of k + 1 buyers (us included). */
  soldTo: readonly number[];
  /** Multiplier on the lead's contactability (exclusive form fills answer more often than resold leads). */
  contactabilityFactor: number;
  /** Multiplier on conversion once contacted. */
  conversionFactor: number;
}

export interface ProductConfig {
  name: string;
  share: number;
  /** Revenue per funded deal of this product. */
  revenuePerFunded: number;
}

export interface LeadTraitConfig {
  /** Share of leads ready to buy now; the rest are immature (docs/design.md, Lead strategy). */
  readyShare: number;
  /** Propensity to convert, a multiplier with mean alpha / (alpha + beta) scaled to mean 1. */
  propensity: { alpha: number; beta: number };
  /** Share of leads whose phone number is wrong: never answered. */
  badNumberShare: number;
}

export interface CompetitorConfig {
  /** Mean minutes until another buyer of the lead reaches the consumer, if it does. */
  meanResponseMinutes: number;
  /** Probability that another buyer ever reaches the consumer. */
  reachProbability: number;
  /** Probability that a consumer already reached by a competitor is lost to it when we reach them. */
  firstContactWins: number;
}

export type DurationConfig =
  | { distribution: 'fixed'; mean: number }
  | { distribution: 'exponential'; mean: number }
  | { distribution: 'lognormal'; mean: number; sd: number };

export interface CallConfig {
  /** Minutes an unanswered attempt takes (ringing, perhaps a voicemail). */
  noAnswerMinutes: number;
  /** Minutes of conversation when the consumer answers. */
  talkMinutes: DurationConfig;
  /** Minutes after each call for notes and scheduling. */
  wrapUpMinutes: number;
}

/** Per-conversation transition probabilities, scaled by the lead's propensity and the agent's skill. */
export interface FunnelConfig {
  /** P(contacted lead applies) in one conversation, for a ready lead of average propensity and skill 1. */
  applicationPerConversation: number;
  /** Immature leads apply at this fraction of the ready rate. */
  immatureApplicationFactor: number;
  /** P(an immature lead reached in conversation is moved to the nurture drip). */
  immatureToNurture: number;
  /** P(a contacted lead says no for good) per conversation. */
  notInterestedPerConversation: number;
  /** P(an application proceeds to a scheduled closing) per conversation. */
  closingPerConversation: number;
  /** P(an application is withdrawn) per conversation. */
  applicationLostPerConversation: number;
  /** P(a closing funds) per conversation. */
  fundedPerConversation: number;
  /** P(a closing falls through) per conversation. */
  closingLostPerConversation: number;
  /** Multiplier on the chance to apply by the lead's age at the first conversation (interest cools). */
  interestByFirstContactAge: AgeDecay;
}

export interface NurtureConfig {
  /** Share of nurtured leads that become ready and return to sales. */
  returnShare: number;
  /** Mean days until a returning lead comes back. */
  meanReturnDays: number;
}

/**
 * A visible lead attribute, drawn per lead from a normal distribution whose mean depends on the hidden
 * readiness, so a score over attributes carries real but imperfect signal.
 */
export interface ScoreAttribute {
  name: string;
  readyMean: number;
  immatureMean: number;
  sd: number;
  /** Weight of the attribute in the score (negative when a lower value is better). */
  weight: number;
}

export interface ScoringConfig {
  attributes: ScoreAttribute[];
  /** Leads scoring at or above this go to sales; below it, to the marketing drip. */
  threshold: number;
  drip: DripConfig;
}

export interface DripConfig {
  /** Days between emails. */
  intervalDays: number;
  /** P(the lead opts out) per email. */
  optOutPerEmail: number;
  /** P(an immature lead becomes ready) per email; it is then handed to sales. */
  maturePerEmail: number;
  /** P(a ready lead answers an email and is handed to sales) per email. */
  responsePerEmail: number;
}

export interface AgentConfig {
  name: string;
  role: 'closer' | 'telemarketer';
  shift: WeeklyShift;
  /** Most open leads the agent may hold. */
  pipelineLimit: number;
  /** Most new leads the agent may receive per day. */
  newLeadsPerDay: number;
  /** Spread the daily new-lead cap over the day's shift time, so the morning does not spend it on leads that waited overnight. */
  paceNewLeads: boolean;
  /** Takes only new leads that waited at most this many minutes (aged-lead routing); Infinity: any. */
  maxLeadWaitMinutes: number;
  /** Most calls the agent places per day. */
  maxCallsPerDay: number;
  /** Conversion multiplier; per-source and per-product multipliers apply on top. */
  skill: number;
  sourceSkill: Readonly<Record<string, number>>;
  productSkill: Readonly<Record<string, number>>;
  /** Sources and products the agent may be given; empty means all. */
  sources: readonly string[];
  products: readonly string[];
  /**
   * Reached open leads (contacted, applications, closings) the agent can keep in touch with (touch every ~48 hours);
   * above it, follow-through falls as (this / reached leads) ^ followThroughElasticity (docs/tradeoffs.md).
   */
  followThroughPipeline: number;
  followThroughElasticity: number;
  /** The agent chases new leads and leaves reached leads' callbacks for last ("chews through new leads"). */
  chasesNewLeads: boolean;
}

export interface EconomicsConfig {
  /** Cost of an agent per hour on shift. */
  agentCostPerHour: number;
  /** Cost per funded loan outside the sales floor (processing, underwriting, closing, overhead). */
  fulfillmentCostPerFunded: number;
}
