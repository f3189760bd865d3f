import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allCandidatesSame, confirmationSplit, firstFreshReplication, successiveHalving } from '../../src/compare';

// A deterministic standard-normal-ish noise per (candidate, replication): the sum of 12 uniforms minus 6.
function noise(candidate: number, replication: number, seed: number): number {
  let x = (candidate * 7919 + replication * 104729 + seed * 1299709) >>> 0;
  let sum = 0;
  for (let k = 0; k < 12; k++) {
    x = (Math.imul(x ^ (x >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    x = (Math.imul(x ^ (x >>> 13), 3266489909) >>> 0) ^ (x >>> 16);
    sum += (x >>> 0) / 2 ** 32;
  }
  return sum - 6;
}

describe('successiveHalving', () => {
  it('finds the peak of a noisy curve whose best candidate is known', async () => {
    // Candidate i is worth -(i - 11)^2 plus noise of sd 1: the peak's neighbours are 1 worse, several standard errors
    // of the means the last round compares (about 50 replications each).
    const result = await successiveHalving({
      candidates: 16,
      budget: 400,
      higherIsBetter: true,
      evaluate: async (tasks) => tasks.map((t) => -((t.candidate - 11) ** 2) + noise(t.candidate, t.replication, 1)),
    });
    expect(result.best).toBe(11);
    expect(result.runs).toBeLessThanOrEqual(400);
    expect(result.rounds.map((r) => r.candidates.length)).toEqual([16, 8, 4, 2]);
    expect(result.rounds.at(-1)!.replications).toBeGreaterThan(result.rounds[0].replications);
  });

  it('finds the minimum when lower is better, and never spends more than the budget', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 1000 }), async (n, rawBest, extra, seed) => {
        const best = rawBest % n;
        const budget = 2 * n + extra;
        let spent = 0;
        const result = await successiveHalving({
          candidates: n,
          budget,
          higherIsBetter: false,
          evaluate: async (tasks) => {
            spent += tasks.length;
            // A gap of 10 between the best and the rest, noise of sd 1: the best is always found.
            return tasks.map((t) => (t.candidate === best ? 0 : 10 + Math.abs(t.candidate - best)) + noise(t.candidate, t.replication, seed));
          },
        });
        expect(result.best).toBe(best);
        expect(spent).toBe(result.runs);
        expect(spent).toBeLessThanOrEqual(budget);
      }),
      { numRuns: 60 },
    );
  });

  it('ranks a candidate by the replications where the metric is defined, not last for one undefined replication', async () => {
    // Found by test/compare/randomOptimize.test.ts: minimizing cost per funded loan on a small floor, a replication
    // that funds nothing has no cost per funded loan (NaN), and the candidate was ranked last (or, when every
    // candidate had one, the first candidate won whatever its costs). Candidate 2 costs least; its replication 1
    // funds nothing, and so does replication 3 of every candidate.
    const cost = [300, 200, 100, 250];
    const result = await successiveHalving({
      candidates: 4,
      budget: 32,
      higherIsBetter: false,
      evaluate: async (tasks) => tasks.map((t) => ((t.candidate === 2 && t.replication === 1) || t.replication === 3 ? NaN : cost[t.candidate] + t.replication)),
    });
    expect(result.best).toBe(2);
    expect(result.rounds[0].means).toEqual([301, 201, 101, 251]);
    // Undefined in every replication: undefined, and ranked after every defined candidate.
    const never = await successiveHalving({ candidates: 3, budget: 6, higherIsBetter: true, evaluate: async (tasks) => tasks.map((t) => (t.candidate === 0 ? NaN : t.candidate)) });
    expect(never.rounds[0].means).toEqual([NaN, 1, 2]);
    expect(never.best).toBe(2);
  });

  it('shows only rounds that ran something, and says when the budget ran out before one candidate was left', async () => {
    // 20 candidates with 40 runs: round 1 spends them all (2 each). The rounds after it had nothing to run, so the
    // same 40 values were ranked again and again: they were listed as rounds 2 to 5 with "2 replications each".
    const level = (c: number) => (c * 7) % 20;
    const result = await successiveHalving({ candidates: 20, budget: 40, higherIsBetter: true, evaluate: async (tasks) => tasks.map((t) => level(t.candidate) + noise(t.candidate, t.replication, 3)) });
    expect(result.runs).toBe(40);
    expect(result.rounds.map((r) => [r.candidates.length, r.replications])).toEqual([[20, 2]]);
    expect(result.budgetRanOutAfter).toBe(1);
    // The best is the best mean of round 1, the only one that ran.
    const means = result.rounds[0].means;
    expect(result.best).toBe(result.rounds[0].candidates[means.indexOf(Math.max(...means))]);
    // A budget that lasts to the end: every round runs, and nothing ran out.
    const full = await successiveHalving({ candidates: 8, budget: 200, higherIsBetter: true, evaluate: async (tasks) => tasks.map((t) => noise(t.candidate, t.replication, 4)) });
    expect(full.budgetRanOutAfter).toBeNull();
    expect(full.rounds.map((r) => r.candidates.length)).toEqual([8, 4, 2]);
  });

  it('every round shown adds replications to the ones before, on any budget', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 120 }), async (n, extra) => {
        const result = await successiveHalving({ candidates: n, budget: 2 * n + extra, higherIsBetter: true, evaluate: async (tasks) => tasks.map((t) => noise(t.candidate, t.replication, n)) });
        for (let k = 1; k < result.rounds.length; k++) expect(result.rounds[k].replications).toBeGreaterThan(result.rounds[k - 1].replications);
        // Ran out only when the last round shown left more than one candidate to rank.
        if (result.budgetRanOutAfter !== null) expect(result.rounds.at(-1)!.candidates.length).toBeGreaterThan(1);
      }),
      { numRuns: 80 },
    );
  });

  it('sets the confirmation on fresh replications aside out of the budget, or refuses a budget too small for both', () => {
    for (const [budget, n] of [[44, 20], [60, 20], [120, 20], [1000, 7], [9, 2]]) {
      const split = confirmationSplit(budget, n);
      expect(split.search + 2 * split.confirmReplications).toBe(budget);
      expect(split.search).toBeGreaterThanOrEqual(2 * n);
      expect(split.confirmReplications).toBeGreaterThanOrEqual(2);
    }
    expect(() => confirmationSplit(43, 20)).toThrow(/a budget of 43 runs is too small for 20 candidates; it needs at least 44/);
  });

  it('starts the confirmation after every replication the search ran', async () => {
    const result = await successiveHalving({ candidates: 6, budget: 50, higherIsBetter: true, evaluate: async (tasks) => tasks.map((t) => noise(t.candidate, t.replication, 5)) });
    const used = Math.max(...result.rounds.map((r) => r.replications));
    expect(firstFreshReplication(result)).toBe(used);
  });

  it('refuses a budget too small for two replications per candidate', async () => {
    await expect(successiveHalving({ candidates: 10, budget: 19, higherIsBetter: true, evaluate: async (t) => t.map(() => 0) })).rejects.toThrow(/at least 20/);
  });
});

describe('allCandidatesSame', () => {
  it('is true only when every replication gave every candidate that ran it the same result', () => {
    expect(allCandidatesSame([['a', 'b'], ['a', 'b'], ['a', 'b', 'c', 'd']])).toBe(true);
    // The survivors of round one differ on a replication the others never ran.
    expect(allCandidatesSame([['a', 'b'], ['a', 'b', 'c'], ['a', 'b', 'x']])).toBe(false);
    expect(allCandidatesSame([['a', 'b'], ['a', 'y']])).toBe(false);
    // One candidate is no choice, and a candidate without runs says nothing.
    expect(allCandidatesSame([['a']])).toBe(false);
    expect(allCandidatesSame([['a'], []])).toBe(false);
  });

  it('finds a tie from the values a search measured on a candidate-blind metric', async () => {
    const search = await successiveHalving({ candidates: 4, budget: 40, higherIsBetter: true, evaluate: async (tasks) => tasks.map((t) => noise(0, t.replication, 3)) });
    expect(allCandidatesSame(search.values)).toBe(true);
    const differs = await successiveHalving({ candidates: 4, budget: 40, higherIsBetter: true, evaluate: async (tasks) => tasks.map((t) => noise(t.candidate, t.replication, 3)) });
    expect(allCandidatesSame(differs.values)).toBe(false);
  });
});
