import type { CallRecord } from '../sim/callLog';
import { ageDecayFunction, type ContactModel } from '../sim/contactModel';
import { beta as betaVariate, exponential } from '../sim/distributions';
import type { Rng } from '../sim/random';

/** Options of {@link simulateCallLog}. */
export interface SimulateCallLogOptions {
  model: ContactModel;
  leads: number;
  /** Leads are created uniformly over [0, arrivalSpan) minutes; minute 0 is Monday 00:00. */
  arrivalSpan: number;
  /** Target age (minutes) of each attempt; a lead gets at most this many attempts. */
  schedule: readonly number[];
  /** Mean of the exponential delay added to each target age. Default 0. */
  jitter?: number;
  /** When given, an attempt due outside these hours of week waits for the next hour that is in. */
  callHours?: (hourOfWeek: number) => boolean;
  /** Probability that a lead converts, given its contactability, the attempt of first contact (0 = never) and the first attempt's delay. */
  conversion?: (p: number, contactAttempt: number, firstDelay: number) => number;
}

/**
 * A small stand-in for the simulator's `recordCalls`: draws a call log from a contact model, with a
 * fixed callback schedule, stopping at the first contact. Each lead's contactability is drawn from
 * Beta(alpha, beta); each attempt is answered with probability
 * min(1, p x hourOfWeek[h] x ageDecay(age)). Used for parameter-recovery tests and sample data.
 */
export function simulateCallLog(rng: Rng, options: SimulateCallLogOptions): CallRecord[] {
  const { model, schedule } = options;
  const decay = ageDecayFunction(model.ageDecay);
  const out: CallRecord[] = [];
  for (let i = 0; i < options.leads; i++) {
    const created = rng() * options.arrivalSpan;
    const p = betaVariate(rng, model.contactability.alpha, model.contactability.beta);
    const records: CallRecord[] = [];
    let t = created, contactAttempt = 0;
    for (let k = 0; k < schedule.length; k++) {
      t = Math.max(t, created + schedule[k] + (options.jitter ? exponential(rng, options.jitter) : 0));
      if (options.callHours) {
        for (let guard = 0; guard < 168 && !options.callHours(Math.floor(t / 60) % 168); guard++) t = (Math.floor(t / 60) + 1) * 60;
      }
      const hourOfWeek = Math.floor(t / 60) % 168;
      const q = Math.min(1, p * model.hourOfWeek[hourOfWeek] * decay(t - created));
      const contact = rng() < q;
      records.push({ leadId: `L${i}`, leadCreated: created, attemptTime: t, outcome: contact ? 'contact' : rng() < 0.3 ? 'voicemail' : 'no-answer', hourOfWeek });
      if (contact) {
        contactAttempt = k + 1;
        break;
      }
      t += 1;
    }
    if (options.conversion) {
      const converted = rng() < options.conversion(p, contactAttempt, records[0].attemptTime - created);
      for (const r of records) r.converted = converted;
    }
    out.push(...records);
  }
  return out;
}
