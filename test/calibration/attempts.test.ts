import { describe, expect, it } from 'vitest';
import { attemptFigures } from '../../src/calibration/figures';
import { defaultScenario } from '../../src/scenario/load';

/*
 * Figures 1 and 2 of docs/assumptions.md through the whole default workflow (radar cadence, shifts, funnel):
 * 16 replications of the default 90-day scenario, about 3,000 measured leads and 60 funded leads each.
 * Figure 2 (Velocify 2012) is tested with its tolerance: funded leads first reached on attempt 1 within 5 points
 * of 48%, by attempt 6 within 3 points of 93%. Figure 1 (Leads360) is reached only at attempt 1 by the default
 * model (see docs/assumptions.md, "What the defaults do not reach"), so only that row is tested here.
 */
describe('Figures 1 and 2: first contact by attempt under the default radar cadence', () => {
  const rows = attemptFigures(defaultScenario(), { seed: 'fig12', replications: 16 });

  it('reaches 48% +- 5 of funded leads on attempt 1 and 93% +- 3 by attempt 6 (Velocify 2012)', () => {
    const [first, sixth] = rows.filter((r) => r.figure === 2);
    expect(first.simulated.mean).toBeGreaterThanOrEqual(43);
    expect(first.simulated.mean).toBeLessThanOrEqual(53);
    expect(sixth.simulated.mean).toBeGreaterThanOrEqual(90);
    expect(sixth.simulated.mean).toBeLessThanOrEqual(96);
  });

  it('reaches 39% +- 3 of contacted leads on attempt 1 (Leads360)', () => {
    const first = rows.find((r) => r.figure === 1)!;
    expect(first.simulated.mean).toBeGreaterThanOrEqual(36);
    expect(first.simulated.mean).toBeLessThanOrEqual(42);
  });

});
