import { describe, expect, it } from 'vitest';
import type { AgentView, LeadView } from '../../src/sim/policies';
import { pipelineRules } from '../../src/strategies/pipelineRules';

const rules = pipelineRules({ nurtureAfterConversations: 4, dropAfterDays: 60, pruneAtLimitAfterConversations: 2, pruneAtLimitAfterAttempts: 6 });
const agent = (pipelineSize: number): AgentView =>
  ({ index: 0, name: 'A', role: 'closer', onShift: true, busy: false, pipelineSize, pipelineLimit: 100, newToday: 0, newLeadsPerDay: 7, freshWaiting: 0, leadsReceived: 0, fundedTimes: [], handles: () => true }) as AgentView;
const lead = (status: LeadView['status'], conversationsInStatus: number, createdAt = 0): LeadView => ({
  id: 1, createdAt, source: 's', product: 'p', status, attempts: 3, attemptsSinceContact: 0, conversationsInStatus, statusSince: 0, firstContactAt: 10, everContacted: true, waitingSince: 0,
});

describe('Pipeline rules (evaluation each time a lead is worked)', () => {
  it('keeps a contacted lead with few conversations, nurtures it after the set number', () => {
    expect(rules.evaluate(lead('contacted', 3), agent(10), 1000)).toBe('keep');
    expect(rules.evaluate(lead('contacted', 4), agent(10), 1000)).toBe('nurture');
  });

  it('prunes contacted leads to nurture only when the pipeline is at its limit', () => {
    expect(rules.evaluate(lead('contacted', 2), agent(99), 1000)).toBe('keep');
    expect(rules.evaluate(lead('contacted', 2), agent(100), 1000)).toBe('nurture');
    expect(rules.evaluate(lead('application', 9), agent(100), 1000)).toBe('keep');
  });

  it('prunes never-reached leads after 6 unanswered attempts only when the pipeline is at its limit', () => {
    const unreached = (attempts: number): LeadView => ({ ...lead('attempted', 0), attempts, attemptsSinceContact: attempts, firstContactAt: -1, everContacted: false });
    expect(rules.evaluate(unreached(5), agent(100), 1000)).toBe('keep');
    expect(rules.evaluate(unreached(6), agent(100), 1000)).toBe('nurture');
    expect(rules.evaluate(unreached(6), agent(99), 1000)).toBe('keep');
    expect(pipelineRules({ nurtureAfterConversations: 4, dropAfterDays: 60, pruneAtLimitAfterConversations: 2, pruneAtLimitAfterAttempts: 0 }).evaluate(unreached(11), agent(100), 1000)).toBe('keep');
  });

  it('drops a lead that never applied once it is older than the limit, but never an application', () => {
    const day = 1440;
    expect(rules.evaluate(lead('attempted', 0), agent(10), 61 * day)).toBe('drop');
    expect(rules.evaluate(lead('attempted', 0), agent(10), 59 * day)).toBe('keep');
    expect(rules.evaluate(lead('closing', 0), agent(10), 200 * day)).toBe('keep');
  });
});
