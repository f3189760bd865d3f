import { describe, expect, it } from 'vitest';
import { scenarioNameIn } from '../../src/ui/scenarioName';

/*
 * A broken JSON edit was blamed on "Scenario 1" although the scenario has a name: the page names a scenario from its
 * text also while the text is not valid JSON.
 */
describe('the name of a scenario from its text', () => {
  const valid = JSON.stringify({ agents: [{ name: 'Team "A"', count: 2 }], name: 'Radar cadence, 100-150 pipeline', days: 90 }, null, 2);

  it('is the top-level name, whether the JSON is valid or cut anywhere after the name', () => {
    expect(scenarioNameIn(valid)).toBe('Radar cadence, 100-150 pipeline');
    const at = valid.indexOf('Radar cadence, 100-150 pipeline"') + 'Radar cadence, 100-150 pipeline"'.length;
    for (let cut = at; cut < valid.length; cut++) expect(scenarioNameIn(valid.slice(0, cut)), valid.slice(0, cut)).toBe('Radar cadence, 100-150 pipeline');
    // A stray character anywhere after the name, as a typo would leave.
    expect(scenarioNameIn(valid.replace('"days": 90', '"days": 90,,'))).toBe('Radar cadence, 100-150 pipeline');
  });

  it('never takes an agent group\'s name, an escaped quote or a name that is not a string for it', () => {
    expect(scenarioNameIn('{"agents": [{"name": "Team A"}], "days": 9')).toBeUndefined();
    expect(scenarioNameIn('{"name": "Say \\"hi\\"", "days": ')).toBe('Say "hi"');
    expect(scenarioNameIn('{"name": 12, "days": ')).toBeUndefined();
    expect(scenarioNameIn('{"name": "  ", "days": ')).toBeUndefined();
    expect(scenarioNameIn('{"note": "name", "days": ')).toBeUndefined();
    expect(scenarioNameIn('')).toBeUndefined();
  });
});
