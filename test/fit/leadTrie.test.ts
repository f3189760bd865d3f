import { describe, expect, it } from 'vitest';
import { fitContactModel, leadTrie, type SearchAttempts } from '../../src/fit/contactModelFit';
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
