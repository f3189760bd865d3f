import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { estimateRun } from '../../src/sim/runEstimate';
import { daysHint } from '../../src/ui/daysHint';
import { PRESET_COMPARISONS } from '../../src/ui/presets';

/*
 * "Days simulated 90" showed as "150 days" in the run estimate and as 60 measured days in the answers, with nothing
 * on the page saying why. The field's hint gives the scenario's own warm-up, measured window and cool-down, and its
 * numbers are the estimate's days and the answers' window.
 */
describe('the hint of "Days simulated"', () => {
  const scenarios = [...PRESET_COMPARISONS.flatMap((c) => c.scenarios), { name: 'short', days: 12 }, { name: 'no cool-down', days: 40, warmupDays: 0, cooldownDays: 0 }];

  it('says the warm-up, the measured window and the cool-down of each scenario, adding up to the estimate\'s days', () => {
    for (const s of scenarios) {
      const { config } = loadScenario(s);
      const hint = daysHint(config);
      const estimate = estimateRun(config, { attempted: 14, contacted: 6, application: 5, closing: 5 });
      const [arrivals, warmup, measured, cooldown, total] = [...hint.matchAll(/([\d,]+) days?/g)].map((m) => Number(m[1].replace(/,/g, '')));
      expect(arrivals, hint).toBe((s as { days?: number }).days ?? 90);
      expect(warmup + measured, hint).toBe(arrivals);
      // The answers are about funded loans of the measured window (the page's windowDays).
      expect(measured, hint).toBe(config.days - config.warmupDays);
      expect(total, hint).toBe(estimate.days);
      expect(arrivals + cooldown, hint).toBe(total);
    }
  });

  it('reads as the page shows it for the default 90 days', () => {
    expect(daysHint({ days: 90, warmupDays: 30, cooldownDays: 60 })).toBe('Leads arrive on these 90 days: the first 30 days are warm-up while pipelines fill (not measured), the other 60 days are the measured window the answers are about. Then 60 days of cool-down run with no new leads so the last measured leads can fund: 150 days simulated in all (warm-up and cool-down are set in the JSON: warmupDays, cooldownDays).');
  });
});
