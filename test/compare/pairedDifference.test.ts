import { describe, expect, it } from 'vitest';
import { pairedDifference, verdictOf } from '../../src/compare';

describe('pairedDifference', () => {
  it('gives the t interval of the differences computed by hand', () => {
    // Differences 1, 2, 1, 2: mean 1.5, sd sqrt(1/3), t(0.975, 3) = 3.182, half width 3.182 * sqrt(1/3) / 2.
    const d = pairedDifference('fundedRate', [1, 2, 3, 4], [2, 4, 4, 6]);
    const half = (3.182 * Math.sqrt(1 / 3)) / 2;
    expect(d.mean).toBeCloseTo(1.5, 12);
    expect(d.sd).toBeCloseTo(Math.sqrt(1 / 3), 12);
    expect(d.ci95![0]).toBeCloseTo(1.5 - half, 12);
    expect(d.ci95![1]).toBeCloseTo(1.5 + half, 12);
    expect(d.n).toBe(4);
  });

  it('calls a higher value better or worse by the metric', () => {
    expect(pairedDifference('fundedRate', [1, 2, 3, 4], [2, 4, 4, 6]).verdict).toBe('better');
    expect(pairedDifference('costPerFunded', [1, 2, 3, 4], [2, 4, 4, 6]).verdict).toBe('worse');
    expect(pairedDifference('costPerFunded', [2, 4, 4, 6], [1, 2, 3, 4]).verdict).toBe('better');
  });

  it('finds no clear difference when the interval holds zero or is missing', () => {
    expect(pairedDifference('contactRate', [1, 2, 3, 4], [2, 1, 4, 3]).verdict).toBe('no clear difference');
    expect(verdictOf('contactRate', null)).toBe('no clear difference');
    expect(verdictOf('contactRate', [0, 1])).toBe('no clear difference');
  });

  it('leaves out pairs where either side is undefined', () => {
    const d = pairedDifference('costPerFunded', [1, NaN, 3, 4], [2, 5, NaN, 6]);
    expect(d.n).toBe(2);
    expect(d.mean).toBeCloseTo(1.5, 12);
  });

  it('refuses sides of different lengths', () => {
    expect(() => pairedDifference('leads', [1, 2], [1])).toThrow(/2 and 1/);
  });
});
