import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { changesForScenario } from '../../src/ui/sensitivity';
import { valuesUsedMessage } from '../../src/ui/sensitivityFields';

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

describe('what the page says once a setting is written into the selected scenario', () => {
  const values = { 'callbacks.statuses.attempted.intervalHours': [2, 2] };

  it('asks to run the comparison against the baseline when the scenario is another one', () => {
    expect(valuesUsedMessage({ name: 'Fixed retries', valid: true, baseline: false }, values)).toBe('Scenario "Fixed retries" now has callbacks.statuses.attempted.intervalHours = [2,2]. Run the comparison to check it against the baseline.');
  });

  it('says the baseline changed, and how to see what the change wins, when the scenario is the baseline', () => {
    // Found in review: written into the baseline, the page asked to "check it against the baseline", itself.
    const said = valuesUsedMessage({ name: 'Radar', valid: false, baseline: true }, values);
    expect(said).toBe('Scenario "Radar" now has callbacks.statuses.attempted.intervalHours = [2,2], but has other problems to fix. It is the baseline, so the comparison now sets every other scenario against the changed one; to see what the change wins, use it in a copy of the scenario (Add a copy of this scenario) and compare the two.');
    expect(said).not.toMatch(/check it against the baseline/);
  });
});
