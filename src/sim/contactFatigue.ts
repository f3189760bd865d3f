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

/*
 * What calling volume costs the whole floor: each agent dials from numbers of its own (fatigue.numbersPerAgent, its
 * calls spread evenly over them), and carriers label a number
 * "spam likely" by how many calls it makes (FIELD: thresholds unpublished, 75-100 calls per number a day in dialer
 * folklore; a labeled call is answered at 0.38 the rate, Hiya 2019). The cost falls on every lead that agent calls,
 * so a cadence that has agents dial all day loses answers on all of them: more calls stop paying before agents run
 * out of time.
 */

/** Minutes in a day: a number's recent calls weigh e^(-minutes since / a day), so a steady r calls a day weigh r. */
const MINUTES_PER_DAY = 1440;

/** A number's recent call volume in calls a day just before a call at `now`, given its volume after the call at `lastAt` (-1: none). */
export function numberVolumeAt(volume: number, lastAt: number, now: number): number {
  if (lastAt < 0 || volume === 0) return 0;
  return volume * Math.exp((lastAt - now) / MINUTES_PER_DAY);
}

/*
 * Carriers label numbers by complaints as well as by volume (AAPOR task force on spam flagging). A consumer not yet
 * reached who sees a crowd of missed calls from one number reports it or blocks it, and carriers' analytics remember
 * the number for days: so redialing one lead close together costs answers on every lead the agent calls, for days
 * after the burst. A burst within the free allowance (the radar's first hour) draws no complaint; sustained crowding
 * (a dialer redialing every 15 minutes all afternoon) labels the floor's numbers.
 */

/** The rate per minute at which a complaint's weight fades, 1 / (complaintMemoryDays in minutes): computed once per run. */
export function complaintDecayPerMinute(config: FatigueConfig): number {
  return 1 / (config.complaintMemoryDays * MINUTES_PER_DAY);
}

/** An agent's recent complaints just before `now`, given its complaints after the last one at `lastAt` (-1: none). */
export function complaintsAt(complaints: number, lastAt: number, now: number, decayPerMinute: number): number {
  if (lastAt < 0 || complaints === 0) return 0;
  return complaints * Math.exp((lastAt - now) * decayPerMinute);
}

/** P(a missed call to a consumer not yet reached is reported as spam), from the lead's recent-call load before it. */
export function complaintChance(config: FatigueConfig, load: number): number {
  const crowded = load - config.freeRecentCalls;
  return crowded > 0 ? Math.min(0.9, config.complaintPerCrowdedCall * crowded) : 0;
}

/**
 * Multiplier on the answer probability of a consumer not yet reached, for a call by an agent with this recent volume
 * (calls a day) and these recent complaints, both spread over its numbersPerAgent numbers:
 * the share of its calls shown as "spam likely" by volume grows from 0 at spamLabelFromCallsPerDay to 1 at
 * spamLabelFullCallsPerDay; by complaints, from 0 to 1 at spamLabelFullComplaints; a call escapes the label only if
 * it escapes both; a labeled call is answered at spamLabelAnswerFactor the rate.
 */
export function spamLabelMultiplier(config: FatigueConfig, agentCallsPerDay: number, agentComplaints = 0): number {
  const byVolume = volumeLabeledShare(config, agentCallsPerDay);
  // Without complaints the share is the volume's alone, bit for bit. (startCall composes the same three pieces itself,
  // calling withComplaintLabels only once an agent has drawn complaints: its inlining budget, issue 16.)
  return labelMultiplier(config, agentComplaints > 0 ? withComplaintLabels(config, byVolume, agentComplaints) : byVolume);
}

/** The share of an agent's calls labeled for their volume alone. */
export function volumeLabeledShare(config: FatigueConfig, agentCallsPerDay: number): number {
  const callsPerDay = agentCallsPerDay / config.numbersPerAgent;
  const from = config.spamLabelFromCallsPerDay, full = config.spamLabelFullCallsPerDay;
  return !(callsPerDay > from) ? 0 : full > from ? Math.min(1, (callsPerDay - from) / (full - from)) : 1;
}

/** The labeled share once complaints (more than 0) add their own label: a call escapes only if it escapes both. */
export function withComplaintLabels(config: FatigueConfig, byVolume: number, agentComplaints: number): number {
  const byComplaints = Math.min(1, agentComplaints / config.numbersPerAgent / config.spamLabelFullComplaints);
  return byVolume + byComplaints - byVolume * byComplaints;
}

/** The answer multiplier of a call of which this share is labeled. */
export function labelMultiplier(config: FatigueConfig, labeled: number): number {
  return labeled === 0 ? 1 : 1 - labeled * (1 - config.spamLabelAnswerFactor);
}
