import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { alea, aleaNext, type AleaState } from '../../src/sim/alea';
import { Lead } from '../../src/sim/lead';
import { seedStream, stream } from '../../src/sim/random';

describe('Alea', () => {
  it('gives the same numbers as seedrandom.alea for any seed string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.integer({ min: 1, max: 200 }), (seed, n) => {
        const ours = alea(seed), theirs = seedrandom.alea(seed);
        for (let i = 0; i < n; i++) expect(ours()).toBe(theirs());
      }),
      { numRuns: 500 },
    );
  });

  it('matches on the seeds the simulator uses, over a long stretch', () => {
    for (const seed of ['1#0/lead/0', '1#0/calls/99999', 'calibration/0/arrivals', '']) {
      const ours = alea(seed), theirs = seedrandom.alea(seed);
      for (let i = 0; i < 100_000; i++) if (ours() !== theirs()) throw new Error(`${seed}: draw ${i} differs`);
    }
  });

  it('draws uniform numbers in [0, 1): 10 equal bins within 4.5 sd of 10,000 each', () => {
    const u = alea('uniformity');
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const x = u();
      expect(x >= 0 && x < 1).toBe(true);
      bins[Math.floor(x * 10)]++;
    }
    for (const b of bins) expect(Math.abs(b - 10_000)).toBeLessThan(4.5 * Math.sqrt(100_000 * 0.1 * 0.9));
  });

  it('seeds unkeyed streams, and streams with keys other than whole numbers, by the string "seed/purpose/key"', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 30 }), fc.integer()), fc.string({ maxLength: 20 }), fc.oneof(fc.string({ maxLength: 10 }), fc.integer({ max: -1 }), fc.double({ noInteger: true })), (seed, purpose, key) => {
        const keyed = stream(seed, purpose, key), theirs = seedrandom.alea(`${seed}/${purpose}/${key}`);
        const plain = stream(seed, purpose), theirsPlain = seedrandom.alea(`${seed}/${purpose}`);
        for (let i = 0; i < 5; i++) {
          expect(keyed()).toBe(theirs());
          expect(plain()).toBe(theirsPlain());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('seeds streams in place to the same numbers, and a lead draws them from its own fields', () => {
    const state = (): AleaState => ({ s0: 0, s1: 0, s2: 0, c: 1 });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 30 }), fc.integer()), fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), fc.oneof(fc.nat(), fc.maxSafeNat()), (seed, p, q, key) => {
        const one = state(), a = state(), b = state();
        seedStream(seed, p, key, one);
        seedStream(seed, p, key, a);
        seedStream(seed, q, key, b);
        const lead = new Lead(0, 0, 0, 0, 0, false, 1, Infinity, false, { ...a }, { ...b });
        const sp = stream(seed, p, key), sq = stream(seed, q, key);
        for (let i = 0; i < 50; i++) {
          const x = sp(), y = sq();
          expect(aleaNext(one)).toBe(x);
          expect(aleaNext(a)).toBe(x);
          expect(aleaNext(b)).toBe(y);
          expect(lead.callDraw()).toBe(x);
          expect(lead.conversationDraw()).toBe(y);
        }
      }),
      { numRuns: 300 },
    );
  });
});
