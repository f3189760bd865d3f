import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/sim/calendar';
import { nextPoissonArrival } from '../../src/sim/leadStream';
import { stream } from '../../src/sim/random';
import { loadScenario } from '../../src/scenario/load';
import { runScenario } from '../../src/scenario/runScenario';

describe('Synthetic lead arrivals', () => {
  it('count per hour of week matches the configured rates (Poisson, within 4.5 sd for each of 168 hours)', () => {
    const cal = new Calendar('2026-01-05');
    // A profile with zero hours, low hours and busy hours.
    const rates = Array.from({ length: 168 }, (_, h) => (h % 24 < 6 ? 0 : h % 24 < 9 ? 0.5 : 3 + (h % 7)));
    const weeks = 200;
    const counts = new Array<number>(168).fill(0);
    const rng = stream(11, 'arrivals-test');
    let t = 0;
    const end = weeks * 10080;
    for (;;) {
      t = nextPoissonArrival(t, rates, cal, rng);
      if (t >= end) break;
      counts[cal.hourOfWeek(t)]++;
    }
    let total = 0, expectedTotal = 0;
    for (let h = 0; h < 168; h++) {
      const mean = rates[h] * weeks;
      total += counts[h];
      expectedTotal += mean;
      if (mean === 0) expect(counts[h]).toBe(0);
      else expect(Math.abs(counts[h] - mean)).toBeLessThan(4.5 * Math.sqrt(mean));
    }
    expect(Math.abs(total - expectedTotal)).toBeLessThan(3 * Math.sqrt(expectedTotal));
  });

  it('a scenario receives leads per day as configured (Poisson total within 3 sd)', () => {
    const resolved = loadScenario({ days: 60, warmupDays: 0, cooldownDays: 0, leads: { perDay: 25 }, replications: 1 });
    const { summary } = runScenario(resolved, { seed: 3 });
    const expected = 25 * 60;
    expect(Math.abs(summary.metrics.leads.mean - expected)).toBeLessThan(3 * Math.sqrt(expected));
  });
});
