import { describe, expect, it } from 'vitest';
import { attemptCounts, betaGeometricLogLik, fitBetaGeometric } from '../../src/fit/betaGeometric';
import { beta as betaVariate } from '../../src/sim/distributions';
import { stream } from '../../src/sim/random';

describe('fitBetaGeometric', () => {
  // Fader & Hardie, "How to Project Customer Retention", J. Interactive Marketing 21(1), 2007: two cohorts
  // of 1000 customers, fitted on years 1-7. Published maximum-likelihood estimates: regular alpha 0.704,
  // beta 1.182 (LL -1680.3); high end alpha 0.668, beta 3.806 (LL -1611.2).
  it('reproduces Fader & Hardie (2007): regular customers alpha 0.704, beta 1.182, LL -1680.3', () => {
    const alive = [1000, 631, 468, 382, 326, 289, 262, 241];
    const events = alive.slice(1).map((a, i) => alive[i] - a);
    const fit = fitBetaGeometric({ events, censored: [0, 0, 0, 0, 0, 0, 241] });
    expect(fit.alpha).toBeCloseTo(0.704, 3);
    expect(fit.beta).toBeCloseTo(1.182, 3);
    expect(fit.logLik).toBeCloseTo(-1680.3, 1);
  });

  it('reproduces Fader & Hardie (2007): high-end customers alpha 0.668, beta 3.806, LL -1611.2', () => {
    const alive = [1000, 869, 743, 653, 593, 551, 517, 491];
    const events = alive.slice(1).map((a, i) => alive[i] - a);
    const fit = fitBetaGeometric({ events, censored: [0, 0, 0, 0, 0, 0, 491] });
    expect(fit.alpha).toBeCloseTo(0.668, 3);
    expect(fit.beta).toBeCloseTo(3.806, 3);
    expect(fit.logLik).toBeCloseTo(-1611.2, 1);
  });

  it('recovers alpha and beta from simulated censored data within 3 standard errors', () => {
    const rng = stream(7, 'bg-recovery');
    const alpha = 0.8, beta = 2.5, n = 20_000;
    const attempts: number[] = [], event: number[] = [];
    for (let i = 0; i < n; i++) {
      const p = betaVariate(rng, alpha, beta);
      const budget = 1 + Math.floor(rng() * 8);
      let k = 1;
      while (k <= budget && !(rng() < p)) k++;
      attempts.push(Math.min(k, budget));
      event.push(k <= budget ? 1 : 0);
    }
    const fit = fitBetaGeometric(attemptCounts(attempts, event));
    expect(Math.abs(fit.alpha - alpha)).toBeLessThan(3 * fit.se.alpha);
    expect(Math.abs(fit.beta - beta)).toBeLessThan(3 * fit.se.beta);
    expect(fit.se.alpha).toBeLessThan(0.1);
    expect(fit.goodnessOfFit.pValue).toBeGreaterThan(0.001);
  });

  it('gives fitted counts that sum to the observed events at the maximum (a property of the MLE score)', () => {
    const counts = { events: [300, 120, 60, 30, 20], censored: [10, 20, 30, 40, 200] };
    const fit = fitBetaGeometric(counts);
    const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
    expect(sum(fit.perAttempt.map((r) => r.fitted))).toBeCloseTo(sum(counts.events), 0);
    // And it is a maximum: nearby parameters do worse.
    for (const [da, db] of [[0.01, 0], [-0.01, 0], [0, 0.01], [0, -0.01]]) {
      expect(betaGeometricLogLik(fit.alpha * (1 + da), fit.beta * (1 + db), counts)).toBeLessThan(fit.logLik);
    }
  });
});
