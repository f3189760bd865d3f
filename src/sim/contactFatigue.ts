import type { FatigueConfig } from './modelConfig';

/*
 * What calling costs (docs/tradeoffs.md, "Persistence vs annoyance"). Each lead carries a recent-call load: the
 * number of its past attempts, each weighted by 2^(-age / half-life), so a burst of calls weighs on the next
 * one and the weight fades with rest. Attempts beyond a free allowance lower the chance the next call is
 * answered (call screening; carriers label numbers that redial as spam) and raise the chance that a consumer who
 * does answer asks not to be called again.
 */

/** The recent-call load just before an attempt at `now`, given the load and time of the previous attempt. */
export function recentLoadAt(load: number, lastAttemptAt: number, now: number, halfLifeMinutes: number): number {
  if (load === 0 || lastAttemptAt < 0) return 0;
  return load * Math.pow(2, -(now - lastAttemptAt) / halfLifeMinutes);
}

/** Multiplier on the answer probability for a lead with this recent-call load. */
export function fatigueMultiplier(config: FatigueConfig, load: number): number {
  const excess = load - config.freeRecentCalls;
  return excess > 0 ? Math.pow(config.answerFactorPerCall, excess) : 1;
}

/**
 * P(an answering consumer asks not to be called again), from the crowding of recent calls and the persistence of
 * the attempts since the consumer last engaged.
 */
export function doNotCallChance(config: FatigueConfig, load: number, attemptsSinceEngaged: number): number {
  const crowded = Math.max(0, load - config.freeRecentCalls);
  const persistent = Math.max(0, attemptsSinceEngaged - config.persistentAfterAttempts);
  return Math.min(0.9, config.doNotCallPerAnswer + config.doNotCallPerCrowdedCall * crowded + config.doNotCallPerAttemptBeyond * persistent);
}
