import { describe, expect, it } from 'vitest';
import { kaplanMeier, medianSurvival, survivalAt, thinCurve } from '../../src/fit/kaplanMeier';

// Freireich et al. (1963), 6-MP arm: weeks in remission of 21 leukemia patients, censored ones marked.
// Published estimates (Kleinbaum & Klein, Survival Analysis, 3rd ed., table 2.x; R survival::survfit on
// the same data gives identical survival and Greenwood standard errors).
const weeks = [6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35];
const relapse = [1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0];
const published = [
  { t: 6, atRisk: 21, survival: 0.857, se: 0.0764 },
  { t: 7, atRisk: 17, survival: 0.807, se: 0.0869 },
  { t: 10, atRisk: 15, survival: 0.753, se: 0.0963 },
  { t: 13, atRisk: 12, survival: 0.69, se: 0.1068 },
  { t: 16, atRisk: 11, survival: 0.627, se: 0.1141 },
  { t: 22, atRisk: 7, survival: 0.538, se: 0.1282 },
  { t: 23, atRisk: 6, survival: 0.448, se: 0.1346 },
];

describe('kaplanMeier', () => {
  it('matches the published estimates and Greenwood errors for the Freireich 6-MP data', () => {
    const curve = kaplanMeier(weeks, relapse);
    expect(curve.map((p) => p.t)).toEqual(published.map((p) => p.t));
    curve.forEach((p, i) => {
      expect(p.atRisk).toBe(published[i].atRisk);
      expect(p.survival).toBeCloseTo(published[i].survival, 3);
      expect(p.se).toBeCloseTo(published[i].se, 3);
      expect(p.lower).toBeLessThan(p.survival);
      expect(p.upper).toBeGreaterThan(p.survival);
    });
    // The median remission time is 23 weeks (the first time S(t) <= 0.5).
    expect(medianSurvival(curve).t).toBe(23);
  });

  it('matches the log(-log) band that R gives at t = 6 (0.620 to 0.952)', () => {
    const p = kaplanMeier(weeks, relapse)[0];
    expect(p.lower).toBeCloseTo(0.62, 2);
    expect(p.upper).toBeCloseTo(0.952, 3);
  });

  it('equals the empirical survival function when nothing is censored', () => {
    const t = [5, 1, 4, 2, 3, 3];
    const curve = kaplanMeier(t, t.map(() => 1));
    for (const x of [1, 2, 3, 4, 5]) expect(survivalAt(curve, x)!.survival).toBeCloseTo(t.filter((v) => v > x).length / t.length, 12);
    expect(survivalAt(curve, 0.5)).toBeUndefined();
  });

  it('thins a long curve to log-spaced steps, keeping both ends', () => {
    const n = 5000;
    const t = Array.from({ length: n }, (_, i) => i + 1);
    const curve = kaplanMeier(t, t.map(() => 1));
    const thin = thinCurve(curve, 50);
    expect(thin.length).toBeLessThanOrEqual(50);
    expect(thin[0]).toBe(curve[0]);
    expect(thin[thin.length - 1]).toBe(curve[n - 1]);
  });
});
