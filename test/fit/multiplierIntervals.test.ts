import { describe, expect, it } from 'vitest';
import { fitContactModel, type SearchAttempts } from '../../src/fit/contactModelFit';
import { beta as betaVariate } from '../../src/sim/distributions';
import { stream } from '../../src/sim/random';

/*
 * The age multipliers' 95% intervals, checked against logs simulated with known multipliers: each lead's
 * contactability p ~ Beta(0.9, 2.2), its search attempts fall in age buckets 0, 0, 1, 1, 2, 3 (stopping at the first
 * contact), each answered with probability min(1, p x truth[bucket]); the hour is unknown (multiplier 1). Bucket 0
 * is the anchor. Bucket 1's multiplier above 1 puts the high-contactability cells close to the cap p x m = 1, where
 * the curvature of the EM's complete-data likelihood made intervals of a few hundred attempts a hundredth as wide as
 * the data allow.
 */
const truth = [1, 1.3, 0.6, 0.25];
const plan = [0, 0, 1, 1, 2, 3];

function simulate(seed: number, leads: number): SearchAttempts {
  const rng = stream(seed, 'multiplier-intervals');
  const leadStart = [0], ageBucket: number[] = [], contact: number[] = [];
  for (let i = 0; i < leads; i++) {
    const p = betaVariate(rng, 0.9, 2.2);
    for (const a of plan) {
      const hit = rng() < Math.min(1, p * truth[a]);
      ageBucket.push(a);
      contact.push(hit ? 1 : 0);
      if (hit) break;
    }
    leadStart.push(ageBucket.length);
  }
  return {
    leadStart: Int32Array.from(leadStart),
    hour: new Uint8Array(ageBucket.length).fill(168),
    ageBucket: Uint8Array.from(ageBucket),
    contact: Uint8Array.from(contact),
  };
}

const fit = (seed: number, leads: number) => fitContactModel(simulate(seed, leads), { ageBuckets: truth.length });

describe('age multiplier intervals on logs simulated with known multipliers', () => {
  it('hold the true multiplier in about 95% of 40 logs, in every bucket', () => {
    const seeds = Array.from({ length: 40 }, (_, s) => s + 1);
    const fits = seeds.map((s) => fit(s, 1500));
    for (const f of fits) expect(f.anchorBucket, 'bucket 0 holds a third of the attempts: it is the anchor').toBe(0);
    let inside = 0, total = 0;
    for (let a = 1; a < truth.length; a++) {
      const covered = fits.filter((f) => f.ageDecay[a].lower <= truth[a] && truth[a] <= f.ageDecay[a].upper).length;
      // 40 draws of a 95% interval: 34 or fewer inside has probability under 1%.
      expect(covered, `bucket ${a} (true multiplier ${truth[a]}): intervals holding it, of 40`).toBeGreaterThanOrEqual(34);
      inside += covered;
      total += fits.length;
    }
    // Nor much wider than needed: all 120 inside would be the mark of intervals too wide to be 95% ones.
    expect(inside / total, 'share of all intervals holding the truth').toBeLessThan(1);
  });

  it('narrow like 1/sqrt(attempts): four times the leads, half the width (in log terms), in every bucket', () => {
    const widths = (leads: number) => {
      const fits = [1, 2, 3, 4, 5].map((s) => fit(100 + s, leads));
      return truth.map((_, a) => fits.reduce((sum, f) => sum + Math.log(f.ageDecay[a].upper / f.ageDecay[a].lower), 0) / fits.length);
    };
    const small = widths(1000), large = widths(4000);
    for (let a = 1; a < truth.length; a++) {
      expect(large[a] / small[a], `bucket ${a}: width at 4,000 leads over width at 1,000`).toBeGreaterThan(0.4);
      expect(large[a] / small[a], `bucket ${a}: width at 4,000 leads over width at 1,000`).toBeLessThan(0.6);
    }
  });
});
