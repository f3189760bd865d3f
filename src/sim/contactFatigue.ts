import type { FatigueConfig } from './modelConfig';

/*
 * What calling costs (docs/tradeoffs.md, "Persistence vs annoyance"). Each lead carries a recent-call load: the
 * number of its past attempts, each weighted by 2^(-age / half-life), so a burst of calls weighs on the next
 * one and the weight fades with rest. Attempts beyond a free allowance lower the chance the next call is
 * answered (call screening; carriers label numbers that redial as spam) and raise the chance that a consumer who
 * does answer asks not to be called again.
 */

/**
 * The rate per minute at which a past attempt's weight fades, ln 2 / half-life, so that e^(-rate t) = 2^(-t / half-life):
 * computed once per run, as Math.exp costs several times less than Math.pow, and the load is updated on every call.
 */
export function loadDecayPerMinute(config: FatigueConfig): number {
  return Math.LN2 / (config.recoveryHalfLifeHours * 60);
}

/** The recent-call load just before an attempt at `now`, given the load and time of the previous attempt. */
export function recentLoadAt(load: number, lastAttemptAt: number, now: number, decayPerMinute: number): number {
  if (load === 0 || lastAttemptAt < 0) return 0;
  return load * Math.exp((lastAttemptAt - now) * decayPerMinute);
}

/**
 * Multiplier on the answer probability for a lead with this recent-call load: answerFactorPerCall ^ excess, computed
 * as e^(excess ln factor). A caller on every call passes the logarithm, computed once per run.
 */
export function fatigueMultiplier(config: FatigueConfig, load: number, lnAnswerFactor = Math.log(config.answerFactorPerCall)): number {
  const excess = load - config.freeRecentCalls;
  return excess > 0 ? Math.exp(excess * lnAnswerFactor) : 1;
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
