import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../src/scenario/load';
import { runScenario } from '../../../src/scenario/runScenario';

const sources = [
  { name: 'aggregator', share: 1 },
  { name: 'web-form', share: 1 },
];

/** Four closers, two sources of equal size and quality; teams by source or everyone on everything. */
function floor(specialist: boolean, maxGain: number) {
  return {
    days: 240,
    // The learning period is discarded: conversion is measured once experience has built up.
    warmupDays: 120,
    cooldownDays: 14,
    leads: { perDay: 40, sources },
    agents: [
      { name: 'A', count: 2, shift: '08:00-18:00', days: 'Mon-Sat', newLeadsPerDay: 20 },
      { name: 'B', count: 2, shift: '08:00-18:00', days: 'Mon-Sat', newLeadsPerDay: 20 },
    ],
    distribution: {
      strategy: 'source-specialist',
      options: { teams: specialist ? { aggregator: ['A'], 'web-form': ['B'] } : {}, learning: { maxGain, conversationsToHalf: 1500 } },
    },
  };
}

/** Paired difference in application rate, specialists minus generalists, over replications on common random numbers. */
function pairedDifference(maxGain: number) {
  const opts = { seed: 21, replications: 6 };
  const spec = runScenario(loadScenario(floor(true, maxGain)), opts).runs.map((r) => r.metrics.applicationRate);
  const gen = runScenario(loadScenario(floor(false, maxGain)), opts).runs.map((r) => r.metrics.applicationRate);
  const d = spec.map((x, i) => x - gen[i]);
  const mean = d.reduce((a, b) => a + b, 0) / d.length;
  const sd = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (d.length - 1));
  const base = gen.reduce((a, b) => a + b, 0) / gen.length;
  // Student t with 5 degrees of freedom, two-sided 95%.
  return { mean, half: (2.571 * sd) / Math.sqrt(d.length), base };
}

describe('source specialist', () => {
  it('after the learning period out-converts a generalist team; with the learning curve off it does not', () => {
    const on = pairedDifference(1);
    const off = pairedDifference(0);
    // Learning on: specialists have about twice the experience per source, so convert clearly better.
    expect(on.mean - on.half).toBeGreaterThan(0);
    // Learning off: the same agents with the same skill convert the same, up to noise.
    expect(Math.abs(off.mean)).toBeLessThan(Math.max(off.half, 0.1 * off.base));
    expect(on.mean).toBeGreaterThan(Math.abs(off.mean) + 0.02 * on.base);
  });
});
