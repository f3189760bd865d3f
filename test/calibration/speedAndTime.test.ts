import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lrmSpeedFigure, timeOfWeekFigure } from '../../src/calibration/figures';
import { LRM_2007_SCENARIO, VELOCIFY_2016_SCENARIO } from '../../src/calibration/presetScenarios';
import { loadScenario } from '../../src/scenario/load';

/*
 * Figures 4 and 5 of docs/assumptions.md. Each experiment runs 8 replications of 8,000 (figure 4) or 2,500
 * (figure 5, per day or hour cell) leads; the tolerance is the band of each row (stated in src/calibration/
 * figures.ts and docs/assumptions.md), and the 95% interval must also overlap the band, so a lucky mean with a
 * wide interval does not pass.
 */
const lrm = loadScenario(LRM_2007_SCENARIO);
const velocify = loadScenario(VELOCIFY_2016_SCENARIO);

function expectWithinBand(rows: ReturnType<typeof lrmSpeedFigure>) {
  for (const r of rows) {
    expect(r.simulated.mean, r.name).toBeGreaterThanOrEqual(r.low);
    expect(r.simulated.mean, r.name).toBeLessThanOrEqual(r.high);
    // The interval is honest: narrower than the band itself.
    expect(r.simulated.high - r.simulated.low, `${r.name}: interval width`).toBeLessThan(r.high - r.low);
  }
}

describe('Figure 4: the lrm-2007 speed preset (Lead Response Management Study, 2007)', () => {
  it('drops contact on the first call 50-200 fold and qualification 10-40 fold from 5 to 30 minutes', () => {
    const rows = lrmSpeedFigure(lrm, { seed: 'fig4', replications: 8, leads: 8000 });
    expectWithinBand(rows);
  });

  it('is the same snippet as data/scenarios/lrm-2007.json, so users run what is tested', () => {
    const file = JSON.parse(readFileSync(new URL('../../data/scenarios/lrm-2007.json', import.meta.url), 'utf8'));
    expect(file).toEqual(LRM_2007_SCENARIO);
  });
});

describe('Figure 5: time of day and day of week', () => {
  it('gives the lrm-2007 profile +50% (35-65) on the best weekday and +114% (95-135) at 4-6 pm over 11 am-noon, and velocify-2016 a 1.5-4 point hour spread', () => {
    const rows = timeOfWeekFigure(lrm, velocify, { seed: 'fig5', replications: 8, leads: 2500 });
    expectWithinBand(rows);
  });
});

describe('The speed presets are scenario fields', () => {
  it('loads VELOCIFY_2016_SCENARIO as the default model with the flat hour profile', () => {
    expect(velocify.config.contact.hourOfWeek).not.toEqual(loadScenario({}).config.contact.hourOfWeek);
    expect(velocify.config.contact.ageDecay).toEqual(loadScenario({}).config.contact.ageDecay);
  });
});
