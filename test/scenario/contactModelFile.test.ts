import { describe, expect, it } from 'vitest';
import { fitCallLog } from '../../src/fit/fitCallLog';
import { parseCallLogText } from '../../src/io/parseText';
import { loadScenario, ScenarioError } from '../../src/scenario/load';

/** The problems loadScenario reports for a scenario naming `model.json` whose text is `text`. */
function problems(text: string): string[] {
  try {
    loadScenario({ days: 10, warmupDays: 2, contactModel: 'model.json' }, () => text);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
  return [];
}

const flat = Array.from({ length: 168 }, () => 1);
const model = { contactability: { alpha: 1.5, beta: 4 }, hourOfWeek: flat, ageDecay: { kind: 'table', points: [[0, 1]] } };

describe('a contactModel file that is not a fitted model', () => {
  it('is refused once, saying it holds no contact model and what it holds, not with an "unknown field" per field', () => {
    // Found in review: the output of `leadlab import --json` named as contactModel gave 18 problems, one per field.
    const importReport = JSON.stringify({ file: 'calls.csv', kind: 'calls', why: 'scores', columns: {}, unusedColumns: [], timeZone: 'UTC', summary: {} });
    expect(problems(importReport)).toEqual([
      'contactModel: model.json holds no contact model: expected what `leadlab fit calls.csv --out model.json` writes (a "contactModel" field) or a model with contactability, hourOfWeek, ageDecay; it has "file", "kind", "why", "columns", "unusedColumns", "timeZone", ...',
    ]);
    expect(problems('{}')).toEqual([expect.stringMatching(/holds no contact model: .*; it is an empty object$/)]);
    // A model with a field missing is a model: its fields are checked one by one, as before.
    expect(problems(JSON.stringify({ contactability: model.contactability, hourOfWeek: flat }))).toEqual([expect.stringMatching(/^contactModel\.ageDecay: is required/)]);
  });

  it('names the model file a scenario names, when a scenario is named in its place', () => {
    expect(problems(JSON.stringify({ name: 'Fitted floor', contactModel: 'fit/model.json' }))).toEqual([
      'contactModel: model.json is a scenario that names its own model file, "fit/model.json": name that file here instead (relative to this scenario\'s folder)',
    ]);
  });
});

describe('a whole fit output that the fit refuses to use', () => {
  it('loads with a warning that gives the reasons, as leadlab fit --out --force says them', () => {
    // Found in review: `leadlab fit calls.csv --json > model.json` of a log where no lead was ever reached loaded with no
    // word, where `--out` refuses to write it and the page's "Use this fit" is disabled.
    const log = parseCallLogText(['Lead ID,Created,Call Time,Outcome', 'L1,2024-03-05 10:00,2024-03-05 10:05,No Answer', 'L2,2024-03-05 10:00,2024-03-05 10:07,No Answer'].join('\n'));
    const fit = fitCallLog(log.table);
    expect(fit.data.contactedLeads).toBe(0);
    const resolved = loadScenario({ days: 10, warmupDays: 2, contactModel: 'model.json' }, () => JSON.stringify(fit));
    expect(resolved.warnings).toHaveLength(1);
    expect(resolved.warnings[0]).toMatch(/^contactModel: model\.json is a fit that cannot be used \(leadlab fit --out writes one only with --force\): only 2 leads in the log .*; no lead in the log was ever reached; the runs use it/);
    // A bare model, or a fit output's model alone, has nothing to judge it by: no warning.
    expect(loadScenario({ days: 10, warmupDays: 2, contactModel: 'model.json' }, () => JSON.stringify({ contactModel: model })).warnings).toEqual([]);
  });
});
