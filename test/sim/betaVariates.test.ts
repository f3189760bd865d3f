import { describe, expect, it } from 'vitest';
import { beta } from '../../src/sim/distributions';
import { createLead } from '../../src/sim/leadStream';
import { stream } from '../../src/sim/random';
import { loadScenario } from '../../src/scenario/load';
import { regularizedBeta } from '../../src/stats';

/*
 * Beta variates come from Cheng's rejection algorithms BB and BC (src/sim/distributions.ts). These tests check the
 * draws against the Beta distribution function by a Kolmogorov-Smirnov test at the 0.1% level (critical value
 * 1.949 / sqrt(n)), for shapes below, at and above 1 on either side, and a lopsided pair for each algorithm.
 */

const N = 20_000;
const KS_CRITICAL = 1.949 / Math.sqrt(N);

/** The Kolmogorov-Smirnov distance between the sample and the Beta(a, b) distribution function. */
function ksDistance(sample: number[], a: number, b: number): number {
  const xs = [...sample].sort((p, q) => p - q);
  let d = 0;
  for (let i = 0; i < xs.length; i++) {
    const f = regularizedBeta(xs[i], a, b);
    d = Math.max(d, (i + 1) / xs.length - f, f - i / xs.length);
  }
  return d;
}

const SHAPES: ReadonlyArray<readonly [number, number]> = [
  [2.4, 1.6], // the default contactability (algorithm BB)
  [2, 2], // the default propensity
  [1.2, 30], // BB, lopsided
  [1000, 1000], // BB, narrow (erlang-c.json)
  [0.8, 1.6], // BC
  [0.5, 0.5], // BC, both below 1
  [1, 1], // BC at the boundary: uniform
  [3, 0.3], // BC, lopsided the other way
  [0.05, 2], // BC, a shape small enough for exp to overflow now and then
];

describe('Beta variates (Cheng 1978)', () => {
  for (const [a, b] of SHAPES) {
    it(`Beta(${a}, ${b}) passes a Kolmogorov-Smirnov test, with mean and variance as in closed form`, () => {
      const rng = stream(5, `beta-${a}-${b}`);
      const sample = Array.from({ length: N }, () => beta(rng, a, b));
      for (const x of sample) expect(x >= 0 && x <= 1).toBe(true);
      expect(ksDistance(sample, a, b)).toBeLessThan(KS_CRITICAL);
      // Mean within 4 standard errors.
      const mean = sample.reduce((s, x) => s + x, 0) / N;
      const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
      expect(Math.abs(mean - a / (a + b))).toBeLessThan(4 * Math.sqrt(variance / N));
    });
  }

  it("leads' contactabilities follow the configured Beta, drawn from each lead's own stream", () => {
    for (const [a, b] of [[2.4, 1.6], [0.7, 1.3]] as const) {
      const { config } = loadScenario({ days: 10, warmupDays: 0, cooldownDays: 0, leads: { perDay: 10 }, replications: 1 });
      config.contact = { ...config.contact, contactability: { alpha: a, beta: b } };
      config.leadTraits = { ...config.leadTraits, badNumberShare: 0 };
      config.sources = config.sources.map((s) => ({ ...s, contactabilityFactor: 1 }));
      const sample = Array.from({ length: N }, (_, id) => createLead(config, 'beta-test', id, 0, id % config.sources.length, 0).contactability);
      expect(ksDistance(sample, a, b)).toBeLessThan(KS_CRITICAL);
      // The same lead gets the same traits again (common random numbers).
      const again = createLead(config, 'beta-test', 123, 0, 123 % config.sources.length, 0);
      expect(again.contactability).toBe(sample[123]);
    }
  });
});
