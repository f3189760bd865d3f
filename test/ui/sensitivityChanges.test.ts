import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { changesForScenario } from '../../src/ui/sensitivity';

/** The changes "Use the best" writes into the user's scenario, checked by loading the scenario they make. */
describe('changes the sensitivity section writes into the selected scenario', () => {
  const user = { name: 'Floor', callbacks: 'radar' };
  const normalized = JSON.parse(JSON.stringify(loadScenario(user).scenario)) as Record<string, unknown>;

  it('writes a status interval of a preset named as shorthand as the override by hand, keeping the preset', () => {
    const changes = changesForScenario(user, normalized, { 'callbacks.statuses.attempted.intervalHours': [3, 3] });
    const written = loadScenario({ ...user, ...changes });
    const byHand = loadScenario({ ...user, callbacks: { preset: 'radar', statuses: { attempted: { intervalHours: [3, 3] } } } });
    expect(written.callbackSchedule).toEqual(byHand.callbackSchedule);
  });

  it('writes a new strategy with only the options it takes', () => {
    const own = { ...user, distribution: { strategy: 'round-robin', options: { skipOffShift: false, respectLimits: false } } };
    const changes = changesForScenario(own, JSON.parse(JSON.stringify(loadScenario(own).scenario)), { 'distribution.strategy': 'hunt-group' });
    expect(changes).toEqual({ distribution: { strategy: 'hunt-group', options: { respectLimits: false } } });
    expect(loadScenario({ ...own, ...changes }).scenario.distribution).toEqual({ strategy: 'hunt-group', options: { hunt: 'first', respectLimits: false, queueOrder: 'fifo' } });
  });
});
