import { describe, expect, it } from 'vitest';
import type { AgentState } from '../../src/sim/agentState';
import type { Lead } from '../../src/sim/lead';
import { isOnShift } from '../../src/sim/shift';
import { Calendar } from '../../src/sim/calendar';
import { loadScenario } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runScenario';

// A busy floor: more leads than the agents can hold, short shifts on some days, tight limits.
const busy = {
  days: 40,
  warmupDays: 0,
  cooldownDays: 5,
  replications: 1,
  leads: { perDay: 60 },
  agents: [
    { name: 'Early', count: 3, shift: '07:00-15:00', days: 'Mon-Fri', pipelineLimit: 25, newLeadsPerDay: 9 },
    { name: 'Night', count: 2, shift: '20:00-04:00', days: 'Fri-Mon', pipelineLimit: 15, newLeadsPerDay: 4 },
  ],
};

describe('Model invariants', () => {
  it('never exceeds a pipeline limit, never puts a lead in two pipelines, never calls outside a shift', () => {
    const resolved = loadScenario(busy);
    const cal = new Calendar(resolved.config.startDate);
    const owner = new Map<Lead, AgentState>();
    let assigns = 0, calls = 0, maxSeen = 0;
    runScenario(resolved, {
      seed: 5,
      observer: {
        onAssign(lead, agent) {
          assigns++;
          expect(owner.has(lead)).toBe(false);
          owner.set(lead, agent);
          expect(agent.pipelineSize).toBeLessThanOrEqual(agent.pipelineLimit);
          maxSeen = Math.max(maxSeen, agent.pipelineSize);
        },
        onLeavePipeline(lead, agent) {
          expect(owner.get(lead)).toBe(agent);
          owner.delete(lead);
        },
        onCallStart(lead, agent, now) {
          calls++;
          expect(isOnShift(agent.config.shift, cal.minuteOfWeek(now))).toBe(true);
          expect(owner.get(lead)).toBe(agent);
        },
      },
    });
    expect(assigns).toBeGreaterThan(500);
    expect(calls).toBeGreaterThan(2000);
    // The limits bind: some agent reached its limit.
    expect(maxSeen).toBe(25);
    // Every pipeline count equals the leads the observer saw assigned and not yet released.
    const perAgent = new Map<AgentState, number>();
    for (const a of owner.values()) perAgent.set(a, (perAgent.get(a) ?? 0) + 1);
    for (const [a, n] of perAgent) expect(a.pipelineSize).toBe(n);
  });

  it('a "single call" policy makes exactly one attempt to reach each lead', () => {
    // Leads that come back from the nurture drip are new chances and would be called again: none return here.
    const resolved = loadScenario({ ...busy, callbacks: 'single-call', leads: { perDay: 20 }, nurture: { returnShare: 0 } });
    const prospecting = new Map<Lead, number>();
    const { summary } = runScenario(resolved, {
      seed: 8,
      observer: {
        onCallStart(lead) {
          // Calls before an application exists are the calls that try to reach and win the lead.
          if (!lead.reachedApplication) prospecting.set(lead, (prospecting.get(lead) ?? 0) + 1);
        },
      },
    });
    expect(prospecting.size).toBeGreaterThan(300);
    for (const n of prospecting.values()) expect(n).toBe(1);
    expect(summary.metrics.attemptsPerLead.mean).toBeLessThan(1.3);
  });

  it('daily new-lead limits hold: no agent receives more new leads in a day than its limit', () => {
    const resolved = loadScenario(busy);
    const perDay = new Map<string, number>();
    runScenario(resolved, {
      seed: 6,
      observer: {
        onAssign(lead, agent, now) {
          const key = `${agent.index}/${Math.floor(now / 1440)}`;
          perDay.set(key, (perDay.get(key) ?? 0) + 1);
          expect(perDay.get(key)).toBeLessThanOrEqual(agent.newLeadsPerDay);
        },
      },
    });
    expect(Math.max(...perDay.values())).toBe(9);
  });
});

describe('Agents with empty queues', () => {
  it('still call the leads that arrived overnight once their shift starts (single call leaves queues empty)', () => {
    // Caps not paced and no backlog aging: this checks that idle agents wake at their shift start, not how the floor
    // sheds leads its Saturday caps cannot take (docs/tradeoffs.md).
    const agents = [
      { name: 'Day closer', count: 7, shift: '08:00-17:00', paceNewLeads: false },
      { name: 'Late closer', count: 3, shift: '12:00-21:00', days: 'Mon-Sat', paceNewLeads: false },
    ];
    const backlog = { maxWaitHours: 100000, passedOverHours: 100000 };
    const resolved = loadScenario({ days: 30, warmupDays: 5, cooldownDays: 5, replications: 4, callbacks: 'single-call', agents, backlog });
    const { runs } = runScenario(resolved, { seed: 1 });
    for (const r of runs) {
      expect(r.metrics.neverAttemptedShare).toBeLessThan(0.02);
      // Nights and weekends: nearly every lead is called within a weekend plus a night.
      expect(r.metrics.medianMinutesToFirstAttempt).toBeLessThan(24 * 60);
    }
  });
});
