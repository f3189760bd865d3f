import { CALL_OUTCOMES, type CallOutcome } from '../sim/callLog';

/**
 * Words that lead management systems write for each outcome, normalized like headers (lower case, letters
 * and digits only). Dispositions that mean the consumer was reached count as "contact", even when the talk
 * went nowhere ("not interested"): contact is about reaching the person.
 */
const OUTCOME_WORDS: Readonly<Record<CallOutcome, readonly string[]>> = {
  contact: [
    'contact', 'contacted', 'answered', 'answer', 'connected', 'connect', 'reached', 'talked', 'spoke', 'spoketo', 'spokewith',
    'conversation', 'livecontact', 'humananswered', 'success', 'successful', 'notinterested', 'callbackrequested',
    'appointmentset', 'appointment', 'application', 'applied', 'sale', 'sold', 'interested', 'contactmade', 'rightpartycontact', 'rpc',
  ],
  'no-answer': ['noanswer', 'na', 'noans', 'unanswered', 'notanswered', 'ringnoanswer', 'rna', 'noresponse', 'noreply', 'missed', 'hungup', 'hangup', 'dropped', 'abandoned', 'notreached', 'nocontact', 'attempted'],
  voicemail: ['voicemail', 'vm', 'leftvoicemail', 'leftvm', 'lvm', 'leftmessage', 'message', 'messageleft', 'answeringmachine', 'machine', 'am'],
  'bad-number': ['badnumber', 'wrongnumber', 'invalidnumber', 'invalid', 'disconnected', 'notinservice', 'numbernotinservice', 'baddata', 'fax', 'wrong'],
  busy: ['busy', 'linebusy', 'busysignal', 'engaged'],
};

const LOOKUP: ReadonlyMap<string, CallOutcome> = new Map(
  (Object.entries(OUTCOME_WORDS) as [CallOutcome, readonly string[]][]).flatMap(([o, words]) => words.map((w) => [w, o] as const)),
);

/**
 * Parses `--outcome` entries "value=outcome" ("Spoke to borrower=contact") into a lookup keyed like
 * {@link normalizeOutcome} keys its input. Throws a RangeError naming the bad entry.
 */
export function parseOutcomeMap(entries: readonly string[]): Map<string, CallOutcome> {
  const out = new Map<string, CallOutcome>();
  for (const entry of entries) {
    const eq = entry.lastIndexOf('=');
    const value = entry.slice(0, Math.max(0, eq)).trim();
    const outcome = entry.slice(eq + 1).trim() as CallOutcome;
    if (eq <= 0 || !value || !CALL_OUTCOMES.includes(outcome)) {
      throw new RangeError(`--outcome: expected "value=outcome" with outcome one of ${CALL_OUTCOMES.join(', ')}, got "${entry}"`);
    }
    out.set(outcomeKey(value), outcome);
  }
  return out;
}

function outcomeKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The outcome a disposition text stands for, or undefined when it is not recognized. Explicit entries
 * (from `--outcome`) win over the built-in words.
 *
 * @example
 * normalizeOutcome('No Answer') // "no-answer"
 * normalizeOutcome('Left VM') // "voicemail"
 */
export function normalizeOutcome(text: string, extra?: ReadonlyMap<string, CallOutcome>): CallOutcome | undefined {
  const key = outcomeKey(text);
  return extra?.get(key) ?? LOOKUP.get(key);
}

/**
 * True when the text, in lower case and with its punctuation as written, is an outcome word or an `--outcome`
 * entry: "NA" is "no answer" in a disposition column, where "N/A" or "null" mean the value is missing.
 */
export function isOutcomeWord(text: string, extra?: ReadonlyMap<string, CallOutcome>): boolean {
  const lower = text.trim().toLowerCase();
  return LOOKUP.has(lower) || (extra?.has(outcomeKey(text)) ?? false);
}
