import type { FollowUpConfig } from './modelConfig';

/*
 * Follow-up spacing for a consumer already reached (docs/tradeoffs.md). A follow-up too soon finds nothing new
 * to say (the consumer has not compared offers or gathered documents yet) and annoys; one too late finds the
 * interest cooled and, for a lead sold to other buyers, the consumer perhaps closed by one of them. So each
 * status has a best interval, which shortens with more competitors and lengthens with more annoyance.
 *
 * The consumer's decision clock: after a conversation the consumer needs an exponential think time (mean
 * `thinkHours`) before being ready to move. A consumer who becomes ready before our follow-up waits for it, and
 * meanwhile each other buyer who reached them may close them (a hazard per day and buyer). So competitors take
 * only consumers who were ready and kept waiting: the loss grows with the square of a short gap and about
 * linearly with a long one, and more competitors make waiting costlier, which moves the best gap shorter.
 *
 * The same clock runs before our first conversation with a consumer another buyer reached first and who did not go
 * with them on the spot: from the competitor's conversation on, the consumer thinks, becomes ready, and waits for
 * us while the competitors may close them (`closedByCompetitors`). So the later we reach such a consumer, the more
 * of them are gone, which is what makes a fast search for unreached leads pay more where competitors are many.
 */

export interface FollowUpEffect {
  /** Multiplier on the chance to move forward (apply), given the consumer was not lost to a competitor. */
  progress: number;
  /** Multiplier on the chance of a "no". */
  annoyance: number;
  /** P(a competitor closed the consumer since the last conversation). */
  lostToCompetitor: number;
}

const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 1440;

/**
 * P(ready by the follow-up and not closed by a competitor meanwhile) for think time T ~ Exp(mean `think`) and a
 * competitor hazard `rate`, both per minute: the integral over t < gap of e^(-t/think)/think x e^(-rate (gap - t)).
 */
export function readyAndWaiting(think: number, rate: number, gap: number): number {
  if (think <= 0) return Math.exp(-rate * gap);
  const a = rate * think;
  // a = 1 is the removable singularity of the closed form (e^(-rate g) - e^(-g/think)) / (1 - rate think).
  if (Math.abs(1 - a) < 1e-6) return (gap / think) * Math.exp(-gap / think);
  return (Math.exp(-rate * gap) - Math.exp(-gap / think)) / (1 - a);
}

/**
 * P(other buyers closed the consumer within `gapMinutes` of a conversation): ready in that time, but not still
 * waiting. `otherBuyers` buyers who reached the consumer each close a waiting consumer at
 * `competitorClosePerDay`.
 */
export function closedByCompetitors(config: FollowUpConfig, gapMinutes: number, otherBuyers: number): number {
  const think = config.thinkHours * MINUTES_PER_HOUR;
  return Math.max(0, readyWithin(think, gapMinutes) - waitingFor(config, think, gapMinutes, otherBuyers));
}

/** P(a consumer with mean think time `think` minutes is ready to move within `gap` minutes). */
function readyWithin(think: number, gap: number): number {
  return think > 0 ? 1 - Math.exp(-gap / think) : 1;
}

/** P(ready within `gap` and still waiting for us), with `otherBuyers` competitors closing waiting consumers. */
function waitingFor(config: FollowUpConfig, think: number, gap: number, otherBuyers: number): number {
  return readyAndWaiting(think, (config.competitorClosePerDay * otherBuyers) / MINUTES_PER_DAY, gap);
}

/** The effect of a follow-up conversation `gapMinutes` after the last one, for a consumer other buyers reached `otherBuyers` times. */
export function followUpEffect(config: FollowUpConfig, gapMinutes: number, otherBuyers: number): FollowUpEffect {
  const gapHours = gapMinutes / MINUTES_PER_HOUR;
  const think = config.thinkHours * MINUTES_PER_HOUR;
  const waiting = waitingFor(config, think, gapMinutes, otherBuyers);
  const lostToCompetitor = Math.max(0, readyWithin(think, gapMinutes) - waiting);
  // 2^(-days / half-life), as e^(-days ln 2 / half-life): Math.exp costs several times less than Math.pow.
  const cooled = Math.exp((-Math.LN2 * gapMinutes) / (MINUTES_PER_DAY * config.interestHalfLifeDays));
  const annoyance = 1 + config.annoyance * Math.exp(-gapHours / config.annoyanceHours);
  // Given the consumer is still ours, the chance they are ready to move.
  const progress = lostToCompetitor < 1 ? (waiting / (1 - lostToCompetitor)) * cooled : 0;
  return { progress, annoyance, lostToCompetitor };
}
