import { describe, expect, it } from 'vitest';
import { loadScenario, ScenarioError } from '../../src/scenario/load';

/*
 * The workbench page has no files, so "Use this fit" writes the fitted model into the scenario itself. An inline
 * model must mean exactly what the same model in a file means, and a bad one must be reported by its path.
 */
const model = {
  contactability: { alpha: 0.7, beta: 1.9 },
  hourOfWeek: Array.from({ length: 168 }, (_, h) => (h % 24 >= 8 && h % 24 < 20 ? 1.2 : 0.5)),
  ageDecay: { kind: 'table', points: [[2, 1], [30, 0.7], [600, 0.4]] },
};

function issuesOf(scenario: object): { path: string; message: string }[] {
  try {
    loadScenario(scenario);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  return [];
}

describe('A contact model written inline in a scenario', () => {
  it('gives the same model inputs as the same model read from a file', () => {
    const inline = loadScenario({ days: 20, contactModel: model });
    const fromFile = loadScenario({ days: 20, contactModel: 'model.json' }, () => JSON.stringify({ format: 'leadlab-fit/1', contactModel: model }));
    expect(inline.config).toEqual(fromFile.config);
    expect(inline.config.contact).toEqual(model);
  });

  it('names the bad field of a broken inline model by its path', () => {
    const issues = issuesOf({ contactModel: { ...model, contactability: { alpha: 0, beta: 1 }, hourOfWeek: [1, 2, 3] } });
    expect(issues.map((i) => i.path).sort()).toEqual(['contactModel.contactability.alpha', 'contactModel.hourOfWeek']);
    expect(issues.find((i) => i.path === 'contactModel.hourOfWeek')!.message).toMatch(/168/);
  });

  it('requires every part of the model (a fit always writes an age decay)', () => {
    const { ageDecay: _left, ...partial } = model;
    expect(issuesOf({ contactModel: partial }).map((i) => i.path)).toEqual(['contactModel.ageDecay']);
  });

  it('rejects a value that is neither a path nor a model, saying what was expected', () => {
    const [issue] = issuesOf({ contactModel: 3 });
    expect(issue.path).toBe('contactModel');
    expect(issue.message).toMatch(/expected the path of a fitted model file or a model/);
  });
});
