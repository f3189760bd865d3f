import { describe, expect, it } from 'vitest';
import { scenarioOf, setAtPath, sweepCombinations } from '../../src/compare';
import { loadScenario } from '../../src/scenario/load';
import { distributionStrategies } from '../../src/strategies/distribution';

/** A scenario as `leadlab sweep` and the page sweep it: every default written out. */
const normalized = (json: Record<string, unknown>) => JSON.parse(JSON.stringify(loadScenario(json).scenario)) as Record<string, unknown>;
const combination = (values: Record<string, unknown>) => ({ index: 0, values });
const short = { name: 'Sweep base', days: 20, warmupDays: 5 };

describe('sweep paths through fields the scenario leaves out or writes as a name', () => {
  it('sets a status interval of the "radar" preset as the same override written by hand does, keeping the other statuses', () => {
    const base = normalized({ ...short, callbacks: 'radar' });
    const swept = scenarioOf(base, combination({ 'callbacks.statuses.attempted.intervalHours': [1, 1] }));
    const byHand = loadScenario({ ...short, callbacks: { preset: 'radar', statuses: { attempted: { intervalHours: [1, 1] } } } });
    expect(loadScenario(swept).callbackSchedule).toEqual(byHand.callbackSchedule);
    expect(loadScenario(swept).config).toEqual(byHand.config);
    // Only the attempted status's interval changed: radar's burst, attempts, and its other statuses are the preset's.
    const [before, after] = [loadScenario(base).callbackSchedule, loadScenario(swept).callbackSchedule];
    expect(after).toEqual({ ...before, statuses: { ...before.statuses, attempted: { ...before.statuses.attempted, intervalHours: [1, 1] } } });
    expect(before.statuses.attempted.intervalHours).not.toEqual([1, 1]);
    expect(loadScenario(swept).config).toEqual(loadScenario(base).config);
  });

  it('goes through a preset or strategy name given as shorthand, e.g. after another parameter set it', () => {
    // The first parameter writes "single-call" (a name); the second goes into the object that name stands for.
    const base = normalized(short);
    const swept = scenarioOf(base, combination({ callbacks: 'single-call', 'callbacks.statuses.contacted.intervalHours': [24, 24] }));
    expect(swept.callbacks).toEqual({ preset: 'single-call', statuses: { contacted: { intervalHours: [24, 24] } } });
    const viaName = scenarioOf({ ...base, distribution: 'hunt-group' }, combination({ 'distribution.options.hunt': 'circular' }));
    expect(viaName.distribution).toEqual({ strategy: 'hunt-group', options: { hunt: 'circular' } });
    expect(loadScenario(viaName).scenario.distribution).toEqual({ strategy: 'hunt-group', options: { hunt: 'circular', respectLimits: true, queueOrder: 'fifo' } });
  });

  it('still refuses a field the schema does not have, with the same message', () => {
    const base = normalized({ ...short, callbacks: 'radar' });
    expect(() => scenarioOf(base, combination({ 'callbacks.statuses.attempting.intervalHours': [1, 1] }))).toThrow(
      'callbacks.statuses.attempting.intervalHours: callbacks.statuses has no field "attempting" (`leadlab schema` lists the fields)',
    );
    expect(() => scenarioOf(base, combination({ 'callback.preset': 'radar' }))).toThrow('callback.preset: scenario has no field "callback"');
    expect(() => scenarioOf(base, combination({ 'agents[5].count': 2 }))).toThrow('agents has no element [5]');
    // A name is not an object to go into when the schema has no object form there.
    expect(() => scenarioOf(base, combination({ 'name.first': 'x' }))).toThrow('name.first: name is not an object');
    // Without the scenario's schema, a missing step is an error as before.
    expect(() => setAtPath(base, 'callbacks.statuses.attempted.intervalHours', [1, 1])).toThrow('callbacks.statuses has no field "attempted"');
  });
});

describe('sweeping the distribution strategy', () => {
  it('runs every strategy from the default base: options the new strategy does not take are dropped, and a note says which', () => {
    const base = normalized(short);
    const notes = new Set<string>();
    for (const c of sweepCombinations([{ path: 'distribution.strategy', values: Object.keys(distributionStrategies) }])) {
      const scenario = scenarioOf(base, c, notes);
      expect(() => loadScenario(scenario), JSON.stringify(c.values)).not.toThrow();
    }
    // round-robin (the base) takes skipOffShift; hunt-group does not.
    expect([...notes].find((n) => n.startsWith('distribution.strategy = "hunt-group"'))).toMatch(/drops skipOffShift/);
  });

  it('keeps the options the new strategy shares, and takes its own default where the base had only the old default', () => {
    const base = normalized({ ...short, distribution: { strategy: 'round-robin', options: { respectLimits: false, skipOffShift: false } } });
    const notes = new Set<string>();
    const hunt = scenarioOf(base, combination({ 'distribution.strategy': 'hunt-group' }), notes);
    // respectLimits was chosen (false; the default is true): kept. queueOrder was round-robin's default "lifo":
    // hunt-group's own default is "fifo" (first come, first served), which a default of another strategy does not override.
    expect(loadScenario(hunt).scenario.distribution).toEqual({ strategy: 'hunt-group', options: { hunt: 'first', respectLimits: false, queueOrder: 'fifo' } });
    expect([...notes]).toEqual(['distribution.strategy = "hunt-group": drops skipOffShift (hunt-group does not take it); queueOrder is hunt-group\'s default ("fifo"), not round-robin\'s ("lifo")']);
    // An option the sweep itself sets is the sweep's, whatever its value.
    const lifo = scenarioOf(base, combination({ 'distribution.strategy': 'hunt-group', 'distribution.options.queueOrder': 'lifo' }));
    expect(loadScenario(lifo).scenario.distribution).toMatchObject({ options: { queueOrder: 'lifo' } });
    // The base's own strategy is left as it is.
    expect(scenarioOf(base, combination({ 'distribution.strategy': 'round-robin' }))).toEqual(base);
  });
});
