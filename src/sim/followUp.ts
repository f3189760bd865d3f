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

/** The effect of a follow-up conversation `gapMinutes` after the last one, for a consumer other buyers reached `otherBuyers` times. */
export function followUpEffect(config: FollowUpConfig, gapMinutes: number, otherBuyers: number): FollowUpEffect {
  const gapHours = gapMinutes / MINUTES_PER_HOUR;
  const think = config.thinkHours * MINUTES_PER_HOUR;
  const ready = think > 0 ? 1 - Math.exp(-gapMinutes / think) : 1;
  const waiting = readyAndWaiting(think, (config.competitorClosePerDay * otherBuyers) / MINUTES_PER_DAY, gapMinutes);
  const lostToCompetitor = Math.max(0, ready - waiting);
  // 2^(-days / half-life), as e^(-days ln 2 / half-life): Math.exp costs several times less than Math.pow.
  const cooled = Math.exp((-Math.LN2 * gapMinutes) / (MINUTES_PER_DAY * config.interestHalfLifeDays));
  const annoyance = 1 + config.annoyance * Math.exp(-gapHours / config.annoyanceHours);
  // Given the consumer is still ours, the chance they are ready to move.
  const progress = lostToCompetitor < 1 ? (waiting / (1 - lostToCompetitor)) * cooled : 0;
  return { progress, annoyance, lostToCompetitor };
}
