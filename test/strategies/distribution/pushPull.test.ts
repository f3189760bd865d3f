import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/load';
import { runScenario } from '../../../src/scenario/runScenario';
import type { RunResult } from '../../../src/sim/runResult';

/** A small team on weekday shifts with the radar cadence; the inflow is the knob. */
function floor(perDay: number, distribution: unknown) {
  return {
    days: 42,
    warmupDays: 7,
    cooldownDays: 7,
    replications: 1,
    leads: { perDay },
    agents: [{ name: 'Closer', count: 3, shift: '08:00-17:00', days: 'Mon-Sun', pipelineLimit: 60, newLeadsPerDay: 10 }],
    distribution,
  };
}

const run = (scenario: unknown, seed = 4): RunResult => runScenario(loadScenario(scenario), { seed, replications: 1 }).runs[0];

describe('push', () => {
  it('with a small team and a big inflow, overfills pipelines and the overdue and spoiled metrics show it', () => {
    // 3 agents on 9-hour shifts every day. 15 leads a day is within the field's 3-7 per agent. At 200 a day
    // (67 per agent) fresh leads still get their first call, since a free agent takes a fresh lead first, but
    // the callbacks are abandoned: the weakest practice of burning through new leads. At 1,500 a day even first
    // calls fall behind by more than a day and leads spoil: an unanswered call takes 2.5 minutes, so 3 agents
    // place at most about 650 calls a day.
    const calm = run(floor(15, 'push'));
    const burn = run(floor(200, 'push'));
    const flood = run(floor(1500, 'push'));
    const limit = 60;
    expect(Math.max(...calm.agents.map((a) => a.maxPipeline))).toBeLessThanOrEqual(limit);
    // Push ignores capacity: pipelines pass the limit that the other strategies respect.
    expect(Math.min(...burn.agents.map((a) => a.maxPipeline))).toBeGreaterThan(limit);
    expect(burn.metrics.overdueCallbackShare).toBeGreaterThan(calm.metrics.overdueCallbackShare + 0.3);
    expect(calm.metrics.spoiledShare).toBeLessThan(0.05);
    expect(flood.metrics.spoiledShare).toBeGreaterThan(0.5);
    expect(burn.metrics.contactRate).toBeLessThan(calm.metrics.contactRate - 0.1);
    expect(flood.metrics.contactRate).toBeLessThan(burn.metrics.contactRate);
  });

  it('assigns every lead the moment it arrives, on shift or not', () => {
    const resolved = loadScenario(floor(60, 'push'));
    let assigns = 0, late = 0;
    runScenario(resolved, {
      seed: 1,
      replications: 1,
      observer: {
        onAssign(lead, _agent, now) {
          assigns++;
          if (lead.returns === 0 && now !== lead.createdAt) late++;
        },
      },
    });
    expect(assigns).toBeGreaterThan(1000);
    expect(late).toBe(0);
  });
});

describe('pull', () => {
  it('never lets a pipeline exceed the WIP limit; leads wait unassigned instead', () => {
    const wip = 12;
    const resolved = loadScenario(floor(120, { strategy: 'pull', options: { wipLimit: wip } }));
    let assigns = 0, waited = 0, maxSeen = 0;
    let busyAssign = 0;
    const { runs } = runScenario(resolved, {
      seed: 3,
      replications: 1,
      observer: {
        onAssign(lead, agent, now) {
          assigns++;
          if (agent.busy) busyAssign++;
          maxSeen = Math.max(maxSeen, agent.pipelineSize);
          if (now > lead.createdAt) waited++;
        },
      },
    });
    expect(assigns).toBeGreaterThan(100);
    expect(maxSeen).toBe(wip);
    expect(busyAssign).toBe(0);
    // Most leads waited in the shared queue, and a backlog is left at the end of days.
    expect(waited / assigns).toBeGreaterThan(0.5);
    expect(Math.max(...runs[0].daily.waiting)).toBeGreaterThan(100);
    for (const a of runs[0].agents) expect(a.maxPipeline).toBeLessThanOrEqual(wip);
  });
});
