import { describe, expect, it } from 'vitest';
import { medianWithUncalled } from '../../src/sim/metricsCollector';
import { int, mulberry32 } from '../helpers/random';

describe('the median time to first call, never-called leads counting as later than any call', () => {
  it('is the median of every lead of the window, or no value once half of them were never called', () => {
    expect(medianWithUncalled([5, 1, 3], 3)).toBe(3);
    // Four leads, one never called: the median is between the second and third calls.
    expect(medianWithUncalled([1, 3, 5], 4)).toBe(4);
    // Four leads, two never called: the median falls among the never called.
    expect(medianWithUncalled([1, 3], 4)).toBeNaN();
    expect(medianWithUncalled([], 0)).toBeNaN();
    // Against the median of all leads written out, Infinity for the never called, over random windows.
    const r = mulberry32(21);
    for (let k = 0; k < 500; k++) {
      const leads = int(r, 1, 40), called = int(r, 0, leads);
      const delays = Array.from({ length: called }, () => r() * 1000);
      const all = [...delays, ...Array.from({ length: leads - called }, () => Infinity)].sort((a, b) => a - b);
      const m = leads % 2 ? all[(leads - 1) / 2] : (all[leads / 2 - 1] + all[leads / 2]) / 2;
      const got = medianWithUncalled(delays, leads);
      if (Number.isFinite(m)) expect(got).toBeCloseTo(m, 12);
      else expect(got).toBeNaN();
    }
  });

  it('never falls when leads that were called are left uncalled (what a short-handed floor does)', () => {
    const r = mulberry32(4);
    for (let k = 0; k < 200; k++) {
      const leads = int(r, 2, 60);
      const delays = Array.from({ length: leads }, () => r() * 500);
      let last = medianWithUncalled(delays, leads);
      for (let dropped = 1; dropped <= leads; dropped++) {
        // Drop a random called lead: it becomes never called.
        delays.splice(int(r, 0, delays.length - 1), 1);
        const m = medianWithUncalled(delays, leads);
        if (Number.isFinite(last) && Number.isFinite(m)) expect(m).toBeGreaterThanOrEqual(last);
        if (!Number.isFinite(last)) expect(m).toBeNaN();
        last = m;
      }
    }
  });
});
