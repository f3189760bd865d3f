import { describe, expect, it } from 'vitest';
import { contactByAttemptNumber } from '../../src/fit/contactByAttemptNumber';
import { leadHistories } from '../../src/fit/leadHistories';
import { callLogTableFromRecords } from '../../src/io/callLogTable';
import { loadScenario } from '../../src/scenario/load';
import type { CallRecord } from '../../src/sim/callLog';
import { runReplication } from '../../src/sim/runner';
import { PRESET_COMPARISONS } from '../../src/ui/presets';

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

describe('contact by attempt number on simulated call logs', () => {
  // The table stopped at attempt 12 while the radar cadence makes 14 attempts: leads first reached on a 13th or 14th
  // call were in no row. Counted here from the call records themselves, not from the lead histories.
  it('has a row for every attempt that reached a lead, and its rows add up to the leads reached and the leads called', () => {
    for (const [preset, days] of [[PRESET_COMPARISONS[0].scenarios[0], 40], [PRESET_COMPARISONS[0].scenarios[1], 30]] as const) {
      const { config, policies } = loadScenario({ ...preset, days, warmupDays: 0, cooldownDays: 20 });
      const { calls = [] } = runReplication(config, policies, 0, { seed: 4, recordCalls: true });
      const rows = contactByAttemptNumber(leadHistories(callLogTableFromRecords(calls)));
      // Each lead's attempt number of its first contact, from the records in time order.
      const byLead = new Map<string, CallRecord[]>();
      for (const c of calls) byLead.set(c.leadId, [...(byLead.get(c.leadId) ?? []), c]);
      const firstContact = [...byLead.values()].map((cs) => cs.sort((a, b) => a.attemptTime - b.attemptTime).findIndex((c) => c.outcome === 'contact') + 1);
      const reached = firstContact.filter((k) => k > 0);
      expect(rows.reduce((a, r) => a + r.reached, 0)).toBe(reached.length);
      expect(rows[0].atRisk).toBe(byLead.size);
      // Every attempt number up to the latest first contact has its row, in order.
      expect(rows.map((r) => r.attempt)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
      expect(rows.length).toBeGreaterThanOrEqual(Math.max(...reached));
      for (const r of rows) expect(r.reached).toBe(reached.filter((k) => k === r.attempt).length);
    }
  });

  it('reaches past attempt 12 with the radar cadence', () => {
    const { config, policies } = loadScenario({ ...PRESET_COMPARISONS[0].scenarios[0], days: 40, warmupDays: 0, cooldownDays: 20 });
    const { calls = [] } = runReplication(config, policies, 0, { seed: 4, recordCalls: true });
    expect(contactByAttemptNumber(leadHistories(callLogTableFromRecords(calls))).length).toBeGreaterThan(12);
  });
});
