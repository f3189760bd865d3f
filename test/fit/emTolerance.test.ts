import { describe, expect, it } from 'vitest';
import { fitContactModel, type SearchAttempts } from '../../src/fit/contactModelFit';
import { beta } from '../../src/sim/distributions';
import { stream } from '../../src/sim/random';

// Search histories drawn from a known model: contactability ~ Beta(0.9, 2.2), 24 hours with their own multipliers,
// four age buckets by attempt, up to 8 attempts, stopping at the first contact.
function drawAttempts(leads: number): SearchAttempts {
  const rng = stream(5, 'em-tolerance');
  const hourFactor = Array.from({ length: 24 }, (_, w) => 0.6 + 0.8 * ((w * 7) % 24) / 23);
  const ageFactor = [1, 0.8, 0.6, 0.5];
  const hour: number[] = [], age: number[] = [], contact: number[] = [];
  const leadStart = new Int32Array(leads + 1);
  for (let i = 0; i < leads; i++) {
    const p = beta(rng, 0.9, 2.2);
    for (let k = 0; k < 8; k++) {
      const w = Math.floor(rng() * 24), a = Math.min(k, 3);
      const hit = rng() < Math.min(1, p * hourFactor[w] * ageFactor[a]) ? 1 : 0;
      hour.push(w);
      age.push(a);
      contact.push(hit);
      if (hit) break;
    }
    leadStart[i + 1] = hour.length;
  }
  return { leadStart, hour: Uint8Array.from(hour), ageBucket: Uint8Array.from(age), contact: Uint8Array.from(contact) };
}

describe('fitContactModel stopping rule', () => {
  it('stops earlier on a large log than an absolute tolerance, where further iterations move nothing that matters', () => {
    const attempts = drawAttempts(8_000);
    const options = { ageBuckets: 4, minAttempts: 30 };
    const scaled = fitContactModel(attempts, options);
    const strict = fitContactModel(attempts, { ...options, relativeTolerance: 0 });
    expect(scaled.converged && strict.converged).toBe(true);
    // The log-likelihood is about -1.4e4 here, so the scaled criterion (1.4e-7) is 14 times the absolute one (1e-8).
    expect(Math.abs(scaled.logLik)).toBeGreaterThan(1e4);
    expect(scaled.iterations).toBeLessThan(strict.iterations);
    expect(strict.logLik - scaled.logLik).toBeLessThan(1e-3);
    // Every estimated multiplier within a tenth of its interval's half-width of the strict fit; the Beta within 1%.
    const close = (a: { value: number }[], b: { value: number; lower: number; upper: number; fixed: boolean }[]) =>
      b.forEach((m, i) => {
        if (!m.fixed) expect(Math.abs(a[i].value - m.value)).toBeLessThan(0.1 * ((m.upper - m.lower) / 2));
      });
    close(scaled.hourOfWeek, strict.hourOfWeek);
    close(scaled.ageDecay, strict.ageDecay);
    expect(Math.abs(scaled.alpha / strict.alpha - 1)).toBeLessThan(0.01);
    expect(Math.abs(scaled.beta / strict.beta - 1)).toBeLessThan(0.01);
  });
});
