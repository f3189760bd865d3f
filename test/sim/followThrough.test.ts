import { describe, expect, it } from 'vitest';
import { pairedDifference } from '../../src/compare';
import { loadScenario } from '../../src/scenario/load';
import type { AgentState } from '../../src/sim/agentState';
import { isOpen, type Lead } from '../../src/sim/lead';
import { runReplication } from '../../src/sim/runner';
import { Gen, mulberry32, scenario } from '../helpers/randomScenario';

/*
 * Follow-through (docs/tradeoffs.md, "People"): above agents[].followThroughPipeline consumers an agent has reached
 * and still works (contacted leads, applications, closings), each conversation converts less. Leads still being
 * dialed do not count: their calls take the agent's time, which the simulation already spends call by call.
 *
 * Counting them made a floor without caps or pipeline limits collapse as its leads grew: with every unreached lead of
 * a three-day search in the pipeline, the default floor without limits funded 147, 52 and 14 loans at 80, 120 and
 * 160 leads a day (10 replications): doubling the leads cost nine loans in ten, every conversation paying for dial
 * attempts that took no attention.
 */

const REACHED = new Set(['contacted', 'application', 'closing']);

describe('follow-through', () => {
  it('counts, for each agent at every call, the consumers it has reached and still works, on random floors', () => {
    let checked = 0;
    const problems: string[] = [];
    for (let i = 0; i < 40; i++) {
      const drawn = scenario(new Gen(mulberry32(31_337 + i * 7919)), i);
      if (Object.keys(drawn.files).length > 0) continue;
      const resolved = loadScenario(drawn.scenario);
      const owned = new Map<AgentState, Set<Lead>>();
      const own = (agent: AgentState) => owned.get(agent) ?? owned.set(agent, new Set()).get(agent)!;
      for (let r = 0; r < resolved.scenario.replications; r++) {
        owned.clear();
        runReplication(resolved.config, resolved.policies, r, {
          seed: String(resolved.scenario.seed),
          observer: {
            onAssign(lead, agent) {
              own(agent).add(lead);
            },
            onLeavePipeline(lead, agent) {
              own(agent).delete(lead);
            },
            onCallStart(_lead, agent) {
              let reached = 0;
              for (const l of own(agent)) if (isOpen(l.status) && REACHED.has(l.status)) reached++;
              checked++;
              if (agent.relationships !== reached && problems.length < 5) problems.push(`scenario ${i}: ${agent.name} counts ${agent.relationships} reached leads, owns ${reached}`);
            },
          },
        });
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });

  it('lets a floor without caps or limits fund more loans from more leads while its agents have time', () => {
    const R = 6;
    const funded = (perDay: number) => {
      const s = loadScenario({
        leads: { perDay },
        agents: [
          { name: 'Day closer', count: 7, shift: '08:00-17:00', days: 'Mon-Fri', pipelineLimit: 100_000, newLeadsPerDay: 100_000, skillSpread: 0.5 },
          { name: 'Late closer', count: 3, shift: '12:00-21:00', days: 'Mon-Sat', pipelineLimit: 100_000, newLeadsPerDay: 100_000, skillSpread: 0.5 },
        ],
      });
      return Array.from({ length: R }, (_, r) => runReplication(s.config, s.policies, r, { seed: 'follow-through' }).metrics.funded);
    };
    const f40 = funded(40), f80 = funded(80), f160 = funded(160);
    // pairedDifference(a, b) is the interval of b - a: both must lie above zero.
    expect(pairedDifference('funded', f40, f80).ci95![0]).toBeGreaterThan(0);
    expect(pairedDifference('funded', f80, f160).ci95![0]).toBeGreaterThan(0);
  });
});
