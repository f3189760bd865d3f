import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { formatDiagnosis } from '../../src/cli/diagnoseFormat';
import { svgDocument } from '../../src/cli/svgDocument';
import { lossMoneySpec } from '../../src/charts/diagnosisSpecs';
import type { Diagnosis } from '../../src/diagnose/diagnosis';
import { leadCount, lossRows } from '../../src/diagnose/lossWords';
import { LOSS_BUCKETS } from '../../src/sim/lossAttribution';
import type { LossSummary } from '../../src/sim/summary';

const summary = (mean: number) => ({ mean, ci95: null, sd: 0, n: 1 });

/** Losses where every lead of the month was parked in nurture: 14,883.9 of them (data/scenarios/erlang-c.json's scale). */
function losses(nurture: number): LossSummary {
  const zero = Object.fromEntries(LOSS_BUCKETS.map((b) => [b, 0])) as Record<(typeof LOSS_BUCKETS)[number], number>;
  const buckets = Object.fromEntries(LOSS_BUCKETS.map((b) => [b, { leads: summary(b === 'nurture' ? nurture : 0), leadCost: summary(0), lostRevenue: summary(b === 'nurture' ? 1000 : 0) }]));
  return { buckets, byAgent: [], unassigned: { ...zero, nurture } } as unknown as LossSummary;
}

describe('The words beside the loss buckets', () => {
  it('write thousands of leads with separators, as leadlab run does ("14,883.9", not "14883.9")', () => {
    // Found in review: `leadlab diagnose data/scenarios/erlang-c.json` printed 14883.9 and 2630.5 leads a month.
    expect(leadCount(14883.94)).toBe('14,883.9 leads');
    expect(leadCount(1)).toBe('1.0 lead');
    expect(leadCount(0.04)).toBe('0.0 leads');
    const l = losses(14883.94);
    const floor = { fundedPerMonth: summary(0), revenuePerMonth: summary(0), losses: l };
    const d = { scenario: 'Big', seed: 1, replications: 2, measuredDays: 30, current: floor, steps: [], best: { ...floor, scenario: {} }, interrupted: false } as unknown as Diagnosis;
    expect(formatDiagnosis(d)).toMatch(/Parked in nurture or the drip +14,883\.9 +\$0 +\$1,000/);
    expect((Plot.plot({ ...lossMoneySpec(l), document: svgDocument() }) as Element).outerHTML).toContain('$1,000 (14,883.9 leads)');
  });

  it('lists the buckets by lost revenue, and by leads where the revenue ties (a floor that funds nothing)', () => {
    // Found in review on data/scenarios/erlang-c.json: every bucket at $0, and its 14,883.9 leads parked in nurture
    // listed seventh, in the buckets' own order.
    const l = losses(14883.94);
    for (const b of LOSS_BUCKETS) l.buckets[b].lostRevenue = summary(0);
    l.buckets['not-interested'].leads = summary(2630.5);
    expect(lossRows(l).slice(0, 2).map((r) => r.bucket)).toEqual(['nurture', 'not-interested']);
    // The chart of the page and the report lists them in the same order.
    expect((lossMoneySpec(l).y as { domain: string[] }).domain).toEqual(lossRows(l).map((r) => r.label));
  });
});
