import { describe, expect, it } from 'vitest';
import { aleaNext, type AleaState } from '../../src/sim/alea';
import { replicationSeed, seedStream } from '../../src/sim/random';

/*
 * Per-lead streams are seeded from an integer hash of the lead's id (src/sim/random.ts). Leads with consecutive ids,
 * and the purposes of one lead, must get streams that look independent: these tests check it against what independent
 * uniform draws would give, with bounds far enough out (about 1 in 1,000 or rarer for a good generator) that a fixed
 * seed passing them is not luck of the seed.
 */

const N = 20_000;

/** The first `draws` numbers of stream (seed, purpose, id) for ids `from` to `from + N - 1`, one array per draw index. */
function firstDraws(seed: string, purpose: string, from = 0, draws = 1): Float64Array[] {
  const out = Array.from({ length: draws }, () => new Float64Array(N));
  const state: AleaState = { s0: 0, s1: 0, s2: 0, c: 1 };
  for (let i = 0; i < N; i++) {
    seedStream(seed, purpose, from + i, state);
    for (let k = 0; k < draws; k++) out[k][i] = aleaNext(state);
  }
  return out;
}

/** Chi-square statistic of `xs` in `bins` equal bins of [0, 1). */
function chiSquare(xs: ArrayLike<number>, bins: number): number {
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < xs.length; i++) counts[Math.floor(xs[i] * bins)]++;
  const expected = xs.length / bins;
  return counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
}

/** Pearson correlation of two samples of one length. */
function correlation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx, dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

// Chi-square with 63 degrees of freedom: 0.1% and 99.9% quantiles. Too small a statistic flags draws spread more
// evenly than chance would (a lattice such as a Weyl sequence of ids), too large one uneven draws.
const CHI2_63_LOW = 34.8, CHI2_63_HIGH = 103.4;
// An independent pair's correlation has standard deviation 1/sqrt(N); 3.5 of them is 1 in 2,000 two-sided.
const MAX_CORRELATION = 3.5 / Math.sqrt(N);

describe('Per-lead streams', () => {
  const seed = replicationSeed(1, 0);

  it('give uniform first draws across consecutive lead ids, each draw in [0, 1) a multiple of 2^-32', () => {
    for (const purpose of ['lead', 'calls', 'loan']) {
      for (const xs of firstDraws(seed, purpose, 0, 3)) {
        expect(xs.every((x) => x >= 0 && x < 1 && Number.isInteger(x * 2 ** 32))).toBe(true);
        const chi2 = chiSquare(xs, 64);
        expect(chi2).toBeGreaterThan(CHI2_63_LOW);
        expect(chi2).toBeLessThan(CHI2_63_HIGH);
      }
    }
  });

  it('give consecutive leads unrelated first draws: pairs uniform on an 8x8 grid, near-zero correlation', () => {
    const [xs] = firstDraws(seed, 'calls');
    const cells: number[] = [];
    for (let i = 0; i + 1 < N; i += 2) cells.push((Math.floor(xs[i] * 8) * 8 + Math.floor(xs[i + 1] * 8) + 0.5) / 64);
    const chi2 = chiSquare(cells, 64);
    expect(chi2).toBeGreaterThan(CHI2_63_LOW);
    expect(chi2).toBeLessThan(CHI2_63_HIGH);
    expect(Math.abs(correlation(xs.subarray(1), xs.subarray(0, N - 1)))).toBeLessThan(MAX_CORRELATION);
  });

  it('give the purposes of one lead, and one lead in two replications, unrelated streams', () => {
    const [lead0, lead1] = firstDraws(seed, 'lead', 0, 2);
    const [calls0, calls1] = firstDraws(seed, 'calls', 0, 2);
    const [other] = firstDraws(replicationSeed(1, 1), 'calls');
    for (const [x, y] of [[lead0, calls0], [lead1, calls1], [lead0, calls1], [calls0, other]]) {
      expect(Math.abs(correlation(x, y))).toBeLessThan(MAX_CORRELATION);
    }
  });

  it('tell apart ids that differ only above 32 bits', () => {
    const [low] = firstDraws(seed, 'calls', 7);
    const [high] = firstDraws(seed, 'calls', 7 + 2 ** 32);
    expect(Math.abs(correlation(low, high))).toBeLessThan(MAX_CORRELATION);
  });
});
