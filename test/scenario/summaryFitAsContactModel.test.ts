import { describe, expect, it } from 'vitest';
import { fitLeadSummary } from '../../src/fit/fitLeadSummary';
import { readLogFile } from '../../src/io/node/readLogFile';
import { loadScenario, ScenarioError } from '../../src/scenario/load';

const file = new URL('../io/exports/previous-outcome-summary.csv', import.meta.url).pathname;

describe('a per-lead summary fit named as contactModel', () => {
  it('is refused once, saying a summary has no contact model and what to use instead', async () => {
    const log = await readLogFile(file, { map: { CarInsurance: 'converted' } });
    if (log.kind !== 'summary') throw new Error(log.kind);
    const fitFile = JSON.stringify({ ...fitLeadSummary(log.table), source: { kind: 'summary' } });
    let error: unknown;
    try {
      loadScenario({ contactModel: 'summary-fit.json' }, () => fitFile);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const issues = (error as ScenarioError).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('contactModel');
    expect(issues[0].message).toMatch(/summary-fit\.json is the fit of a per-lead summary \(counts without times\), which has no contact model: fit a call log with attempt times \(leadlab fit calls\.csv --out model\.json\), or set "contact" in the scenario instead/);
    expect(issues[0].message).not.toMatch(/undefined/);
  });
});
