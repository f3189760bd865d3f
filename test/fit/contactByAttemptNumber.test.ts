import { describe, expect, it } from 'vitest';
import { contactByAttemptNumber } from '../../src/fit/contactByAttemptNumber';
import { leadHistories } from '../../src/fit/leadHistories';
import { callLogTableFromRecords } from '../../src/io/callLogTable';
import type { CallRecord } from '../../src/sim/callLog';

const call = (leadId: string, attemptTime: number, outcome: CallRecord['outcome']): CallRecord => ({ leadId, leadCreated: 0, attemptTime, outcome });

describe('contact by attempt number', () => {
  it('counts, for each attempt, the leads called that time without being reached before, and those reached on it', () => {
    const log = [
      call('A', 1, 'no-answer'), call('A', 60, 'voicemail'), call('A', 120, 'contact'), call('A', 200, 'contact'),
      call('B', 5, 'contact'), call('B', 90, 'no-answer'),
      call('C', 2, 'no-answer'), call('C', 70, 'busy'),
    ];
    const rows = contactByAttemptNumber(leadHistories(callLogTableFromRecords(log)));
    // Attempt 1: A, B, C called, B reached. Attempt 2: A and C (B was reached), none reached. Attempt 3: A, reached.
    expect(rows.map((r) => [r.attempt, r.atRisk, r.reached])).toEqual([[1, 3, 1], [2, 2, 0], [3, 1, 1]]);
    expect(rows[0].rate).toBeCloseTo(1 / 3, 12);
    expect(rows[0].lower).toBeLessThan(1 / 3);
    expect(rows[0].upper).toBeGreaterThan(1 / 3);
  });
});
