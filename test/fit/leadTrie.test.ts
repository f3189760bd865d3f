import { describe, expect, it } from 'vitest';
import { fitContactModel, leadTrie, multiplierVariances, type SearchAttempts } from '../../src/fit/contactModelFit';
import { mulberry32 } from '../helpers/random';
import { regularizedBeta } from '../../src/stats/regularizedBeta';
import { fitCallLog } from '../../src/fit/fitCallLog';
import { simulateCallLog } from '../../src/fit/simulateCallLog';
import { callLogTableFromRecords } from '../../src/io/callLogTable';
import { stream } from '../../src/sim/random';

// Histories as [hour, age bucket, contact] triples per lead, flattened as fitContactModel reads them.
function searchAttempts(leads: [number, number, number][][]): SearchAttempts {
  const flat = leads.flat();
  const leadStart = new Int32Array(leads.length + 1);
  leads.forEach((l, i) => (leadStart[i + 1] = leadStart[i] + l.length));
  return {
    leadStart,
    hour: Uint8Array.from(flat, (x) => x[0]),
    ageBucket: Uint8Array.from(flat, (x) => x[1]),
    contact: Uint8Array.from(flat, (x) => x[2]),
  };
}

describe('leadTrie', () => {
  it('shares the histories and beginnings leads have in common, counting leads per whole history', () => {
    const trie = leadTrie(searchAttempts([[[9, 0, 0], [10, 1, 1]], [], [[9, 0, 0]], [[9, 0, 0], [10, 1, 1]], [[9, 0, 0], [11, 1, 0]]]), 2);
    // Nodes: 9/0 miss (1 lead ends there), then 10/1 contact (2 leads) and 11/1 miss (1 lead); one lead has no attempt.
    expect(trie.nodes).toBe(3);
    expect(Array.from(trie.depth)).toEqual([1, 2, 2]);
    expect(Array.from(trie.code)).toEqual([(9 * 2 + 0) * 2, (10 * 2 + 1) * 2 + 1, (11 * 2 + 1) * 2]);
    expect(Array.from(trie.count)).toEqual([1, 2, 1]);
    expect(trie.rootCount).toBe(1);
    expect(trie.maxDepth).toBe(2);
    // Four distinct histories (the empty one included): the two leads of 9/0 miss, 10/1 contact are one group.
    const groups = Array.from(trie.groupLead, (l, i) => [l === 3 ? 0 : l, trie.groupSize[i]]).sort((a, b) => a[0] - b[0]);
    expect(groups).toEqual([[0, 2], [1, 1], [2, 1], [4, 1]]);
  });

  it('groups random leads into their distinct histories, and the variance pass gives the same over groups as lead by lead', () => {
    const r = mulberry32(17);
    for (let trial = 0; trial < 5; trial++) {
      const leads: [number, number, number][][] = Array.from({ length: 400 }, () =>
        Array.from({ length: Math.floor(r() * 4) }, (_, k) => [9 + Math.floor(r() * 3), Math.min(k, 2), r() < 0.3 ? 1 : 0] as [number, number, number]),
      );
      const attempts = searchAttempts(leads);
      const trie = leadTrie(attempts, 3);
      const key = (i: number) => JSON.stringify(leads[i]);
      // Every lead is counted once, in the group of its own history, and groups have distinct histories.
      expect(trie.groupSize.reduce((a, b) => a + b, 0)).toBe(leads.length);
      const byKey = new Map<string, number>();
      for (const l of leads) byKey.set(JSON.stringify(l), (byKey.get(JSON.stringify(l)) ?? 0) + 1);
      expect(trie.groupLead.length).toBe(byKey.size);
      trie.groupLead.forEach((l, i) => expect(trie.groupSize[i]).toBe(byKey.get(key(l))));
      // The variances, from a fit with every multiplier free, lead by lead and by group.
      const fit = fitContactModel(attempts, { ageBuckets: 3, minAttempts: 5, maxIterations: 30 });
      const h = Float64Array.from(fit.hourOfWeek, (m) => m.value), g = Float64Array.from(fit.ageDecay, (m) => m.value);
      const G = 64, nodes = Array.from({ length: G }, (_, k) => ((k + 0.5) / G) ** 2);
      const cellProbs = (a: number, b: number) => {
        const edges = Array.from({ length: G + 1 }, (_, k) => regularizedBeta((k / G) ** 2, a, b));
        return Float64Array.from({ length: G }, (_, k) => edges[k + 1] - edges[k]);
      };
      const ageFree = [false, true, true];
      const one = multiplierVariances(attempts, cellProbs, fit.alpha, fit.beta, nodes, h, g, ageFree);
      const grouped = multiplierVariances(attempts, cellProbs, fit.alpha, fit.beta, nodes, h, g, ageFree, trie);
      for (const [x, y] of [...Array.from(one.age, (v, i) => [v, grouped.age[i]]), ...Array.from(one.hour, (v, i) => [v, grouped.hour[i]])]) {
        if (Number.isFinite(x)) expect(Math.abs(y - x)).toBeLessThanOrEqual(1e-9 * Math.abs(x));
        else expect(y).toBe(x);
      }
    }
  });
});

describe('fitContactModel E-step over shared histories', () => {
  it('gives the log-likelihood of a direct sum over leads, on the same contactability grid', () => {
    // Many leads, few distinct histories: hours 9-11, two age buckets, up to three attempts.
    const leads: [number, number, number][][] = [];
    for (let i = 0; i < 300; i++) {
      const n = 1 + (i % 3), history: [number, number, number][] = [];
      for (let k = 0; k < n; k++) history.push([9 + ((i + k) % 3), k === 0 ? 0 : 1, k === n - 1 && i % 5 < 2 ? 1 : 0]);
      leads.push(history);
    }
    const fit = fitContactModel(searchAttempts(leads), { ageBuckets: 2, minAttempts: 1_000_000, start: { alpha: 1.3, beta: 2.5 }, maxIterations: 0 });
    // With every multiplier at 1 (too few attempts to estimate any), P(contact) = p; p on the fit's grid.
    const G = 64;
    let direct = 0;
    for (const history of leads) {
      let lead = 0;
      for (let g = 0; g < G; g++) {
        const from = regularizedBeta((g / G) ** 2, 1.3, 2.5), to = g === G - 1 ? 1 : regularizedBeta(((g + 1) / G) ** 2, 1.3, 2.5);
        const p = ((g + 0.5) / G) ** 2;
        lead += Math.max(to - from, 1e-300) * history.reduce((s, [, , c]) => s * (c ? p : 1 - p), 1);
      }
      direct += Math.log(lead);
    }
    expect(fit.logLik).toBeCloseTo(direct, 8);
  });
});

describe('fitCallLog and the order of the log', () => {
  it('gives the same contact model whatever the order of the leads in the log', () => {
    const records = simulateCallLog(stream(5, 'order'), {
      model: { contactability: { alpha: 1, beta: 2 }, hourOfWeek: new Array<number>(168).fill(1), ageDecay: { kind: 'exponential', halfLifeMinutes: 120, floor: 0.4 } },
      leads: 2000, arrivalSpan: 4 * 10080, schedule: [1, 30, 240, 1440, 2880], jitter: 3,
    });
    // A capped number of EM iterations keeps the test short; the order must not matter at any iteration.
    const forward = fitCallLog(callLogTableFromRecords(records), { maxIterations: 30 });
    const backward = fitCallLog(callLogTableFromRecords([...records].reverse()), { maxIterations: 30 });
    expect(backward.contactModel).toEqual(forward.contactModel);
    expect(backward.contactModelFit.iterations).toBe(forward.contactModelFit.iterations);
  });
});
