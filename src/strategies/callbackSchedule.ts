import { DOUBLE_FIELD } from '../sim/stableShapes';
import type { CallbackContext, CallbackDecision, CallbackPolicy, LeadView } from '../sim/policies';

/** The open statuses a callback schedule sets a cadence for. */
export type CadenceStatus = 'attempted' | 'contacted' | 'application' | 'closing';
export const CADENCE_STATUSES: readonly CadenceStatus[] = ['attempted', 'contacted', 'application', 'closing'];

/** How one status is worked (docs/design.md, Callback periods). */
export interface StatusCadence {
  /**
   * Minutes after entering the status for the first follow-up attempts (a burst): the k-th entry is when the
   * (k+1)-th unanswered attempt in the status is due. For "attempted" the lead enters the status when the
   * first call goes unanswered.
   */
  burstMinutes: number[];
  /** After the burst (and after every conversation), hours to the next call, drawn uniformly in [min, max]. */
  intervalHours: [number, number];
  /** Unanswered attempts allowed since entering the status or last reaching the consumer. */
  maxAttempts: number;
  /** Where the lead goes when the attempts are used up. */
  onExhausted: 'nurture' | 'lost';
  /** When several calls are due, lower priority numbers are called first. */
  priority: number;
}

/** Production-cycle modifier: within days of month [fromDay, toDay], intervals of `status` are multiplied. */
export interface CycleModifier {
  status: CadenceStatus;
  fromDay: number;
  toDay: number;
  intervalFactor: number;
}

/** A callback schedule as data: a cadence per status and production-cycle modifiers. */
export interface CallbackSchedule {
  name: string;
  description: string;
  statuses: Record<CadenceStatus, StatusCadence>;
  productionCycle: CycleModifier[];
}

/** Interval factor from the production cycle for a status on a day of month. */
export function cycleFactor(schedule: CallbackSchedule, status: CadenceStatus, dayOfMonth: number): number {
  let f = 1;
  for (const m of schedule.productionCycle) if (m.status === status && dayOfMonth >= m.fromDay && dayOfMonth <= m.toDay) f *= m.intervalFactor;
  return f;
}

/**
 * Minutes after which an unreached lead's calls go behind every other status's calls: a day after the first
 * unanswered call the chance a first call finds the consumer has fallen about sixty-fold (HBR 2011), below that of
 * any follow-up to a reached consumer, so such calls fill the time nothing else is due instead of starving
 * applications and closings (docs/tradeoffs.md, "Prospecting vs pipeline").
 */
export const STALE_UNREACHED_MINUTES = 24 * 60;
/** Added to the priority of a stale unreached lead's calls. */
export const STALE_UNREACHED_PRIORITY = 100;

/**
 * Turns a schedule into the model's callback policy. After each attempt the lead's next call is due either at
 * the next burst offset (counted from entering the status) or one interval from now, with the interval's
 * jitter drawn from the lead's own stream.
 *
 * @example
 * const policy = callbackPolicy(radarSchedule);
 * policy.next(lead, { now, calendar, u: 0.5 }); // { kind: 'call', due, priority }
 */
export function callbackPolicy(schedule: CallbackSchedule): CallbackPolicy {
  // One decision object per policy, filled in place: next() runs after every call, and the caller reads the decision
  // before asking again (CallbackPolicy.next).
  // Its numbers are double fields from the start (src/sim/stableShapes.ts).
  const call = { kind: 'call' as const, due: DOUBLE_FIELD, priority: DOUBLE_FIELD };
  call.due = 0;
  call.priority = 0;
  // The exhausted decisions are made once, with the call decision's fields in the same order (due and priority as
  // doubles, unused), so that all three share one hidden class: the caller's read of `due` after its check of `kind`
  // is then a plain double load, where a literal without `due` made V8 box the due time of every planned call.
  const exhausted = (then: 'nurture' | 'lost'): CallbackDecision => {
    const d = { kind: 'exhausted' as const, due: DOUBLE_FIELD, priority: DOUBLE_FIELD, then };
    d.due = NaN;
    d.priority = NaN;
    return d;
  };
  const exhaustedLost = exhausted('lost'), exhaustedNurture = exhausted('nurture');
  const decide = (due: number, priority: number): CallbackDecision => {
    call.due = due;
    call.priority = priority;
    return call;
  };
  // The cadences and the production cycle's factor by day of month, looked up once per status rather than on every
  // call (a keyed look-up by status name, and a pass over the modifiers).
  const attempted = schedule.statuses.attempted, contacted = schedule.statuses.contacted;
  const application = schedule.statuses.application, closing = schedule.statuses.closing;
  const factorsOf = (status: CadenceStatus) => Array.from({ length: 32 }, (_, day) => cycleFactor(schedule, status, day));
  const factors: Record<CadenceStatus, number[]> = { attempted: factorsOf('attempted'), contacted: factorsOf('contacted'), application: factorsOf('application'), closing: factorsOf('closing') };
  return {
    name: schedule.name,
    next(lead: LeadView, ctx: CallbackContext): CallbackDecision {
      const status: CadenceStatus = lead.status === 'new' ? 'attempted' : (lead.status as CadenceStatus);
      const cadence: StatusCadence | undefined =
        status === 'attempted' ? attempted : status === 'contacted' ? contacted : status === 'application' ? application : status === 'closing' ? closing : undefined;
      if (!cadence) return exhaustedLost;
      const n = lead.attemptsSinceContact;
      if (n >= cadence.maxAttempts) return cadence.onExhausted === 'nurture' ? exhaustedNurture : exhaustedLost;
      const stale = status === 'attempted' && ctx.now - lead.statusSince >= STALE_UNREACHED_MINUTES;
      const priority = stale ? cadence.priority + STALE_UNREACHED_PRIORITY : cadence.priority;
      if (n >= 1 && n <= cadence.burstMinutes.length) {
        return decide(lead.statusSince + cadence.burstMinutes[n - 1], priority);
      }
      const lo = cadence.intervalHours[0], hi = cadence.intervalHours[1];
      const day = ctx.calendar.dayOfMonth(ctx.now);
      const factor = status === 'attempted' ? factors.attempted[day] : status === 'contacted' ? factors.contacted[day] : status === 'application' ? factors.application[day] : factors.closing[day];
      const hours = (lo + (hi - lo) * ctx.u) * factor;
      return decide(ctx.now + hours * 60, priority);
    },
  };
}
