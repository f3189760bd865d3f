import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { runReplication } from '../../src/sim/runner';
import { summarize } from '../../src/sim/summary';
import { summarizeInSlices } from '../../src/ui/summarizeInSlices';

describe('summarizeInSlices', () => {
  it('gives the summary summarize gives, with the daily series averaged a slice at a time', async () => {
    // Two agent groups, days of different counts of leads, and three replications: every daily series and agent.
    const resolved = loadScenario({
      name: 'Sliced',
      days: 40,
      warmupDays: 5,
      cooldownDays: 20,
      leads: { perDay: 15 },
      agents: [
        { name: 'Day', count: 3, shift: '08:00-17:00', days: 'Mon-Fri' },
        { name: 'Late', count: 2, shift: '12:00-21:00', days: 'Mon-Sat' },
      ],
    });
    const runs = [0, 1, 2].map((r) => runReplication(resolved.config, resolved.policies, r, { seed: 9 }));
    const whole = summarize('Sliced', 9, runs);
    // A slice of 0 ms: a pause after every series.
    const sliced = await summarizeInSlices('Sliced', 9, runs, 0);
    expect(sliced).toEqual(whole);
    expect(sliced.daily.pipelineByAgent).toHaveLength(5);
    expect(sliced.daily.date.length).toBeGreaterThan(40);
  });
});
