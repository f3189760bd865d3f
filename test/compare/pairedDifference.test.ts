import { describe, expect, it } from 'vitest';
import { MIN_PAIRS_AGREEING, pairedDifference, verdictOf } from '../../src/compare';
import { METRICS } from '../../src/sim/runResult';

describe('pairedDifference', () => {
  it('gives the t interval of the differences computed by hand', () => {
    // Differences 1, 2, 1, 2: mean 1.5, sd sqrt(1/3), t(0.975, 3) = 3.182, half width 3.182 * sqrt(1/3) / 2.
    const d = pairedDifference('funded', [1, 2, 3, 4], [2, 4, 4, 6]);
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

  it('calls volumes and mechanisms higher or lower, never better or worse, and follows a goal when given one', () => {
    for (const m of ['leads', 'attemptsPerLead', 'meanPipeline', 'agentUtilization', 'fulfillmentCost'] as const) {
      expect(METRICS[m].higherIsBetter, m).toBeNull();
      expect(pairedDifference(m, [1, 2, 3, 4], [2, 4, 4, 6]).verdict, m).toBe('higher');
      expect(pairedDifference(m, [2, 4, 4, 6], [1, 2, 3, 4]).verdict, m).toBe('lower');
      expect(verdictOf(m, [1, 2], true)).toBe('better');
      expect(verdictOf(m, [1, 2], false)).toBe('worse');
    }
    // Outcomes keep their direction.
    expect(pairedDifference('funded', [1, 2, 3, 4], [2, 4, 4, 6]).verdict).toBe('better');
    expect(pairedDifference('spoiledShare', [1, 2, 3, 4], [2, 4, 4, 6]).verdict).toBe('worse');
  });

  it('gives no interval to a few pairs that coincide on one difference, unless each side never varied', () => {
    // Two replications, each 3 funded loans more: sides vary, the differences coincide: the spread is unknown.
    const few = pairedDifference('funded', [10, 12], [13, 15]);
    expect(few).toMatchObject({ mean: 3, ci95: null, agreeExactly: true, verdict: 'no clear difference', n: 2 });
    // From MIN_PAIRS_AGREEING pairs on, a difference that never varies is taken as fixed.
    const many = pairedDifference('funded', [10, 12, 11, 9, 13], [13, 15, 14, 12, 16]);
    expect(MIN_PAIRS_AGREEING).toBe(5);
    expect(many).toMatchObject({ mean: 3, ci95: [3, 3], agreeExactly: true, verdict: 'better' });
    // Each side constant (an agent cost): fixed at any count of pairs.
    expect(pairedDifference('agentCost', [100, 100], [150, 150])).toMatchObject({ ci95: [50, 50], verdict: 'worse', agreeExactly: true });
    // Zero differences are no difference, with their zero-width interval.
    expect(pairedDifference('funded', [10, 12], [10, 12])).toMatchObject({ mean: 0, ci95: [0, 0], agreeExactly: false, verdict: 'no clear difference' });
  });

  it('keeps the interval of a difference of shares within -100 to +100 points, its mean and verdict unchanged', () => {
    // Two scattered pairs: the t interval (t = 12.7 on 1 degree of freedom) reaches far past +-1.
    const wide = pairedDifference('pullThrough', [0.9, 0.1], [0.1, 0.8]);
    const t = 12.706 * (Math.abs(-0.8 - 0.7) / 2 / Math.SQRT2);
    expect(wide.mean).toBeCloseTo(-0.05, 12);
    expect(-0.05 - t).toBeLessThan(-1);
    expect(wide.ci95).toEqual([-1, 1]);
    expect(wide.verdict).toBe('no clear difference');
    // A count is not cut.
    expect(pairedDifference('funded', [90, 10], [10, 80]).ci95![0]).toBeLessThan(-100);
  });

  it('refuses sides of different lengths', () => {
    expect(() => pairedDifference('leads', [1, 2], [1])).toThrow(/2 and 1/);
  });
});
