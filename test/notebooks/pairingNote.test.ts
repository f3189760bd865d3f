import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/compare/compareScenarios';
import { pairingNote } from '../../src/ui/notebooks/callbackPeriodsStory';

/** A comparison with the best first: each [own interval, paired interval against the best] of funded loans. */
function comparison(best: [number, number], others: [[number, number], [number, number]][]): Comparison {
  const funded = (ci95: [number, number]) => ({ funded: { mean: (ci95[0] + ci95[1]) / 2, ci95 } });
  return {
    scenarios: [
      { name: 'best', metrics: funded(best), vsBaseline: null },
      ...others.map(([own, paired], i) => ({ name: `other ${i}`, metrics: funded(own), vsBaseline: funded(paired) })),
    ],
  } as unknown as Comparison;
}

describe('the callback-periods notebook\'s note on pairing', () => {
  it('says the paired differences are wider when they are, as the review\'s reached-lead numbers were', () => {
    // Leads reached: paired -15.3 to +6.8 (22.1 wide) against a single interval of 29.2 to 38.3 (9.1 wide).
    const note = pairingNote([comparison([29.2, 38.3], [[[25, 37], [-15.3, 6.8]]])]);
    expect(note).not.toContain('narrower than the intervals of each one alone');
    expect(note).toContain('1 of the 1 paired differences are as wide as or wider than the intervals of each one alone (a typical paired interval is 243% as wide as the narrower of the two alone)');
  });

  it('says "much narrower" only when every paired interval is narrower and the typical one is at most half as wide', () => {
    const much = pairingNote([comparison([30, 40], [[[28, 38], [-3, 1]], [[25, 35], [-6, -2]]])]);
    expect(much).toContain('so the paired differences are much narrower than the intervals of each one alone: a typical paired interval is 40% as wide');
    const some = pairingNote([comparison([30, 40], [[[28, 38], [-4, 3]]])]);
    expect(some).toContain('so the paired differences are narrower than the intervals of each one alone: a typical paired interval is 70% as wide');
  });
});
