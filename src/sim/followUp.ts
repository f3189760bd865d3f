import type { FollowUpConfig } from './modelConfig';

/*
 * Follow-up spacing for a consumer already reached (docs/tradeoffs.md). A follow-up too soon finds nothing new
 * to say (the consumer has not compared offers or gathered documents yet) and annoys; one too late finds the
 * interest cooled and, for a lead sold to other buyers, the consumer perhaps closed by one of them. So each
 * status has a best interval, which shortens with more competitors and lengthens with more annoyance.
 */

export interface FollowUpEffect {
  /** Multiplier on the chance to move forward (apply). */
  progress: number;
  /** Multiplier on the chance of a "no". */
  annoyance: number;
  /** P(a competitor closed the consumer since the last conversation). */
  lostToCompetitor: number;
}

const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 1440;

/** The effect of a follow-up conversation `gapMinutes` after the last one, for a consumer other buyers reached `otherBuyers` times. */
export function followUpEffect(config: FollowUpConfig, gapMinutes: number, otherBuyers: number): FollowUpEffect {
  const gapHours = gapMinutes / MINUTES_PER_HOUR;
  const ready = config.thinkHours > 0 ? 1 - Math.exp(-gapHours / config.thinkHours) : 1;
  const cooled = Math.pow(2, -gapMinutes / MINUTES_PER_DAY / config.interestHalfLifeDays);
  const annoyance = 1 + config.annoyance * Math.exp(-gapHours / config.annoyanceHours);
  const lostToCompetitor = 1 - Math.exp(-config.competitorClosePerDay * otherBuyers * (gapMinutes / MINUTES_PER_DAY));
  return { progress: ready * cooled, annoyance, lostToCompetitor };
}
