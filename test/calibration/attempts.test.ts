import { beforeAll, describe, expect, it } from 'vitest';
import { attemptFigures, hbrSpeedFigure, type CalibrationRow } from '../../src/calibration/figures';
import { readFileSync } from 'node:fs';
import { defaultScenario, loadScenario } from '../../src/scenario/load';

/*
 * Figures 1-3 of docs/assumptions.md under the built-in defaults: the shapes must come out of the hidden traits
 * (Beta contactability, the first-contact age curve, cooling interest, competitors), measured through the whole
 * workflow for figures 1 and 2 and by the controlled first-call experiment for figure 3.
 * Tolerances are the bands: 3 points for each Leads360 attempt share, 5 and 3 points for Velocify 2012,
 * 5-9x and 40-100x for HBR 2011. Each row's 95% interval must also be narrower than its band, so a lucky mean with
 * a wide interval does not pass.
 */
function expectWithinBand(rows: CalibrationRow[]) {
  for (const r of rows) {
    expect(r.simulated.mean, r.name).toBeGreaterThanOrEqual(r.low);
    expect(r.simulated.mean, r.name).toBeLessThanOrEqual(r.high);
    expect(r.simulated.high - r.simulated.low, `${r.name}: interval width`).toBeLessThan(r.high - r.low);
  }
}

/*
 * Figures 1 and 2 are measured on the floors the studies observed (data/scenarios/call-studies.json: the default floor
 * handing leads out oldest first, every lead worked however long it waited, stages moving per conversation); the
 * default floor hands out the freshest lead first, ages stale leads out and paces caps, which moves about 4 points of
 * first contacts from attempts 3+ to attempts 1-2 (docs/tradeoffs.md).
 */
describe('Figures 1 and 2: first contact by attempt under the radar cadence, on the call studies\' floors', () => {
  // 96 replications of the 90-day scenario: about 240,000 measured leads. The model puts funded leads first reached
  // by attempt 6 at about 95.3%, near the band's top (96), and with 48 replications one seed in a few came out above it.
  let rows: CalibrationRow[];
  beforeAll(() => {
    const callStudies = loadScenario(JSON.parse(readFileSync(new URL('../../data/scenarios/call-studies.json', import.meta.url), 'utf8')));
    rows = attemptFigures(callStudies, { seed: 'fig12', replications: 96 });
  });

  it('reaches 39, 72, 83, 88 and 91% (+-3) of contacted leads by attempts 1-5 (Leads360)', () => {
    const fig1 = rows.filter((r) => r.figure === 1);
    expect(fig1.map((r) => r.target)).toEqual([39, 72, 83, 88, 91]);
    expectWithinBand(fig1);
  });

  it('puts 48% (+-5) of funded leads on attempt 1 and 93% (+-3) by attempt 6, and converts leads first reached after 6 attempts markedly less (0.35-0.85x; Velocify 2012: 45% less)', () => {
    const fig2 = rows.filter((r) => r.figure === 2);
    expect(fig2.map((r) => r.target)).toEqual([48, 93, 0.55]);
    expectWithinBand(fig2);
  });
});

describe('Figure 3: speed to lead (Oldroyd, McElheran, Elkington, HBR 2011)', () => {
  it('makes a first call in hour 1 qualify 5-9x as often as one in hour 2, and 40-100x as often as one after 24 h', () => {
    // 8 replications of 8,000 leads per arm.
    expectWithinBand(hbrSpeedFigure(defaultScenario(), { seed: 'fig3', replications: 8, leads: 8000 }));
  });
});
