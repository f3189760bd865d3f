import { describe, expect, it } from 'vitest';
import { kthSmallest } from '../../src/stats/median';
import { int, mulberry32 } from '../helpers/random';

describe('kthSmallest', () => {
  it('gives the value a full sort puts at k, and leaves smaller values before it and larger after, over random arrays', () => {
    const r = mulberry32(7);
    for (let t = 0; t < 2000; t++) {
      const n = int(r, 1, 200);
      // Few distinct values half the time (many ties), continuous values otherwise.
      const ties = r() < 0.5;
      const values = Array.from({ length: n }, () => (ties ? int(r, 0, 5) : r() * 1000 - 500));
      const k = int(r, 0, n - 1);
      const sorted = Float64Array.from(values).sort();
      const a = Float64Array.from(values);
      const got = kthSmallest(a, k);
      expect(got).toBe(sorted[k]);
      expect(a[k]).toBe(got);
      for (let i = 0; i < k; i++) expect(a[i]).toBeLessThanOrEqual(got);
      for (let i = k + 1; i < n; i++) expect(a[i]).toBeGreaterThanOrEqual(got);
      // A rearrangement: the same values.
      expect(Float64Array.from(a).sort()).toEqual(sorted);
    }
  });

  it('handles the orders that defeat a naive pivot (sorted, reversed, organ pipe, all equal)', () => {
    const n = 5001;
    const shapes: Record<string, (i: number) => number> = {
      sorted: (i) => i,
      reversed: (i) => n - i,
      organPipe: (i) => Math.min(i, n - i),
      equal: () => 3,
      sawtooth: (i) => i % 17,
    };
    for (const [name, f] of Object.entries(shapes)) {
      const values = Array.from({ length: n }, (_, i) => f(i));
      const sorted = Float64Array.from(values).sort();
      for (const k of [0, 1, 2500, n - 2, n - 1]) expect(kthSmallest(Float64Array.from(values), k), `${name}, k = ${k}`).toBe(sorted[k]);
    }
  });

  it('refuses a k outside the array', () => {
    expect(() => kthSmallest(new Float64Array(3), 3)).toThrow(/outside 0..2/);
    expect(() => kthSmallest(new Float64Array(0), 0)).toThrow(RangeError);
  });
});
