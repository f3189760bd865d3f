import { describe, expect, it } from 'vitest';
import { chiSquaredLine, describeLeadSummaryFit, multiplierInterval } from '../../src/cli/fitReport';
import { formatPValue } from '../../src/format';
import { BETA_PARAMETER_BOUND, betaBoundNotes } from '../../src/fit/betaBound';
import { fitBetaGeometric } from '../../src/fit/betaGeometric';
import { fitCallLog } from '../../src/fit/fitCallLog';
import { fitLeadSummary } from '../../src/fit/fitLeadSummary';
import { binaryGoodnessOfFit, type GoodnessOfFit } from '../../src/fit/goodnessOfFit';
import { parseCallLogText } from '../../src/io/parseText';
import { fitKeyNumbers } from '../../src/ui/historyFormat';

describe('degenerate fits', () => {
  it('stops a beta-geometric without spread between leads at the one bound and flags it', () => {
    // Exactly geometric counts, p = 0.05: 100,000 subjects, 8 attempts, no heterogeneity at all.
    const p = 0.05, n = 100_000;
    const events = Array.from({ length: 8 }, (_, k) => Math.round(n * p * (1 - p) ** k));
    const censored = [0, 0, 0, 0, 0, 0, 0, n - events.reduce((a, b) => a + b, 0)];
    const fit = fitBetaGeometric({ events, censored });
    expect(fit.atBound).toBe(true);
    expect(Math.max(fit.alpha, fit.beta)).toBeCloseTo(BETA_PARAMETER_BOUND, 6);
    expect(fit.meanProbability).toBeCloseTo(p, 3);
    expect(fit.boundNotes[0]).toMatch(/reached the bound 10000: the data show no spread between leads, so the fit is a plain geometric with p = 0\.05/);
  });

  it('does not flag a fit with real spread between leads', () => {
    // Fader & Hardie (2007), regular customers: alpha 0.704, beta 1.182.
    const fit = fitBetaGeometric({ events: [369, 163, 86, 56, 37, 27, 21], censored: [0, 0, 0, 0, 0, 0, 241] });
    expect(fit.atBound).toBe(false);
    expect(fit.boundNotes).toEqual([]);
  });

  it('shows a chi-squared test with no degrees of freedom left as not testable', () => {
    const g = binaryGoodnessOfFit([{ observed: 5, expected: 5.2, trials: 100 }], 2);
    // No degrees of freedom: never a negative count (the JSON of a fit wrote "df": -1).
    expect(g.df).toBe(0);
    expect(g.pValue).toBeNaN();
    expect(chiSquaredLine(g)).toBe('  chi-squared: not testable (1 cell after pooling for 2 fitted parameters)');
    // The page says it in the same words ("1 cell(s) ... 2 fitted parameter(s)" before).
    const fit = fitCallLog(parseCallLogText('Lead ID,Created,Call Time,Outcome\nL1,2024-03-05 10:00,2024-03-05 10:05,Contacted\n').table);
    const page = fitKeyNumbers({ ...fit, attemptsToContact: { ...fit.attemptsToContact, goodnessOfFit: g } }).find((k) => k.key === 'bg-fit')!;
    expect(page.note).toBe('not testable: 1 cell after pooling for 2 fitted parameters');
  });

  it('flags a contactability whose mean sits at the edge of [0, 1], as Beta(5122, 4.06) on a 5% log', () => {
    const notes = betaBoundNotes(5122, 4.06);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/mean probability 99\.9% is at the edge of \[0, 1\].*not a result/);
    expect(betaBoundNotes(2.4, 1.6)).toEqual([]);
  });

  it('prints a per-lead summary without spread between leads as degenerate', () => {
    // 2,000 leads, each with the same 10% chance per call, up to 6 calls: the exact expected counts.
    const attempts: number[] = [], converted: number[] = [];
    let left = 2000;
    for (let k = 1; k <= 6; k++) {
      const yes = Math.round(left * 0.1);
      for (let i = 0; i < yes; i++) { attempts.push(k); converted.push(1); }
      left -= yes;
      if (k === 6) for (let i = 0; i < left; i++) { attempts.push(6); converted.push(0); }
    }
    const n = attempts.length;
    const fit = fitLeadSummary({ length: n, attempts: Int32Array.from(attempts), contacted: new Int8Array(n).fill(-1), converted: Int8Array.from(converted) });
    expect(fit.attemptsToEvent.atBound).toBe(true);
    const text = describeLeadSummaryFit(fit);
    expect(text).toMatch(/Calls to converted \(beta-geometric\).*\[DEGENERATE: at a bound, not a result; see the notes\]/);
    expect(text).toMatch(/Degenerate fit: .*reached the bound 10000/);
  });
});

describe('report wording of tiny and extreme numbers', () => {
  it('writes a p-value that rounds to 0.0000 as p < 0.0001, and others to 4 decimals', () => {
    expect(formatPValue(1e-12)).toBe('p < 0.0001');
    expect(formatPValue(0.00004)).toBe('p < 0.0001');
    expect(formatPValue(0.00006)).toBe('p = 0.0001');
    expect(formatPValue(0.03125)).toMatch(/^p = 0\.031[23]$/);
    expect(chiSquaredLine({ chiSquare: 852.5, df: 15, pValue: 1e-170, cells: 17 } as GoodnessOfFit)).toBe('  chi-squared 852.5 on 15 df, p < 0.0001');
  });

  it('writes an interval end the data do not bound as "unbounded", not 9.48e+219', () => {
    expect(multiplierInterval(0, 9.482091165864329e219)).toBe('0.00-unbounded');
    expect(multiplierInterval(0.2, Infinity)).toBe('0.20-unbounded');
    expect(multiplierInterval(0.93, 1.52)).toBe('0.93-1.52');
    expect(multiplierInterval(3, 999)).toBe('3.00-999.00');
  });
});
