/**
 * One call attempt, as the simulator records it when asked (`recordCalls`) and as `leadlab fit` reads it
 * from a real export. Times are minutes since the start of the run (simulated) or since the Unix epoch
 * (imported), in both cases the difference attemptTime - leadCreated is the lead's age at the attempt.
 */
export interface CallRecord {
  leadId: string;
  /** When the lead was created, in minutes. */
  leadCreated: number;
  /** When the call was placed, in minutes. */
  attemptTime: number;
  outcome: CallOutcome;
  agent?: string;
  source?: string;
  product?: string;
  /** Whether the lead later converted (funded, or the log's own conversion flag). */
  converted?: boolean;
  /** Hour of week of the attempt (Monday 00:00 = 0), when known. */
  hourOfWeek?: number;
}

/** What happened on the call. "contact" means the consumer was reached. */
export type CallOutcome = 'contact' | 'no-answer' | 'voicemail' | 'bad-number' | 'busy';

export const CALL_OUTCOMES: readonly CallOutcome[] = ['contact', 'no-answer', 'voicemail', 'bad-number', 'busy'];
