import { Calendar, MINUTES_PER_DAY, MINUTES_PER_HOUR } from '../sim/calendar';
import { ageDecayFunction } from '../sim/contactModel';
import { createLead, drawLeadMix } from '../sim/leadStream';
import type { ModelConfig } from '../sim/modelConfig';
import type { CallbackPolicy, LeadView } from '../sim/policies';
import { stream } from '../sim/random';

/** One arm of a speed-to-lead experiment: the first call is placed this many minutes after the lead arrives. */
export interface DelayArm {
  /** First-call delay drawn uniformly in [fromMinutes, toMinutes). */
  fromMinutes: number;
  toMinutes: number;
}

export interface FirstCallOptions {
  seed: string;
  leads: number;
  /** Follow-up attempts by this cadence after an unanswered first call; without it, one call per lead. */
  callbacks?: CallbackPolicy;
  /** Lead arrival times are drawn over these hours of the day, [from, to) (default 9-17)... */
  arrivalHours?: readonly [number, number];
  /** ...on these days (0 = Monday; default Monday to Friday). */
  arrivalDays?: readonly number[];
}

/** Shares of the arm's leads: reached on the first call, reached at all, and qualified. */
export interface FirstCallOutcome {
  firstCallContact: number;
  contact: number;
  /** Reached while still winnable: the consumer was not already taken by a competitor (docs/assumptions.md). */
  qualified: number;
}

/**
 * The controlled experiment of the speed-to-lead studies, run on the model's own leads and answer formula:
 * every lead of the arm gets its first call after a fixed delay, then (optionally) the cadence's follow-ups,
 * with an agent always free. Leads are drawn by `createLead` (hidden traits, competitors), each call is answered
 * with P = contactability x hourOfWeek x ageDecay(age) as in the workflow, and a lead counts as qualified when
 * it is reached before a competitor it is loyal to has reached it, the workflow's rule for losing a lead to a
 * competitor.
 */
export function firstCallExperiment(config: ModelConfig, arm: DelayArm, options: FirstCallOptions): FirstCallOutcome {
  const calendar = new Calendar(config.startDate);
  const decay = ageDecayFunction(config.contact.ageDecay);
  const hours = config.contact.hourOfWeek;
  const rng = stream(options.seed, 'calibration-arrivals');
  const [fromHour, toHour] = options.arrivalHours ?? [9, 17];
  const days = options.arrivalDays ?? [0, 1, 2, 3, 4];
  // Weekday draws count from the first Monday of the calendar.
  let monday = 0;
  while (calendar.hourOfWeek(monday) !== 0) monday += MINUTES_PER_DAY;
  let firstContacts = 0, contacts = 0, qualified = 0;
  for (let id = 0; id < options.leads; id++) {
    const day = days[Math.floor(rng() * days.length)];
    const createdAt = monday + day * MINUTES_PER_DAY + (fromHour + rng() * (toHour - fromHour)) * MINUTES_PER_HOUR;
    const delay = arm.fromMinutes + rng() * (arm.toMinutes - arm.fromMinutes);
    const { source, product } = drawLeadMix(config, rng);
    const lead = createLead(config, options.seed, id, createdAt, source, product);
    let t = createdAt + delay;
    let statusSince = t;
    for (let attempt = 1; ; attempt++) {
      // The workflow's block of two draws per attempt: answer, callback jitter.
      const uAnswer = lead.callDraw();
      const uJitter = lead.callDraw();
      if (uAnswer < lead.contactability * hours[calendar.hourOfWeek(t)] * decay(t - createdAt)) {
        if (attempt === 1) firstContacts++;
        contacts++;
        if (!(lead.loyalToCompetitor && lead.competitorAt < t)) qualified++;
        break;
      }
      if (!options.callbacks) break;
      // As in the workflow, the lead turns "attempted" and asks for its next call when the first call ends.
      const callEnd = t + config.calls.noAnswerMinutes + config.calls.wrapUpMinutes;
      if (attempt === 1) statusSince = callEnd;
      const decision = options.callbacks.next(attemptedView(lead.id, createdAt, attempt, statusSince), { now: callEnd, calendar, u: uJitter });
      if (decision.kind !== 'call') break;
      t = Math.max(decision.due, t + 1);
    }
  }
  return { firstCallContact: firstContacts / options.leads, contact: contacts / options.leads, qualified: qualified / options.leads };
}

/** What the callback policy sees of a lead that has not been reached yet. */
function attemptedView(id: number, createdAt: number, attempts: number, statusSince: number): LeadView {
  return {
    id,
    createdAt,
    source: '',
    product: '',
    status: 'attempted',
    attempts,
    attemptsSinceContact: attempts,
    conversationsInStatus: 0,
    statusSince,
    firstContactAt: -1,
    everContacted: false,
    waitingSince: createdAt,
  };
}
