import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenarioText, ScenarioError } from '../../src/scenario/load';

/** The issues loading `json` reports, as "path: message" lines; [] when it loads. */
function problems(json: unknown, files: Record<string, string> = {}): string[] {
  try {
    loadScenario(json, (p) => {
      if (!(p in files)) throw new Error('no such file');
      return files[p];
    });
    return [];
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
}

const flat = new Array(168).fill(1);

/** Each hole found by mutating scenarios, with the path its problem must be reported at. */
const HOLES: [string, unknown, RegExp][] = [
  ['a root that is a list', [], /^\(root\): expected an object, got \[\]$/],
  ['a root that is null', null, /^\(root\): expected an object, got null$/],
  ['a root that is a number', 42, /^\(root\): expected an object, got 42$/],
  ['a top-level field named toString', { toString: 5 }, /^toString: unknown field/],
  ['a top-level field named constructor', { constructor: {} }, /^constructor: unknown field/],
  ['a top-level __proto__ field', JSON.parse('{"__proto__": {"days": -5}}'), /^__proto__: unknown field/],
  ['a __proto__ field inside an agent', JSON.parse('{"agents": [{"name": "a", "__proto__": {"count": 3}}]}'), /^agents\[0\]\.__proto__: unknown field/],
  ['a toString field inside leads', { leads: { toString: 1 } }, /^leads\.toString: unknown field/],
  ['February 30th', { startDate: '2026-02-30' }, /^startDate: expected a date "YYYY-MM-DD" that exists/],
  ['year 0', { startDate: '0000-01-01' }, /^startDate: expected a date/],
  ['a replay column mapped to an unknown field', { leads: { replay: { file: 'x.csv', map: { Created: 'bogus' } } } }, /^leads\.replay\.map\.Created: expected one of "leadId", "leadCreated"/],
  ['a strategy named toString', { distribution: 'toString' }, /^distribution\.strategy: expected one of "round-robin".*got "toString"$/],
  ['a strategy named __proto__', { distribution: { strategy: '__proto__' } }, /^distribution\.strategy: expected one of/],
  ['a reversed intervalHours', { callbacks: { preset: 'radar', statuses: { contacted: { intervalHours: [18, 12] } } } }, /^callbacks\.statuses\.contacted\.intervalHours\[1\]: expected a value >= 18/],
  ['a production cycle from day 20 to day 5', { callbacks: { productionCycle: [{ status: 'contacted', fromDay: 20, toDay: 5, intervalFactor: 1 }] } }, /^callbacks\.productionCycle\[0\]\.toDay: expected a day >= fromDay \(20\), got 5$/],
  ['an unsorted age table', { contact: { ageDecay: { kind: 'table', points: [[10, 0.5], [5, 0.4]] } } }, /^contact\.ageDecay\.points\[1\]: expected an age >= 10/],
  ['a sourceSkill for a source that does not exist', { agents: [{ name: 'a', sourceSkill: { tv: 1.2 } }] }, /^agents\[0\]\.sourceSkill\.tv: expected one of the lead sources/],
  ['a productSkill for a product that does not exist', { agents: [{ name: 'a', productSkill: { auto: 1.2 } }] }, /^agents\[0\]\.productSkill\.auto: expected one of the products/],
  ['two sources with the same name', { leads: { sources: [{ name: 'a', share: 1 }, { name: 'a', share: 1 }] } }, /^leads\.sources\[1\]\.name: expected a name not used before/],
  ['a source with an empty name', { leads: { sources: [{ name: '', share: 1 }] } }, /^leads\.sources\[0\]\.name: expected a non-empty string/],
  ['two products with the same name', { leads: { products: [{ name: 'p', share: 1 }, { name: 'p', share: 1 }] } }, /^leads\.products\[1\]\.name: expected a name not used before/],
  ['round-robin weights all zero', { agents: [{ name: 'a', count: 2 }], distribution: { strategy: 'round-robin', options: { weights: [0, 0] } } }, /^distribution\.options\.weights: expected at least one weight above 0/],
  ['a zero-length shift', { agents: [{ name: 'a', shift: '09:00-09:00' }] }, /^agents\[0\]\.shift: expected a shift whose end differs from its start/],
  ['a shift past 24:00', { agents: [{ name: 'a', shift: '09:00-24:30' }] }, /^agents\[0\]\.shift: expected the shift's end to be a time of day \(00:00 to 24:00\), got "24:30" in "09:00-24:30": 24:00 \(midnight at the end of the day\) is the latest$/],
  // The format was right, the times were not times of day: it was told 'expected "HH:MM-HH:MM", got "25:00-26:00"'.
  ['a shift from hour 25', { agents: [{ name: 'a', shift: '25:00-26:00' }] }, /^agents\[0\]\.shift: expected the shift's start to be a time of day \(00:00 to 24:00\), got "25:00" in "25:00-26:00": there is no hour 25$/],
  ['a shift ending at minute 75', { agents: [{ name: 'a', shift: '08:00-17:75' }] }, /^agents\[0\]\.shift: expected the shift's end to be a time of day \(00:00 to 24:00\), got "17:75" in "08:00-17:75": minutes go from 00 to 59, not 75$/],
  ['a shift in another format', { agents: [{ name: 'a', shift: '9:00-17:00' }] }, /^agents\[0\]\.shift: expected "HH:MM-HH:MM", got "9:00-17:00"$/],
  ['no leads a day', { leads: { perDay: 0 } }, /^leads\.perDay: expected a number > 0/],
  ['an arrival profile of 1e308s', { leads: { arrivalProfile: new Array(168).fill(1e308) } }, /^leads\.arrivalProfile\[0\]: expected a number >= 0 of size at most/],
  ['a lead cost of 1e308', { leads: { sources: [{ name: 'a', share: 1, cost: 1e308 }] } }, /^leads\.sources\[0\]\.cost: expected a number >= 0 of size at most/],
  ['a revenue of 1e308', { leads: { products: [{ name: 'p', share: 1, revenuePerFunded: 1e308 }] } }, /^leads\.products\[0\]\.revenuePerFunded: expected/],
  ['a hundred million agents in a group', { agents: [{ name: 'a', count: 1e8 }] }, /^agents\[0\]\.count: expected an integer >= 1 and <= 1000/],
  ['a hundred million leads a day', { leads: { perDay: 1e8 } }, /^leads\.perDay: expected a number > 0 and <= 100000/],
  ['a cool-down of 100,000 days', { cooldownDays: 100_000 }, /^cooldownDays: expected an integer >= 0 and <= 366/],
  ['a million tries', { callbacks: { preset: 'fixed-retries', tries: 1e6 } }, /^callbacks\.tries: expected an integer >= 1 and <= 1000/],
  // Names in a strategy's options were checked against nothing (a typo left a team unused, a preference void), and the
  // agent-name and weight checks reported only "distribution.options" (found by test/sim/randomScenarios.test.ts).
  ['a source team for a source that does not exist', { distribution: { strategy: 'source-specialist', options: { teams: { agregator: ['Day closer'] } } } }, /^distribution\.options\.teams\.agregator: expected one of the lead sources \(aggregator, web-form\), got "agregator"$/],
  ['a product team for a product that does not exist', { distribution: { strategy: 'product-specialist', options: { teams: { refi: ['Late closer'] } } } }, /^distribution\.options\.teams\.refi: expected one of the products \(purchase, refinance\), got "refi"$/],
  ['a preferred source that does not exist', { distribution: { strategy: 'grab-bag', options: { prefer: ['web-form', 'webform'] } } }, /^distribution\.options\.prefer\[1\]: expected one of the lead sources \(aggregator, web-form\), got "webform"$/],
  ['a team member who does not exist', { distribution: { strategy: 'source-specialist', options: { teams: { 'web-form': ['Day closer', 'Nobody'] } } } }, /^distribution\.options\.teams\.web-form\[1\]: expected the name of an agent or a group \(Day closer, Late closer\), got "Nobody"$/],
  ['a weight short of the agents', { distribution: { strategy: 'round-robin', options: { weights: [1, 2] } } }, /^distribution\.options\.weights: expected 10 weights \(one per agent/],
  ['an inline model with an unsorted age table', { contactModel: { contactability: { alpha: 1, beta: 1 }, hourOfWeek: flat, ageDecay: { kind: 'table', points: [[10, 0.5], [5, 0.4]] } } }, /^contactModel\.ageDecay\.points\[1\]: expected an age >= 10/],
];

describe('scenario validation holes', () => {
  it.each(HOLES)('rejects %s with its path', (_what, json, message) => {
    const found = problems(json);
    expect(found.some((p) => message.test(p)), found.join('\n')).toBe(true);
  });

  it('still accepts the scenarios the holes were made from', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ agents: [{ name: 'a', count: 2, sourceSkill: { aggregator: 1.2 } }], distribution: { strategy: 'round-robin', options: { weights: [0, 1] } } })).toEqual([]);
    expect(problems({ agents: [{ name: 'night', shift: '00:00-24:00' }] })).toEqual([]);
    expect(problems({ callbacks: { statuses: { contacted: { intervalHours: [6, 6] } } }, startDate: '2024-02-29' })).toEqual([]);
    expect(problems({ distribution: { strategy: 'source-specialist', options: { teams: { 'web-form': ['Day closer 2', 'Late closer'] } } } })).toEqual([]);
    expect(problems({ distribution: { strategy: 'product-specialist', options: { teams: { refinance: ['Day closer'] } } } })).toEqual([]);
    expect(problems({ distribution: { strategy: 'grab-bag', options: { prefer: ['web-form'] } } })).toEqual([]);
  });

  it('checks a model file with the same schema and bounds as an inline contactModel, naming the file', () => {
    const junk = JSON.stringify({ contactModel: { contactability: { alpha: 1, beta: 1 }, hourOfWeek: [1], ageDecay: { kind: 'table', points: [['x'], [5, 0.4]] } } });
    const found = problems({ contactModel: 'model.json' }, { 'model.json': junk });
    expect(found).toContain('contactModel.hourOfWeek: expected a list of exactly 168 items, got 1 item (in model.json)');
    expect(found).toContain('contactModel.ageDecay.points[0]: expected a list of exactly 2 items, got ["x"] (in model.json)');
    const unsorted = JSON.stringify({ contactability: { alpha: 1, beta: 1 }, hourOfWeek: flat, ageDecay: { kind: 'table', points: [[10, 0.5], [5, 0.4]] } });
    expect(problems({ contactModel: 'bare.json' }, { 'bare.json': unsorted })).toEqual(['contactModel.ageDecay.points[1]: expected an age >= 10 (the item before), got 5 (in bare.json)']);
    const huge = JSON.stringify({ contactability: { alpha: 1e308, beta: 1 }, hourOfWeek: flat, ageDecay: { kind: 'exponential', halfLifeMinutes: 10, floor: 0.1 } });
    expect(problems({ contactModel: 'huge.json' }, { 'huge.json': huge })[0]).toMatch(/^contactModel\.contactability\.alpha: expected a number > 0 of size at most/);
  });

  it('reads scenario text that starts with a UTF-8 byte order mark, as CSV reading does', () => {
    expect(parseScenarioText('\uFEFF{"days": 30}')).toEqual({ days: 30 });
  });
});
