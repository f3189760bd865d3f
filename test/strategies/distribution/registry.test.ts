import { describe, expect, it } from 'vitest';
import type { AgentState } from '../../../src/sim/agentState';
import type { Lead } from '../../../src/sim/lead';
import { loadScenario } from '../../../src/scenario/load';
import { runScenario } from '../../../src/scenario/runScenario';
import { distributionStrategies } from '../../../src/strategies/distribution';

/** A mixed floor: pre-qualifiers and closers on different shifts, tight limits, a busy inflow. */
function floor(strategy: string) {
  return {
    days: 21,
    warmupDays: 3,
    cooldownDays: 4,
    replications: 1,
    leads: { perDay: 60 },
    agents: [
      { name: 'Qualifier', count: 2, role: 'telemarketer', shift: '08:00-16:00', days: 'Mon-Fri', pipelineLimit: 40, newLeadsPerDay: 20 },
      { name: 'Closer', count: 4, shift: '10:00-19:00', days: 'Mon-Sat', pipelineLimit: 30, newLeadsPerDay: 8 },
    ],
    distribution: strategy,
  };
}

describe('every registered distribution strategy', () => {
  for (const name of Object.keys(distributionStrategies)) {
    it(`${name}: loads with default options, is deterministic, and keeps a lead in one pipeline at a time`, () => {
      const resolved = loadScenario(floor(name));
      const owner = new Map<Lead, AgentState>();
      let twice = 0, wrongLeave = 0, assigns = 0;
      const a = runScenario(resolved, {
        seed: 1,
        observer: {
          onAssign(lead, agent) {
            assigns++;
            if (owner.has(lead)) twice++;
            owner.set(lead, agent);
          },
          onLeavePipeline(lead, agent) {
            if (owner.get(lead) !== agent) wrongLeave++;
            owner.delete(lead);
          },
        },
      }).runs[0];
      expect(assigns).toBeGreaterThan(100);
      expect(twice).toBe(0);
      expect(wrongLeave).toBe(0);
      const b = runScenario(loadScenario(floor(name)), { seed: 1 }).runs[0];
      expect(b.metrics).toEqual(a.metrics);
      expect(b.agents).toEqual(a.agents);
      const c = runScenario(loadScenario(floor(name)), { seed: 2 }).runs[0];
      expect(c.metrics).not.toEqual(a.metrics);
    });
  }
});
