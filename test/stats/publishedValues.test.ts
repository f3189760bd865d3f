import { describe, expect, it } from 'vitest';
import { chiSquaredPValue } from '../../src/stats/chiSquaredPValue';
import { regularizedBeta } from '../../src/stats/regularizedBeta';
import { wilsonInterval } from '../../src/stats/wilsonInterval';
import { tQuantile975 } from '../../src/stats/tQuantile975';

/*
 * The numerical helpers against values published independently of this code: cumulative binomial tables (the
 * regularized incomplete beta is a binomial tail), chi-squared and Student t critical values from standard
 * statistical tables, and the Wilson score intervals of Newcombe's worked examples.
 */

describe('regularizedBeta', () => {
  it('has the closed forms I_x(1,1) = x, I_x(a,1) = x^a, I_x(1,b) = 1 - (1-x)^b and I_0.5(a,a) = 0.5', () => {
    for (const x of [0.1, 0.37, 0.9]) {
      expect(regularizedBeta(x, 1, 1)).toBeCloseTo(x, 10);
      expect(regularizedBeta(x, 3.5, 1)).toBeCloseTo(x ** 3.5, 10);
      expect(regularizedBeta(x, 1, 2.5)).toBeCloseTo(1 - (1 - x) ** 2.5, 10);
    }
    for (const a of [0.5, 2, 7.3, 40]) expect(regularizedBeta(0.5, a, a)).toBeCloseTo(0.5, 10);
  });

  it('gives binomial tails P(X >= k) = I_p(k, n - k + 1) as in cumulative binomial tables', () => {
    // Binomial(4, 0.5): P(X >= 2) = 11/16.
    expect(regularizedBeta(0.5, 2, 3)).toBeCloseTo(0.6875, 10);
    // Binomial(14, 0.3): F(4) = 0.5842 in the tables, so P(X >= 5) = 0.4158.
    expect(regularizedBeta(0.3, 5, 10)).toBeCloseTo(0.4158, 4);
    // Binomial(20, 0.4): F(9) = 0.7553 in the tables, so P(X >= 10) = 0.2447.
    expect(regularizedBeta(0.4, 10, 11)).toBeCloseTo(0.2447, 4);
  });

  it('is 0 at x = 0 and 1 at x = 1', () => {
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
  });
});

describe('chiSquaredPValue', () => {
  // Upper 5% and 1% critical values of the chi-squared distribution (standard tables, 3 decimals).
  const CRITICAL: [df: number, x05: number, x01: number][] = [
    [1, 3.841, 6.635],
    [2, 5.991, 9.21],
    [5, 11.07, 15.086],
    [10, 18.307, 23.209],
    [30, 43.773, 50.892],
  ];

  it.each(CRITICAL)('gives p = 0.05 and 0.01 at the tabulated critical values for %i degrees of freedom', (df, x05, x01) => {
    expect(chiSquaredPValue(x05, df)).toBeCloseTo(0.05, 3);
    expect(chiSquaredPValue(x01, df)).toBeCloseTo(0.01, 3);
  });

  it('has the closed form p = exp(-x/2) for 2 degrees of freedom', () => {
    for (const x of [0.5, 3, 12]) expect(chiSquaredPValue(x, 2)).toBeCloseTo(Math.exp(-x / 2), 10);
  });
});

describe('tQuantile975', () => {
  // Two-sided 95% critical values t(0.975, df) from standard Student t tables.
  const TABLE: [df: number, t: number][] = [
    [1, 12.706],
    [2, 4.303],
    [5, 2.571],
    [10, 2.228],
    [20, 2.086],
    [30, 2.042],
    [40, 2.021],
    [60, 2.0],
    [120, 1.98],
  ];

  it.each(TABLE)('matches the table for %i degrees of freedom within 0.0015 (the table rounds to 0.001; the expansion past 30 adds as much)', (df, t) => {
    expect(Math.abs(tQuantile975(df) - t)).toBeLessThanOrEqual(0.0015);
  });

  it('tends to the normal quantile 1.960 for many degrees of freedom, and is undefined below 1', () => {
    expect(tQuantile975(100_000)).toBeCloseTo(1.96, 3);
    expect(tQuantile975(0)).toBeNaN();
  });
});

describe('wilsonInterval', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Statistics in Medicine 17,
  // worked examples, Wilson score method without continuity correction.
  const EXAMPLES: [successes: number, trials: number, low: number, high: number][] = [
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ];

  it.each(EXAMPLES)("gives Newcombe's interval for %i of %i", (x, n, low, high) => {
    const [lo, hi] = wilsonInterval(x, n);
    expect(lo).toBeCloseTo(low, 4);
    expect(hi).toBeCloseTo(high, 4);
  });
});
