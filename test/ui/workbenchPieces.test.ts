import { describe, expect, it } from 'vitest';
import { funnelRows, intervalRows, timeBinLabels, timeBinRows } from '../../src/charts';
import { compareScenarios } from '../../src/compare';
import { pairedDifference } from '../../src/compare/pairedDifference';
import { loadScenario } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runScenario';
import { TIME_BINS } from '../../src/sim/runResult';
import { differenceSentence, formatCell, formatValue, pairedDifferenceInWords, perMonth } from '../../src/ui/format';
import { PRESET_COMPARISONS } from '../../src/ui/presets';
import { comparisonCsv } from '../../src/ui/resultsCsv';
import { getAtPath, setAtPath } from '../../src/ui/scenarioForm';
import { parseState, stateFromHash, stateToHash } from '../../src/ui/workbenchState';

describe('the page address and stored state', () => {
  it('round-trips scenarios with any text through the address', () => {
    const state = { scenarios: ['{"name": "Équipe <b>nord</b> & 日本"}', 'not json yet {'], seed: 3, replications: 8, selected: 1 };
    expect(stateFromHash(stateToHash(state))).toEqual(state);
  });

  it('rejects addresses and stored text that are not a state', () => {
    expect(stateFromHash('#c=%%%')).toBeUndefined();
    expect(stateFromHash('#other')).toBeUndefined();
    expect(parseState('{"scenarios": []}')).toBeUndefined();
    expect(parseState('{"scenarios": ["{}"], "replications": 1, "selected": 5}')).toEqual({ scenarios: ['{}'], seed: 1, replications: 5, selected: 0 });
  });
});

describe('the presets', () => {
  it('are valid scenarios, each comparison with a baseline and at least one alternative', () => {
    for (const c of PRESET_COMPARISONS) {
      expect(c.scenarios.length).toBeGreaterThanOrEqual(2);
      for (const s of c.scenarios) expect(() => loadScenario(s)).not.toThrow();
    }
  });
});

describe('the form', () => {
  it('writes values at schema paths, including into agent groups', () => {
    const json: Record<string, unknown> = { agents: [{ name: 'A' }], callbacks: { preset: 'radar', tries: 3 } };
    setAtPath(json, 'agents[0].pipelineLimit', 120);
    setAtPath(json, 'leads.perDay', 30);
    setAtPath(json, 'callbacks', 'single-call');
    setAtPath(json, 'distribution.strategy', 'pull');
    expect(json).toEqual({ agents: [{ name: 'A', pipelineLimit: 120 }], leads: { perDay: 30 }, callbacks: { preset: 'single-call', tries: 3 }, distribution: { strategy: 'pull', options: {} } });
    expect(getAtPath(json, 'agents[0].pipelineLimit')).toBe(120);
  });
});

describe('plain words', () => {
  it('says the paired difference of funded loans a month with its interval', () => {
    // 46 measured days; +21.2 funded over the window is +14 a month.
    const d = { mean: 21.2, ci95: [13.6, 28.8] as [number, number], sd: 1, n: 10, verdict: 'better' as const, agreeExactly: false };
    expect(pairedDifferenceInWords('funded', d, 46)).toBe('+14 funded loans a month, 95% interval +9 to +19');
    expect(perMonth(46, 46)).toBeCloseTo(30.44, 2);
  });

  it('says there is no difference to measure when no replication has the rate on both sides, never "NaN"', () => {
    // A baseline that measured no leads: its contact rate has no value on any replication.
    const d = pairedDifference('contactRate', [NaN, NaN], [0.4, 0.5]);
    expect(d.n).toBe(0);
    expect(differenceSentence('contactRate', d, 1)).toBe('No difference in contact rate to measure: no replication measured leads in both the baseline and this scenario.');
    expect(differenceSentence('contactRate', pairedDifference('contactRate', [0.5, 0.52, 0.51], [0.55, 0.58, 0.56]), 46)).toMatch(/^\+5\.3 percentage points contact rate, .* \(better than the baseline\)\.$/);
  });

  it('says shares as percentage points and minutes in hours or days when long', () => {
    const d = pairedDifference('contactRate', [0.5, 0.52, 0.51], [0.55, 0.58, 0.56]);
    expect(pairedDifferenceInWords('contactRate', d, 46)).toMatch(/^\+5\.3 percentage points contact rate, 95% interval \+\d\.\d to \+\d\.\d$/);
    expect(formatValue('medianMinutesToFirstAttempt', 45)).toBe('45.0 min');
    expect(formatValue('medianMinutesToFirstAttempt', 180)).toBe('3.0 h');
    expect(formatValue('medianMinutesToFirstAttempt', 4320)).toBe('3.0 days');
  });

  it('writes a negative level (an ROI below zero) with the minus sign the page writes its differences with', () => {
    expect(formatValue('roi', -0.08)).toBe('\u22120.08');
    expect(formatValue('roi', 0.05)).toBe('0.05');
    expect(formatCell('roi', { mean: -0.02, ci95: [-0.07, 0.03], sd: 0.05, n: 10 })).toEqual(['\u22120.02', '\u22120.07 to 0.03']);
  });
});

describe('results as rows and CSV', () => {
  const [a, b] = PRESET_COMPARISONS[0].scenarios.map((s) => runScenario(loadScenario({ ...s, days: 21, warmupDays: 7, cooldownDays: 3 }), { seed: 1, replications: 2 }).summary);

  it('gives one interval row per scenario and the funnel stages in order', () => {
    expect(intervalRows([a, b], 'contactRate').map((r) => r.scenario)).toEqual([a.name, b.name]);
    const funnel = funnelRows([a]);
    expect(funnel.map((r) => r.stage)).toEqual(['Leads', 'Called', 'Reached', 'Application', 'Closing', 'Funded']);
    for (let i = 1; i < funnel.length; i++) expect(funnel[i].count).toBeLessThanOrEqual(funnel[i - 1].count);
  });

  it('gives time shares that sum to one over the bins', () => {
    expect(timeBinLabels()).toHaveLength(TIME_BINS.length);
    const rows = timeBinRows([a], 'minutesToFirstAttempt');
    expect(rows.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 9);
  });

  it('writes one CSV row per scenario and metric, with spreadsheet formulas defused', () => {
    const csv = comparisonCsv(compareScenarios([{ ...a, name: '=HYPERLINK("x")' }, b]));
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(1 + 2 * Object.keys(a.metrics).length);
    expect(lines[1].startsWith(`"'=HYPERLINK(""x"")",yes,leads,`)).toBe(true);
  });
});
